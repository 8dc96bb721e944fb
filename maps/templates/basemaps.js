/* geoevents map page, basemaps: the tile layers, the embedded country outlines with their
 * names and, offline, settlement names by zoom (also the fallback when tiles fail, with a
 * notice), the layer control and the minimap. */
(function () {
  'use strict';

  var K = window.geoeventsKit;

  function outlineLayer(topo) {
    var fc = topojson.feature(topo, topo.objects.countries);
    return L.geoJSON(fc, { renderer: L.canvas(), interactive: false,
      style: { color: '#7d7d7d', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 } });
  }

  // Country names for the outline basemap, at the middle of each country's largest part.
  function countryLabels(map, geo) {
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
        icon: L.divIcon({ className: 'ge-country-label', html: K.el('span', { text: name }), iconSize: null }) }));
    });
    return group;
  }

  // Settlement names from the gazetteer (offline maps): each shown from its zoom on.
  function placeLabels(map, labels) {
    var group = L.layerGroup(), markers = labels.map(function (p) {
      var m = L.marker([p.lat, p.lon], { pane: 'ge-labels', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'ge-place-label', html: K.el('span', { text: p.name }), iconSize: null }) });
      m.geMinZoom = p.minZoom;
      return m;
    });
    function update() {
      var z = map.getZoom();
      markers.forEach(function (m) {
        var show = z >= m.geMinZoom;
        if (show && !group.hasLayer(m)) { group.addLayer(m); } else if (!show && group.hasLayer(m)) { group.removeLayer(m); }
      });
    }
    map.on('zoomend', update);
    update();
    return group;
  }

  function showNotice(map, text) {
    var box = K.el('div', { cls: 'ge-notice', text: text });
    var close = K.el('button', { cls: 'ge-notice-close', text: '\u00d7' });
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', function () { box.remove(); });
    box.appendChild(close);
    map.getContainer().appendChild(box);
  }

  // Without network, fall back to the outlines when tiles fail, and say so.
  function fallBackToOutlines(map, baseLayers, outlines) {
    var tileErrors = 0;
    Object.keys(baseLayers).forEach(function (name) {
      var layer = baseLayers[name];
      if (layer === outlines) { return; }
      layer.on('tileerror', function () {
        tileErrors += 1;
        if (tileErrors === 4 && outlines && map.hasLayer(layer)) {
          map.removeLayer(layer); outlines.addTo(map);
          map.getContainer().classList.add('ge-outline-base');
          showNotice(map, 'Map tiles could not be loaded (no internet connection?): showing the ' +
            'embedded country outlines. Make the map with `geoevents map --offline` for place names ' +
            'without a network.');
        }
      });
    });
  }

  function addMiniMap(ctx, topo) {
    if (!L.Control.MiniMap) { return; }
    var miniLayer = (ctx.cfg.offline && topo) ? outlineLayer(topo)
      : L.tileLayer(ctx.cfg.basemaps[0].url, { attribution: '', maxZoom: 13 });
    new L.Control.MiniMap(miniLayer, { toggleDisplay: true, position: 'bottomright', width: 140, height: 110,
      zoomLevelOffset: -5 }).addTo(ctx.map);
  }

  K.controls.basemaps = function (ctx) {
    var map = ctx.map, cfg = ctx.cfg;
    var baseLayers = {}, firstTiles = null, outlines = null, topo = null;
    cfg.basemaps.forEach(function (b) {
      var layer = L.tileLayer(b.url, { attribution: b.attribution, maxZoom: b.maxZoom, maxNativeZoom: b.maxZoom });
      baseLayers[b.name] = layer;
      if (!firstTiles) { firstTiles = layer; }
    });
    var outlineNode = document.getElementById(cfg.outlinesId);
    if (outlineNode) { topo = JSON.parse(outlineNode.textContent); }
    if (topo) {
      var outlineShapes = outlineLayer(topo);
      outlines = L.layerGroup([outlineShapes, countryLabels(map, outlineShapes),
        placeLabels(map, cfg.placeLabels || [])]);
      baseLayers['Country outlines (offline)'] = outlines;
    }
    var current = (cfg.offline && outlines) ? outlines : firstTiles;
    if (current) { current.addTo(map); }
    map.on('baselayerchange', function (ev) {
      map.getContainer().classList.toggle('ge-outline-base', ev.layer === outlines);
    });
    if (current === outlines) { map.getContainer().classList.add('ge-outline-base'); }
    fallBackToOutlines(map, baseLayers, outlines);
    // overlays.js adds its layers to this control
    ctx.layersControl = L.control.layers(baseLayers, {}, { position: 'topright', collapsed: true }).addTo(map);
    // the minimap goes in last, above the legend in the bottom-right corner
    ctx.lateControls.push(function () { addMiniMap(ctx, topo); });
  };
})();
