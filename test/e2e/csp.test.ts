/**
 * The built bundle on a page with a strict Content-Security-Policy and
 * Trusted Types: every element renders and works, and the page records no
 * `securitypolicyviolation`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_CSP } from '../../demo/server/host.js';
import { contributionsRoute, personasRoute, slowPersonasRoute, useBrowser } from './browser.js';

const received: Record<string, unknown>[] = [];
let page: Page;
const e2e = useBrowser({
  headers: (path): Record<string, string> => (path.endsWith('.html') ? { 'Content-Security-Policy': DEMO_CSP } : {}),
  routes: [personasRoute, slowPersonasRoute, contributionsRoute(received)],
}, async () => {
  page = await e2e.browser.newPage();
  await page.goto(`${e2e.server.url}/test/e2e/fixtures/csp.html`);
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
  await card.getByRole('button', { name: /^Actions for / }).click();
  await card.getByRole('menuitem', { name: 'Suggest an edit' }).click();
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
