/**
 * The grid's figures, each over the same generated collection in fresh pages:
 * the real grid (dist/persona-widgets.js), the naive grid and the floor
 * (JSON.parse of the response + 24 plain cards: what no grid can beat).
 *
 * One run of the real or naive grid, as a user meets it:
 * 1. the first page painted (from script start, and from the response's last byte);
 * 2. the first key, typed at once after that paint: input event → its first results
 *    painted (the real grid also reports when its complete results were in);
 * 3. once idle work has settled (the search index built), the rest of GRID_QUERY one key
 *    at a time, each after the previous one's results were painted: input → painted per key;
 * 4. the longest main-thread task after the first paint (Long Tasks API), through step 3.
 * The last run also counts DOM elements, the JS heap and (real) times the parser and the
 * index on their own.
 */
import { GRID_QUERY } from './generate.mjs';
import { check, heap, open } from './pages.mjs';
import { percentile, spread } from './stats.mjs';

const selector = { real: 'persona-grid', naive: 'naive-grid', floor: 'floor-grid' };
const changeEvent = (impl) => (impl === 'naive' ? 'naive-grid-change' : 'persona-grid-change');

/** Types `keys` one at a time, each after the previous one's results were painted. */
async function typeKeys(page, impl, keys) {
  const out = [];
  for (const key of keys) {
    await page.evaluate((event) => bench.armKeystroke(event), changeEvent(impl));
    await page.keyboard.type(key);
    const k = await page.evaluate(() => bench.keystroke());
    out.push({ key, input: k.input, work: k.painted - k.apply, inputToPaint: k.painted - k.input });
  }
  return out;
}

/** In-page breakdown of the real grid's first render: JSON.parse, validation, index build. */
async function diagnostics(page, n) {
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

async function gridRun(browser, server, n, impl, last) {
  const { context, page, problems } = await open(browser, server, `/bench/pages/grid.html?impl=${impl}&n=${n}`);
  const first = await page.evaluate(async () => {
    const painted = await bench.gridPainted;
    const response = bench.resourceEnd('/api/generated.json');
    return { painted, total: painted - bench.start(), afterResponse: painted - response.end, errors: bench.errors };
  });
  check(problems, first.errors, `grid ${impl} ${n}`);
  const run = { total: first.total, afterResponse: first.afterResponse };
  if (impl === 'floor') {
    await context.close();
    return run;
  }

  await page.evaluate((tag) => {
    if (!bench.naive) bench.watchQuery(document.querySelector(tag));
  }, selector[impl]);
  await page.locator(`${selector[impl]} #q`).focus();
  const [firstKey] = await typeKeys(page, impl, GRID_QUERY[0]);
  run.firstKey = firstKey.inputToPaint;
  const settled = await page.evaluate(async () => {
    // Complete results of the first key: its change event (the naive grid's is synchronous).
    while (!bench.changes.length) await new Promise((resolve) => setTimeout(resolve, 5));
    return { changed: bench.changes[0], idle: await bench.idleSettled() };
  });
  if (impl === 'real') {
    // Every persona is in (the client's caps are raised for the bench): "1 of 50,000 personas".
    const count = await page.evaluate(() => document.querySelector('persona-grid').shadowRoot.querySelector('[part~="count"]').textContent);
    if (!count.includes(` of ${n.toLocaleString('en')} personas`)) throw new Error(`grid real ${n}: the count reads "${count.trim()}"`);
  }
  run.firstKeyComplete = settled.changed - firstKey.input;
  run.indexReady = settled.idle - first.painted;
  run.keys = await typeKeys(page, impl, GRID_QUERY.slice(1));
  const inputToPaint = run.keys.map((k) => k.inputToPaint);
  run.inputToPaint = { p50: percentile(inputToPaint, 50), p95: percentile(inputToPaint, 95) };
  const tasks = await page.evaluate((painted) => bench.longTasks.filter((task) => task.start >= painted), first.painted);
  run.longestTask = Math.max(0, ...tasks.map((task) => task.duration));
  run.longTasks = tasks.length;
  check(problems, await page.evaluate(() => bench.errors), `grid ${impl} ${n}`);
  if (last) {
    run.elements = await page.evaluate((tag) => bench.countElements(document.querySelector(tag)), selector[impl]);
    run.heapAfterSearch = await heap(page);
    if (impl === 'real') run.diagnostics = await diagnostics(page, n);
  }
  await context.close();
  return run;
}

/** `runs` fresh pages of one grid implementation; each figure as median and range over the runs. */
export async function gridBench(browser, server, n, impl, runs, log) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    if (impl !== 'floor' && i === runs - 1) log(`  grid ${impl} ${n.toLocaleString('en')}: last run, typing "${GRID_QUERY}"`);
    samples.push(await gridRun(browser, server, n, impl, i === runs - 1));
  }
  const of = (pick) => spread(samples.map(pick));
  const result = { n, impl, runs, afterResponse: of((r) => r.afterResponse), firstRender: of((r) => r.total), samples };
  if (impl === 'floor') return result;
  const last = samples.at(-1);
  return {
    ...result,
    firstKey: of((r) => r.firstKey),
    firstKeyComplete: of((r) => r.firstKeyComplete),
    inputToPaintP95: of((r) => r.inputToPaint.p95),
    inputToPaintP50: of((r) => r.inputToPaint.p50),
    keys: samples[0].keys.length,
    longestTask: of((r) => r.longestTask),
    indexReady: impl === 'real' ? of((r) => r.indexReady) : undefined,
    elements: last.elements,
    heapAfterSearch: last.heapAfterSearch,
    diagnostics: last.diagnostics,
  };
}
