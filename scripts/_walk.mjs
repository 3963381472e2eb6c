import { chromium } from 'playwright-core';
import { chromiumArgs } from '../test/support/chromium.mjs';
const base = 'http://127.0.0.1:5199';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
for (const [w, scheme] of [[1280, 'light'], [375, 'dark']]) {
  const page = await browser.newPage({ viewport: { width: w, height: 800 }, colorScheme: scheme });
  page.on('pageerror', (e) => console.log('page error', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console error', m.text()));
  await page.goto(`${base}/product.html`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shots/product-${w}-${scheme}.png` });
  const card = page.locator('persona-grid').locator('li[part~="item"]').first();
  await card.click({ position: { x: 60, y: 100 } });
  await page.waitForTimeout(1200);
  console.log(w, scheme, 'url', page.url());
  await page.screenshot({ path: `/tmp/shots/profile-${w}-${scheme}.png` });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(400);
  console.log('after Escape url', page.url());
  // tab count from the first card to Show more
  await page.goto(`${base}/wiki.html`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `/tmp/shots/wiki-${w}-${scheme}.png`, fullPage: false });
  await page.close();
}
await browser.close();
