/* geoevents map page, legend: marker shape and colour per event type, what outline colour,
 * size and dash mean, and the popup badges. */
(function () {
  'use strict';

  var K = window.geoeventsKit;
  var el = K.el;

  K.controls.legend = function (ctx) {
    K.panel(ctx.map, 'bottomright', function () {
      var box = el('div', { cls: 'ge-panel ge-legend' });
      box.appendChild(el('div', { cls: 'ge-section', text: 'Legend' }));
      ctx.cfg.types.forEach(function (t) {
        box.appendChild(el('div', { cls: 'ge-legend-row' }, [K.shapeSwatch(t.shape, t.colour), ' ' + t.label]));
      });
      box.appendChild(el('div', { cls: 'ge-legend-note', text: 'Outline colour: claimant side (dark: several)' }));
      box.appendChild(el('div', { cls: 'ge-legend-note', text: 'Size: highest killed figure claimed' }));
      ctx.cfg.precision.forEach(function (p) {
        box.appendChild(el('div', { cls: 'ge-legend-row' }, [K.shapeSwatch('circle', '#fff', '#333', p.dash),
          ' location: ' + p.label + ' (\u00b1' + Math.round(p.radius / 1000) + ' km)']));
      });
      box.appendChild(el('div', { cls: 'ge-legend-note' }, [el('span', { cls: 'ge-badge ge-disputed', text: 'disputed' }), ' ',
        el('span', { cls: 'ge-badge ge-unverified', text: 'unverified' }), ' badges in popups']));
      return box;
    });
  };
})();
