#!/usr/bin/env node
/**
 * `npm run bench`: sizes, load time, requests, layout shift and grid
 * performance of the BUILT library (run `npm run build` first), each next to
 * a naive baseline measured in the same run, in headless Chromium.
 *
 * Prints a table that leads with what a user feels (against the issue's
 * targets), writes bench/results/latest.json (every sample) and
 * bench/results/latest.md (the table as Markdown, for CONTRIBUTING.md). A
 * figure measured in several runs is printed as median (min–max).
 *
 *   node bench/run.mjs            full run (~5 minutes on 2 cores)
 *   node bench/run.mjs --quick    fewer repetitions, no 50,000-persona grid (~1 minute)
 *   node bench/run.mjs --render   re-print the last run's table from bench/results/latest.json
 *   node bench/run.mjs --only=card,cls   just those parts (card, requests, cls, latency, grid; prints them, writes no results)
 *   node bench/run.mjs --only=grid --sizes=50000   the grid at those sizes only
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distBreakdown, entryBreakdown, gzipSize, measureSizes } from './lib/size.mjs';
import { gridBench } from './lib/grid.mjs';
import { check, open, pids, requestsRun } from './lib/pages.mjs';
import { launch, machine, root, serve } from './lib/server.mjs';
import { GRID_QUERY } from './lib/generate.mjs';
import { median, round, spread } from './lib/stats.mjs';

const quick = process.argv.includes('--quick');
/** `--only card,cls`: measure just those parts (card, requests, cls, latency, grid) while working on them. */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const part = (name) => !only || only.includes(name);
const started = Date.now();
const log = (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}\n`);

const RUNS = quick
  ? { card: 5, requests: 1, cls: 2, latency: 3, grid: { 1000: 2, 10000: 2 } }
  : { card: 15, requests: 2, cls: 3, latency: 7, grid: { 1000: 5, 10000: 5, 50000: 3 } };
/** The round trip of the `latency` part (ms): every response arrives this late. */
const LATENCY_MS = 100;
/** 50,000 personas: a run takes 10–40 s (three of them; the naive grid, ~15 s for its first render alone, one). */
const GRID_RUNS = (n, impl) => (impl === 'naive' && n === 50000 ? 1 : RUNS.grid[n]);
/** `--sizes=10000,50000`: the grid at those collection sizes only. */
const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='))?.slice(8).split(',').map(Number);
const GRID_SIZES = Object.keys(RUNS.grid).map(Number).filter((n) => !sizesArg || sizesArg.includes(n));

// —— measurements ————————————————————————————————————————————————————————————
/** Script start (first inline mark) → the first persona painted. */
async function cardRun(browser, server, impl) {
  const { context, page, problems } = await open(browser, server, `/bench/pages/card.html?impl=${impl}`);
  const r = await page.evaluate(async () => {
    const painted = await bench.firstPainted;
    const response = bench.resourceEnd('/api/personas.json');
    // Anything loaded after the paint (nothing should be) counts too.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      painted,
      defined: window.cardDefined,
      response: response?.end,
      start: bench.start(),
      scripts: bench.scripts().filter((path) => path !== '/bench/pages/bench.js'),
      errors: bench.errors,
    };
  });
  check(problems, r.errors, `card ${impl}`);
  await context.close();
  const jsBytes = r.scripts.reduce((sum, path) => sum + gzipSize(server.snapshot.get(path) ?? readFileSync(join(root, path))), 0);
  return { total: r.painted - r.start, defined: r.defined - r.start, response: r.response - r.start, scripts: r.scripts, jsBytes };
}

/**
 * Over a real network every request costs a round trip, which localhost hides: script start →
 * the card's persona (or the grid's first page of 1,000) painted, each response LATENCY_MS late.
 */
async function latencyRun(browser, server, element, impl) {
  const path = element === 'card' ? `/bench/pages/card.html?impl=${impl}` : `/bench/pages/grid.html?impl=${impl}&n=1000`;
  const { context, page, problems } = await open(browser, server, path, { latency: LATENCY_MS });
  const r = await page.evaluate(async (element) => {
    const painted = await (element === 'card' ? bench.firstPainted : bench.gridPainted);
    return { total: painted - bench.start(), errors: bench.errors };
  }, element);
  check(problems, r.errors, `${element} ${impl}, ${LATENCY_MS} ms round trips`);
  await context.close();
  return r.total;
}

/** CLS of 10 cards whose endpoint answers after 500 ms. */
async function clsRun(browser, server, variant) {
  const impl = variant === 'reserved' ? 'real&reserve=1' : variant;
  const { context, page, problems } = await open(browser, server, `/bench/pages/cls.html?impl=${impl}&pids=${pids.slice(0, 10).join(',')}`);
  const r = await page.evaluate(async () => {
    await bench.loaded(10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await bench.afterPaint();
    return { cls: bench.cls(), shifts: bench.shifts.length, errors: bench.errors };
  });
  check(problems, r.errors, `cls ${impl}`);
  await context.close();
  return r;
}

// —— formatting ——————————————————————————————————————————————————————————————
const int = (value) => (value === undefined ? '–' : Math.round(value).toLocaleString('en'));
const ms = (value) =>
  value === undefined ? '–' : `${value < 10 ? round(value, 1) : Math.round(value).toLocaleString('en')} ms`;
const mb = (value) => (value === undefined ? '–' : `${round(value / 1e6, 1)} MB`);
const kb = (value) =>
  value === undefined ? '–' : `${(value / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} kB`;
const ratio = (ours, naive) => {
  if (ours === undefined || naive === undefined) return '–';
  if (naive === 0) return ours === 0 ? '1×' : '∞';
  const r = ours / naive;
  return `${r < 0.1 ? round(r, 3) : round(r, 2)}×`;
};

function tables(results) {
  const { sizes, card, requests, cls, grid, machine: m } = results;
  const sizeRows = [
    ['dist/persona-widgets.js (one script tag: the autoloader)', sizes.files['dist/persona-widgets.js']],
    ...Object.entries(sizes.pages ?? {}).map(([tag, page]) => [
      tag.endsWith('+lazy')
        ? `  + the same once a card's menu, copy/download and full profile have loaded (${page.files.length} files)`
        : `  + what a page with only <${tag}> loads (${page.files.length} files in all)`,
      page,
    ]),
    ['dist/persona-widgets.iife.js (classic script)', sizes.files['dist/persona-widgets.iife.js']],
    ...Object.entries(sizes.entries).flatMap(([name, e]) => [
      [`${name}.js entry + Lit + zod, initial (${e.initial.files.length} chunk${e.initial.files.length > 1 ? 's' : ''})`, e.initial],
      ...(e.lazy.min ? [[`${name}.js: lazy chunk (<contribute-form>, on first "Suggest an edit")`, e.lazy]] : []),
    ]),
  ].map(([label, s]) => [label, int(s.min), int(s.gzip)]);

  const figures = [];
  const row = (label, ours, naive, fmt, r = ratio(ours, naive)) => figures.push([label, fmt(ours), fmt(naive), r]);
  const range = (impl) => (card.spread?.[impl] ? ` [${ms(card.spread[impl].min)}–${ms(card.spread[impl].max)}]` : '');
  row(`JS downloaded by a page of cards (every script, gzip): one script tag (${card.scripts?.real?.length ?? '?'} files)`, card.jsBytes?.real, card.jsBytes?.naive, kb);
  row(`  the card's npm entry, as a host's bundler ships it`, card.jsBytes?.entry, card.jsBytes?.naive, kb);
  figures.push([`card: script start → persona painted, one script tag (median of ${card.runs} [range])`, `${ms(card.real)}${range('real')}`, `${ms(card.naive)}${range('naive')}`, ratio(card.real, card.naive)]);
  if (card.entry !== undefined) {
    figures.push([`  the card's npm entry`, `${ms(card.entry)}${range('entry')}`, `${ms(card.naive)}${range('naive')}`, ratio(card.entry, card.naive)]);
  }
  if (card.floor !== undefined) {
    figures.push([`  the stack's floor: the naive card in Lit, its persona validated by the contract (one file, ${kb(card.jsBytes.floor)})`, `${ms(card.floor)}${range('floor')}`, `${ms(card.naive)}${range('naive')}`, ratio(card.floor, card.naive)]);
    if (card.lit !== undefined) {
      figures.push([`  the same card in Lit without the validation (Lit alone, ${kb(card.jsBytes.lit)})`, `${ms(card.lit)}${range('lit')}`, `${ms(card.naive)}${range('naive')}`, ratio(card.lit, card.naive)]);
    }
  }
  row('requests: 50 cards + grid + form on one src', requests.real.requests, requests.naive.requests, int);
  row('  endpoint bytes transferred', requests.real.bytes, requests.naive.bytes, kb);
  row('  script start → 50 cards + grid painted', requests.real.allPainted, requests.naive.allPainted, ms);
  const latency = results.latency;
  if (latency) {
    const { card: c, grid: g } = latency;
    figures.push(
      [`${latency.ms} ms round trips: card, script start → persona painted, one script tag (${c.real.runs} runs)`, spreadMs(c.real), `naive ${spreadMs(c.naive)}`, ratio(c.real.median, c.naive.median)],
      [`${latency.ms} ms round trips: grid 1,000, script start → first page painted`, spreadMs(g.real), `floor ${spreadMs(g.floor)}`, ratio(g.real.median, g.floor.median)],
    );
  }
  row(`CLS: 10 cards, endpoint answers after 500 ms (median of ${cls.runs})`, cls.real, cls.naive, (v) => v.toFixed(3));
  row('  host CSS reserves the skeleton before the script runs', cls.reserved, cls.naive, (v) => v.toFixed(3));
  const p = card.phases;
  const extras = [
    `card (medians, after script start): element defined ${ms(p.real.defined)} (npm entry ${ms(p.entry?.defined)}, naive ${ms(p.naive.defined)}), ` +
      `endpoint answered ${ms(p.real.response)} (npm entry ${ms(p.entry?.response)}, naive ${ms(p.naive.response)}), persona painted ${ms(card.real)} (naive ${ms(card.naive)})`,
    ...(p.floor ? [`the stack's floor (bench/stack-floor.ts): defined ${ms(p.floor.defined)}, endpoint answered ${ms(p.floor.response)}, persona painted ${ms(card.floor)}`] : []),
    ...(p.lit ? [`the same in Lit alone: defined ${ms(p.lit.defined)}, endpoint answered ${ms(p.lit.response)}, persona painted ${ms(card.lit)}`] : []),
  ];
  extras.push(...Object.keys(grid).map((n) => {
    const real = grid[n].real;
    const d = real.diagnostics;
    return `grid ${Number(n).toLocaleString('en')} (${kb(results.gridBytes[n])} JSON, last run): JSON.parse ${ms(d.jsonParse)}, validation ${ms(d.validate)}, ` +
      `index build ${ms(d.indexBuild)} if done at once (the grid builds it in idle slices)`;
  }));
  extras.push(
    'Grid figures are median (min–max) over fresh pages, one run = first page, the first key typed at once after it, then ' +
      `(once idle work settled) the rest of "${GRID_QUERY}" one key at a time, each after the previous one's results were painted.`,
    'input → painted: from the input event to the paint of its first results, including any debounce (the grid has none in local mode; ' +
      'a search shows what is indexed plus a bounded scan of the rest, its count says "(loading more…)" until the index is complete, when "complete results" is reported).',
    'floor: JSON.parse of the same response and 24 plain cards (one innerHTML), no validation, search or controls; ' +
      'naive grid: every persona as a card, a substring scan of JSON.stringify per key.',
    'longest task: the longest main-thread task (Long Tasks API) from the first paint through the typing.',
    'JS heap is V8\'s only: the DOM lives in Blink\'s heap, so the naive grid\'s tens of thousands of elements barely show in it.',
  );
  const machineLine =
    `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB · Chromium ${m.chromium} (headless) · Node ${m.node} · ${m.platform}` +
    ` · load average ${m.loadAverage} at start`;
  const bytes = card?.jsBytes?.real;
  const headlines = [
    ...(bytes === undefined ? [] : [['JS downloaded by a page of cards (every script, gzip), one script tag', kb(bytes), `naive ${kb(card.jsBytes.naive)}`, ratio(bytes, card.jsBytes.naive), '≤ 25 kB', mark(bytes <= 25_000)]]),
    ...(card?.real === undefined ? [] : [
      ['card: script start → persona painted, one script tag', `${ms(card.real)}${range('real')}`, `naive ${ms(card.naive)}`, ratio(card.real, card.naive), '≤ 1.3×', mark(card.real <= 1.3 * card.naive)],
      ['card: the same from the card\'s npm entry', `${ms(card.entry)}${range('entry')}`, `naive ${ms(card.naive)}`, ratio(card.entry, card.naive), '≤ 1.3×', mark(card.entry <= 1.3 * card.naive)],
      ...(card.floor === undefined ? [] : [['  for scale: the stack\'s floor (Lit + the contract\'s validation, one file)', `${ms(card.floor)}${range('floor')}`, `naive ${ms(card.naive)}`, ratio(card.floor, card.naive), '', '']]),
      ...(card.lit === undefined ? [] : [['  for scale: the same card in Lit alone (no validation)', `${ms(card.lit)}${range('lit')}`, `naive ${ms(card.naive)}`, ratio(card.lit, card.naive), '', '']]),
    ]),
    ...(cls?.reserved === undefined ? [] : [
      ['CLS, 10 cards on a 500 ms endpoint, with the README\'s host CSS', cls.reserved.toFixed(3), `naive ${cls.naive.toFixed(3)}`, ratio(cls.reserved, cls.naive), '≤ 0.01', mark(cls.reserved <= 0.01)],
      ['  the same without host CSS', cls.real.toFixed(3), `naive ${cls.naive.toFixed(3)}`, ratio(cls.real, cls.naive), '', ''],
    ]),
    ...gridHeadlines(grid),
  ];
  return { headlines, sizeRows, figures: [...figures, ...gridRows(grid)], extras, machineLine };
}

/** A figure measured in several runs: median (min–max). */
const spreadMs = (s) => (s === undefined ? '–' : s.runs > 1 ? `${ms(s.median)} (${round(s.min, 0)}–${round(s.max, 0)})` : ms(s.median));
const mark = (ok) => (ok ? 'met' : 'NOT met');

/** What a user of the grid feels, against the targets (first in the table). */
function gridHeadlines(grid) {
  const rows = [];
  const big = grid[10000];
  if (big) {
    const { real, naive, floor } = big;
    rows.push(
      ['grid 10,000: input event → results painted, p95 per run, incl. any debounce', spreadMs(real.inputToPaintP95), `naive ${spreadMs(naive.inputToPaintP95)}`, ratio(real.inputToPaintP95.median, naive.inputToPaintP95.median), '≤ 50 ms', mark(real.inputToPaintP95.median <= 50)],
      ['grid 10,000: first key typed right after first paint → results painted', spreadMs(real.firstKey), `naive ${spreadMs(naive.firstKey)}`, ratio(real.firstKey.median, naive.firstKey.median), '≤ 100 ms', mark(real.firstKey.median <= 100)],
      ['grid 10,000: response → first page painted', spreadMs(real.afterResponse), `floor ${spreadMs(floor.afterResponse)}`, ratio(real.afterResponse.median, floor.afterResponse.median), '≤ 2× floor', mark(real.afterResponse.median <= 2 * floor.afterResponse.median)],
    );
  }
  const huge = grid[50000];
  if (huge) {
    rows.push(['grid 50,000: longest main-thread task after first paint', spreadMs(huge.real.longestTask), `naive ${spreadMs(huge.naive.longestTask)}`, ratio(huge.real.longestTask.median, huge.naive.longestTask.median), '≤ 50 ms', mark(huge.real.longestTask.max <= 50)]);
  }
  return rows;
}

/** Every grid figure, each size against the floor and the naive grid. */
function gridRows(grid) {
  const rows = [];
  for (const n of Object.keys(grid).map(Number)) {
    const { real, naive, floor } = grid[n];
    const label = `grid ${n.toLocaleString('en')}`;
    const row = (what, ours, base, name) => rows.push([`${label}: ${what}`, spreadMs(ours), `${name} ${spreadMs(base)}`, ratio(ours?.median, base?.median)]);
    const runs = `${real.runs}/${floor.runs}/${naive.runs} runs`;
    row(`response → first page painted (${runs})`, real.afterResponse, floor.afterResponse, 'floor');
    row('  the same, against the naive grid', real.afterResponse, naive.afterResponse, 'naive');
    row('script start → first page painted', real.firstRender, floor.firstRender, 'floor');
    row('first key right after first paint → results painted', real.firstKey, naive.firstKey, 'naive');
    row('  first key → complete results reported', real.firstKeyComplete, naive.firstKeyComplete, 'naive');
    row(`input → painted p50 per run (${real.keys} keys a run)`, real.inputToPaintP50, naive.inputToPaintP50, 'naive');
    row('input → painted p95 per run', real.inputToPaintP95, naive.inputToPaintP95, 'naive');
    row('longest main-thread task after first paint', real.longestTask, naive.longestTask, 'naive');
    rows.push([`${label}: search index complete after first paint (idle slices)`, spreadMs(real.indexReady), '', '']);
    rows.push([`${label}: DOM elements after the search (incl. shadow roots)`, int(real.elements), `naive ${int(naive.elements)}`, ratio(real.elements, naive.elements)]);
    rows.push([`${label}: JS heap after the search (after GC)`, mb(real.heapAfterSearch), `naive ${mb(naive.heapAfterSearch)}`, ratio(real.heapAfterSearch, naive.heapAfterSearch)]);
  }
  return rows;
}

function textTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(headers, rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|').replace(/^ {2}/, '↳ ');
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

function render(results) {
  const { headlines, sizeRows, figures, extras, machineLine } = tables(results);
  const headlineHeaders = ['what a user feels', 'persona-widgets', 'baseline', 'ratio', 'target', ''];
  const sizeHeaders = ['size (bytes; gzip = zlib level 6)', 'minified', 'gzip'];
  const figureHeaders = ['figure', 'persona-widgets', 'baseline (naive unless named)', 'ratio'];
  const text = [
    `persona-widgets bench, ${results.date}`,
    `machine: ${machineLine}`,
    '',
    textTable(headlineHeaders, headlines),
    '',
    textTable(sizeHeaders, sizeRows),
    '',
    textTable(figureHeaders, figures),
    '',
    ...extras,
    '',
    'Where the bytes of dist/persona-widgets.js go (source-map attribution; gzip = marginal cost):',
    textTable(['group', 'minified', 'gzip'], results.breakdown.groups.map((g) => [g.group, int(g.min), int(g.gzipMarginal)])),
    '',
    `bench runtime ${Math.round(results.runtimeSeconds)} s${results.quick ? ' (--quick)' : ''}`,
  ].join('\n');
  const markdown = [
    `Measured ${results.date} on ${machineLine}; \`npm run build && npm run bench\` (${Math.round(results.runtimeSeconds)} s).`,
    '',
    markdownTable(headlineHeaders, headlines),
    '',
    markdownTable(sizeHeaders, sizeRows),
    '',
    markdownTable(figureHeaders, figures),
    '',
    ...extras.map((e) => `- ${e}`),
  ].join('\n');
  return { text, markdown };
}

// —— main ——————————————————————————————————————————————————————————————————————
if (process.argv.includes('--render')) {
  // Re-print the last run's table (e.g. after changing the format) without measuring again.
  const last = JSON.parse(readFileSync(join(root, 'bench', 'results', 'latest.json'), 'utf8'));
  const { text, markdown } = render(last);
  writeFileSync(join(root, 'bench', 'results', 'latest.md'), `${markdown}\n`);
  console.log(text);
  process.exit(0);
}

const server = await serve();
log('sizes: dist/ and each npm entry bundled with its dependencies');
const sizes = await measureSizes(server.snapshot);
const breakdown = distBreakdown();
if (breakdown.total.min !== sizes.files['dist/persona-widgets.js'].min) {
  throw new Error('dist/persona-widgets.js changed while the bench started (a build running?): run it again');
}
const cardBreakdown = await entryBreakdown('persona-card');
const browser = await launch();
const results = { date: new Date().toISOString(), quick, machine: machine(browser), sizes, breakdown, cardBreakdown, gridBytes: {} };
try {
  if (part('card')) {
  log(`card: ${RUNS.card} runs each`);
  const cardTimes = { real: [], entry: [], floor: [], lit: [], naive: [] };
  for (let i = 0; i < RUNS.card; i++) {
    for (const impl of Object.keys(cardTimes)) cardTimes[impl].push(await cardRun(browser, server, impl));
  }
  const phases = (list) => ({
    defined: median(list.map((r) => r.defined)),
    response: median(list.map((r) => r.response)),
  });
  results.card = {
    runs: RUNS.card,
    real: median(cardTimes.real.map((r) => r.total)),
    entry: median(cardTimes.entry.map((r) => r.total)),
    floor: median(cardTimes.floor.map((r) => r.total)),
    lit: median(cardTimes.lit.map((r) => r.total)),
    naive: median(cardTimes.naive.map((r) => r.total)),
    spread: Object.fromEntries(Object.entries(cardTimes).map(([impl, list]) => [impl, spread(list.map((r) => r.total))])),
    /** Every JS response of a cards-only page (gzip), and which files they were. */
    jsBytes: Object.fromEntries(Object.entries(cardTimes).map(([impl, list]) => [impl, Math.max(...list.map((r) => r.jsBytes))])),
    scripts: Object.fromEntries(Object.entries(cardTimes).map(([impl, list]) => [impl, list[0].scripts])),
    phases: Object.fromEntries(Object.entries(cardTimes).map(([impl, list]) => [impl, phases(list)])),
    samples: cardTimes,
  };
  }

  if (part('requests')) {
  log('requests: 50 cards + grid + form');
  const req = { real: [], naive: [] };
  for (let i = 0; i < RUNS.requests; i++) {
    req.real.push(await requestsRun(browser, server, 'real'));
    req.naive.push(await requestsRun(browser, server, 'unique'));
  }
  const summarize = (list) => ({
    requests: Math.max(...list.map((r) => r.requests)),
    distinct: Math.max(...list.map((r) => r.distinct)),
    bytes: Math.max(...list.map((r) => r.bytes)),
    allPainted: median(list.map((r) => r.allPainted)),
  });
  results.requests = { real: summarize(req.real), naive: summarize(req.naive), samples: req };
  }

  if (part('cls')) {
  log(`layout shift: ${RUNS.cls} runs each`);
  const shifts = { real: [], reserved: [], naive: [] };
  for (let i = 0; i < RUNS.cls; i++) {
    for (const variant of ['real', 'reserved', 'naive']) shifts[variant].push(await clsRun(browser, server, variant));
  }
  results.cls = {
    runs: RUNS.cls,
    real: median(shifts.real.map((s) => s.cls)),
    reserved: median(shifts.reserved.map((s) => s.cls)),
    naive: median(shifts.naive.map((s) => s.cls)),
    samples: shifts,
  };
  }

  if (part('latency')) {
  log(`${LATENCY_MS} ms round trips: ${RUNS.latency} runs each`);
  server.prepare(1000);
  const times = { card: { real: [], naive: [] }, grid: { real: [], floor: [] } };
  for (let i = 0; i < RUNS.latency; i++) {
    for (const [element, impls] of Object.entries(times)) {
      for (const impl of Object.keys(impls)) impls[impl].push(await latencyRun(browser, server, element, impl));
    }
  }
  results.latency = {
    ms: LATENCY_MS,
    ...Object.fromEntries(Object.entries(times).map(([element, impls]) => [element, Object.fromEntries(Object.entries(impls).map(([impl, list]) => [impl, spread(list)]))])),
  };
  }

  results.grid = {};
  for (const n of part('grid') ? GRID_SIZES : []) {
    results.gridBytes[n] = server.prepare(n);
    results.grid[n] = {};
    for (const impl of ['real', 'floor', 'naive']) {
      log(`grid ${n.toLocaleString('en')} personas, ${impl}: ${GRID_RUNS(n, impl)} runs`);
      results.grid[n][impl] = await gridBench(browser, server, n, impl, GRID_RUNS(n, impl), log);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
results.runtimeSeconds = (Date.now() - started) / 1000;

if (only) {
  const grid = results.grid && Object.fromEntries(Object.entries(results.grid).map(([n, impls]) => [n, Object.fromEntries(Object.entries(impls).map(([impl, r]) => [impl, { ...r, samples: undefined }]))]));
  console.log(JSON.stringify({ grid, latency: results.latency, card: results.card && { ...results.card, samples: undefined }, cls: results.cls && { ...results.cls, samples: undefined }, requests: results.requests && { real: results.requests.real, naive: results.requests.naive } }, null, 1));
  process.exit(0);
}
const { text, markdown } = render(results);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(root, 'bench', 'results', 'latest.md'), `${markdown}\n`);
console.log(text);
log('wrote bench/results/latest.json and bench/results/latest.md');
