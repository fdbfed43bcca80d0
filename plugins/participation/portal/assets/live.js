// Live updates, an enhancement only: the page is complete without this file. Once the page has loaded it
// fetches the socket.io client, joins the rooms the page names, and announces news that changes what the
// page says (a phase change, published results, a new decision) in its polite status region, with a link to
// read the page again; focus never moves.
(function () {
  'use strict';
  var region = document.querySelector('[data-live-rooms]');
  if (!region) return;

  var messages = JSON.parse(region.getAttribute('data-live-messages') || '{}');

  var announce = function (text) {
    // Cleared first so that the same news twice is announced twice.
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = text;
      var reload = document.querySelector('[data-live-reload]');
      if (reload) reload.hidden = false;
    }, 50);
  };

  var connect = function () {
    var client = document.createElement('script');
    client.src = region.getAttribute('data-live-client');
    client.onload = function () {
      // A signed-in person's own room needs their short-lived token (the notifications page gives one).
      var token = region.getAttribute('data-live-token');
      var socket = window.io({ transports: ['websocket', 'polling'], auth: token ? { token: token } : {} });
      var rooms = region.getAttribute('data-live-rooms').split(' ');
      socket.on('connect', function () {
        rooms.forEach(function (room) {
          socket.emit('join', { room: room });
        });
      });
      // Each event the page has words for is news worth announcing.
      Object.keys(messages).forEach(function (type) {
        socket.on(type, function () {
          announce(messages[type]);
        });
      });
    };
    document.head.appendChild(client);
  };

  if (document.readyState === 'complete') connect();
  else window.addEventListener('load', connect);
})();
