/* geoevents map page, markers: one canvas marker per event (shape and fill by event type,
 * outline by claimant side, size by the highest killed figure, dash by location precision),
 * clustered with Leaflet.markercluster. */
(function () {
  'use strict';

  var K = window.geoeventsKit;

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

  function makeMarkers(ctx) {
    var cfg = ctx.cfg;
    // event markers draw on their own canvas pane above the heat and outline layers
    ctx.map.createPane('ge-markers').style.zIndex = 450;
    var renderer = new ShapeCanvas({ padding: 0.3, pane: 'ge-markers' });
    ctx.E.forEach(function (e, i) {
      var t = ctx.types[e.type] || cfg.types[0];
      var d = ctx.data.display[i];
      e.marker = L.circleMarker([d[0], d[1]], {
        renderer: renderer,
        radius: 5 + Math.min(9, 2.2 * Math.log2(1 + (e.killed.high || 0))),
        shape: t.shape,
        fillColor: t.colour,
        fillOpacity: K.needsReview(ctx, e.p) ? 0.3 : 0.85,  // "needs review": faint
        color: (e.sides.length === 1 && ctx.sides[e.sides[0]]) ? ctx.sides[e.sides[0]].colour : '#222222',
        weight: 1.6,
        dashArray: ctx.precisionOf(e.p).dash || null,
        idx: i
      });
    });
    ctx.api.timings.markers = performance.now();
  }

  function makeCluster(ctx) {
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
    ctx.map.addLayer(cluster);
    // markercluster adds large batches in chunks; poll until it has finished.
    var pendingChunks = false;
    cluster.options.chunkProgress = function (processed, total) {
      pendingChunks = processed < total;
    };
    function waitChunks(fn) {
      var check = function () {
        if (pendingChunks) { setTimeout(check, 20); return; }
        fn();
      };
      setTimeout(check, 0);
    }
    ctx.cluster = cluster;
    ctx.draw = function (visible, toAdd, toRemove, done) {
      if (toRemove.length > visible.length) {
        cluster.clearLayers();
        toAdd = visible;
      } else if (toRemove.length) {
        cluster.removeLayers(toRemove);
      }
      if (toAdd.length) {
        cluster.addLayers(toAdd, false);
        waitChunks(done);
      } else {
        done();
      }
    };
  }

  function addApi(ctx) {
    var api = ctx.api;
    api.clusterSize = function () { return ctx.cluster.getLayers().length; };
    api.markerStyle = function (id) {
      var i = ctx.indexOf(id);
      if (i < 0) { return null; }
      var e = ctx.E[i], o = e.marker.options, ll = e.marker.getLatLng();
      return { radius: o.radius, shape: o.shape, fill: o.fillColor, outline: o.color,
               dash: o.dashArray, display: [ll.lat, ll.lng], shown: e.shown };
    };
    api.markerPoint = function (id) {
      var i = ctx.indexOf(id);
      if (i < 0) { return null; }
      var pt = ctx.map.latLngToContainerPoint(ctx.E[i].marker.getLatLng());
      return [pt.x, pt.y];
    };
  }

  K.controls.markers = function (ctx) {
    makeMarkers(ctx);
    makeCluster(ctx);
    addApi(ctx);
  };
})();
