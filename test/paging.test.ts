/**
 * Broken paging: an endpoint whose `next` repeats itself, never ends, or
 * leaves its origin. Every element stops within the client's page limit,
 * shows what it has and says that paging stopped; a foreign `next` is never
 * fetched. Requests are counted by the test endpoint (test/support/endpoint.mjs).
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { PersonaCard } from '../src/components/persona-card/persona-card.js';
import type { PersonaGrid } from '../src/components/persona-grid/persona-grid.js';
import { PersonaClient, defaultClientOptions, personaClient } from '../src/data/client.js';
import { endpoint, requestCount, uniqueKey } from './support/helpers.js';

const fastClient = (options: Partial<typeof defaultClientOptions> = {}) =>
  new PersonaClient({ timeout: 2000, retries: 0, retryDelay: 5, ...options });

async function requests(key: string): Promise<Record<string, string>[]> {
  const response = await fetch(`/api-test/requests?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { requests: Record<string, string>[] }).requests;
}

/** The same test server under the other loopback name: another origin. */
function otherOrigin(): string {
  const url = new URL(location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
}

/** Loads every page the source will give, as the grid's local search does. */
async function loadAll(client: PersonaClient, src: string) {
  const source = client.source(src);
  let collection = await source.load();
  for (let i = 0; collection.next && i < 1000; i++) collection = await source.loadMore();
  return collection;
}

const shadowText = (element: Element, selector: string) =>
  element.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('paging limits (client)', () => {
  it('defaults: 20 pages, 10,000 personas, no other origins, same-origin credentials', () => {
    expect(defaultClientOptions.maxPages).to.equal(20);
    expect(defaultClientOptions.maxPersonas).to.equal(10_000);
    expect(defaultClientOptions.allowedOrigins).to.deep.equal([]);
    expect(defaultClientOptions.credentials).to.equal('same-origin');
  });

  it('stops at a next that repeats the page just loaded', async () => {
    const key = uniqueKey();
    const collection = await loadAll(fastClient(), endpoint({ key, next: 'self' }));
    expect(collection.next).to.equal(undefined);
    expect(collection.stopped?.reason).to.equal('repeated');
    expect(collection.personas).to.have.length(3);
    expect(await requestCount(key)).to.equal(1);
  });

  it('stops an endless next at maxPages (default 20), keeping what it loaded', async () => {
    const key = uniqueKey();
    const collection = await loadAll(fastClient(), endpoint({ key, next: 'endless' }));
    expect(collection.stopped?.reason).to.equal('limit');
    expect(collection.personas).to.have.length(60);
    expect(await requestCount(key)).to.equal(20);
  });

  it('honours a configured maxPages and maxPersonas', async () => {
    const key = uniqueKey();
    const few = await loadAll(fastClient({ maxPages: 4 }), endpoint({ key, next: 'endless' }));
    expect(few.personas).to.have.length(12);
    expect(await requestCount(key)).to.equal(4);

    const other = uniqueKey();
    const capped = await loadAll(fastClient({ maxPersonas: 7 }), endpoint({ key: other, next: 'endless' }));
    expect(capped.stopped?.reason).to.equal('limit');
    expect(capped.personas).to.have.length(7);
    expect(await requestCount(other)).to.equal(3);
  });

  it('never fetches a next on another origin', async () => {
    const key = uniqueKey();
    const collection = await loadAll(fastClient(), endpoint({ key, next: 'cross' }));
    expect(collection.stopped?.reason).to.equal('origin');
    expect(collection.stopped?.next.startsWith(otherOrigin())).to.equal(true);
    expect(collection.personas).to.have.length(3);
    expect(await requestCount(key)).to.equal(1);
    expect((await requests(key)).map((q) => q['page'])).to.deep.equal([undefined]);
  });

  it('follows a next on an origin listed in allowedOrigins, and only then', async () => {
    const calls: string[] = [];
    const stub: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ personas: [], next: `https://cdn.example.test/p?n=${calls.length}` }));
    };
    const refused = await loadAll(fastClient({ maxPages: 3, fetch: stub }), 'https://api.example.test/p');
    expect(calls).to.have.length(1);
    expect(refused.stopped?.reason).to.equal('origin');

    calls.length = 0;
    const client = fastClient({ maxPages: 3, fetch: stub, allowedOrigins: ['https://cdn.example.test/'] });
    const allowed = await loadAll(client, 'https://api.example.test/p');
    expect(calls).to.deep.equal([
      'https://api.example.test/p',
      'https://cdn.example.test/p?n=1',
      'https://cdn.example.test/p?n=2',
    ]);
    expect(allowed.stopped?.reason).to.equal('limit');
  });

  it('sends the configured credentials mode, and refuses a cross-origin next whatever the mode', async () => {
    const seen: [string, RequestCredentials | undefined][] = [];
    const stub: typeof fetch = async (input, init) => {
      seen.push([String(input), init?.credentials]);
      return new Response(JSON.stringify({ personas: [], next: 'https://elsewhere.example/steal' }));
    };
    const client = fastClient({ credentials: 'include', fetch: stub });
    const collection = await loadAll(client, 'https://api.example.test/personas');
    expect(seen).to.deep.equal([['https://api.example.test/personas', 'include']]);
    expect(collection.stopped).to.deep.equal({ reason: 'origin', next: 'https://elsewhere.example/steal' });
  });

  it('find() ends at the limit with not-found', async () => {
    const key = uniqueKey();
    let error: unknown;
    await fastClient().source(endpoint({ key, next: 'endless' })).find('NOPE-1').catch((e: unknown) => (error = e));
    expect((error as { kind?: string }).kind).to.equal('not-found');
    expect(await requestCount(key)).to.be.at.most(20);
  });
});

describe('paging limits (elements)', () => {
  beforeEach(() => personaClient.clear());

  for (const next of ['self', 'endless', 'cross'] as const) {
    it(`a card looking for a missing persona stops (next=${next}) within 20 requests and says why`, async () => {
      const key = uniqueKey();
      const card = await fixture<PersonaCard>(
        html`<persona-card src=${endpoint({ key, next })} persona-id="NOPE-404"></persona-card>`,
      );
      await waitUntil(() => card.shadowRoot?.querySelector('[part~="problem"]'), 'no problem shown', {
        timeout: 8000,
      });
      await aTimeout(300);
      const count = await requestCount(key);
      expect(count).to.be.at.most(20);
      expect(count).to.equal(next === 'endless' ? 20 : 1);
      const detail = shadowText(card, '.problem-detail');
      expect(detail).to.contain('paging stopped');
      expect(detail).to.contain(next === 'endless' ? 'first 60 personas' : 'first 3 personas');
      expect((await requests(key)).every((q) => !q['page'] || Number(q['page']) < 20)).to.equal(true);
    });

    it(`a grid loading every page for a sort stops (next=${next}) within 20 requests and shows what it has`, async () => {
      const key = uniqueKey();
      const grid = await fixture<PersonaGrid>(
        html`<persona-grid src=${endpoint({ key, next })} sort="name" page-size="100"></persona-grid>`,
      );
      await waitUntil(() => grid.shadowRoot?.querySelector('[part~="paging-stopped"]'), 'no paging message', {
        timeout: 8000,
      });
      await aTimeout(300);
      const count = await requestCount(key);
      expect(count).to.be.at.most(20);
      expect(count).to.equal(next === 'endless' ? 20 : 1);
      const shown = next === 'endless' ? 60 : 3;
      expect(grid.shadowRoot!.querySelectorAll('persona-card')).to.have.length(shown);
      expect(shadowText(grid, '[part~="paging-stopped"]')).to.equal(
        `Showing the first ${shown} personas; the endpoint’s paging stopped.`,
      );
    });
  }

  it('a grid opened from a sync-url link that asks for a local search stops within 20 requests', async () => {
    const key = uniqueKey();
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}${location.search || '?'}&persona-grid=${encodeURIComponent('q=persona')}`);
    try {
      const grid = await fixture<PersonaGrid>(
        html`<persona-grid src=${endpoint({ key, next: 'endless' })} sync-url></persona-grid>`,
      );
      await waitUntil(() => grid.shadowRoot?.querySelector('[part~="paging-stopped"]'), 'no paging message', {
        timeout: 8000,
      });
      await aTimeout(300);
      expect(grid.query).to.equal('persona');
      expect(await requestCount(key)).to.equal(20);
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
