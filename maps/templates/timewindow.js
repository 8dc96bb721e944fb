/* geoevents map page, time window: a slider for the last day, a window length (all, 1, 7,
 * 30, 90 or 365 days up to it), undated events on or off, and a play button. */
(function () {
  'use strict';

  var K = window.geoeventsKit;
  var el = K.el;
  var WINDOWS = [[0, 'all up to'], [1, '1 day to'], [7, '7 days to'], [30, '30 days to'], [90, '90 days to'],
    [365, '1 year to']];

  K.controls.timewindow = function (ctx) {
    var state = ctx.state, minDay = ctx.minDay, maxDay = ctx.maxDay;
    var slider = el('input', { type: 'range', id: 'ge-time-slider', min: String(minDay), max: String(maxDay), step: '1' });
    var windowSel = el('select', { id: 'ge-time-window' });
    WINDOWS.forEach(function (o) { windowSel.appendChild(el('option', { value: String(o[0]), text: o[1] })); });
    var label = el('span', { cls: 'ge-window-label', id: 'ge-window-label' });
    var undatedCb = el('input', { type: 'checkbox', id: 'ge-undated' });
    var playBtn = el('button', { type: 'button', cls: 'ge-play', id: 'ge-play', text: '\u25b6' });
    var timeTimer = null, playTimer = null;
    slider.value = String(maxDay);
    undatedCb.checked = true;
    function onTime() {
      label.textContent = ctx.windowText();
      if (timeTimer) { clearTimeout(timeTimer); }
      timeTimer = setTimeout(function () { timeTimer = null; ctx.refresh(); ctx.writeHash(); }, 60);
    }
    function togglePlay() {
      if (playTimer) { clearInterval(playTimer); playTimer = null; playBtn.textContent = '\u25b6'; return; }
      if (state.windowDays === 0) { state.windowDays = 7; windowSel.value = '7'; }
      if (state.end >= maxDay) { state.end = minDay; }
      playBtn.textContent = '\u275a\u275a';
      playTimer = setInterval(function () {
        if (ctx.busy) { return; }
        state.end = Math.min(maxDay, state.end + Math.max(1, Math.ceil((maxDay - minDay) / 60)));
        slider.value = String(state.end); onTime();
        if (state.end >= maxDay) { togglePlay(); }
      }, 400);
    }
    slider.addEventListener('input', function () { state.end = +slider.value; onTime(); });
    windowSel.addEventListener('change', function () { state.windowDays = +windowSel.value; onTime(); });
    undatedCb.addEventListener('change', function () { state.undated = undatedCb.checked; onTime(); });
    playBtn.addEventListener('click', togglePlay);
    K.panel(ctx.map, 'bottomleft', function () {
      return K.ownEvents(el('div', { cls: 'ge-panel ge-time' }, [
        el('div', { cls: 'ge-section', text: 'Time window' }),
        el('div', { cls: 'ge-time-row' }, [playBtn, windowSel, ' ', label]),
        slider,
        el('label', { cls: 'ge-check' }, [undatedCb, ' include undated events'])
      ]), true);
    });
    ctx.restored.push(function () {
      slider.value = String(state.end);
      windowSel.value = String(state.windowDays);
      undatedCb.checked = state.undated;
      label.textContent = ctx.windowText();
    });
  };
})();
