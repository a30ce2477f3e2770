// Filters the staging findings table by kind and by text. Rows are written on the server; this only hides and shows
// them, so the table is readable without script and nothing in a directory value can become markup.
(function () {
  'use strict';
  var table = document.getElementById('staging-findings-table');
  if (!table) {
    return;
  }
  var search = document.getElementById('staging-search');
  var kindSelect = document.getElementById('staging-kind');
  var shown = document.getElementById('staging-shown');
  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
    var cells = Array.prototype.map.call(tr.cells, function (td) { return td.textContent; });
    return { tr: tr, kind: tr.getAttribute('data-kind'), text: cells.join('\u0001').toLowerCase() };
  });

  function number(n) {
    return n.toLocaleString('en-US');
  }

  function apply() {
    var query = search.value.trim().toLowerCase();
    var kind = kindSelect.value;
    var visible = 0;
    rows.forEach(function (row) {
      var on = (!kind || row.kind === kind) && (!query || row.text.indexOf(query) !== -1);
      row.tr.hidden = !on;
      if (on) {
        visible++;
      }
    });
    shown.textContent = number(visible) + ' of ' + number(rows.length) + ' findings shown';
  }

  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  kindSelect.addEventListener('change', apply);
  apply();
}());
