/**
 * The HTML report's inline script: the side panel for a clicked box or arrow, and sortable tables.
 * It reads its data from `<script type="application/json" id="sc-data">` and writes only with
 * textContent, so no model string is ever parsed as HTML.
 */

/** JavaScript inlined into the report (plain ES2017, no modules, no network). */
export const REPORT_JS = `
(function () {
  'use strict';
  var source = document.getElementById('sc-data');
  var data = JSON.parse(source ? source.textContent : '{"items":[]}');
  var items = new Map();
  data.items.forEach(function (item) { items.set(item.key, item); });
  var panel = document.getElementById('sc-panel');

  function clear(element) { while (element.firstChild) element.removeChild(element.firstChild); }
  function add(parent, tag, text, className) {
    var element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    parent.appendChild(element);
    return element;
  }

  function show(key, target) {
    var item = items.get(key);
    if (!item || !panel) return;
    document.querySelectorAll('.sc-selected').forEach(function (el) { el.classList.remove('sc-selected'); });
    if (target) target.classList.add('sc-selected');
    clear(panel);
    add(panel, 'div', item.kind, 'kind');
    add(panel, 'h3', item.name);
    if (item.badge) add(panel, 'span', item.badge.text, 'badge ' + item.badge.type);
    var list = add(panel, 'dl', '');
    item.figures.forEach(function (pair) {
      var figure = add(list, 'div', '');
      add(figure, 'dt', pair[0]);
      add(figure, 'dd', pair[1]);
    });
    if (item.note) add(panel, 'p', item.note, 'note');
  }

  document.querySelectorAll('.sc-node, .sc-edge').forEach(function (element) {
    var key = element.getAttribute('data-key');
    element.addEventListener('click', function () { show(key, element); });
    element.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); show(key, element); }
    });
  });

  document.querySelectorAll('button.more').forEach(function (button) {
    var table = document.getElementById(button.getAttribute('data-table') || '');
    if (!table) return;
    button.addEventListener('click', function () {
      var collapsed = table.classList.toggle('collapsed');
      button.textContent = collapsed ? button.getAttribute('data-more') : 'Show fewer';
    });
  });

  function sortValue(row, column) {
    var text = row.getAttribute('data-' + column);
    return text === null || text === '' ? null : Number(text);
  }

  document.querySelectorAll('table.sortable').forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll('th[data-sort]').forEach(function (header) {
      var button = header.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var column = header.getAttribute('data-sort');
        var descending = header.getAttribute('aria-sort') !== 'descending';
        table.querySelectorAll('th[data-sort]').forEach(function (th) { th.removeAttribute('aria-sort'); });
        header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortValue(a, column), y = sortValue(b, column);
          if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
          return (descending ? y - x : x - y) || Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
`;
