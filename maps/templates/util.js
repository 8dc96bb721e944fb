/* geoevents map page, shared helpers: DOM building, dates, figures, marker shapes.
 * Every string from the data is untrusted (article text): it only ever reaches the DOM
 * through textContent / createTextNode / attribute setters, never through innerHTML.
 * Objects keyed by such strings (or by types and sides) come from dict(): they have no
 * prototype, so keys like "__proto__", "constructor" or "toString" are plain keys.
 * Each control script (markers.js, popup.js, ...) registers itself in
 * geoeventsKit.controls and is called with the page context made by core.js. */
(function () {
  'use strict';

  var DAY_MS = 86400000;

  // An object without prototype, safe to key by any string.
  function dict() { return Object.create(null); }

  // A list field of the data as an array: a lone value becomes a one-item list.
  function list(v) {
    if (Array.isArray(v)) { return v; }
    return (v === null || v === undefined || v === '') ? [] : [v];
  }

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
    list(claims).forEach(function (c) {
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

  function dateLabel(p) {
    var lo = (p.date_start || p.date || '').slice(0, 10);
    var hi = (p.date_end || p.date || '').slice(0, 10) || lo;
    var prec = p.date_precision || 'unknown';
    if (!lo) { return 'date unknown'; }
    if (hi < lo) { var t = lo; lo = hi; hi = t; }
    if (lo === hi) { return prec === 'day' ? lo : lo + ' (' + prec + ')'; }
    return lo + ' \u2013 ' + hi + ' (' + prec + ')';
  }

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

  // Add a Leaflet control in `position` whose element is made by `build()`.
  function panel(map, position, build) {
    var ctl = L.control({ position: position });
    ctl.onAdd = build;
    ctl.addTo(map);
    return ctl;
  }

  // Keep clicks (and with `scroll`, wheel events) on a panel from reaching the map.
  function ownEvents(box, scroll) {
    L.DomEvent.disableClickPropagation(box);
    if (scroll) { L.DomEvent.disableScrollPropagation(box); }
    return box;
  }

  // An event below the page's review threshold (geoevents.confidence.NEEDS_REVIEW).
  function needsReview(ctx, p) {
    return typeof p.confidence === 'number' && p.confidence < ctx.cfg.review;
  }

  window.geoeventsKit = {
    DAY_MS: DAY_MS, dict: dict, list: list, el: el, dayNum: dayNum, isoDay: isoDay,
    formatFigure: formatFigure, figureRange: figureRange, safeUrl: safeUrl, dateLabel: dateLabel, shapeSwatch: shapeSwatch,
    panel: panel, ownEvents: ownEvents, needsReview: needsReview, controls: {}
  };
})();
