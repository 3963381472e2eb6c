/**
 * Reflow (WCAG 1.4.10): at 320 CSS pixels wide — a phone, or a 1280px window
 * at 400% zoom — and at 200% zoom of a 1024px window, nothing needs
 * horizontal scrolling and nothing is cut off.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { personasRoute, useBrowser } from './browser.js';

const e2e = useBrowser({ routes: [personasRoute] });

for (const [label, viewport] of [
  ['320px wide', { width: 320, height: 640 }],
  ['200% zoom of 1024px', { width: 512, height: 384 }],
] as const) {
  test(`no horizontal overflow at ${label}`, async () => {
    const page = await e2e.browser.newPage({ viewport, deviceScaleFactor: 2 });
    await page.goto(`${e2e.server.url}/test/e2e/fixtures/narrow.html`);
    await page.locator('persona-card[persona-id="GLUE-001"]').getByRole('heading', { name: 'Frustrations' }).waitFor();
    await page.locator('persona-grid persona-card').first().waitFor();
    await page.locator('contribute-form textarea').waitFor();
    const overflow = await page.evaluate(() => {
      const out: string[] = [];
      if (document.documentElement.scrollWidth > innerWidth) {
        out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
      }
      // Every element inside every shadow root stays within the viewport. (A work list, not a
      // named recursive helper: the test's compiler would wrap that in a helper the page lacks.)
      const roots: [Document | ShadowRoot, string][] = [[document, '']];
      for (let next = roots.pop(); next; next = roots.pop()) {
        const [root, path] = next;
        for (const element of root.querySelectorAll('*')) {
          const box = element.getBoundingClientRect();
          const name = `${path} ${element.tagName.toLowerCase()}`;
          if (box.width > 0 && box.right > innerWidth + 1) {
            out.push(`${name}[part=${element.getAttribute('part') ?? ''}] ends at ${Math.round(box.right)}`);
          }
          if (element.shadowRoot) roots.push([element.shadowRoot, name]);
        }
      }
      return out.slice(0, 10);
    });
    await page.close();
    assert.deepEqual(overflow, []);
  });
}
