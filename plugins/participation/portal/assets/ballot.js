/*
 * The ballot form's running count (proposals chosen, cost so far and what is left, points left) and the
 * receipt's print button. The pages work without this file; it only adds to them. The count's words come
 * from the page (data-template, in its language), with {placeholders} filled in here.
 */
(function () {
  'use strict';

  var form = document.querySelector('form.ballot-form');
  if (form) {
    var kind = form.getAttribute('data-ballot-kind');
    var lang = form.getAttribute('data-lang') || document.documentElement.lang;
    var numbers = new Intl.NumberFormat(lang);
    var currency = form.getAttribute('data-currency') || 'EUR';
    var moneyFormats = {};
    // As the pages show amounts (i18n/translator.ts): whole ones without decimals, others with their
    // hundredths, which Intl's own digits for some currencies (ALL) would round away.
    var money = function (minor) {
      var digits = minor % 100 === 0 ? 0 : 2;
      if (!moneyFormats[digits]) {
        moneyFormats[digits] = new Intl.NumberFormat(lang, { style: 'currency', currency: currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
      }
      return moneyFormats[digits].format(minor / 100);
    };
    var maxCostMinor = form.getAttribute('data-max-cost-minor');
    var totalPoints = form.getAttribute('data-total-points');

    var wholeNumber = function (text) {
      var trimmed = String(text).trim();
      return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : 0;
    };

    var tally = function () {
      var count = 0;
      var costMinor = 0;
      var points = 0;
      var controls = form.querySelectorAll('[data-cost-minor]');
      for (var i = 0; i < controls.length; i += 1) {
        var control = controls[i];
        var chosen;
        if (control.type === 'checkbox' || control.type === 'radio') chosen = control.checked;
        else if (kind === 'cumulative') {
          points += wholeNumber(control.value);
          chosen = wholeNumber(control.value) > 0;
        } else chosen = control.value.trim() !== '';
        if (chosen) {
          count += 1;
          costMinor += Number(control.getAttribute('data-cost-minor'));
        }
      }
      return {
        count: numbers.format(count),
        spent: money(costMinor),
        left: kind === 'cumulative' ? numbers.format(Number(totalPoints) - points) : money(Number(maxCostMinor) - costMinor),
        given: numbers.format(points),
      };
    };

    var update = function () {
      var values = tally();
      var parts = form.querySelectorAll('[data-tally]');
      for (var i = 0; i < parts.length; i += 1) {
        var text = parts[i].getAttribute('data-template').replace(/\{(\w+)\}/g, function (match, name) {
          return name in values ? values[name] : match;
        });
        if (parts[i].textContent !== text + ' ') parts[i].textContent = text + ' ';
      }
    };

    form.addEventListener('change', update);
    form.addEventListener('input', update);
  }

  var printButton = document.querySelector('[data-print]');
  if (printButton && typeof window.print === 'function') {
    printButton.hidden = false;
    printButton.addEventListener('click', function () {
      window.print();
    });
  }
})();
