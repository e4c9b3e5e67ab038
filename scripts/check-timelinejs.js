#!/usr/bin/env node
// check-timelinejs.js FILE.json — loads a TimelineJS 3 JSON file with Knight
// Lab's own TimelineJS code (the @knight-lab/timelinejs npm bundle) inside a
// jsdom page, and exits 1 if TimelineJS reports an error or warning, builds a
// different number of slides than the file has events, or never becomes
// ready. Run it through scripts/check-timelinejs.sh, which installs the two
// packages into a temporary folder.
'use strict';
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');

const file = process.argv[2];
if (!file) {
  console.error('usage: check-timelinejs.js FILE.json');
  process.exit(2);
}
const data = JSON.parse(fs.readFileSync(file, 'utf8'));
const bundle = require.resolve('@knight-lab/timelinejs/dist/js/timeline.js');

const problems = [];
let tl;
process.on('uncaughtException', (e) => finish('TimelineJS threw: ' + String(e && e.message || e).slice(0, 300)));
const vc = new VirtualConsole();
vc.on('jsdomError', (e) => problems.push('page error: ' + String(e.message).slice(0, 300)));
vc.on('error', (...a) => problems.push('console.error: ' + a.join(' ')));
const dom = new JSDOM('<!DOCTYPE html><html><body><div id="timeline" style="width:1000px;height:600px"></div></body></html>', {
  runScripts: 'outside-only', pretendToBeVisual: true, url: 'http://localhost/', virtualConsole: vc,
});
const w = dom.window;
// jsdom has no layout observers; TimelineJS only needs them to redraw on resize.
w.IntersectionObserver = class { observe() {} unobserve() {} disconnect() {} };
w.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
w.eval(fs.readFileSync(bundle, 'utf8'));
if (!w.TL || !w.TL.Timeline) {
  console.error('check-timelinejs: the TimelineJS bundle did not define TL.Timeline');
  process.exit(1);
}

const timer = setTimeout(() => finish('TimelineJS did not become ready within 20 s'), 20000);
try {
  tl = new w.TL.Timeline('timeline', data, {
    script_path: 'file://' + path.dirname(bundle) + '/', language: 'en', hash_bookmark: false, ga_measurement_id: null,
  });
} catch (e) {
  finish('TimelineJS threw: ' + (e.stack || e));
}
tl.on('ready', () => setTimeout(() => finish(), 200));
// A config with errors never fires "ready": poll for its messages.
const poll = setInterval(() => {
  if (tl.config && !tl.config.isValid()) finish();
}, 50);

function finish(reason) {
  clearTimeout(timer);
  clearInterval(poll);
  if (reason) problems.push(reason);
  if (tl && tl.config) {
    for (const e of tl.config.getErrors()) problems.push('TimelineJS error: ' + (e.message_key || e.message || e) + (e.detail ? ' [' + e.detail + ']' : ''));
    for (const m of (tl.config.messages && tl.config.messages.warnings) || []) problems.push('TimelineJS warning: ' + (m.message_key || m.message || m));
    const events = (tl.config.events || []).length;
    if (tl.ready && events !== data.events.length) problems.push(`TimelineJS kept ${events} of ${data.events.length} events`);
    const slides = w.document.querySelectorAll('.tl-slide').length;
    const want = data.events.length + (data.title ? 1 : 0);
    if (tl.ready && slides !== want) problems.push(`TimelineJS built ${slides} slides, want ${want}`);
    if (problems.length === 0) {
      const heads = [...w.document.querySelectorAll('.tl-slide .tl-headline')].map((h) => h.textContent.trim());
      console.log(`ok: TimelineJS ${require('@knight-lab/timelinejs/package.json').version} loaded ${events} events, ${slides} slides; first headlines: ${heads.slice(0, 3).join(' | ')}`);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) console.error('check-timelinejs: ' + p);
    process.exit(1);
  }
  process.exit(0);
}
