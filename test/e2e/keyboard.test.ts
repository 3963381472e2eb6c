/**
 * A keyboard-only walkthrough, as a person who cannot use a mouse would go:
 * grid search → a card → its actions menu → "Suggest an edit" → the form → send → Escape →
 * focus back where it was. Only Tab, arrows, Enter, Escape and typing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { contributionsRoute, personasRoute, useBrowser } from './browser.js';

const received: Record<string, unknown>[] = [];
let page: Page;
const e2e = useBrowser({ routes: [personasRoute, contributionsRoute(received)] }, async () => {
  page = await e2e.browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${e2e.server.url}/test/e2e/fixtures/keyboard.html`);
  await page.locator('persona-grid persona-card').first().waitFor();
});

/** What has focus, through every shadow root: "tag|name|text". */
function focused(): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return '';
    const name = element.getAttribute('aria-label') ?? element.getAttribute('name') ?? '';
    return `${element.tagName.toLowerCase()}|${name}|${(element.textContent ?? '').trim().slice(0, 60)}`;
  });
}

/** Presses Tab until focus matches, failing after `max` presses. */
async function tabTo(pattern: RegExp, max = 40): Promise<string> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (pattern.test(now)) return now;
  }
  throw new Error(`Tab never reached ${pattern}; focus is on ${await focused()}`);
}

test('grid → card → suggest an edit → form → send → back, by keyboard alone', async () => {
  await tabTo(/^input\|/); // the search box
  await page.keyboard.type('segment data');
  // Ranked results: the two Segment data personas come first. Complete ones: while the index is still
  // being built the grid shows a first answer ("(loading more…)") and re-renders its cards when done.
  await page.waitForFunction(() => {
    const grid = document.querySelector('persona-grid')!.shadowRoot!;
    const cards = [...grid.querySelectorAll('persona-card')];
    const titles = cards.map((card) => card.shadowRoot!.querySelector('[part~="title"]')?.textContent ?? '');
    const complete = !(grid.textContent ?? '').includes('loading more');
    return complete && titles.length < 83 && /Segment Data/.test(titles[0] ?? '') && /Segment Data/.test(titles[1] ?? '');
  });

  // Into the grid: the first card's cell takes Tab; arrows move between cards.
  const first = await tabTo(/Segment Data/);
  await page.keyboard.press('ArrowRight');
  const second = await focused();
  assert.notEqual(second, first, 'ArrowRight moves to the next card');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), first);

  // The listener is in place before Enter is pressed: evaluate returns once it is attached.
  await page.evaluate(() => {
    (window as unknown as { selected: Promise<string> }).selected = new Promise<string>((resolve, reject) => {
      document.addEventListener('persona-select', (e) => resolve((e as CustomEvent).detail.persona.pid), { once: true });
      setTimeout(() => reject(new Error('Enter on a card fired no persona-select within 10 s')), 10_000);
    });
  });
  await page.keyboard.press('Enter');
  const selected = await page.evaluate(() => (window as unknown as { selected: Promise<string> }).selected);
  assert.match(selected, /^APP-/);

  // The card's actions menu: Enter opens it on its first item, End goes to "Suggest an edit",
  // which opens the form in a modal dialog.
  await tabTo(/^button\|Actions for /);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.getAttribute('role') === 'menuitem';
  });
  await page.keyboard.press('End');
  assert.match(await focused(), /^button\|\|Suggest an edit/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    [...document.querySelector('persona-grid')!.shadowRoot!.querySelectorAll('persona-card')].some(
      (card) => card.shadowRoot!.querySelector('dialog')?.open,
    ),
  );
  const text = await tabTo(/^textarea\|text/);
  assert.ok(text);
  await page.keyboard.type('They keep a changelog of every tracking plan change.');
  await tabTo(/^button\|\|Send contribution/);
  await page.keyboard.press('Enter');
  // Which part of the persona is being corrected was left open: the form says so and focuses it.
  await page.waitForFunction(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.getAttribute('name') === 'field';
  });
  assert.equal(received.length, 0);
  await page.keyboard.type('Aha'); // select typeahead: "Aha moment"
  await tabTo(/^button\|\|Send contribution/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return /Thank you/.test(element?.closest('[part~="success"]')?.textContent ?? element?.textContent ?? '');
  });
  assert.equal(received.length, 1);
  assert.equal(received[0]!.kind, 'correct');
  assert.equal(received[0]!.field, 'aha_moment');
  assert.match(String(received[0]!.pid), /^APP-/);

  await page.keyboard.press('Escape');
  assert.match(await focused(), /^button\|Actions for /, 'focus returns to the menu button that opened the dialog');
});
