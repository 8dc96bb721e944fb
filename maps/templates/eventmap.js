/* geoevents map page: builds markers, popups, filters and controls in the browser.
 * Every string from the data is untrusted (article text): it only ever reaches the DOM
 * through textContent / createTextNode / attribute setters, never through innerHTML. */
(function () {
  'use strict';

  var DAY_MS = 86400000;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { node.textContent = attrs[k]; }
        else if (k === 'cls') { node.className = attrs[k]; }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function dayNum(s) {
    if (!s || typeof s !== 'string') { return null; }
    var t = Date.parse(s.slice(0, 10) + 'T00:00:00Z');
    return isNaN(t) ? null : Math.floor(t / DAY_MS);
  }

  function isoDay(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }

  function formatFigure(f) {
    if (!f) { return ''; }
    var lo = (f.low === undefined) ? null : f.low;
    var hi = (f.high === undefined) ? null : f.high;
    var num;
    if (lo !== null && hi !== null) { num = (lo === hi) ? String(lo) : lo + '\u2013' + hi; }
    else if (lo !== null) { num = lo + '+'; }
    else if (hi !== null) { num = '\u2264' + hi; }
    else { num = f.text || '?'; }
    if (f.qualifier) {
      if (['dozens', 'hundreds', 'scores', 'several', 'many'].indexOf(f.qualifier) >= 0) {
        return f.qualifier + ' (' + num + ')';
      }
      return f.qualifier + ' ' + num;
    }
    return num;
  }

  function figureRange(claims, key) {
    var lows = [], highs = [];
    claims.forEach(function (c) {
      if (c.stance === 'denies' || !c[key]) { return; }
      var f = c[key];
      var lo = (f.low !== undefined && f.low !== null) ? f.low : f.high;
      var hi = (f.high !== undefined && f.high !== null) ? f.high : f.low;
      if (lo !== undefined && lo !== null) { lows.push(lo); }
      if (hi !== undefined && hi !== null) { highs.push(hi); }
    });
    return {
      low: lows.length ? Math.min.apply(null, lows) : null,
      high: highs.length ? Math.max.apply(null, highs) : null
    };
  }

  function safeUrl(u) {
    return (typeof u === 'string' && /^https?:\/\//i.test(u)) ? u : null;
  }

  // A canvas renderer that draws circle markers as the shape named in their options.
  var ShapeCanvas = L.Canvas.extend({
    _updateCircle: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      var p = layer._point, ctx = this._ctx, r = Math.max(Math.round(layer._radius), 1);
      var shape = layer.options.shape || 'circle';
      ctx.beginPath();
      if (shape === 'square') {
        var s = r * 0.9;
        ctx.rect(p.x - s, p.y - s, 2 * s, 2 * s);
      } else if (shape === 'triangle') {
        ctx.moveTo(p.x, p.y - r * 1.15);
        ctx.lineTo(p.x + r * 1.05, p.y + r * 0.8);
        ctx.lineTo(p.x - r * 1.05, p.y + r * 0.8);
        ctx.closePath();
      } else if (shape === 'diamond') {
        ctx.moveTo(p.x, p.y - r * 1.2);
        ctx.lineTo(p.x + r, p.y);
        ctx.lineTo(p.x, p.y + r * 1.2);
        ctx.lineTo(p.x - r, p.y);
        ctx.closePath();
      } else {
        ctx.arc(p.x, p.y, r, 0, Math.PI * 2, false);
      }
      this._fillStroke(ctx, layer);
    }
  });

  function shapeSwatch(shape, colour, stroke, dash) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '16'); svg.setAttribute('height', '16');
    svg.setAttribute('viewBox', '-8 -8 16 16');
    var node;
    if (shape === 'square') {
      node = document.createElementNS(ns, 'rect');
      node.setAttribute('x', '-5'); node.setAttribute('y', '-5');
      node.setAttribute('width', '10'); node.setAttribute('height', '10');
    } else if (shape === 'triangle' || shape === 'diamond') {
      node = document.createElementNS(ns, 'polygon');
      node.setAttribute('points', shape === 'triangle' ? '0,-6 6,4.5 -6,4.5' : '0,-7 5.5,0 0,7 -5.5,0');
    } else {
      node = document.createElementNS(ns, 'circle');
      node.setAttribute('r', '5.5');
    }
    node.setAttribute('fill', colour || 'none');
    node.setAttribute('stroke', stroke || '#222');
    node.setAttribute('stroke-width', '1.5');
    if (dash) { node.setAttribute('stroke-dasharray', dash); }
    svg.appendChild(node);
    return svg;
  }

  function geoeventsMap(map, cfg, data) {
    var api = { ready: false, timings: { start: performance.now() } };
    if (map.options.maxZoom === undefined) { map.setMaxZoom(18); }
    if (map.options.minZoom === undefined) { map.setMinZoom(2); }
    window.geoevents = api;
    var types = {}, sides = {}, precision = {};
    cfg.types.forEach(function (t) { types[t.id] = t; });
    cfg.sides.forEach(function (s) { sides[s.id] = s; });
    cfg.precision.forEach(function (p) { precision[p.id] = p; });
    var features = data.events.features;
    var N = features.length;
    // event markers draw on their own canvas pane above the heat and outline layers
    map.createPane('ge-markers').style.zIndex = 450;
    var renderer = new ShapeCanvas({ padding: 0.3, pane: 'ge-markers' });
    var typeOn = {}, sideOn = {};
    cfg.types.forEach(function (t) { typeOn[t.id] = true; });
    cfg.sides.forEach(function (s) { sideOn[s.id] = true; });

    // ---- events -> markers -------------------------------------------------------
    var E = new Array(N);
    var minDay = null, maxDay = null;
    for (var i = 0; i < N; i++) {
      var f = features[i], p = f.properties, c = f.geometry.coordinates;
      var lo = dayNum(p.date_start || p.date), hi = dayNum(p.date_end || p.date);
      if (hi === null) { hi = lo; }
      if (lo !== null && hi < lo) { var tmp = lo; lo = hi; hi = tmp; }
      if (lo !== null) {
        if (minDay === null || lo < minDay) { minDay = lo; }
        if (maxDay === null || hi > maxDay) { maxDay = hi; }
      }
      var claims = p.claims || [];
      var sideSet = {};
      claims.forEach(function (cl) { sideSet[cl.side || 'unknown'] = true; });
      var sideList = Object.keys(sideSet).sort();
      if (!sideList.length) { sideList = ['unknown']; }
      var killed = figureRange(claims, 'killed');
      var k = killed.high || 0;
      var t = types[p.event_type] || cfg.types[0];
      var lp = precision[String(p.location_precision || 1)] || cfg.precision[0];
      var d = data.display[i];
      var marker = L.circleMarker([d[0], d[1]], {
        renderer: renderer,
        radius: 5 + Math.min(9, 2.2 * Math.log2(1 + k)),
        shape: t.shape,
        fillColor: t.colour,
        fillOpacity: 0.85,
        color: sideList.length === 1 ? sides[sideList[0]].colour : '#222222',
        weight: 1.6,
        dashArray: lp.dash || null,
        idx: i
      });
      E[i] = { f: f, p: p, lat: c[1], lon: c[0], type: p.event_type, sides: sideList,
               lo: lo, hi: hi, killed: killed, marker: marker, shown: false,
               region: data.region[i] };
    }
    if (minDay === null) { minDay = maxDay = Math.floor(Date.now() / DAY_MS); }
    api.timings.markers = performance.now();

    var cluster = L.markerClusterGroup({
      chunkedLoading: true,
      chunkInterval: 150,
      chunkDelay: 10,
      spiderfyOnMaxZoom: true,
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      disableClusteringAtZoom: 13,
      removeOutsideVisibleBounds: true
    });
    map.addLayer(cluster);

    // ---- state ----------------------------------------------------------------------
    var state = { end: maxDay, windowDays: 0, undated: true };  // windowDays 0 = all up to end
    function windowRange() {
      var start = state.windowDays > 0 ? state.end - state.windowDays + 1 : minDay;
      return [start, state.end];
    }
    function isVisible(e) {
      if (!typeOn[e.type]) { return false; }
      var sideOk = false;
      for (var j = 0; j < e.sides.length; j++) { if (sideOn[e.sides[j]]) { sideOk = true; break; } }
      if (!sideOk) { return false; }
      if (e.lo === null) { return state.undated; }
      var w = windowRange();
      return e.hi >= w[0] && e.lo <= w[1];
    }
    function inWindow(e) {
      if (e.lo === null) { return state.undated; }
      var w = windowRange();
      return e.hi >= w[0] && e.lo <= w[1];
    }

    var counters = { visible: 0, byType: {}, bySide: {}, windowByType: {}, windowBySide: {} };
    var listeners = [];
    var busy = 0;

    function refresh(done) {
      var toAdd = [], toRemove = [], visible = [];
      var byType = {}, bySide = {}, wType = {}, wSide = {};
      cfg.types.forEach(function (t) { byType[t.id] = 0; wType[t.id] = 0; });
      cfg.sides.forEach(function (s) { bySide[s.id] = 0; wSide[s.id] = 0; });
      for (var i = 0; i < N; i++) {
        var e = E[i];
        var win = inWindow(e);
        if (win) {
          wType[e.type] = (wType[e.type] || 0) + 1;
          e.sides.forEach(function (s) { wSide[s] = (wSide[s] || 0) + 1; });
        }
        var v = isVisible(e);
        if (v) {
          visible.push(e.marker);
          byType[e.type] = (byType[e.type] || 0) + 1;
          e.sides.forEach(function (s) { bySide[s] = (bySide[s] || 0) + 1; });
          if (!e.shown) { toAdd.push(e.marker); }
        } else if (e.shown) { toRemove.push(e.marker); }
        e.shown = v;
      }
      counters = { visible: visible.length, byType: byType, bySide: bySide,
                   windowByType: wType, windowBySide: wSide };
      busy += 1;
      var finish = function () {
        busy -= 1;
        updateOverlays(visible);
        listeners.forEach(function (fn) { fn(); });
        if (done) { done(); }
      };
      if (toRemove.length > visible.length) {
        cluster.clearLayers();
        toAdd = visible;
      } else if (toRemove.length) {
        cluster.removeLayers(toRemove);
      }
      if (toAdd.length) {
        cluster.addLayers(toAdd, false);
        waitChunks(finish);
      } else {
        finish();
      }
    }
    // markercluster adds large batches in chunks; poll until it has finished.
    function waitChunks(fn) {
      var check = function () {
        if (pendingChunks) { setTimeout(check, 20); return; }
        fn();
      };
      setTimeout(check, 0);
    }
    var pendingChunks = false;
    cluster.options.chunkProgress = function (processed, total) {
      pendingChunks = processed < total;
    };

    // ---- popups, tooltip, uncertainty circle ----------------------------------------
    function dateLabel(p) {
      var lo = (p.date_start || p.date || '').slice(0, 10);
      var hi = (p.date_end || p.date || '').slice(0, 10) || lo;
      var prec = p.date_precision || 'unknown';
      if (!lo) { return 'date unknown'; }
      if (hi < lo) { var t = lo; lo = hi; hi = t; }
      if (lo === hi) { return prec === 'day' ? lo : lo + ' (' + prec + ')'; }
      return lo + ' \u2013 ' + hi + ' (' + prec + ')';
    }
    function placeLabel(p) {
      var parts = [p.place_name, p.admin1, p.country_code].filter(function (x) { return !!x; });
      return parts.length ? parts.join(', ') : 'unnamed place';
    }
    function row(label, value) {
      if (value === null || value === undefined || value === '') { return null; }
      return el('div', { cls: 'ge-row' }, [el('span', { cls: 'ge-label', text: label + ': ' }),
        typeof value === 'string' ? el('span', { text: value }) : value]);
    }
    function buildPopup(i) {
      var e = E[i], p = e.p, t = types[p.event_type] || { label: p.event_type, colour: '#333' };
      var lp = precision[String(p.location_precision || 1)] || cfg.precision[0];
      var head = el('div', { cls: 'ge-head' }, [shapeSwatch(t.shape, t.colour), el('strong', { text: t.label })]);
      if (p.disputed) {
        var b = el('span', { cls: 'ge-badge ge-disputed', text: 'disputed' });
        if (p.disputed_by && p.disputed_by.length) { b.title = 'disputed by ' + p.disputed_by.join(', '); }
        head.appendChild(b);
      }
      if (p.verified === false) { head.appendChild(el('span', { cls: 'ge-badge ge-unverified', text: 'unverified' })); }
      if (p.corrected) { head.appendChild(el('span', { cls: 'ge-badge ge-corrected', text: 'corrected' })); }
      var box = el('div', { cls: 'ge-popup', 'data-event-id': p.id || e.f.id }, [head]);
      box.appendChild(row('Date', dateLabel(p)));
      box.appendChild(row('Place', placeLabel(p)));
      box.appendChild(row('Location', lp.label + ' (\u00b1' + Math.round(lp.radius / 1000) + ' km) at ' +
        e.lat.toFixed(4) + ', ' + e.lon.toFixed(4)));
      [['Weapons', p.weapons], ['Targets', p.targets]].forEach(function (x) {
        if (x[1] && x[1].length) { box.appendChild(row(x[0], x[1].join(', '))); }
      });
      if (p.attacker_side) {
        box.appendChild(row('Attacker', (sides[p.attacker_side] || { label: p.attacker_side }).label));
      }
      var injured = figureRange(p.claims || [], 'injured');
      if (e.killed.high !== null || injured.high !== null) {
        var parts = [];
        if (e.killed.high !== null) { parts.push('killed ' + formatFigure(e.killed)); }
        if (injured.high !== null) { parts.push('injured ' + formatFigure(injured)); }
        box.appendChild(row('Casualties (range over claims)', parts.join('; ')));
      }
      var claims = p.claims || [];
      if (claims.length) {
        box.appendChild(el('div', { cls: 'ge-section', text: 'Claims' }));
        var ul = el('ul', { cls: 'ge-claims' });
        claims.forEach(function (c) {
          var li = el('li', { cls: 'ge-claim' });
          var who = el('div', { cls: 'ge-claimant' }, [
            el('strong', { text: c.claimant || 'unknown claimant' }),
            ' (' + ((sides[c.side] || { label: c.side || 'unknown' }).label) + ') ' + (c.stance || 'asserts')]);
          if (c.disputes) { who.appendChild(document.createTextNode(' the account of ' + c.disputes)); }
          li.appendChild(who);
          var figs = [];
          if (c.killed) { figs.push('killed: ' + formatFigure(c.killed)); }
          if (c.injured) { figs.push('injured: ' + formatFigure(c.injured)); }
          if (figs.length) { li.appendChild(el('div', { cls: 'ge-figures', text: figs.join('; ') })); }
          if (c.quote) { li.appendChild(el('blockquote', { cls: 'ge-quote', text: c.quote })); }
          ul.appendChild(li);
        });
        box.appendChild(ul);
      }
      var sources = p.sources || [];
      if (sources.length) {
        box.appendChild(el('div', { cls: 'ge-section', text: 'Sources' }));
        var sl = el('ul', { cls: 'ge-sources' });
        var quotes = {};
        claims.forEach(function (c) { if (c.quote) { quotes[c.quote] = true; } });
        sources.forEach(function (s) {
          var title = s.title || s.url || s.article_id || 'source';
          var url = safeUrl(s.url);
          var link = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: title })
            : el('span', { text: title });
          var li = el('li', {}, [link]);
          if (s.published) { li.appendChild(document.createTextNode(' (' + String(s.published).slice(0, 10) + ')')); }
          if (s.quote && !quotes[s.quote]) { li.appendChild(el('blockquote', { cls: 'ge-quote', text: s.quote })); }
          sl.appendChild(li);
        });
        box.appendChild(sl);
      }
      box.appendChild(el('div', { cls: 'ge-id', text: 'id ' + (p.id || e.f.id) }));
      return box;
    }
    var popup = L.popup({ maxWidth: 380, minWidth: 240, autoPanPadding: [30, 30] });
    var uncertainty = null;
    function openPopup(i) {
      var e = E[i];
      var lp = precision[String(e.p.location_precision || 1)] || cfg.precision[0];
      if (uncertainty) { map.removeLayer(uncertainty); }
      uncertainty = L.circle([e.lat, e.lon], { radius: lp.radius, color: '#333', weight: 1,
        dashArray: '4 4', fillColor: '#333', fillOpacity: 0.06, interactive: false });
      popup.setLatLng(e.marker.getLatLng()).setContent(buildPopup(i));
      if (!map.hasLayer(popup)) { popup.openOn(map); } else { popup.update(); }
      uncertainty.addTo(map);
      api.openEvent = e.p.id || e.f.id;
    }
    map.on('popupclose', function (ev) {
      if (ev.popup !== popup) { return; }
      if (uncertainty) { map.removeLayer(uncertainty); uncertainty = null; }
      api.openEvent = undefined;
    });
    cluster.on('click', function (ev) {
      var m = ev.propagatedFrom || ev.layer;
      if (m && m.options && m.options.idx !== undefined) { openPopup(m.options.idx); }
    });
    var tip = L.tooltip({ direction: 'top', offset: [0, -6], opacity: 0.95 });
    cluster.on('mouseover', function (ev) {
      var m = ev.propagatedFrom || ev.layer;
      if (!m || !m.options || m.options.idx === undefined) { return; }
      var e = E[m.options.idx], t = types[e.type] || { label: e.type };
      var text = (e.p.place_name || 'unnamed place') + ' \u2014 ' + t.label + ' \u2014 ' + dateLabel(e.p);
      tip.setLatLng(m.getLatLng()).setContent(el('span', { cls: 'ge-tip', text: text }));
      map.openTooltip(tip);
    });
    cluster.on('mouseout', function () { map.closeTooltip(tip); });

    // ---- basemaps, outlines, overlays -------------------------------------------------
    var baseLayers = {};
    var firstTiles = null;
    cfg.basemaps.forEach(function (b) {
      var layer = L.tileLayer(b.url, { attribution: b.attribution, maxZoom: b.maxZoom, maxNativeZoom: b.maxZoom });
      baseLayers[b.name] = layer;
      if (!firstTiles) { firstTiles = layer; }
    });
    var outlines = null, outlinesTopo = null;
    var outlineNode = document.getElementById(cfg.outlinesId);
    if (outlineNode) { outlinesTopo = JSON.parse(outlineNode.textContent); }
    function outlineLayer() {
      var fc = topojson.feature(outlinesTopo, outlinesTopo.objects.countries);
      return L.geoJSON(fc, { renderer: L.canvas(), interactive: false,
        style: { color: '#7d7d7d', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 } });
    }
    // Country names for the outline basemap, at the middle of each country's largest part.
    function countryLabels(geo) {
      map.createPane('ge-labels').style.zIndex = 420;
      var group = L.layerGroup();
      geo.eachLayer(function (layer) {
        var name = layer.feature && layer.feature.properties && layer.feature.properties.name;
        if (!name) { return; }
        var best = null, bestArea = -1;
        var parts = layer.feature.geometry.type === 'MultiPolygon' ? layer.feature.geometry.coordinates
          : [layer.feature.geometry.coordinates];
        parts.forEach(function (poly) {
          var b = L.latLngBounds(poly[0].map(function (c) { return [c[1], c[0]]; }));
          var area = (b.getNorth() - b.getSouth()) * (b.getEast() - b.getWest());
          if (area > bestArea) { bestArea = area; best = b; }
        });
        if (!best || bestArea < 1) { return; }
        group.addLayer(L.marker(best.getCenter(), { pane: 'ge-labels', interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'ge-country-label', html: el('span', { text: name }), iconSize: null }) }));
      });
      return group;
    }
    if (outlinesTopo) {
      var outlineShapes = outlineLayer();
      outlines = L.layerGroup([outlineShapes, countryLabels(outlineShapes)]);
      baseLayers['Country outlines (offline)'] = outlines;
    }
    var current = (cfg.offline && outlines) ? outlines : firstTiles;
    if (current) { current.addTo(map); }
    map.on('baselayerchange', function (ev) {
      map.getContainer().classList.toggle('ge-outline-base', ev.layer === outlines);
    });
    if (current === outlines) { map.getContainer().classList.add('ge-outline-base'); }
    // Without network, fall back to the outlines when tiles fail.
    var tileErrors = 0;
    Object.keys(baseLayers).forEach(function (name) {
      var layer = baseLayers[name];
      if (layer === outlines) { return; }
      layer.on('tileerror', function () {
        tileErrors += 1;
        if (tileErrors === 4 && outlines && map.hasLayer(layer)) {
          map.removeLayer(layer); outlines.addTo(map);
          map.getContainer().classList.add('ge-outline-base');
        }
      });
    });

    var overlays = {};
    // Region (admin-1) outlines, embedded by --offline: thin SVG lines above the country
    // fill and under the events, with low-key names from cfg.regionLabelZoom on.
    var regionOutlines = null;
    var regionNode = cfg.regionOutlinesId ? document.getElementById(cfg.regionOutlinesId) : null;
    if (regionNode) {
      var regionGeo = JSON.parse(regionNode.textContent);
      map.createPane('ge-admin-lines').style.zIndex = 410;
      map.createPane('ge-admin-names').style.zIndex = 415;
      var regionLines = L.geoJSON(regionGeo, {
        renderer: L.svg({ pane: 'ge-admin-lines', padding: 0.3 }), pane: 'ge-admin-lines',
        interactive: false, smoothFactor: 1,
        style: { color: '#8f8577', weight: 0.8, opacity: 0.85, fill: false, className: 'ge-admin-outline' }
      });
      regionLines.eachLayer(function (layer) {
        layer.on('add', function () {
          var path = layer.getElement();
          if (path) {
            path.setAttribute('data-region', layer.feature.properties.code);
            path.setAttribute('data-country', layer.feature.properties.country);
          }
        });
      });
      var regionNames = L.layerGroup();
      regionGeo.features.forEach(function (f) {
        var pr = f.properties;
        regionNames.addLayer(L.marker(pr.label, { pane: 'ge-admin-names', interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'ge-admin-name',
            html: el('span', { text: pr.name, 'data-region': pr.code }), iconSize: null }) }));
      });
      regionOutlines = L.layerGroup([regionLines]);
      var showRegionNames = function () {
        var on = map.hasLayer(regionOutlines) && map.getZoom() >= cfg.regionLabelZoom;
        if (on && !map.hasLayer(regionNames)) { regionNames.addTo(map); }
        if (!on && map.hasLayer(regionNames)) { map.removeLayer(regionNames); }
      };
      regionOutlines.on('add remove', function () { setTimeout(showRegionNames, 0); });
      map.on('zoomend', showRegionNames);
      overlays['Region outlines'] = regionOutlines;
      regionOutlines.addTo(map);
    }
    var heat = null;
    if (cfg.heat) {
      heat = L.heatLayer([], { radius: 20, blur: 16, minOpacity: 0.35, maxZoom: 12 });
      overlays['Density (heat)'] = heat;
      heat.addTo(map);
    }
    var regionLayer = null, regionMarkers = [];
    if (cfg.regions) {
      // Region counts sit on their own pane above the event canvas but let every click
      // through to the events below them (an anchor often falls on an event).
      map.createPane('ge-regions').style.zIndex = 460;
      regionLayer = L.layerGroup();
      data.regions.forEach(function (r) {
        var node = el('div', { cls: 'ge-region' }, [el('span', { cls: 'ge-region-n', text: String(r.count) })]);
        var box = el('div', { cls: 'ge-region-box' }, [node, el('div', { cls: 'ge-region-label', text: r.label })]);
        var m = L.marker([r.lat, r.lon], { icon: L.divIcon({ html: box, className: 'ge-region-icon', iconSize: null }),
          interactive: false, keyboard: false, pane: 'ge-regions' });
        regionMarkers.push({ marker: m, node: node, region: r });
        regionLayer.addLayer(m);
      });
      overlays['Events per region'] = regionLayer;
      regionLayer.addTo(map);
    }
    function updateOverlays(visibleMarkers) {
      if (heat) {
        heat.setLatLngs(visibleMarkers.map(function (m) { return m.getLatLng(); }));
      }
      if (regionLayer) {
        var counts = new Array(data.regions.length).fill(0);
        for (var i = 0; i < N; i++) { if (E[i].shown) { counts[E[i].region] += 1; } }
        regionMarkers.forEach(function (rm, j) {
          rm.node.firstChild.textContent = String(counts[j]);
          rm.node.classList.toggle('ge-region-empty', counts[j] === 0);
          rm.node.style.width = rm.node.style.height = (22 + Math.min(26, 4 * Math.log2(1 + counts[j]))) + 'px';
        });
      }
    }
    L.control.layers(baseLayers, overlays, { position: 'topright', collapsed: true }).addTo(map);

    // ---- filter panel: event types x claimant sides ----------------------------------
    var filterCtl = L.control({ position: 'topright' });
    var countNodes = { type: {}, side: {} };
    filterCtl.onAdd = function () {
      var box = el('div', { cls: 'ge-panel ge-filters' });
      L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
      function group(title, list, on, kind) {
        box.appendChild(el('div', { cls: 'ge-section', text: title }));
        list.forEach(function (item) {
          var cb = el('input', { type: 'checkbox', 'data-layer': kind + ':' + item.id });
          cb.checked = true;
          cb.addEventListener('change', function () { on[item.id] = cb.checked; refresh(); writeHash(); });
          var n = el('span', { cls: 'ge-count' });
          countNodes[kind][item.id] = n;
          var sw = kind === 'type' ? shapeSwatch(item.shape, item.colour) : shapeSwatch('circle', '#fff', item.colour);
          box.appendChild(el('label', { cls: 'ge-check' }, [cb, sw, ' ' + item.label + ' ', n]));
        });
      }
      group('Event type', cfg.types, typeOn, 'type');
      group('Claimant side', cfg.sides, sideOn, 'side');
      return box;
    };
    filterCtl.addTo(map);

    // ---- title, count, downloads --------------------------------------------------------
    var titleCtl = L.control({ position: 'topleft' });
    var countNode = el('div', { cls: 'ge-count-line', id: 'ge-count' });
    titleCtl.onAdd = function () {
      var dr = data.dateRange ? data.dateRange[0] + ' \u2013 ' + data.dateRange[1] : 'no dates';
      var box = el('div', { cls: 'ge-panel ge-title' }, [
        el('div', { cls: 'ge-title-text', text: cfg.title }),
        el('div', { cls: 'ge-subtitle', text: N + ' events \u00b7 ' + dr }),
        countNode
      ]);
      var links = el('div', { cls: 'ge-links' });
      var gj = el('a', { href: '#', id: 'ge-download-geojson', text: 'GeoJSON' });
      var csv = el('a', { href: '#', id: 'ge-download-csv', text: 'CSV' });
      var fit = el('a', { href: '#', id: 'ge-fit', text: 'fit to events' });
      gj.addEventListener('click', function (ev) { ev.preventDefault(); download('geojson'); });
      csv.addEventListener('click', function (ev) { ev.preventDefault(); download('csv'); });
      fit.addEventListener('click', function (ev) { ev.preventDefault(); fitEvents(); });
      links.appendChild(document.createTextNode('Download shown events: '));
      links.appendChild(gj); links.appendChild(document.createTextNode(' \u00b7 '));
      links.appendChild(csv); links.appendChild(document.createTextNode(' \u00b7 '));
      links.appendChild(fit);
      box.appendChild(links);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    titleCtl.addTo(map);

    function shownFeatures() {
      return E.filter(function (e) { return e.shown; }).map(function (e) { return e.f; });
    }
    function csvCell(v) {
      if (v === null || v === undefined) { return ''; }
      var s = (typeof v === 'object') ? JSON.stringify(v) : String(v);
      if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }  // no spreadsheet formulas from article text
      return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }
    function download(kind) {
      var feats = shownFeatures(), text, mime, name;
      if (kind === 'geojson') {
        text = JSON.stringify({ type: 'FeatureCollection', features: feats });
        mime = 'application/geo+json'; name = 'events.geojson';
      } else {
        var cols = ['id', 'lat', 'lon', 'event_type', 'date', 'date_start', 'date_end', 'date_precision',
          'place_name', 'admin1', 'country_code', 'location_precision', 'weapons', 'targets',
          'attacker_side', 'disputed', 'verified', 'claims', 'sources'];
        var lines = [cols.join(',')];
        feats.forEach(function (f) {
          var p = f.properties;
          lines.push(cols.map(function (c) {
            if (c === 'lat') { return csvCell(f.geometry.coordinates[1]); }
            if (c === 'lon') { return csvCell(f.geometry.coordinates[0]); }
            return csvCell(p[c]);
          }).join(','));
        });
        text = lines.join('\r\n') + '\r\n'; mime = 'text/csv'; name = 'events.csv';
      }
      var url = URL.createObjectURL(new Blob([text], { type: mime }));
      var a = el('a', { href: url, download: name });
      document.body.appendChild(a); a.click(); document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }

    // ---- time window ---------------------------------------------------------------------
    var timeCtl = L.control({ position: 'bottomleft' });
    var slider, windowSel, windowLabel, undatedCb, playBtn;
    timeCtl.onAdd = function () {
      var box = el('div', { cls: 'ge-panel ge-time' });
      L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
      slider = el('input', { type: 'range', id: 'ge-time-slider', min: String(minDay), max: String(maxDay), step: '1' });
      slider.value = String(maxDay);
      windowSel = el('select', { id: 'ge-time-window' });
      [[0, 'all up to'], [1, '1 day to'], [7, '7 days to'], [30, '30 days to'], [90, '90 days to'], [365, '1 year to']]
        .forEach(function (o) { windowSel.appendChild(el('option', { value: String(o[0]), text: o[1] })); });
      windowLabel = el('span', { cls: 'ge-window-label', id: 'ge-window-label' });
      undatedCb = el('input', { type: 'checkbox', id: 'ge-undated' });
      undatedCb.checked = true;
      playBtn = el('button', { type: 'button', cls: 'ge-play', id: 'ge-play', text: '\u25b6' });
      slider.addEventListener('input', function () { state.end = +slider.value; onTime(); });
      windowSel.addEventListener('change', function () { state.windowDays = +windowSel.value; onTime(); });
      undatedCb.addEventListener('change', function () { state.undated = undatedCb.checked; onTime(); });
      playBtn.addEventListener('click', togglePlay);
      box.appendChild(el('div', { cls: 'ge-section', text: 'Time window' }));
      box.appendChild(el('div', { cls: 'ge-time-row' }, [playBtn, windowSel, ' ', windowLabel]));
      box.appendChild(slider);
      box.appendChild(el('label', { cls: 'ge-check' }, [undatedCb, ' include undated events']));
      return box;
    };
    timeCtl.addTo(map);
    var timeTimer = null, playTimer = null;
    function onTime() {
      updateWindowLabel();
      if (timeTimer) { clearTimeout(timeTimer); }
      timeTimer = setTimeout(function () { timeTimer = null; refresh(); writeHash(); }, 60);
    }
    function updateWindowLabel() {
      var w = windowRange();
      windowLabel.textContent = isoDay(Math.max(w[0], minDay)) + ' \u2013 ' + isoDay(w[1]);
    }
    function togglePlay() {
      if (playTimer) { clearInterval(playTimer); playTimer = null; playBtn.textContent = '\u25b6'; return; }
      if (state.windowDays === 0) { state.windowDays = 7; windowSel.value = '7'; }
      if (state.end >= maxDay) { state.end = minDay; }
      playBtn.textContent = '\u275a\u275a';
      playTimer = setInterval(function () {
        if (busy) { return; }
        state.end = Math.min(maxDay, state.end + Math.max(1, Math.ceil((maxDay - minDay) / 60)));
        slider.value = String(state.end); onTime();
        if (state.end >= maxDay) { togglePlay(); }
      }, 400);
    }

    // ---- legend ---------------------------------------------------------------------------
    var legendCtl = L.control({ position: 'bottomright' });
    legendCtl.onAdd = function () {
      var box = el('div', { cls: 'ge-panel ge-legend' });
      box.appendChild(el('div', { cls: 'ge-section', text: 'Legend' }));
      cfg.types.forEach(function (t) {
        box.appendChild(el('div', { cls: 'ge-legend-row' }, [shapeSwatch(t.shape, t.colour), ' ' + t.label]));
      });
      box.appendChild(el('div', { cls: 'ge-legend-note', text: 'Outline colour: claimant side (dark: several)' }));
      box.appendChild(el('div', { cls: 'ge-legend-note', text: 'Size: highest killed figure claimed' }));
      cfg.precision.forEach(function (p) {
        box.appendChild(el('div', { cls: 'ge-legend-row' }, [shapeSwatch('circle', '#fff', '#333', p.dash),
          ' location: ' + p.label + ' (\u00b1' + Math.round(p.radius / 1000) + ' km)']));
      });
      box.appendChild(el('div', { cls: 'ge-legend-note' }, [el('span', { cls: 'ge-badge ge-disputed', text: 'disputed' }), ' ',
        el('span', { cls: 'ge-badge ge-unverified', text: 'unverified' }), ' badges in popups']));
      return box;
    };
    legendCtl.addTo(map);

    // ---- search -------------------------------------------------------------------------
    var searchCtl = L.control({ position: 'topleft' });
    searchCtl.onAdd = function () {
      var box = el('div', { cls: 'ge-panel ge-search' });
      L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
      var input = el('input', { type: 'search', id: 'ge-search', placeholder: 'Search place or event id', autocomplete: 'off' });
      var results = el('ul', { cls: 'ge-results', id: 'ge-results' });
      var found = [];
      function run() {
        var q = input.value.trim().toLowerCase();
        results.textContent = ''; found = [];
        if (q.length < 2) { return; }
        for (var i = 0; i < N && found.length < 10; i++) {
          var p = E[i].p, id = String(p.id || E[i].f.id).toLowerCase();
          var name = String(p.place_name || '').toLowerCase();
          if (id === q || id.indexOf(q) === 0 || name.indexOf(q) >= 0) { found.push(i); }
        }
        found.forEach(function (i) {
          var p = E[i].p, t = types[p.event_type] || { label: p.event_type };
          var li = el('li', { cls: 'ge-result', text: (p.place_name || 'unnamed') + ' \u2014 ' + dateLabel(p) + ' \u2014 ' + t.label });
          li.addEventListener('click', function () { select(i); });
          results.appendChild(li);
        });
      }
      input.addEventListener('input', run);
      input.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' && found.length) { select(found[0]); } });
      box.appendChild(input); box.appendChild(results);
      return box;
    };
    searchCtl.addTo(map);
    function select(i) {
      var e = E[i];
      if (e.shown) {
        cluster.zoomToShowLayer(e.marker, function () { openPopup(i); });
      } else {
        map.setView(e.marker.getLatLng(), Math.max(map.getZoom(), 11));
        openPopup(i);
      }
    }

    // ---- chrome: fullscreen, minimap, scale ------------------------------------------------
    if (L.control.fullscreen) { L.control.fullscreen({ position: 'topleft' }).addTo(map); }
    if (L.Control.MiniMap) {
      var miniLayer = (cfg.offline && outlinesTopo) ? outlineLayer()
        : L.tileLayer(cfg.basemaps[0].url, { attribution: '', maxZoom: 13 });
      new L.Control.MiniMap(miniLayer, { toggleDisplay: true, position: 'bottomright', width: 140, height: 110,
        zoomLevelOffset: -5 }).addTo(map);
    }

    // ---- shareable view in the URL hash ---------------------------------------------------
    function writeHash() {
      if (!api.ready) { return; }
      var c = map.getCenter();
      var off = [];
      cfg.types.forEach(function (t) { if (!typeOn[t.id]) { off.push('type:' + t.id); } });
      cfg.sides.forEach(function (s) { if (!sideOn[s.id]) { off.push('side:' + s.id); } });
      var parts = ['map=' + map.getZoom() + '/' + c.lat.toFixed(4) + '/' + c.lng.toFixed(4)];
      if (state.end !== maxDay) { parts.push('end=' + isoDay(state.end)); }
      if (state.windowDays) { parts.push('win=' + state.windowDays); }
      if (!state.undated) { parts.push('undated=0'); }
      if (off.length) { parts.push('off=' + off.join(',')); }
      try { history.replaceState(null, '', '#' + parts.join('&')); } catch (err) { /* file: URLs in some browsers */ }
    }
    function readHash() {
      var h = (location.hash || '').replace(/^#/, '');
      if (!h) { return false; }
      var view = false;
      h.split('&').forEach(function (kv) {
        var i = kv.indexOf('='), k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
        if (k === 'map') {
          var z = v.split('/').map(Number);
          if (z.length === 3 && z.every(function (x) { return isFinite(x); })) { map.setView([z[1], z[2]], z[0]); view = true; }
        } else if (k === 'end') {
          var d = dayNum(v); if (d !== null) { state.end = Math.max(minDay, Math.min(maxDay, d)); }
        } else if (k === 'win') {
          var w = parseInt(v, 10); if (w >= 0) { state.windowDays = w; }
        } else if (k === 'undated') {
          state.undated = v !== '0';
        } else if (k === 'off') {
          v.split(',').forEach(function (x) {
            var kind = x.split(':')[0], id = x.slice(kind.length + 1);
            if (kind === 'type' && id in typeOn) { typeOn[id] = false; }
            if (kind === 'side' && id in sideOn) { sideOn[id] = false; }
          });
        }
      });
      return view;
    }
    function fitEvents() {
      if (data.bounds) {
        var b = L.latLngBounds(data.bounds);
        map.fitBounds(b.pad(0.15), { maxZoom: 10 });
      } else {
        map.setView([48.5, 31.5], 5);
      }
    }

    // ---- counts ---------------------------------------------------------------------------
    function updateCounts() {
      var w = windowRange();
      countNode.textContent = counters.visible + ' of ' + N + ' events shown (' +
        isoDay(Math.max(w[0], minDay)) + ' \u2013 ' + isoDay(w[1]) + ')';
      countNode.setAttribute('data-visible', String(counters.visible));
      Object.keys(countNodes.type).forEach(function (id) {
        countNodes.type[id].textContent = '(' + (counters.windowByType[id] || 0) + ')';
      });
      Object.keys(countNodes.side).forEach(function (id) {
        countNodes.side[id].textContent = '(' + (counters.windowBySide[id] || 0) + ')';
      });
    }
    listeners.push(updateCounts);

    // ---- start ------------------------------------------------------------------------------
    var hasView = readHash();
    if (!hasView) { fitEvents(); }
    slider.value = String(state.end);
    windowSel.value = String(state.windowDays);
    undatedCb.checked = state.undated;
    Array.prototype.forEach.call(document.querySelectorAll('.ge-filters input[data-layer]'), function (cb) {
      var parts = cb.getAttribute('data-layer').split(':');
      cb.checked = parts[0] === 'type' ? typeOn[parts[1]] : sideOn[parts[1]];
    });
    updateWindowLabel();
    map.on('moveend', writeHash);

    api.total = N;
    api.state = function () {
      var w = windowRange();
      return { total: N, visible: counters.visible, byType: counters.byType, bySide: counters.bySide,
               window: [isoDay(Math.max(w[0], minDay)), isoDay(w[1])], busy: busy };
    };
    api.clusterSize = function () { return cluster.getLayers().length; };
    api.openEventById = function (id) {
      for (var i = 0; i < N; i++) { if ((E[i].p.id || E[i].f.id) === id) { select(i); return true; } }
      return false;
    };
    // Open an event's popup where it is, without zooming to it (screenshots, links).
    api.showPopup = function (id) {
      for (var i = 0; i < N; i++) { if ((E[i].p.id || E[i].f.id) === id) { openPopup(i); return true; } }
      return false;
    };
    api.markerStyle = function (id) {
      for (var i = 0; i < N; i++) {
        if ((E[i].p.id || E[i].f.id) === id) {
          var o = E[i].marker.options, ll = E[i].marker.getLatLng();
          return { radius: o.radius, shape: o.shape, fill: o.fillColor, outline: o.color,
                   dash: o.dashArray, display: [ll.lat, ll.lng], shown: E[i].shown };
        }
      }
      return null;
    };
    api.markerPoint = function (id) {
      for (var i = 0; i < N; i++) {
        if ((E[i].p.id || E[i].f.id) === id) { var pt = map.latLngToContainerPoint(E[i].marker.getLatLng()); return [pt.x, pt.y]; }
      }
      return null;
    };
    // Ready once the clustered markers are added and a frame has been drawn: sets
    // window.geoevents.ready, <body data-geoevents-ready> and fires `geoevents:ready`.
    refresh(function () {
      api.timings.clustered = performance.now();
      requestAnimationFrame(function () {
        api.ready = true;
        api.timings.ready = performance.now();
        document.body.setAttribute('data-geoevents-ready', '1');
        writeHash();
        window.dispatchEvent(new CustomEvent('geoevents:ready', { detail: { total: N } }));
      });
    });
  }

  window.geoeventsMap = geoeventsMap;
})();
