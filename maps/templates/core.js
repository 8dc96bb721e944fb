/* geoevents map page, core: the events, the filter state, the title panel, the shareable
 * view in the URL hash and window.geoevents. The controls (markers.js, filters.js, ...)
 * hook into the context returned by geoeventsMap(); ctx.start() runs once all are added. */
(function () {
  'use strict';

  var K = window.geoeventsKit;
  var el = K.el, dayNum = K.dayNum, isoDay = K.isoDay;

  function byId(items) {
    var out = K.dict();
    items.forEach(function (x) { out[x.id] = x; });
    return out;
  }

  // Per event: its dates as day numbers, claimant sides, killed range and region index.
  function prepareEvents(data) {
    var features = data.events.features, E = new Array(features.length);
    var minDay = null, maxDay = null;
    for (var i = 0; i < features.length; i++) {
      var f = features[i], p = f.properties, c = f.geometry.coordinates;
      var lo = dayNum(p.date_start || p.date), hi = dayNum(p.date_end || p.date);
      if (hi === null) { hi = lo; }
      if (lo !== null && hi < lo) { var tmp = lo; lo = hi; hi = tmp; }
      if (lo !== null) {
        if (minDay === null || lo < minDay) { minDay = lo; }
        if (maxDay === null || hi > maxDay) { maxDay = hi; }
      }
      var claims = K.list(p.claims);
      var sideSet = K.dict();
      claims.forEach(function (cl) { sideSet[cl.side || 'unknown'] = true; });
      var sideList = Object.keys(sideSet).sort();
      if (!sideList.length) { sideList = ['unknown']; }
      E[i] = { f: f, p: p, id: p.id || f.id, lat: c[1], lon: c[0], type: p.event_type,
               sides: sideList, lo: lo, hi: hi, killed: K.figureRange(claims, 'killed'),
               marker: null, shown: false, region: data.region[i] };
    }
    if (minDay === null) { minDay = maxDay = Math.floor(Date.now() / K.DAY_MS); }
    return { E: E, minDay: minDay, maxDay: maxDay };
  }

  function makeContext(map, cfg, data) {
    var api = { ready: false, timings: { start: performance.now() } };
    var prep = prepareEvents(data);
    var ctx = {
      map: map, cfg: cfg, data: data, api: api, E: prep.E, N: prep.E.length,
      minDay: prep.minDay, maxDay: prep.maxDay,
      types: byId(cfg.types), sides: byId(cfg.sides), precision: byId(cfg.precision),
      typeOn: K.dict(), sideOn: K.dict(),
      state: { end: prep.maxDay, windowDays: 0, undated: true },  // windowDays 0 = all up to end
      counters: { visible: 0, byType: K.dict(), bySide: K.dict(), windowByType: K.dict(),
                  windowBySide: K.dict() },
      busy: 0,
      listeners: [],      // fn() after every refresh
      shownHooks: [],     // fn(visibleMarkers) after every refresh, before the listeners
      lateControls: [],   // fn() adding a control that goes after every other (minimap)
      restored: [],       // fn() once the URL hash is applied: widgets show the restored state
      openPopup: function () {},
      draw: function (visible, toAdd, toRemove, done) { done(); }
    };
    cfg.types.forEach(function (t) { ctx.typeOn[t.id] = true; });
    cfg.sides.forEach(function (s) { ctx.sideOn[s.id] = true; });
    ctx.precisionOf = function (p) {
      return ctx.precision[String(p.location_precision || 1)] || cfg.precision[0];
    };
    ctx.indexOf = function (id) {
      for (var i = 0; i < ctx.N; i++) { if (ctx.E[i].id === id) { return i; } }
      return -1;
    };
    return ctx;
  }

  function addFiltering(ctx) {
    var cfg = ctx.cfg;
    ctx.windowRange = function () {
      var s = ctx.state;
      return [s.windowDays > 0 ? s.end - s.windowDays + 1 : ctx.minDay, s.end];
    };
    ctx.windowText = function () {
      var w = ctx.windowRange();
      return isoDay(Math.max(w[0], ctx.minDay)) + ' \u2013 ' + isoDay(w[1]);
    };
    function inWindow(e) {
      if (e.lo === null) { return ctx.state.undated; }
      var w = ctx.windowRange();
      return e.hi >= w[0] && e.lo <= w[1];
    }
    function isVisible(e) {
      if (!ctx.typeOn[e.type]) { return false; }
      var sideOk = e.sides.some(function (s) { return ctx.sideOn[s]; });
      return sideOk && inWindow(e);
    }
    function count(table, key) { table[key] = (table[key] || 0) + 1; }
    // Show what the filters let through; `done` runs once the markers are drawn.
    ctx.refresh = function (done) {
      var toAdd = [], toRemove = [], visible = [];
      var c = { byType: K.dict(), bySide: K.dict(), windowByType: K.dict(), windowBySide: K.dict() };
      cfg.types.forEach(function (t) { c.byType[t.id] = 0; c.windowByType[t.id] = 0; });
      cfg.sides.forEach(function (s) { c.bySide[s.id] = 0; c.windowBySide[s.id] = 0; });
      ctx.E.forEach(function (e) {
        if (inWindow(e)) {
          count(c.windowByType, e.type);
          e.sides.forEach(function (s) { count(c.windowBySide, s); });
        }
        var v = isVisible(e);
        if (v) {
          visible.push(e.marker);
          count(c.byType, e.type);
          e.sides.forEach(function (s) { count(c.bySide, s); });
          if (!e.shown) { toAdd.push(e.marker); }
        } else if (e.shown) { toRemove.push(e.marker); }
        e.shown = v;
      });
      c.visible = visible.length;
      ctx.counters = c;
      ctx.busy += 1;
      ctx.draw(visible, toAdd, toRemove, function () {
        ctx.busy -= 1;
        ctx.shownHooks.forEach(function (fn) { fn(visible); });
        ctx.listeners.forEach(function (fn) { fn(); });
        if (done) { done(); }
      });
    };
  }

  // Title, event count and the links row (fit to events; downloads.js adds its links).
  function addTitle(ctx) {
    var data = ctx.data;
    ctx.countNode = el('div', { cls: 'ge-count-line', id: 'ge-count' });
    ctx.linksNode = el('div', { cls: 'ge-links' });
    var fit = el('a', { href: '#', id: 'ge-fit', text: 'fit to events' });
    fit.addEventListener('click', function (ev) { ev.preventDefault(); ctx.fitEvents(); });
    ctx.linksNode.appendChild(fit);
    K.panel(ctx.map, 'topleft', function () {
      var dr = data.dateRange ? data.dateRange[0] + ' \u2013 ' + data.dateRange[1] : 'no dates';
      var box = el('div', { cls: 'ge-panel ge-title' }, [
        el('div', { cls: 'ge-title-text', text: ctx.cfg.title }),
        el('div', { cls: 'ge-subtitle', text: ctx.N + ' events \u00b7 ' + dr }),
        ctx.countNode, ctx.linksNode
      ]);
      return K.ownEvents(box, false);
    });
    ctx.fitEvents = function () {
      if (data.bounds) {
        ctx.map.fitBounds(L.latLngBounds(data.bounds).pad(0.15), { maxZoom: 10 });
      } else {
        ctx.map.setView([48.5, 31.5], 5);
      }
    };
    ctx.listeners.push(function () {
      ctx.countNode.textContent = ctx.counters.visible + ' of ' + ctx.N + ' events shown (' +
        ctx.windowText() + ')';
      ctx.countNode.setAttribute('data-visible', String(ctx.counters.visible));
    });
  }

  // The view and the filters in the URL hash: map=Z/LAT/LON&end=DAY&win=N&undated=0&off=...
  function addHash(ctx) {
    var map = ctx.map, cfg = ctx.cfg, state = ctx.state;
    ctx.writeHash = function () {
      if (!ctx.api.ready) { return; }
      var c = map.getCenter();
      var off = [];
      cfg.types.forEach(function (t) { if (!ctx.typeOn[t.id]) { off.push('type:' + t.id); } });
      cfg.sides.forEach(function (s) { if (!ctx.sideOn[s.id]) { off.push('side:' + s.id); } });
      var parts = ['map=' + map.getZoom() + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4)];
      if (state.end !== ctx.maxDay) { parts.push('end=' + isoDay(state.end)); }
      if (state.windowDays) { parts.push('win=' + state.windowDays); }
      if (!state.undated) { parts.push('undated=0'); }
      if (off.length) { parts.push('off=' + off.join(',')); }
      try { history.replaceState(null, '', '#' + parts.join('&')); } catch (err) { /* file: URLs in some browsers */ }
    };
    var readers = K.dict();
    Object.assign(readers, {
      map: function (v) {
        var z = v.split('/').map(Number);
        if (z.length !== 3 || !z.every(function (x) { return isFinite(x); })) { return false; }
        map.setView([z[1], z[2]], z[0]);
        return true;
      },
      end: function (v) {
        var d = dayNum(v);
        if (d !== null) { state.end = Math.max(ctx.minDay, Math.min(ctx.maxDay, d)); }
      },
      win: function (v) { var w = parseInt(v, 10); if (w >= 0) { state.windowDays = w; } },
      undated: function (v) { state.undated = v !== '0'; },
      off: function (v) {
        v.split(',').forEach(function (x) {
          var kind = x.split(':')[0], id = x.slice(kind.length + 1);
          if (kind === 'type' && id in ctx.typeOn) { ctx.typeOn[id] = false; }
          if (kind === 'side' && id in ctx.sideOn) { ctx.sideOn[id] = false; }
        });
      }
    });
    // Apply the hash; true when it set the view.
    ctx.readHash = function () {
      var h = (location.hash || '').replace(/^#/, '');
      var view = false;
      if (!h) { return false; }
      h.split('&').forEach(function (kv) {
        var i = kv.indexOf('='), k = kv.slice(0, i), v;
        try { v = decodeURIComponent(kv.slice(i + 1)); } catch (err) { return; }  // malformed: ignored
        if (readers[k] && readers[k](v) === true) { view = true; }
      });
      return view;
    };
  }

  function addApi(ctx) {
    var api = ctx.api;
    api.total = ctx.N;
    api.state = function () {
      var w = ctx.windowRange(), c = ctx.counters;
      return { total: ctx.N, visible: c.visible, byType: c.byType, bySide: c.bySide,
               window: [isoDay(Math.max(w[0], ctx.minDay)), isoDay(w[1])], busy: ctx.busy };
    };
    // Zoom to an event (out of its cluster when shown) and open its popup.
    ctx.select = function (i) {
      var e = ctx.E[i];
      if (e.shown && ctx.cluster) {
        ctx.cluster.zoomToShowLayer(e.marker, function () { ctx.openPopup(i); });
      } else {
        ctx.map.setView(e.marker.getLatLng(), Math.max(ctx.map.getZoom(), 11));
        ctx.openPopup(i);
      }
    };
    api.openEventById = function (id) {
      var i = ctx.indexOf(id);
      if (i < 0) { return false; }
      ctx.select(i);
      return true;
    };
  }

  // Once every control is on the page: restore the view, draw, then signal readiness:
  // window.geoevents.ready, <body data-geoevents-ready> and the `geoevents:ready` event.
  function start(ctx) {
    var map = ctx.map, api = ctx.api;
    if (L.control.fullscreen) { L.control.fullscreen({ position: 'topleft' }).addTo(map); }
    ctx.lateControls.forEach(function (fn) { fn(); });
    if (!ctx.readHash()) { ctx.fitEvents(); }
    ctx.restored.forEach(function (fn) { fn(); });
    map.on('moveend', ctx.writeHash);
    ctx.refresh(function () {
      api.timings.clustered = performance.now();
      requestAnimationFrame(function () {
        api.ready = true;
        api.timings.ready = performance.now();
        document.body.setAttribute('data-geoevents-ready', '1');
        ctx.writeHash();
        window.dispatchEvent(new CustomEvent('geoevents:ready', { detail: { total: ctx.N } }));
      });
    });
  }

  function geoeventsMap(map, cfg, data) {
    if (map.options.maxZoom === undefined) { map.setMaxZoom(18); }
    if (map.options.minZoom === undefined) { map.setMinZoom(2); }
    var ctx = makeContext(map, cfg, data);
    window.geoevents = ctx.api;
    addFiltering(ctx);
    addTitle(ctx);
    addHash(ctx);
    addApi(ctx);
    ctx.start = function () { start(ctx); };
    return ctx;
  }

  window.geoeventsMap = geoeventsMap;
})();
