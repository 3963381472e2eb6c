/**
 * Endpoint faults as a reader meets them: every fault ends in a clear message
 * with Retry (never a blank box), Retry recovers once the endpoint does, and
 * the page sees no unhandled promise rejection.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { personaClient } from '../src/data/client.js';
import { endpoint, requestCount, uniqueKey, type EndpointOptions } from './support/helpers.js';

const problemOf = (element: Element) =>
  element.shadowRoot!.querySelector<HTMLElement>('[part~="problem"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const retryOf = (element: Element) => element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]');

const FAULTS: [label: string, options: EndpointOptions, message: RegExp][] = [
  ['slower than the timeout', { delay: 1500 }, /took too long/],
  ['a 500 every time', { status: 500 }, /HTTP 500/],
  ['a 502 every time', { status: 502 }, /HTTP 502/],
  ['a 503 with a long Retry-After', { status: 503, 'retry-after': 600 }, /HTTP 503/],
  ['a 429 with a long Retry-After', { status: 429, 'retry-after': 120 }, /busy\. Try again in 2 minutes/],
  ['truncated JSON', { body: 'not-json' }, /did not return persona data/],
  ['an HTML error page with status 200', { body: 'html' }, /did not return persona data/],
  ['the wrong JSON shape', { body: 'wrong-shape' }, /did not return persona data/],
  ['a response over the size cap', { body: 'huge' }, /did not return persona data/],
];

describe('endpoint faults, as the elements show them', () => {
  let rejections: unknown[];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

  before(() => personaClient.configure({ timeout: 600, retries: 1, retryDelay: 5, maxBytes: 1024 * 1024 }));
  beforeEach(() => {
    rejections = [];
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    window.removeEventListener('unhandledrejection', onRejection);
    expect(rejections.map(String), 'unhandled promise rejections').to.deep.equal([]);
  });

  for (const [label, options, message] of FAULTS) {
    it(`${label}: card and grid say what failed and offer Retry`, async () => {
      const src = endpoint({ key: uniqueKey(), ...options });
      const page = await fixture<HTMLElement>(html`<div>
        <persona-card src=${src} persona-id="T-001"></persona-card>
        <persona-grid src=${src}></persona-grid>
      </div>`);
      const card = page.querySelector('persona-card')!;
      const grid = page.querySelector('persona-grid')!;
      await waitUntil(() => problemOf(card) && problemOf(grid), `no message for ${label}`, { timeout: 5000 });
      expect(problemOf(card)).to.match(message);
      expect(problemOf(grid)).to.match(message);
      expect(retryOf(card)).to.exist;
      expect(retryOf(grid)).to.exist;
    });
  }

  it('a cross-origin redirect and a CORS failure are explained as unreachable', async () => {
    const otherOrigin = `http://127.0.0.1:${location.port}${endpoint({ key: uniqueKey() })}`;
    const page = await fixture<HTMLElement>(html`<div>
      <persona-card src=${endpoint({ key: uniqueKey(), redirect: otherOrigin })} persona-id="T-001"></persona-card>
      <persona-card src=${otherOrigin} persona-id="T-001"></persona-card>
    </div>`);
    const cards = [...page.querySelectorAll('persona-card')];
    await waitUntil(() => cards.every((card) => problemOf(card)), 'no message', { timeout: 5000 });
    for (const card of cards) expect(problemOf(card)).to.match(/could not be reached/);
  });

  it('Retry recovers once the endpoint does, with one request for card and grid together', async () => {
    const key = uniqueKey();
    // Two failures use up the first attempt and its automatic retry; the third answer is good.
    const src = endpoint({ key, status: 503, fail: 2, count: 3 });
    const page = await fixture<HTMLElement>(html`<div>
      <persona-card src=${src} persona-id="T-002"></persona-card>
      <persona-grid src=${src}></persona-grid>
    </div>`);
    const card = page.querySelector('persona-card')!;
    const grid = page.querySelector('persona-grid')!;
    await waitUntil(() => retryOf(card) && retryOf(grid), 'no Retry', { timeout: 5000 });
    retryOf(grid)!.click();
    await waitUntil(
      () => card.shadowRoot!.querySelector('[part~="title"]') && grid.shadowRoot!.querySelectorAll('persona-card').length === 3,
      'Retry did not recover both',
      { timeout: 5000 },
    );
    expect(await requestCount(key)).to.equal(3);
  });
});
