/* geoevents map page, search: events whose id starts with, or whose place name contains,
 * the query (at most 10); a click or Enter zooms to the event and opens its popup. */
(function () {
  'use strict';

  var K = window.geoeventsKit;
  var el = K.el;

  function matches(ctx, q) {
    var found = [];
    for (var i = 0; i < ctx.N && found.length < 10; i++) {
      var e = ctx.E[i], id = String(e.id).toLowerCase();
      var name = String(e.p.place_name || '').toLowerCase();
      if (id === q || id.indexOf(q) === 0 || name.indexOf(q) >= 0) { found.push(i); }
    }
    return found;
  }

  K.controls.search = function (ctx) {
    K.panel(ctx.map, 'topleft', function () {
      var box = K.ownEvents(el('div', { cls: 'ge-panel ge-search' }), true);
      var input = el('input', { type: 'search', id: 'ge-search', placeholder: 'Search place or event id', autocomplete: 'off' });
      var results = el('ul', { cls: 'ge-results', id: 'ge-results' });
      var found = [];
      function run() {
        var q = input.value.trim().toLowerCase();
        results.textContent = ''; found = [];
        if (q.length < 2) { return; }
        found = matches(ctx, q);
        found.forEach(function (i) {
          var p = ctx.E[i].p, t = ctx.types[p.event_type] || { label: p.event_type };
          var li = el('li', { cls: 'ge-result', text: (p.place_name || 'unnamed') + ' \u2014 ' + K.dateLabel(p) + ' \u2014 ' + t.label });
          li.addEventListener('click', function () { ctx.select(i); });
          results.appendChild(li);
        });
      }
      input.addEventListener('input', run);
      input.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' && found.length) { ctx.select(found[0]); } });
      box.appendChild(input); box.appendChild(results);
      return box;
    });
  };
})();
