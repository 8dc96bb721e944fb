/* geoevents map page, aggregated layer of a huge event set: counts per H3 hexagon by event
 * type and month (embedded as #geoevents-aggregate by maps.aggregate), a month filter, the
 * event type checkboxes of filters.js, popups with the counts by type, and the notice that
 * says the markers are only the newest events. Text reaches the DOM through textContent. */
(function () {
  'use strict';

  var K = window.geoeventsKit;
  var el = K.el;
  var RAMP = ['#fff3b0', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];

  function rampColour(n, max) {
    if (max <= 1) { return RAMP[RAMP.length - 1]; }
    var i = Math.floor((RAMP.length - 1) * Math.log(n) / Math.log(max));
    return RAMP[Math.max(0, Math.min(RAMP.length - 1, i))];
  }

  // Ray casting in (lat, lon): hexagons are small and never cross the antimeridian here.
  function inside(pt, ring) {
    var hit = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var a = ring[i], b = ring[j];
      if ((a[1] > pt[1]) !== (b[1] > pt[1]) &&
          pt[0] < (b[0] - a[0]) * (pt[1] - a[1]) / (b[1] - a[1]) + a[0]) { hit = !hit; }
    }
    return hit;
  }

  function monthLabel(agg, m) {
    if (m < 0) { return 'all months'; }
    return agg.months[m] === 'unknown' ? 'undated' : agg.months[m];
  }

  K.controls.aggregate = function (ctx) {
    var map = ctx.map;
    var agg = JSON.parse(document.getElementById('geoevents-aggregate').textContent);
    var state = { month: -1, shown: 0, cells: 0 };
    var typeOn = function (t) { var v = ctx.typeOn[agg.types[t]]; return v === undefined || v; };
    var typeLabel = function (t) { var c = ctx.types[agg.types[t]]; return c ? c.label : agg.types[t]; };
    map.createPane('ge-hexagons').style.zIndex = 405;
    var renderer = L.svg({ pane: 'ge-hexagons', padding: 0.3 });
    var layer = L.layerGroup();
    var cells = agg.cells.map(function (c) {
      var poly = L.polygon(c.b, { renderer: renderer, pane: 'ge-hexagons', interactive: false,
        weight: 0.6, color: '#7a1f00', fillOpacity: 0.55 });
      layer.addLayer(poly);
      return { c: c, poly: poly, n: 0, box: L.latLngBounds(c.b) };
    });

    function countOf(cell) {
      var n = 0;
      cell.c.n.forEach(function (x) {
        if ((state.month < 0 || x[0] === state.month) && typeOn(x[1])) { n += x[2]; }
      });
      return n;
    }
    function restyle() {
      var max = 0, shown = 0, nonEmpty = 0;
      cells.forEach(function (cell) { cell.n = countOf(cell); max = Math.max(max, cell.n); });
      cells.forEach(function (cell) {
        var on = cell.n > 0;
        shown += cell.n; nonEmpty += on ? 1 : 0;
        cell.poly.setStyle(on ? { opacity: 0.8, fillOpacity: 0.55, fillColor: rampColour(cell.n, max) }
          : { opacity: 0, fillOpacity: 0 });
        var path = cell.poly.getElement && cell.poly.getElement();
        if (path) { path.setAttribute('data-cell', cell.c.id); path.setAttribute('data-count', String(cell.n)); }
      });
      state.shown = shown; state.cells = nonEmpty;
      countNode.textContent = shown.toLocaleString('en-US') + ' events in ' + nonEmpty.toLocaleString('en-US') +
        ' hexagons (' + monthLabel(agg, state.month) + ')';
      countNode.setAttribute('data-shown', String(shown));
    }

    function popupContent(cell) {
      var byType = [];
      agg.types.forEach(function (_, t) { byType.push(0); });
      cell.c.n.forEach(function (x) {
        if ((state.month < 0 || x[0] === state.month) && typeOn(x[1])) { byType[x[1]] += x[2]; }
      });
      var rows = [];
      byType.forEach(function (n, t) {
        if (n) {
          rows.push(el('div', { cls: 'ge-hex-row', 'data-type': agg.types[t] },
            [el('span', { text: typeLabel(t) }), el('b', { text: n.toLocaleString('en-US') })]));
        }
      });
      return el('div', { cls: 'ge-hex-popup', 'data-cell': cell.c.id }, [
        el('div', { cls: 'ge-section', text: cell.n.toLocaleString('en-US') + ' events in this hexagon' }),
        el('div', { cls: 'ge-legend-note', text: 'Month: ' + monthLabel(agg, state.month) })
      ].concat(rows));
    }
    var open = null;  // { cell, popup } of the open hexagon popup: its counts follow the filters
    function openCell(cell, latlng) {
      var popup = L.popup({ maxWidth: 320 }).setLatLng(latlng || cell.box.getCenter())
        .setContent(popupContent(cell)).openOn(map);
      open = { cell: cell, popup: popup };
    }
    function refreshPopup() {
      if (open && map.hasLayer(open.popup)) { open.popup.setContent(popupContent(open.cell)); }
    }
    // A click on an event marker reaches the map too (Leaflet's canvas events bubble): the
    // event's popup wins over the hexagon's.
    var markerClick = null;
    if (ctx.cluster) { ctx.cluster.on('click', function (ev) { markerClick = ev.originalEvent; }); }
    map.on('click', function (ev) {
      if (!map.hasLayer(layer) || ev.originalEvent === markerClick) { return; }
      var pt = [ev.latlng.lat, ev.latlng.lng];
      for (var i = 0; i < cells.length; i++) {
        var cell = cells[i];
        if (cell.n > 0 && cell.box.contains(ev.latlng) && inside(pt, cell.c.b)) { openCell(cell, ev.latlng); return; }
      }
    });

    var select = el('select', { id: 'ge-agg-month' });
    select.appendChild(el('option', { value: '-1', text: 'all months' }));
    agg.months.forEach(function (m, i) { select.appendChild(el('option', { value: String(i), text: monthLabel(agg, i) })); });
    var countNode = el('div', { cls: 'ge-legend-note', id: 'ge-agg-count' });
    var ramp = el('div', { cls: 'ge-legend-note' }, RAMP.map(function (c) {
      var sw = el('span', { cls: 'ge-agg-ramp' }); sw.style.background = c; return sw;
    }).concat([' fewer \u2192 more events']));
    K.panel(map, 'topleft', function () {
      return K.ownEvents(el('div', { cls: 'ge-panel ge-aggregate', id: 'ge-aggregate' }, [
        el('div', { cls: 'ge-agg-notice', id: 'ge-aggregate-notice', text: agg.notice }),
        el('div', { cls: 'ge-legend-note', text: agg.detail }),
        el('label', { cls: 'ge-agg-month' }, ['Month: ', select]),
        countNode, ramp
      ]), false);
    });
    function setMonth(m) {
      state.month = (m >= 0 && m < agg.months.length) ? m : -1;
      select.value = String(state.month);
      restyle();
      refreshPopup();
    }
    select.addEventListener('change', function () { setMonth(parseInt(select.value, 10)); });

    layer.addTo(map);
    ctx.layersControl.addOverlay(layer, 'Events per hexagon');
    var bounds = null;
    cells.forEach(function (cell) { bounds = bounds ? bounds.extend(cell.box) : L.latLngBounds(cell.box.getSouthWest(), cell.box.getNorthEast()); });
    if (bounds) {
      ctx.fitEvents = function () { map.fitBounds(bounds.pad(0.05), { maxZoom: 10 }); };
    }
    ctx.listeners.push(function () { restyle(); refreshPopup(); });
    restyle();
    ctx.api.aggregate = {
      total: agg.total, months: agg.months.slice(), resolution: agg.resolution,
      setMonth: function (name) { setMonth(name === null ? -1 : agg.months.indexOf(name)); },
      state: function () {
        return { month: state.month < 0 ? null : agg.months[state.month], shown: state.shown, cells: state.cells };
      },
      openCell: function (id) {
        for (var i = 0; i < cells.length; i++) {
          if (cells[i].c.id === id) { map.setView(cells[i].box.getCenter(), map.getZoom()); openCell(cells[i]); return true; }
        }
        return false;
      }
    };
  };
})();
