/**
 * The review loop in a browser, on the built bundles and the real endpoint
 * (both databases): a confirmation is sent, a moderator approves it in
 * `<contribution-review>`, and the persona card, reloaded, shows the new
 * validation count.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { toNodeListener } from '../../src/server/node-http.js';
import { BACKENDS, REVIEW_TOKEN, body, postContribution, startApi, type TestApi } from '../server/helpers.js';
import { launch, serve, type StaticServer } from './browser.js';

const FIXTURE = [{ pid: 'APP-001', name: 'The Segment Data Engineer', identity: 'Owns the tracking plan.', validation_count: 3 }];

for (const backend of BACKENDS) {
  describe(`review loop in the browser (${backend})`, () => {
    let api: TestApi;
    let site: StaticServer;
    let browser: Browser;
    before(async () => {
      api = await startApi(backend, { personas: FIXTURE, personasMaxAge: 0 });
      const listener = toNodeListener(api.handler);
      site = await serve({
        routes: [
          (req, res) => {
            if (!(req.url ?? '').startsWith('/api/')) return false;
            listener(req, res);
            return true;
          },
        ],
      });
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
      await api?.close({ drop: true });
    });

    test('approve in <contribution-review>, and the reloaded card shows the new validation count', async () => {
      // The contribution comes from the endpoint's own origin here (the form is tested elsewhere).
      const sent = await postContribution({ base: site.url }, body({ kind: 'confirm', text: undefined }));
      assert.equal(sent.status, 201);
      const page = await browser.newPage();
      try {
        await page.goto(`${site.url}/test/e2e/fixtures/review.html`);
        const card = page.locator('#card');
        await card.getByText('3 validations').waitFor();
        await page.evaluate((token) => {
          (document.getElementById('review') as HTMLElement & { token?: string }).token = token;
        }, REVIEW_TOKEN);
        const review = page.locator('#review');
        await review.getByText('The Segment Data Engineer', { exact: false }).waitFor();
        await review.getByRole('button', { name: 'Approve' }).click();
        await review.getByText('Approved.').waitFor();
        // The card fetches again from a new address (its client caches per URL).
        await page.evaluate(() => document.getElementById('card')!.setAttribute('src', '/api/personas?rev=2'));
        await card.getByText('4 validations').waitFor();
      } finally {
        await page.close();
      }
    });
  });
}
