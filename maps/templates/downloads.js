/* geoevents map page, downloads: the events shown (after filters and time window) as
 * GeoJSON or CSV, made in the browser; links in the title panel. */
(function () {
  'use strict';

  var K = window.geoeventsKit;
  var el = K.el;
  var CSV_COLUMNS = ['id', 'lat', 'lon', 'event_type', 'date', 'date_start', 'date_end', 'date_precision',
    'place_name', 'admin1', 'country_code', 'location_precision', 'weapons', 'targets',
    'attacker_side', 'disputed', 'verified', 'claims', 'sources'];

  function csvCell(v) {
    if (v === null || v === undefined) { return ''; }
    var s = (typeof v === 'object') ? JSON.stringify(v) : String(v);
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }  // no spreadsheet formulas from article text
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function csvText(feats) {
    var lines = [CSV_COLUMNS.join(',')];
    feats.forEach(function (f) {
      var p = f.properties;
      lines.push(CSV_COLUMNS.map(function (c) {
        if (c === 'lat') { return csvCell(f.geometry.coordinates[1]); }
        if (c === 'lon') { return csvCell(f.geometry.coordinates[0]); }
        return csvCell(p[c]);
      }).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  function save(text, mime, name) {
    var url = URL.createObjectURL(new Blob([text], { type: mime }));
    var a = el('a', { href: url, download: name });
    document.body.appendChild(a); a.click(); document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  K.controls.downloads = function (ctx) {
    function shown() {
      return ctx.E.filter(function (e) { return e.shown; }).map(function (e) { return e.f; });
    }
    function link(id, text, fn) {
      var a = el('a', { href: '#', id: id, text: text });
      a.addEventListener('click', function (ev) { ev.preventDefault(); fn(); });
      return a;
    }
    var gj = link('ge-download-geojson', 'GeoJSON', function () {
      save(JSON.stringify({ type: 'FeatureCollection', features: shown() }), 'application/geo+json', 'events.geojson');
    });
    var csv = link('ge-download-csv', 'CSV', function () { save(csvText(shown()), 'text/csv', 'events.csv'); });
    var links = ctx.linksNode, first = links.firstChild;
    [document.createTextNode('Download shown events: '), gj, document.createTextNode(' \u00b7 '),
      csv, document.createTextNode(' \u00b7 ')].forEach(function (node) { links.insertBefore(node, first); });
  };
})();
