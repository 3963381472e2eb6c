// temporary: trace the long tasks after first paint (renderer events by duration)
import { launch, serve } from './lib/server.mjs';
import { open } from './lib/pages.mjs';
import { GRID_QUERY } from './lib/generate.mjs';
const n = Number(process.argv[2] ?? 50000);
const server = await serve();
const browser = await launch();
for (let run = 0; run < Number(process.argv[3] ?? 2); run++) {
const { context, page } = await open(browser, server, `/bench/pages/grid.html?impl=real&n=${n}`);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
const painted = await page.evaluate(() => bench.gridPainted);
await page.evaluate(() => performance.mark('painted-seen'));
await page.evaluate(() => bench.watchQuery(document.querySelector('persona-grid')));
await page.locator('persona-grid #q').focus();
for (const key of GRID_QUERY) {
  await page.evaluate(() => bench.armKeystroke('persona-grid-change'));
  await page.keyboard.type(key);
  await page.evaluate(() => bench.keystroke());
  if (key === GRID_QUERY[0]) await page.evaluate(() => bench.idleSettled());
}
const tasks = await page.evaluate((p) => bench.longTasks.filter((t) => t.start >= p), painted);
const buf = await browser.stopTracing();
const trace = JSON.parse(buf.toString());
const ev = trace.traceEvents;
const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ev.some((x) => x.pid === e.pid && x.name === 'RunTask'));
const mark = ev.find((e) => e.name === 'painted-seen');
console.log('long tasks after paint:', tasks.map((x) => `${(x.start - painted).toFixed(0)}ms+${x.duration.toFixed(0)}`).join(' '));
const runTasks = ev.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.name === 'RunTask' && e.dur > 40000);
for (const rt of runTasks) {
  const inside = ev.filter((e) => e.pid === rt.pid && e.tid === rt.tid && e.ts >= rt.ts && e.ts < rt.ts + rt.dur && e.dur && e !== rt);
  const by = new Map();
  for (const e of inside) { const k = e.name + (e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name==='EventDispatch' ? ' ' + (e.args?.data?.functionName || e.args?.data?.type || '') : ''); by.set(k, (by.get(k) ?? 0) + e.dur / 1000); }
  console.log(`\nRunTask ${(rt.dur/1000).toFixed(1)} ms at ${((rt.ts - mark.ts) / 1000).toFixed(0)} ms after painted-seen:`);
  console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `  ${v.toFixed(1)} ${k}`).join('\n'));
}
await context.close();
}
await browser.close(); process.exit(0);
