import { serve, launch } from './lib/server.mjs';
import { open } from './lib/pages.mjs';
const server = await serve();
const browser = await launch();
const n = Number(process.argv[2] || 1000);
for (let i = 0; i < 5; i++) {
  const { context, page } = await open(browser, server, `/bench/pages/grid.html?impl=real&n=${n}`);
  const r = await page.evaluate(async () => {
    const defined = customElements.whenDefined('persona-grid').then(() => performance.now());
    const painted = await bench.gridPainted;
    const res = performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname.replace(/.*\//,''), Math.round(e.startTime), Math.round(e.responseEnd)]);
    return { start: Math.round(bench.start()), defined: Math.round(await defined), painted: Math.round(painted), res };
  });
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close(); await server.close?.(); process.exit(0);
