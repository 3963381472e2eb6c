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
  // src=javascript:… is not an allowed address: the embed refuses instead of rendering a card.
  await hostile.locator('[data-persona-embed-refused]').waitFor();
  assert.equal(await hostile.locator('persona-card').count(), 0);
  assert.equal(await hostile.locator('img').count(), 0);
  assert.equal(await hostile.locator('body script').count(), 0);
  assert.deepEqual(dialogs, []);
});

test('the embed sets no cookies', async () => {
  await frameById('card');
  const cookies = await page.context().cookies();
  assert.deepEqual(cookies, []);
});


/**
 * Opens embed.html with `query` in a page of its own, with every request the page makes
 * intercepted: those to the embed's own files pass, anything else is answered and counted.
 */
async function openEmbed(query: string) {
  const context = await e2e.browser.newContext();
  const own = new URL(e2e.server.url);
  const sent: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === own.origin && url.pathname.startsWith('/dist/')) return route.continue();
    sent.push(`${route.request().method()} ${url.href}`);
    await route.fulfill({ status: 200, contentType: 'application/json', body: '{"errors":{"_":"Session expired, sign in at http://evil.example/login"}}' });
  });
  const embed = await context.newPage();
  await embed.goto(`${e2e.server.url}/dist/embed.html${query}`);
  return { context, embed, sent };
}

for (const [name, query] of [
  ['a form posting to another origin', '?view=form&action=http://evil.example/collect&src=/api/personas.json&persona-id=APP-074'],
  ['a form reading personas from another origin', '?view=form&action=/api/contributions&src=http://evil.example/personas.json'],
  ['a card whose contributions go to another origin', '?view=card&src=/api/personas.json&persona-id=APP-074&contribute-action=http://evil.example/collect'],
  ['a grid reading another origin', '?view=grid&src=http://evil.example/personas.json'],
] as const) {
  test(`embed.html refuses ${name}, shows no form and sends no request`, async () => {
    const { context, embed, sent } = await openEmbed(query);
    try {
      await embed.locator('[data-persona-embed-refused]').waitFor();
      assert.match(
        (await embed.locator('[data-persona-embed-refused]').textContent()) ?? '',
        /not one its owner allows/,
      );
      assert.equal(await embed.locator('contribute-form, persona-card, persona-grid').count(), 0);
      assert.equal(await embed.locator('input, textarea, form').count(), 0);
      await embed.waitForTimeout(500);
      assert.deepEqual(sent, [], 'no request leaves the embed');
    } finally {
      await context.close();
    }
  });
}

test('embed.html still renders and fetches addresses on its own origin (the default allow-list)', async () => {
  const { context, embed, sent } = await openEmbed('?view=form&action=/api/contributions&src=/api/personas.json');
  try {
    await embed.locator('contribute-form textarea[name="text"]').waitFor();
    await embed.waitForTimeout(200);
    assert.deepEqual(sent, [`GET ${e2e.server.url}/api/personas.json`]);
  } finally {
    await context.close();
  }
});
