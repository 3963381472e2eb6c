/**
 * Looks at a page as a person would: opens it in headless Chromium and saves
 * a full-page screenshot. Prints console errors and page errors it saw.
 *
 *   node scripts/screenshot.mjs <url> <out.png> [--width=1200] [--dark] [--viewport] [--wait=ms]
 */
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../test/support/chromium.mjs';

const [url, out = 'screenshot.png', ...flags] = process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [--width=1200] [--dark] [--viewport] [--wait=ms]');
  process.exit(2);
}
const flag = (name, fallback) => flags.find((f) => f.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs,
});
const page = await browser.newPage({
  viewport: { width: Number(flag('width', 1200)), height: 900 },
  colorScheme: flags.includes('--dark') ? 'dark' : 'light',
});
page.on('console', (msg) => msg.type() === 'error' && console.log('console error:', msg.text()));
page.on('pageerror', (error) => console.log('page error:', error.message));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(Number(flag('wait', 500)));
await page.screenshot({ path: out, fullPage: !flags.includes('--viewport') });
await browser.close();
console.log(`saved ${out}`);
