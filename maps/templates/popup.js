/* geoevents map page, popup: what a click on a marker shows (type, badges, date, place,
 * weapons, targets, casualty range, every claim with its claimant, sources) with the
 * location-uncertainty circle, and the hover tooltip. */
(function () {
  'use strict';

  var K = window.geoeventsKit;
  var el = K.el;

  function placeLabel(p) {
    var parts = [p.place_name, p.admin1, p.country_code].filter(function (x) { return !!x; });
    return parts.length ? parts.join(', ') : 'unnamed place';
  }

  // Label of a claimant side; a side the page does not know is shown as written.
  function sideLabel(ctx, side) {
    var s = ctx.sides[side];
    return s ? s.label : String(side || 'unknown');
  }

  function row(label, value) {
    if (value === null || value === undefined || value === '') { return null; }
    return el('div', { cls: 'ge-row' }, [el('span', { cls: 'ge-label', text: label + ': ' }),
      typeof value === 'string' ? el('span', { text: value }) : value]);
  }

  function head(ctx, p, t) {
    var box = el('div', { cls: 'ge-head' }, [K.shapeSwatch(t.shape, t.colour), el('strong', { text: t.label })]);
    if (p.disputed) {
      var b = el('span', { cls: 'ge-badge ge-disputed', text: 'disputed' });
      var by = K.list(p.disputed_by);
      if (by.length) { b.title = 'disputed by ' + by.join(', '); }
      box.appendChild(b);
    }
    if (p.verified === false) { box.appendChild(el('span', { cls: 'ge-badge ge-unverified', text: 'unverified' })); }
    if (p.corrected) { box.appendChild(el('span', { cls: 'ge-badge ge-corrected', text: 'corrected' })); }
    if (K.needsReview(ctx, p)) { box.appendChild(el('span', { cls: 'ge-badge ge-review', text: 'needs review' })); }
    return box;
  }

  function facts(ctx, e, box) {
    var p = e.p, lp = ctx.precisionOf(p);
    box.appendChild(row('Date', K.dateLabel(p)));
    box.appendChild(row('Place', placeLabel(p)));
    var written = K.list(p.place_original);
    if (written.length) { box.appendChild(row('As written', written.join(', '))); }
    box.appendChild(row('Location', lp.label + ' (\u00b1' + Math.round(lp.radius / 1000) + ' km) at ' +
      e.lat.toFixed(4) + ', ' + e.lon.toFixed(4)));
    [['Weapons', p.weapons], ['Targets', p.targets]].forEach(function (x) {
      var items = K.list(x[1]);
      if (items.length) { box.appendChild(row(x[0], items.join(', '))); }
    });
    if (p.attacker_side) { box.appendChild(row('Attacker', sideLabel(ctx, p.attacker_side))); }
    if (typeof p.confidence === 'number') {
      var why = K.list(p.confidence_reasons);
      box.appendChild(row('Confidence', p.confidence.toFixed(2) + (why.length ? ' (' + why.join('; ') + ')' : '')));
    }
    var injured = K.figureRange(p.claims, 'injured');
    if (e.killed.high !== null || injured.high !== null) {
      var parts = [];
      if (e.killed.high !== null) { parts.push('killed ' + K.formatFigure(e.killed)); }
      if (injured.high !== null) { parts.push('injured ' + K.formatFigure(injured)); }
      box.appendChild(row('Casualties (range over claims)', parts.join('; ')));
    }
  }

  function claimList(ctx, claims) {
    var ul = el('ul', { cls: 'ge-claims' });
    claims.forEach(function (c) {
      var li = el('li', { cls: 'ge-claim' });
      var who = el('div', { cls: 'ge-claimant' }, [
        el('strong', { text: c.claimant || 'unknown claimant' }),
        ' (' + sideLabel(ctx, c.side) + ') ' + (c.stance || 'asserts')]);
      if (c.disputes) { who.appendChild(document.createTextNode(' the account of ' + c.disputes)); }
      li.appendChild(who);
      var figs = [];
      if (c.killed) { figs.push('killed: ' + K.formatFigure(c.killed)); }
      if (c.injured) { figs.push('injured: ' + K.formatFigure(c.injured)); }
      if (c.launched) { figs.push('launched: ' + K.formatFigure(c.launched)); }
      if (c.intercepted) { figs.push('shot down: ' + K.formatFigure(c.intercepted)); }
      if (figs.length) { li.appendChild(el('div', { cls: 'ge-figures', text: figs.join('; ') })); }
      if (c.quote) { li.appendChild(el('blockquote', { cls: 'ge-quote', text: c.quote })); }
      ul.appendChild(li);
    });
    return ul;
  }

  function sourceList(sources, claims) {
    var sl = el('ul', { cls: 'ge-sources' });
    var quotes = K.dict();
    claims.forEach(function (c) { if (c.quote) { quotes[c.quote] = true; } });
    sources.forEach(function (s) {
      var title = s.title || s.url || s.article_id || 'source';
      var url = K.safeUrl(s.url);
      var link = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: title })
        : el('span', { text: title });
      var li = el('li', {}, [link]);
      if (s.published) { li.appendChild(document.createTextNode(' (' + String(s.published).slice(0, 10) + ')')); }
      if (s.quote && !quotes[s.quote]) { li.appendChild(el('blockquote', { cls: 'ge-quote', text: s.quote })); }
      sl.appendChild(li);
    });
    return sl;
  }

  function buildPopup(ctx, i) {
    var e = ctx.E[i], p = e.p;
    var t = ctx.types[p.event_type] || { label: p.event_type, colour: '#333' };
    var box = el('div', { cls: 'ge-popup', 'data-event-id': e.id }, [head(ctx, p, t)]);
    facts(ctx, e, box);
    var claims = K.list(p.claims);
    if (claims.length) {
      box.appendChild(el('div', { cls: 'ge-section', text: 'Claims' }));
      box.appendChild(claimList(ctx, claims));
    }
    var sources = K.list(p.sources);
    if (sources.length) {
      box.appendChild(el('div', { cls: 'ge-section', text: 'Sources' }));
      box.appendChild(sourceList(sources, claims));
    }
    box.appendChild(el('div', { cls: 'ge-id', text: 'id ' + e.id }));
    return box;
  }

  function addPopup(ctx) {
    var map = ctx.map;
    var popup = L.popup({ maxWidth: 380, minWidth: 240, autoPanPadding: [30, 30] });
    var uncertainty = null;
    ctx.openPopup = function (i) {
      var e = ctx.E[i];
      if (uncertainty) { map.removeLayer(uncertainty); }
      uncertainty = L.circle([e.lat, e.lon], { radius: ctx.precisionOf(e.p).radius, color: '#333', weight: 1,
        dashArray: '4 4', fillColor: '#333', fillOpacity: 0.06, interactive: false });
      popup.setLatLng(e.marker.getLatLng()).setContent(buildPopup(ctx, i));
      if (!map.hasLayer(popup)) { popup.openOn(map); } else { popup.update(); }
      uncertainty.addTo(map);
      ctx.api.openEvent = e.id;
    };
    map.on('popupclose', function (ev) {
      if (ev.popup !== popup) { return; }
      if (uncertainty) { map.removeLayer(uncertainty); uncertainty = null; }
      ctx.api.openEvent = undefined;
    });
    ctx.cluster.on('click', function (ev) {
      var m = ev.propagatedFrom || ev.layer;
      if (m && m.options && m.options.idx !== undefined) { ctx.openPopup(m.options.idx); }
    });
    // Open an event's popup where it is, without zooming to it (screenshots, links).
    ctx.api.showPopup = function (id) {
      var i = ctx.indexOf(id);
      if (i < 0) { return false; }
      ctx.openPopup(i);
      return true;
    };
  }

  function addTooltip(ctx) {
    var map = ctx.map;
    var tip = L.tooltip({ direction: 'top', offset: [0, -6], opacity: 0.95 });
    ctx.cluster.on('mouseover', function (ev) {
      var m = ev.propagatedFrom || ev.layer;
      if (!m || !m.options || m.options.idx === undefined) { return; }
      var e = ctx.E[m.options.idx], t = ctx.types[e.type] || { label: e.type };
      var text = (e.p.place_name || 'unnamed place') + ' \u2014 ' + t.label + ' \u2014 ' + K.dateLabel(e.p);
      tip.setLatLng(m.getLatLng()).setContent(el('span', { cls: 'ge-tip', text: text }));
      map.openTooltip(tip);
    });
    ctx.cluster.on('mouseout', function () { map.closeTooltip(tip); });
  }

  K.controls.popup = function (ctx) {
    addPopup(ctx);
    addTooltip(ctx);
  };
})();
