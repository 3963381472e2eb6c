/**
 * Iframe mode: dist/embed.html on one origin, inside a host page on another,
 * renders the requested element and keeps the iframe sized to its content.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { personasRoute, useBrowser } from './browser.js';

let page: Page;
const dialogs: string[] = [];
const e2e = useBrowser({ routes: [personasRoute] }, async () => {
  page = await e2e.browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${e2e.server.url}/test/e2e/fixtures/iframe-parent.html`);
});

async function frameById(id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe#${id}`);
  const content = await handle.contentFrame();
  assert.ok(content, `iframe #${id} has no content frame`);
  return content;
}

async function frameHeight(id: string): Promise<number> {
  return page.locator(`iframe#${id}`).evaluate((el) => el.getBoundingClientRect().height);
}

test('a card renders inside the iframe, on its own origin', async () => {
  const card = await frameById('card');
  assert.match(card.url(), /^http:\/\/localhost:\d+\/dist\/embed\.html\?view=card/);
  await card.locator('persona-card').getByRole('heading', { name: 'The Segment Data Engineer' }).waitFor();
  assert.equal(await card.locator('persona-card').getAttribute('theme'), 'light');
});

test('the host resizes each iframe to its content', async () => {
  await (await frameById('full')).locator('persona-card').getByRole('heading', { name: 'Frustrations' }).waitFor();
  await page.waitForFunction(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe#full')!;
    return frame.getBoundingClientRect().height > 800;
  });
  const full = await frameById('full');
  const content = await full.evaluate(() => document.documentElement.getBoundingClientRect().height);
  assert.ok(Math.abs((await frameHeight('full')) - Math.ceil(content)) <= 1, 'iframe height matches its content');
  assert.ok((await frameHeight('card')) < (await frameHeight('full')));
});

test('grid and form views render', async () => {
  const grid = await frameById('grid');
  await grid.locator('persona-grid persona-card').first().waitFor();
  assert.equal(await grid.locator('persona-grid persona-card').count(), 6);
  const form = await frameById('form');
  await form.locator('contribute-form textarea[name="text"]').waitFor();
});

test('hostile query values render nothing dangerous', async () => {
  const hostile = await frameById('hostile');
  await hostile.locator('persona-card').waitFor({ state: 'attached' });
  await hostile.locator('persona-card [part~="problem"]').waitFor();
  assert.equal(await hostile.locator('img').count(), 0);
  assert.equal(await hostile.locator('body script').count(), 0);
  assert.deepEqual(dialogs, []);
});

test('the embed sets no cookies', async () => {
  await frameById('card');
  const cookies = await page.context().cookies();
  assert.deepEqual(cookies, []);
});

