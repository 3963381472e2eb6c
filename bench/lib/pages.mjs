/**
 * Page flows shared by the bench (bench/run.mjs) and the budget check
 * (scripts/check-budgets.mjs), so both measure the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './server.mjs';

const demo = JSON.parse(readFileSync(join(root, 'demo', 'data', 'personas.json'), 'utf8'));
/** The demo library's pids, in order. */
export const pids = (Array.isArray(demo) ? demo : demo.personas).map((p) => p.pid);

/**
 * A fresh context (cold cache) and page at `path`, collecting uncaught page errors. `latency`:
 * every response arrives that many ms late (Chromium's network emulation), as over a real network.
 */
export async function open(browser, server, path, { latency = 0 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.setDefaultTimeout(120_000);
  if (latency) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  }
  await page.goto(`${server.url}${path}`);
  return { context, page, problems };
}

/** V8 heap in use after two forced garbage collections (DevTools protocol). */
export async function heap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Throws when the page had uncaught errors or an element reported `persona-error`. */
export function check(problems, errors, what) {
  const all = [...problems, ...(errors ?? [])];
  if (all.length) throw new Error(`${what}: ${all.join('; ')}`);
}

/**
 * 50 cards + a grid + a form on one src (impl `real`), or the same elements
 * each with its own URL (impl `unique`): endpoint requests counted at the server.
 */
export async function requestsRun(browser, server, impl) {
  server.reset();
  const { context, page, problems } = await open(
    browser,
    server,
    `/bench/pages/requests.html?impl=${impl}&pids=${pids.slice(0, 50).join(',')}`,
  );
  const r = await page.evaluate(async () => {
    // 50 cards and the grid announce their content (the grid stops its own cards' events).
    const painted = await bench.loaded(51);
    return { painted, start: bench.start(), errors: bench.errors };
  });
  // Whatever else would fetch (the form's persona picker) has had time to: wait for quiet.
  let last = -1;
  while (server.stats().requests !== last) {
    last = server.stats().requests;
    await page.waitForTimeout(400);
  }
  check(problems, r.errors, `requests ${impl}`);
  const stats = server.stats();
  await context.close();
  return { requests: stats.requests, distinct: stats.distinct, bytes: stats.bytes, byUrl: stats.byUrl, allPainted: r.painted - r.start };
}

/** Elements (shadow roots included) of a grid over `n` generated personas once painted. */
export async function gridElements(browser, server, n, impl = 'real') {
  server.prepare(n);
  const { context, page, problems } = await open(browser, server, `/bench/pages/grid.html?impl=${impl}&n=${n}`);
  const r = await page.evaluate(async () => {
    await bench.firstPainted;
    return { elements: bench.countElements(document.querySelector('persona-grid, naive-grid')), errors: bench.errors };
  });
  check(problems, r.errors, `grid ${impl} ${n}`);
  await context.close();
  return r.elements;
}
