/**
 * A keyboard-only walkthrough, as a person who cannot use a mouse would go:
 * grid search → a card → its profile → "Help complete …" → the form → send →
 * Escape → Escape → focus back on the card. Only Tab, arrows, Enter, Escape and typing.
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

test('grid → card → profile → help complete → form → send → back, by keyboard alone', async () => {
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

  // Enter opened the persona's profile, a modal side sheet: focus is on its Close button.
  await page.waitForFunction(() => document.querySelector('persona-grid')!.shadowRoot!.querySelector('dialog')?.open);
  assert.match(await focused(), /^button\|\|× Close/);

  // In the profile (the full card), "Help complete …" opens the form for a missing field in a modal dialog.
  const invitation = await tabTo(/^button\|Help complete /);
  const field = invitation.split('|')[2]!;
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
  await page.waitForFunction(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return /Thank you/.test(element?.closest('[part~="success"]')?.textContent ?? element?.textContent ?? '');
  });
  assert.equal(received.length, 1);
  assert.equal(received[0]!.kind, 'extend');
  assert.match(String(received[0]!.pid), /^APP-/);
  assert.ok(field);

  await page.keyboard.press('Escape');
  assert.equal(await focused(), invitation, 'focus returns to the button that opened the dialog');

  // Escape again closes the profile: focus is back on the card that opened it.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('persona-grid')!.shadowRoot!.querySelector('dialog'));
  assert.equal(await focused(), first, 'focus returns to the card');
});
