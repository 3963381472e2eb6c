import { serve, launch } from './lib/server.mjs';
import { open } from './lib/pages.mjs';
const server = await serve();
const browser = await launch();
const { context, page } = await open(browser, server, `/bench/pages/grid.html?impl=real&n=1000`);
await page.evaluate(() => bench.gridPainted);
await page.waitForTimeout(1500);
const variants = {
  none: '',
  noContainer: ':host{container-type:normal!important}',
  noClamp: '.clampable{display:block!important;-webkit-line-clamp:none!important;overflow:visible!important}',
  weights400: '*{font-weight:400!important}',
  all: ':host{container-type:normal!important} .clampable{display:block!important;-webkit-line-clamp:none!important;overflow:visible!important} *{font-weight:400!important}',
};
for (const [name, css] of Object.entries(variants)) {
  const r = await page.evaluate(async (css) => {
    const grid = document.querySelector('persona-grid');
    const cards = [...grid.shadowRoot.querySelectorAll('persona-card')];
    const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
    for (const c of cards) c.shadowRoot.adoptedStyleSheets = [...c.shadowRoot.adoptedStyleSheets.filter(s => !s.__probe), Object.assign(sheet, { __probe: true })];
    const main = document.querySelector('main');
    const times = [];
    for (let i = 0; i < 21; i++) {
      main.style.maxWidth = (i % 2 ? 80 : 79) + 'rem';
      const t = performance.now(); document.body.offsetHeight; grid.getBoundingClientRect(); cards[0].shadowRoot.firstElementChild?.getBoundingClientRect();
      times.push(performance.now() - t);
      await new Promise(r => requestAnimationFrame(r));
    }
    times.sort((a, b) => a - b);
    return { n: cards.length, median: times[10].toFixed(2) };
  }, css);
  console.log(name, r);
}
await browser.close(); await server.close?.(); process.exit(0);
