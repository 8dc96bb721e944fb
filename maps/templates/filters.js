/* geoevents map page, filters: one checkbox per event type and per claimant side, each
 * with the count of events in the time window. An event shows when its type is on and
 * at least one side that made a claim about it is on. */
(function () {
  'use strict';

  var K = window.geoeventsKit;
  var el = K.el;

  K.controls.filters = function (ctx) {
    var counts = { type: K.dict(), side: K.dict() }, boxes = [];
    var on = { type: ctx.typeOn, side: ctx.sideOn };
    function group(box, title, list, kind) {
      box.appendChild(el('div', { cls: 'ge-section', text: title }));
      list.forEach(function (item) {
        var cb = el('input', { type: 'checkbox', 'data-layer': kind + ':' + item.id });
        cb.checked = true;
        cb.addEventListener('change', function () { on[kind][item.id] = cb.checked; ctx.refresh(); ctx.writeHash(); });
        boxes.push({ cb: cb, kind: kind, id: item.id });
        var n = el('span', { cls: 'ge-count' });
        counts[kind][item.id] = n;
        var sw = kind === 'type' ? K.shapeSwatch(item.shape, item.colour) : K.shapeSwatch('circle', '#fff', item.colour);
        box.appendChild(el('label', { cls: 'ge-check' }, [cb, sw, ' ' + item.label + ' ', n]));
      });
    }
    K.panel(ctx.map, 'topright', function () {
      var box = K.ownEvents(el('div', { cls: 'ge-panel ge-filters' }), true);
      group(box, 'Event type', ctx.cfg.types, 'type');
      group(box, 'Claimant side', ctx.cfg.sides, 'side');
      return box;
    });
    ctx.restored.push(function () {
      boxes.forEach(function (b) { b.cb.checked = on[b.kind][b.id]; });
    });
    ctx.listeners.push(function () {
      var c = ctx.counters;
      Object.keys(counts.type).forEach(function (id) {
        counts.type[id].textContent = '(' + (c.windowByType[id] || 0) + ')';
      });
      Object.keys(counts.side).forEach(function (id) {
        counts.side[id].textContent = '(' + (c.windowBySide[id] || 0) + ')';
      });
    });
  };
})();
