// Fills the per-outcome tables from the embedded JSON and filters them. Every value is set with textContent, never
// as markup, so nothing in a directory can inject into the page.
(function () {
  'use strict';
  var dataNode = document.getElementById('findings-data');
  if (!dataNode) {
    return;
  }
  var model = JSON.parse(dataNode.textContent);
  var columns = model.columns;
  var causeIndex = columns.indexOf('Cause');
  var search = document.getElementById('findings-search');
  var outcomeSelect = document.getElementById('findings-outcome');
  var causeSelect = document.getElementById('findings-cause');
  var shownAll = document.getElementById('findings-shown');
  var tables = [];

  function number(n) {
    return n.toLocaleString('en-US');
  }

  function filled(value) {
    return value !== null && value !== '';
  }

  function build(section) {
    var outcome = section.getAttribute('data-outcome');
    var rows = model.outcomes[outcome] || [];
    // Columns no row of this outcome uses are left out: an on-prem-only user has no cloud columns.
    var used = columns.map(function (column, i) {
      return rows.some(function (row) { return filled(row[i]); });
    });
    var head = document.createElement('tr');
    columns.forEach(function (column, i) {
      if (used[i]) {
        var th = document.createElement('th');
        th.textContent = column;
        th.scope = 'col';
        head.appendChild(th);
      }
    });
    section.querySelector('thead').appendChild(head);
    var fragment = document.createDocumentFragment();
    var entries = rows.map(function (row) {
      var tr = document.createElement('tr');
      row.forEach(function (value, i) {
        if (used[i]) {
          var td = document.createElement('td');
          td.textContent = filled(value) ? value : '';
          tr.appendChild(td);
        }
      });
      fragment.appendChild(tr);
      return { tr: tr, text: row.join('\u0001').toLowerCase(), cause: row[causeIndex] };
    });
    section.querySelector('tbody').appendChild(fragment);
    tables.push({
      outcome: outcome,
      section: section,
      entries: entries,
      shown: section.querySelector('p.shown')
    });
  }

  function apply() {
    var query = search.value.trim().toLowerCase();
    var outcome = outcomeSelect.value;
    var cause = causeSelect.value;
    var total = 0;
    var shown = 0;
    tables.forEach(function (table) {
      var inOutcome = !outcome || outcome === table.outcome;
      var visible = 0;
      table.entries.forEach(function (entry) {
        var on = inOutcome && (!cause || entry.cause === cause) && (!query || entry.text.indexOf(query) !== -1);
        entry.tr.hidden = !on;
        if (on) {
          visible++;
        }
      });
      table.section.hidden = !inOutcome || (visible === 0 && (query !== '' || cause !== ''));
      table.shown.textContent = number(visible) + ' of ' + number(table.entries.length) + ' rows shown';
      total += table.entries.length;
      shown += visible;
    });
    shownAll.textContent = number(shown) + ' of ' + number(total) + ' rows';
  }

  Array.prototype.forEach.call(document.querySelectorAll('section.outcome[data-outcome]'), build);

  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  outcomeSelect.addEventListener('change', apply);
  causeSelect.addEventListener('change', apply);

  // The outcome chart's bars act as filters.
  Array.prototype.forEach.call(document.querySelectorAll('[data-filter-outcome]'), function (bar) {
    function choose() {
      var outcome = bar.getAttribute('data-filter-outcome');
      if (!tables.some(function (table) { return table.outcome === outcome; })) {
        return;
      }
      outcomeSelect.value = outcome;
      apply();
      document.getElementById('findings').scrollIntoView();
    }
    bar.addEventListener('click', choose);
    bar.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        choose();
      }
    });
  });

  apply();
}());
