/* geoevents map page, overlays in the layer control: region (admin-1) outlines (embedded
 * by --offline), the density heat layer (cfg.heat) and events per region (cfg.regions).
 * The heat and the region counts follow the filters and the time window. */
(function () {
  'use strict';

  var K = window.geoeventsKit;
  var el = K.el;

  // Thin SVG lines above the country fill and under the events, with low-key names
  // from cfg.regionLabelZoom on.
  function regionOutlines(ctx, node) {
    var map = ctx.map;
    var geo = JSON.parse(node.textContent);
    map.createPane('ge-admin-lines').style.zIndex = 410;
    map.createPane('ge-admin-names').style.zIndex = 415;
    var lines = L.geoJSON(geo, {
      renderer: L.svg({ pane: 'ge-admin-lines', padding: 0.3 }), pane: 'ge-admin-lines',
      interactive: false, smoothFactor: 1,
      style: { color: '#8f8577', weight: 0.8, opacity: 0.85, fill: false, className: 'ge-admin-outline' }
    });
    lines.eachLayer(function (layer) {
      layer.on('add', function () {
        var path = layer.getElement();
        if (path) {
          path.setAttribute('data-region', layer.feature.properties.code);
          path.setAttribute('data-country', layer.feature.properties.country);
        }
      });
    });
    var names = L.layerGroup();
    geo.features.forEach(function (f) {
      var pr = f.properties;
      names.addLayer(L.marker(pr.label, { pane: 'ge-admin-names', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'ge-admin-name',
          html: el('span', { text: pr.name, 'data-region': pr.code }), iconSize: null }) }));
    });
    var group = L.layerGroup([lines]);
    var showNames = function () {
      var on = map.hasLayer(group) && map.getZoom() >= ctx.cfg.regionLabelZoom;
      if (on && !map.hasLayer(names)) { names.addTo(map); }
      if (!on && map.hasLayer(names)) { map.removeLayer(names); }
    };
    group.on('add remove', function () { setTimeout(showNames, 0); });
    map.on('zoomend', showNames);
    return group;
  }

  function heatLayer(ctx) {
    var heat = L.heatLayer([], { radius: 20, blur: 16, minOpacity: 0.35, maxZoom: 12 });
    ctx.shownHooks.push(function (visibleMarkers) {
      heat.setLatLngs(visibleMarkers.map(function (m) { return m.getLatLng(); }));
    });
    return heat;
  }

  // Region counts sit on their own pane above the event canvas but let every click
  // through to the events below them (an anchor often falls on an event).
  function regionCounts(ctx) {
    var regions = ctx.data.regions, nodes = [];
    ctx.map.createPane('ge-regions').style.zIndex = 460;
    var layer = L.layerGroup();
    regions.forEach(function (r) {
      var node = el('div', { cls: 'ge-region' }, [el('span', { cls: 'ge-region-n', text: String(r.count) })]);
      var box = el('div', { cls: 'ge-region-box' }, [node, el('div', { cls: 'ge-region-label', text: r.label })]);
      layer.addLayer(L.marker([r.lat, r.lon], { icon: L.divIcon({ html: box, className: 'ge-region-icon', iconSize: null }),
        interactive: false, keyboard: false, pane: 'ge-regions' }));
      nodes.push(node);
    });
    ctx.shownHooks.push(function () {
      var counts = new Array(regions.length).fill(0);
      ctx.E.forEach(function (e) { if (e.shown) { counts[e.region] += 1; } });
      nodes.forEach(function (node, j) {
        node.firstChild.textContent = String(counts[j]);
        node.classList.toggle('ge-region-empty', counts[j] === 0);
        node.style.width = node.style.height = (22 + Math.min(26, 4 * Math.log2(1 + counts[j]))) + 'px';
      });
    });
    return layer;
  }

  K.controls.overlays = function (ctx) {
    var cfg = ctx.cfg;
    var add = function (name, layer) {
      layer.addTo(ctx.map);
      ctx.layersControl.addOverlay(layer, name);
    };
    var regionNode = cfg.regionOutlinesId ? document.getElementById(cfg.regionOutlinesId) : null;
    if (regionNode) { add('Region outlines', regionOutlines(ctx, regionNode)); }
    if (cfg.heat) { add('Density (heat)', heatLayer(ctx)); }
    if (cfg.regions) { add('Events per region', regionCounts(ctx)); }
  };
})();
