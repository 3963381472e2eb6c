// temporary: where do the long tasks after first paint go at N personas?
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { launch, serve, root } from './lib/server.mjs';
import { open } from './lib/pages.mjs';
import { GRID_QUERY } from './lib/generate.mjs';
const n = Number(process.argv[2] ?? 50000);
const server = await serve();
const browser = await launch();
const { context, page } = await open(browser, server, `/bench/pages/grid.html?impl=real&n=${n}`);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
const painted = await page.evaluate(() => bench.gridPainted);
await cdp.send('Profiler.start');
const t0 = await page.evaluate(() => performance.now());
await page.evaluate(() => bench.watchQuery(document.querySelector('persona-grid')));
await page.locator('persona-grid #q').focus();
for (const key of GRID_QUERY) {
  await page.evaluate(() => bench.armKeystroke('persona-grid-change'));
  await page.keyboard.type(key);
  await page.evaluate(() => bench.keystroke());
  if (key === GRID_QUERY[0]) await page.evaluate(() => bench.idleSettled());
}
await page.waitForTimeout(300);
const { profile } = await cdp.send('Profiler.stop');
const tasks = await page.evaluate((p) => bench.longTasks.filter((t) => t.start >= p), painted);
const maps = new Map();
const mapFor = (url) => {
  const path = new URL(url).pathname; const file = join(root, path) + '.map';
  if (!maps.has(file)) maps.set(file, existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) : null);
  return maps.get(file);
};
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const label = (node) => {
  const f = node.callFrame; if (!f.url) return f.functionName || '(native)';
  const m = f.url.startsWith('http') ? mapFor(f.url) : null;
  if (m) { const o = m.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber }); if (o.source) return `${o.name ?? f.functionName ?? '?'} ${o.source.replace(/.*src\//, 'src/')}:${o.line}`; }
  return `${f.functionName} ${f.url.split('/').pop()}:${f.lineNumber}`;
};
const parents = new Map(); for (const node of profile.nodes) for (const c of node.children ?? []) parents.set(c, node.id);
let t = profile.startTime; const times = [];
for (let i = 0; i < profile.samples.length; i++) { t += profile.timeDeltas[i]; times.push((t - profile.startTime) / 1000 + t0); }
console.log('first paint', painted.toFixed(0), 'long tasks', tasks.map((x) => `${x.start.toFixed(0)}+${x.duration.toFixed(0)}`).join(' '));
for (const task of tasks.filter((x) => x.duration > 40)) {
  const self = new Map(); const incl = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    if (times[i] < task.start || times[i] > task.start + task.duration) continue;
    let id = profile.samples[i]; const l = label(nodes.get(id)); self.set(l, (self.get(l) ?? 0) + 1);
    const seen = new Set();
    while (id !== undefined) { const L = label(nodes.get(id)); if (!seen.has(L)) { seen.add(L); incl.set(L, (incl.get(L) ?? 0) + 1); } id = parents.get(id); }
  }
  const ms = (c) => (c * 0.5).toFixed(1);
  console.log(`\n== task at ${task.start.toFixed(0)} (${task.duration.toFixed(0)} ms)`);
  console.log(' self:', [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${ms(v)} ${k}`).join('\n       '));
  console.log(' incl:', [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${ms(v)} ${k}`).join('\n       '));
}
await browser.close(); process.exit(0);
