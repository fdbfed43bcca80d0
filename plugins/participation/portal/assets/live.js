// Live updates, an enhancement only: the page is complete without this file. Once the page has loaded it
// fetches the socket.io client, joins the rooms the page names and updates the figures in place; news
// that changes what the page says is announced in its polite status region, and focus never moves.
(function () {
  'use strict';
  var region = document.querySelector('[data-live-rooms]');
  if (!region) return;

  var messages = JSON.parse(region.getAttribute('data-live-messages') || '{}');
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  var announce = function (text) {
    // Cleared first so that the same news twice is announced twice.
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = text;
      var reload = document.querySelector('[data-live-reload]');
      if (reload) reload.hidden = false;
    }, 50);
  };

  var handlers = {
    'round.running-totals': function (payload) {
      var totals = payload.totals || {};
      document.querySelectorAll('[data-running-total]').forEach(function (cell) {
        var ballots = totals[cell.getAttribute('data-running-total')] || 0;
        cell.textContent = numbers.format(ballots);
      });
    },
    'proposal.status-changed': function (payload) {
      var labels = messages.statusLabels || {};
      var label = labels[payload.to] || payload.to;
      document.querySelectorAll('[data-proposal-status="' + payload.proposal.documentId + '"]').forEach(function (cell) {
        cell.textContent = label;
      });
      if (messages['proposal.status-changed']) announce(messages['proposal.status-changed'].replace('{status}', label));
    },
    'round.result-published': function () {
      if (messages['round.result-published']) announce(messages['round.result-published']);
    },
    'round.phase-changed': function () {
      if (messages['round.phase-changed']) announce(messages['round.phase-changed']);
    },
    'decision.published': function () {
      if (messages['decision.published']) announce(messages['decision.published']);
    },
  };

  var connect = function () {
    var client = document.createElement('script');
    client.src = region.getAttribute('data-live-client');
    client.onload = function () {
      var socket = window.io({ transports: ['websocket', 'polling'] });
      var rooms = region.getAttribute('data-live-rooms').split(' ');
      socket.on('connect', function () {
        rooms.forEach(function (room) {
          socket.emit('join', { room: room });
        });
      });
      Object.keys(handlers).forEach(function (type) {
        socket.on(type, function (event) {
          handlers[type](event.payload || {});
        });
      });
    };
    document.head.appendChild(client);
  };

  if (document.readyState === 'complete') connect();
  else window.addEventListener('load', connect);
})();
