// Live updates, an enhancement only: the page is complete without this file. Once the page has loaded it
// fetches the socket.io client, joins the rooms the page names, and in its polite status region announces
// news that changes what the page says (a phase change, published results, a new decision), with a link to
// read the page again. News the page can show in place is shown there: running totals beside each proposal
// of a ballot (announced in a summary now and then, not on every tick), a proposal's status and a thread's
// new posts on its last page. Focus never moves.
(function () {
  'use strict';
  var region = document.querySelector('[data-live-rooms]');
  if (!region) return;

  var attribute = function (name) {
    return JSON.parse(region.getAttribute(name) || 'null');
  };
  var messages = attribute('data-live-messages') || {};
  var totalsSummary = attribute('data-live-totals');
  var proposalStatus = attribute('data-live-status');
  var refreshedBy = attribute('data-live-refresh') || [];
  var numbers = new Intl.NumberFormat(document.documentElement.lang);
  // Running totals arrive up to once a second while people vote: their summary is said at most this often.
  var SUMMARY_EVERY_MS = 60 * 1000;

  var announce = function (text, offerReload) {
    // Cleared first so that the same news twice is announced twice.
    region.textContent = '';
    window.setTimeout(function () {
      region.textContent = text;
      var reload = document.querySelector('[data-live-reload]');
      if (reload && offerReload) reload.hidden = false;
    }, 50);
  };

  var summaryDue = 0;
  var summaryTimer = null;
  var announceSummary = function () {
    summaryTimer = null;
    summaryDue = Date.now() + SUMMARY_EVERY_MS;
    announce(totalsSummary, false);
  };

  var showTotals = function (event) {
    var totals = event.payload.totals;
    var figures = document.querySelectorAll('[data-running-total]');
    for (var i = 0; i < figures.length; i += 1) {
      // A proposal no ballot lists any more is left out of the totals: it has none.
      var text = numbers.format(totals[figures[i].getAttribute('data-running-total')] || 0);
      if (figures[i].textContent !== text) figures[i].textContent = text;
    }
    // The first update is said at once, later ones once the interval has passed, the last always.
    if (summaryTimer === null) summaryTimer = window.setTimeout(announceSummary, Math.max(0, summaryDue - Date.now()));
  };

  var showStatus = function (event) {
    var words = proposalStatus.statuses[event.payload.to];
    if (!words) return;
    var shown = document.querySelector('[data-live-proposal-status]');
    if (shown) shown.textContent = words;
    // The page's status history is older than this: the link reads it again.
    announce(proposalStatus.announce.replace('{status}', words), true);
  };

  // The page's refreshed part read again from the server and shown in place, as the server renders it: unless
  // the reader is inside it (a reaction button, say), when the link to read the page again is offered instead.
  var refresh = function (text) {
    var shown = document.querySelector('[data-live-refreshed]');
    if (!shown || shown.contains(document.activeElement)) return announce(text, true);
    window
      .fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-live-refreshed]');
        if (!fresh || fresh.innerHTML === shown.innerHTML || shown.contains(document.activeElement)) return announce(text, true);
        shown.innerHTML = fresh.innerHTML;
        announce(text, false);
      })
      .catch(function () {
        announce(text, true);
      });
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
          if (refreshedBy.indexOf(type) >= 0) refresh(messages[type]);
          else announce(messages[type], true);
        });
      });
      if (totalsSummary) socket.on('round.running-totals', showTotals);
      if (proposalStatus) socket.on('proposal.status-changed', showStatus);
    };
    document.head.appendChild(client);
  };

  if (document.readyState === 'complete') connect();
  else window.addEventListener('load', connect);
})();
