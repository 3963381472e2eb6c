// Temporary: screenshots of the product page with a profile open (deleted before the final commit).
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../test/support/chromium.mjs';
const [base, outDir] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
for (const [w, h] of [[1280, 900], [375, 800]]) {
  for (const theme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: theme });
    page.on('pageerror', (e) => console.log('page error:', e.message));
    page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
    await page.goto(`${base}/product.html`, { waitUntil: 'networkidle' });
    await page.evaluate((t) => document.querySelector('persona-grid').setAttribute('theme', t), theme);
    if (theme === 'dark') await page.evaluate(() => (document.body.style.background = '#0d1117'));
    await page.locator('persona-grid [part~="item"]').nth(0).click({ position: { x: 150, y: 12 } });
    await page.waitForTimeout(800);
    console.log(w, theme, 'url:', page.url().replace(base, ''), 'focus:', await page.evaluate(() => {
      const g = document.querySelector('persona-grid'); const a = g.shadowRoot.activeElement; return a ? a.outerHTML.slice(0, 80) : 'none';
    }));
    await page.screenshot({ path: `${outDir}/profile-${w}-${theme}.png` });
    // Scroll the sheet's body: its header must stay in view.
    await page.evaluate(() => document.querySelector('persona-grid').shadowRoot.querySelector('.profile-body').scrollTop = 900);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${outDir}/profile-${w}-${theme}-scrolled.png` });
    if (theme === 'light' && w === 1280) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/grid-${w}.png` });
      console.log('after Escape url:', page.url().replace(base, ''));
    }
    await page.close();
  }
}
await browser.close();
