#!/usr/bin/env node
/**
 * `npm run bench`: sizes, load time, requests, layout shift and grid
 * performance of the BUILT library (run `npm run build` first), each next to
 * a naive baseline measured in the same run, in headless Chromium.
 *
 * Prints a table, writes bench/results/latest.json (every sample) and
 * bench/results/latest.md (the table as Markdown, for CONTRIBUTING.md).
 *
 *   node bench/run.mjs            full run (~3–4 minutes on 2 cores)
 *   node bench/run.mjs --quick    fewer repetitions, no 50,000-persona grid (~1 minute)
 *   node bench/run.mjs --render   re-print the last run's table from bench/results/latest.json
 *   node bench/run.mjs --only=card,cls   just those parts (prints their rows; writes no results)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distBreakdown, entryBreakdown, gzipSize, measureSizes } from './lib/size.mjs';
import { GRID_QUERY } from './lib/generate.mjs';
import { check, heap, open, pids, requestsRun } from './lib/pages.mjs';
import { launch, machine, root, serve } from './lib/server.mjs';

const quick = process.argv.includes('--quick');
/** `--only card,cls`: measure just those parts (card, requests, cls, grid) while working on them. */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const part = (name) => !only || only.includes(name);
const started = Date.now();
const log = (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}\n`);

const RUNS = quick
  ? { card: 5, requests: 1, cls: 2, grid: { 1000: 3, 10000: 2 } }
  : { card: 9, requests: 2, cls: 3, grid: { 1000: 5, 10000: 3, 50000: 2 } };
/** Naive first renders at 50,000 take ~15 s each: one run there. */
const NAIVE_GRID_RUNS = { 1000: RUNS.grid[1000], 10000: RUNS.grid[10000], 50000: 1 };
const GRID_SIZES = Object.keys(RUNS.grid).map(Number);

// —— statistics ————————————————————————————————————————————————————————————
const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => {
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (values, p) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

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

const gridSelector = (impl) => (impl === 'naive' ? 'naive-grid' : 'persona-grid');
const changeEvent = (impl) => (impl === 'naive' ? 'naive-grid-change' : 'persona-grid-change');

async function firstRender(page, impl) {
  return page.evaluate(async (selector) => {
    const painted = await bench.firstPainted;
    const response = bench.resourceEnd('/api/generated.json');
    return {
      total: painted - bench.start(),
      afterResponse: painted - response.end,
      response: response.end - bench.start(),
      painted,
      elements: bench.countElements(document.querySelector(selector)),
      errors: bench.errors,
    };
  }, gridSelector(impl));
}

/** Types the query one key at a time, each key after the previous one's results were painted. */
async function typeQuery(page, impl, query) {
  await page.evaluate((selector) => {
    const grid = document.querySelector(selector);
    if (!bench.naive) bench.watchQuery(grid);
  }, gridSelector(impl));
  await page.locator(`${gridSelector(impl)} #q`).click();
  const keys = [];
  for (const key of query) {
    await page.evaluate((event) => bench.armKeystroke(event), changeEvent(impl));
    await page.keyboard.type(key);
    const k = await page.evaluate(() => bench.keystroke());
    keys.push({ key, work: k.painted - k.apply, inputToPaint: k.painted - k.input, count: k.count });
  }
  return keys;
}

/** In-page breakdown of the real grid's first render: JSON.parse, validation, index build. */
async function gridDiagnostics(page, n) {
  return page.evaluate(async (n) => {
    const { parseCollection, PersonaIndex } = await import('/bench/internals.js');
    const text = await (await fetch(`/api/generated.json?n=${n}&diagnostics`)).text();
    let t = performance.now();
    const json = JSON.parse(text);
    const jsonParse = performance.now() - t;
    t = performance.now();
    const page = parseCollection(json);
    const validate = performance.now() - t;
    t = performance.now();
    new PersonaIndex(page.personas);
    const indexBuild = performance.now() - t;
    return { jsonParse, validate, indexBuild, valid: page.personas.length };
  }, n);
}

async function gridBench(browser, server, n, impl) {
  const runs = impl === 'naive' ? NAIVE_GRID_RUNS[n] : RUNS.grid[n];
  const renders = [];
  let detail;
  for (let run = 0; run < runs; run++) {
    const { context, page, problems } = await open(browser, server, `/bench/pages/grid.html?impl=${impl}&n=${n}`);
    const r = await firstRender(page, impl);
    check(problems, r.errors, `grid ${impl} ${n}`);
    renders.push(r);
    if (impl === 'real' && run === 0 && runs > 1) {
      // A user who types at once: the first key also finishes the search index the grid was
      // building in idle time.
      const [cold] = await typeQuery(page, impl, GRID_QUERY[0]);
      detail = { ...detail, coldFirstKey: cold.work };
    }
    if (run === runs - 1) {
      const heapAfterRender = await heap(page);
      let indexReady;
      if (impl === 'real') {
        indexReady = (await page.evaluate(() => bench.idleSettled())) - r.painted;
      }
      const heapSettled = impl === 'real' ? await heap(page) : heapAfterRender;
      log(`  grid ${impl} ${n.toLocaleString('en')}: typing "${GRID_QUERY}"`);
      const keys = await typeQuery(page, impl, GRID_QUERY);
      const heapAfterSearch = await heap(page);
      const diagnostics = impl === 'real' ? await gridDiagnostics(page, n) : undefined;
      check(problems, await page.evaluate(() => bench.errors), `grid ${impl} ${n}`);
      detail = {
        ...detail,
        elements: r.elements,
        heapAfterRender,
        heapSettled,
        heapAfterSearch,
        indexReady,
        keys,
        diagnostics,
      };
    }
    await context.close();
  }
  const work = detail.keys.map((k) => k.work);
  const inputToPaint = detail.keys.map((k) => k.inputToPaint);
  return {
    n,
    runs,
    firstRender: median(renders.map((r) => r.total)),
    afterResponse: median(renders.map((r) => r.afterResponse)),
    response: median(renders.map((r) => r.response)),
    renders,
    keystroke: { p50: percentile(work, 50), p95: percentile(work, 95), count: work.length },
    inputToPaint: { p50: percentile(inputToPaint, 50), p95: percentile(inputToPaint, 95) },
    ...detail,
  };
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
    ['dist/persona-widgets.js (one script tag, everything)', sizes.files['dist/persona-widgets.js']],
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
  row('requests: 50 cards + grid + form on one src', requests.real.requests, requests.naive.requests, int);
  row('  endpoint bytes transferred', requests.real.bytes, requests.naive.bytes, kb);
  row('  script start → 50 cards + grid painted', requests.real.allPainted, requests.naive.allPainted, ms);
  row(`CLS: 10 cards, endpoint answers after 500 ms (median of ${cls.runs})`, cls.real, cls.naive, (v) => v.toFixed(3));
  row('  host CSS reserves the skeleton before the script runs', cls.reserved, cls.naive, (v) => v.toFixed(3));
  for (const n of Object.keys(grid).map(Number)) {
    const real = grid[n].real;
    const naive = grid[n].naive;
    const label = `grid ${n.toLocaleString('en')}`;
    row(`${label}: first render, script start → painted (median of ${real.runs}/${naive.runs})`, real.firstRender, naive.firstRender, ms);
    row(`${label}: of which after the response arrived`, real.afterResponse, naive.afterResponse, ms);
    row(`${label}: keystroke → results painted, p50 (${real.keystroke.count} keys)`, real.keystroke.p50, naive.keystroke.p50, ms);
    row(`${label}: keystroke → results painted, p95`, real.keystroke.p95, naive.keystroke.p95, ms);
    row(`${label}: input event → painted p95, incl. the grid's 100 ms debounce`, real.inputToPaint.p95, naive.inputToPaint.p95, ms);
    row(`${label}: DOM elements after render (incl. shadow roots)`, real.elements, naive.elements, int);
    row(`${label}: JS heap after render (after GC)`, real.heapAfterRender, naive.heapAfterRender, mb);
    row(`${label}: JS heap after the search (index built)`, real.heapAfterSearch, naive.heapAfterSearch, mb);
  }
  const p = card.phases;
  const extras = [
    `card (medians, after script start): element defined ${ms(p.real.defined)} (npm entry ${ms(p.entry?.defined)}, naive ${ms(p.naive.defined)}), ` +
      `endpoint answered ${ms(p.real.response)} (npm entry ${ms(p.entry?.response)}, naive ${ms(p.naive.response)}), persona painted ${ms(card.real)} (naive ${ms(card.naive)})`,
  ];
  extras.push(...Object.keys(grid).map((n) => {
    const real = grid[n].real;
    const d = real.diagnostics;
    return `grid ${Number(n).toLocaleString('en')} (${kb(results.gridBytes[n])} JSON): JSON.parse ${ms(d.jsonParse)}, validation ${ms(d.validate)}, ` +
      `index build ${ms(d.indexBuild)} (in idle slices: complete ${ms(real.indexReady)} after first paint)` +
      (real.coldFirstKey !== undefined ? `, first key typed at once ${ms(real.coldFirstKey)}` : '');
  }));
  extras.push(
    'JS heap is V8\'s only: the DOM lives in Blink\'s heap, so the naive grid\'s tens of thousands of elements barely show in it.',
    'keystroke → results painted: from the moment the grid applies the query (after its 100 ms input debounce; the naive grid has none) to the paint showing the results; each key typed after the previous one\'s results were painted.',
  );
  const machineLine =
    `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB · Chromium ${m.chromium} (headless) · Node ${m.node} · ${m.platform}` +
    ` · load average ${m.loadAverage} at start`;
  return { sizeRows, figures, extras, machineLine };
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
  const { sizeRows, figures, extras, machineLine } = tables(results);
  const sizeHeaders = ['size (bytes; gzip = zlib level 6)', 'minified', 'gzip'];
  const figureHeaders = ['figure', 'persona-widgets', 'naive baseline', 'ratio'];
  const text = [
    `persona-widgets bench, ${results.date}`,
    `machine: ${machineLine}`,
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
  const cardTimes = { real: [], entry: [], naive: [] };
  for (let i = 0; i < RUNS.card; i++) {
    for (const impl of ['real', 'entry', 'naive']) cardTimes[impl].push(await cardRun(browser, server, impl));
  }
  const phases = (list) => ({
    defined: median(list.map((r) => r.defined)),
    response: median(list.map((r) => r.response)),
  });
  const spread = (list) => ({ median: median(list), min: Math.min(...list), max: Math.max(...list) });
  results.card = {
    runs: RUNS.card,
    real: median(cardTimes.real.map((r) => r.total)),
    entry: median(cardTimes.entry.map((r) => r.total)),
    naive: median(cardTimes.naive.map((r) => r.total)),
    spread: Object.fromEntries(Object.entries(cardTimes).map(([impl, list]) => [impl, spread(list.map((r) => r.total))])),
    /** Every JS response of a cards-only page (gzip), and which files they were. */
    jsBytes: Object.fromEntries(Object.entries(cardTimes).map(([impl, list]) => [impl, Math.max(...list.map((r) => r.jsBytes))])),
    scripts: Object.fromEntries(Object.entries(cardTimes).map(([impl, list]) => [impl, list[0].scripts])),
    phases: { real: phases(cardTimes.real), entry: phases(cardTimes.entry), naive: phases(cardTimes.naive) },
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

  results.grid = {};
  for (const n of part('grid') ? GRID_SIZES : []) {
    results.gridBytes[n] = server.prepare(n);
    results.grid[n] = {};
    for (const impl of ['real', 'naive']) {
      log(`grid ${n.toLocaleString('en')} personas, ${impl}`);
      results.grid[n][impl] = await gridBench(browser, server, n, impl);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
results.runtimeSeconds = (Date.now() - started) / 1000;

if (only) {
  console.log(JSON.stringify({ card: results.card && { ...results.card, samples: undefined }, cls: results.cls && { ...results.cls, samples: undefined }, requests: results.requests && { real: results.requests.real, naive: results.requests.naive } }, null, 1));
  process.exit(0);
}
const { text, markdown } = render(results);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(root, 'bench', 'results', 'latest.md'), `${markdown}\n`);
console.log(text);
log('wrote bench/results/latest.json and bench/results/latest.md');
