/**
 * The built bundle on a page with a strict Content-Security-Policy and
 * Trusted Types: every element renders and works, and the page records no
 * `securitypolicyviolation`.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoPersonas, launch, serve, type StaticServer } from './browser.js';

/** The policy documented in README.md as what a host needs. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

let server: StaticServer;
let browser: Browser;
let page: Page;
const received: unknown[] = [];

before(async () => {
  server = await serve({
    headers: (path): Record<string, string> =>
      path.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {},
    routes: [
      (req, res) => {
        if (req.url !== '/api/personas.json') return false;
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(demoPersonas());
        return true;
      },
      async (req, res) => {
        // Slow on purpose: loading skeletons must render under the policy too.
        if (req.url !== '/api/slow-personas.json') return false;
        await new Promise((resolve) => setTimeout(resolve, 400));
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(demoPersonas());
        return true;
      },
      async (req, res) => {
        if (req.url !== '/api/contributions' || req.method !== 'POST') return false;
        let body = '';
        for await (const chunk of req) body += chunk;
        received.push(JSON.parse(body));
        res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 'c1' }));
        return true;
      },
    ],
  });
  browser = await launch();
  page = await browser.newPage();
  await page.goto(`${server.url}/test/e2e/fixtures/csp.html`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

test('the policy is really in force on the page', async () => {
  const blocked = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(blocked, true, 'Trusted Types should block a plain innerHTML assignment');
  await page.evaluate(() => ((window as unknown as { __violations: string[] }).__violations.length = 0));
});

test('cards render every state', async () => {
  const card = page.locator('persona-card[persona-id="APP-074"]');
  await card.getByRole('heading', { name: 'The Segment Data Engineer' }).waitFor();
  await page.locator('persona-card[persona-id="GLUE-001"]').getByRole('heading', { name: 'Frustrations' }).waitFor();
  await page.locator('persona-card[persona-id="APP-999"]').getByText('No persona APP-999 at this endpoint.').waitFor();
  await page.locator('persona-card[persona-id="APP-153"]').getByRole('heading', { name: 'The Segment Data Architect' }).waitFor();
  await page.locator('persona-card[persona-id="APP-116"]').getByRole('heading', { name: 'The Stripe Platform Builder' }).waitFor();
  assert.deepEqual(await violations(), []);
});

test('the suggest-an-edit dialog opens', async () => {
  const card = page.locator('persona-card[persona-id="APP-074"]');
  await card.getByRole('button', { name: 'Suggest an edit' }).click();
  await card.locator('dialog contribute-form').getByRole('textbox', { name: /true instead/i }).waitFor();
  await page.keyboard.press('Escape');
  assert.deepEqual(await violations(), []);
});

test('the form validates and sends', async () => {
  const form = page.locator('body > contribute-form');
  await form.getByRole('button', { name: 'Send contribution' }).click();
  await form.locator('[part~="error"]:not([hidden])').first().waitFor();
  await form.locator('textarea[name="text"]').fill('They also review the tracking plan every sprint.');
  await form.getByRole('button', { name: 'Send contribution' }).click();
  await form.getByText(/Thank you/).waitFor();
  assert.equal(received.length, 1);
  assert.deepEqual(await violations(), []);
});

test('the grid renders, searches and filters', async () => {
  const grid = page.locator('persona-grid');
  await grid.locator('persona-card').first().waitFor();
  await grid.getByRole('searchbox').fill('segment');
  await page.waitForTimeout(400);
  await grid.locator('persona-card').first().getByRole('heading', { name: /Segment/ }).waitFor();
  assert.deepEqual(await violations(), []);
});
