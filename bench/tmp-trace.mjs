import { serve, launch } from './lib/server.mjs';
import { writeFileSync } from 'node:fs';
const server = await serve();
const browser = await launch();
const n = Number(process.argv[2] || 1000);
const context = await browser.newContext();
const page = await context.newPage();
// warm the server/generator
await page.goto(`${server.url}/bench/pages/grid.html?impl=real&n=${n}`); await page.evaluate(() => bench.gridPainted);
const p2 = await context.newPage();
await browser.startTracing(p2, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
await p2.goto(`${server.url}/bench/pages/grid.html?impl=real&n=${n}&x=1`);
const r = await p2.evaluate(async () => ({ painted: await bench.gridPainted, origin: performance.timeOrigin }));
await new Promise((res) => setTimeout(res, 300));
const buf = await browser.stopTracing();
writeFileSync('/tmp/trace.json', buf);
console.log(r);
await browser.close(); await server.close?.(); process.exit(0);
