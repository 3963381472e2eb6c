import { expect } from '@open-wc/testing';
import { PersonaClient, parseRetryAfter } from '../../src/data/client.js';
import { PersonaError } from '../../src/data/errors.js';
import { prefetch } from '../../src/data/prefetch.js';
import { submitJson } from '../../src/data/submit.js';
import { endpoint, requestCount, uniqueKey } from '../support/helpers.js';

/** A client with short delays, so retry tests take milliseconds. */
const fastClient = (options: ConstructorParameters<typeof PersonaClient>[0] = {}) =>
  new PersonaClient({ timeout: 500, retries: 2, retryDelay: 5, maxRetryDelay: 2000, ...options });

async function failure(promise: Promise<unknown>): Promise<PersonaError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PersonaError);
    return error as PersonaError;
  }
  throw new Error('expected the promise to reject');
}

describe('PersonaClient', () => {
  it('makes one request per URL however many readers ask at once', async () => {
    const client = fastClient();
    const key = uniqueKey();
    const url = endpoint({ key, count: 5 });
    const results = await Promise.all(Array.from({ length: 20 }, () => client.source(url).load()));
    expect(new Set(results).size).to.equal(1);
    expect(results[0]!.personas).to.have.length(5);
    await client.source(url).load();
    expect(await requestCount(key)).to.equal(1);
  });

  it('resolves relative URLs so two spellings of one endpoint share a request', async () => {
    const client = fastClient();
    const key = uniqueKey();
    const relative = endpoint({ key });
    const absolute = new URL(relative, document.baseURI).href;
    expect(client.source(relative)).to.equal(client.source(absolute));
  });

  it('retries 5xx with backoff and succeeds', async () => {
    const client = fastClient();
    const key = uniqueKey();
    const collection = await client.source(endpoint({ key, status: 503, fail: 2 })).load();
    expect(collection.personas).to.have.length(3);
    expect(await requestCount(key)).to.equal(3);
  });

  it('gives up after the configured retries with a typed http error', async () => {
    const client = fastClient({ retries: 1 });
    const key = uniqueKey();
    const error = await failure(client.source(endpoint({ key, status: 500 })).load());
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    expect(await requestCount(key)).to.equal(2);
  });

  for (const status of [400, 401, 403, 404, 410]) {
    it(`does not retry HTTP ${status}`, async () => {
      const client = fastClient();
      const key = uniqueKey();
      const error = await failure(client.source(endpoint({ key, status })).load());
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(status);
      expect(await requestCount(key)).to.equal(1);
    });
  }

  it('honours Retry-After on 429', async () => {
    const client = fastClient();
    const key = uniqueKey();
    const started = performance.now();
    await client.source(endpoint({ key, status: 429, fail: 1, 'retry-after': 1 })).load();
    expect(performance.now() - started).to.be.at.least(950);
    expect(await requestCount(key)).to.equal(2);
  });

  it('stops retrying when Retry-After is longer than it will wait, and says when to come back', async () => {
    const client = fastClient();
    const key = uniqueKey();
    const error = await failure(client.source(endpoint({ key, status: 429, 'retry-after': 120 })).load());
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(120);
    expect(await requestCount(key)).to.equal(1);
  });

  it('times out a slow endpoint, retrying it before giving up', async () => {
    const client = fastClient({ timeout: 100, retries: 1 });
    const key = uniqueKey();
    const error = await failure(client.source(endpoint({ key, delay: 400 })).load());
    expect(error.kind).to.equal('timeout');
    expect(await requestCount(key)).to.equal(2);
  });

  it('reports a network error when nothing answers', async () => {
    const client = fastClient({ retries: 0 });
    const error = await failure(client.source('http://127.0.0.1:9/personas.json').load());
    expect(error.kind).to.equal('network');
  });

  for (const body of ['not-json', 'html', 'wrong-shape'] as const) {
    it(`explains a ${body} answer as "did not return persona data", without retrying`, async () => {
      const client = fastClient();
      const key = uniqueKey();
      const error = await failure(client.source(endpoint({ key, body })).load());
      expect(error.kind).to.equal('data');
      expect(error.message).to.match(/did not return persona data/);
      expect(await requestCount(key)).to.equal(1);
    });
  }

  it('refuses a response over the size cap', async () => {
    const client = fastClient({ maxBytes: 1024 * 1024 });
    const error = await failure(client.source(endpoint({ key: uniqueKey(), body: 'huge' })).load());
    expect(error.kind).to.equal('data');
    expect(error.message).to.match(/over 1048576 bytes/);
  });

  it('loads again on retry() after a failure, and tells subscribers', async () => {
    const client = fastClient({ retries: 0 });
    const key = uniqueKey();
    const source = client.source(endpoint({ key, status: 500, fail: 1 }));
    const seen: string[] = [];
    source.subscribe((state) => seen.push(state.status));
    await failure(source.load());
    expect(source.state.status).to.equal('error');
    const collection = await source.retry();
    expect(collection.personas).to.have.length(3);
    // 'ready' comes once the page is here, then with each validated slice.
    expect(seen.filter((status, i) => status !== seen[i - 1])).to.deep.equal(['loading', 'error', 'loading', 'ready']);
    const { state } = source;
    expect(state.status === 'ready' ? state.collection.validating : state.status).to.equal(undefined);
  });

  it('hands out a large page as it is validated, in order, and its last persona before the rest', async () => {
    const client = fastClient();
    const source = client.source(endpoint({ key: uniqueKey(), count: 3000 }));
    const lengths: number[] = [];
    let early: string | undefined;
    source.subscribe((state) => {
      if (state.status !== 'ready') return;
      lengths.push(state.collection.personas.length);
      // The moment the page is here, nothing is validated yet, but any one persona can be.
      if (lengths.length === 1) {
        expect(state.collection.validating).to.equal(true);
        early = source.persona('T-3000')?.name;
      }
    });
    const collection = await source.load();
    expect(early).to.equal('The Test Persona 3000');
    expect(lengths[0]).to.equal(0);
    expect(lengths.at(-1)).to.equal(3000);
    expect([...lengths].sort((a, b) => a - b)).to.deep.equal(lengths);
    expect(collection.validating).to.equal(undefined);
    expect(collection.total).to.equal(3000);
    expect(source.persona('T-3000')).to.equal(collection.personas[2999]);
    expect(source.persona('T-9999')).to.equal(undefined);
  });

  it("paints a grid's first page whole: the first slice validates 24 personas, however slow", async () => {
    const client = fastClient();
    const source = client.source(endpoint({ key: uniqueKey(), count: 40 }));
    const lengths: number[] = [];
    source.subscribe((state) => {
      if (state.status === 'ready') lengths.push(state.collection.personas.length);
    });
    // A clock that moves 10 ms at every reading: every slice is over its time before its first record.
    const now = performance.now;
    let skew = 0;
    performance.now = () => now.call(performance) + (skew += 10);
    try {
      await source.load();
    } finally {
      performance.now = now;
    }
    expect(lengths.slice(0, 3)).to.deep.equal([0, 24, 25]);
    expect(lengths.at(-1)).to.equal(40);
  });

  it('warns once on the console about skipped records', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const fetchMixed: typeof fetch = async () =>
        new Response(JSON.stringify([{ pid: 'A', name: 'a', identity: 'a' }, { pid: 'B' }, 7]));
      const collection = await fastClient({ fetch: fetchMixed }).source('/mixed.json').load();
      expect(collection.personas.map((p) => p.pid)).to.deep.equal(['A']);
      expect(collection.skipped.map((s) => s.index)).to.deep.equal([1, 2]);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.match(/skipped 2 invalid persona/);
  });

  it('uses a host-supplied fetch (credentials, headers)', async () => {
    const calls: string[] = [];
    const hostFetch: typeof fetch = async (input, init) => {
      calls.push(`${String(input)} ${new Headers(init?.headers).get('Accept')}`);
      return new Response('[]');
    };
    await fastClient({ fetch: hostFetch }).source('https://example.test/p.json').load();
    expect(calls).to.deep.equal(['https://example.test/p.json application/json']);
  });
});

describe('PersonaClient paging', () => {
  it('fetches next pages on request, once each, and exposes total', async () => {
    const client = fastClient();
    const key = uniqueKey();
    const source = client.source(endpoint({ key, count: 10, pages: 3 }));
    const first = await source.load();
    expect(first.personas).to.have.length(4);
    expect(first.total).to.equal(10);
    expect(first.next).to.be.a('string');
    const [second] = await Promise.all([source.loadMore(), source.loadMore()]);
    expect(second.personas).to.have.length(8);
    const third = await source.loadMore();
    expect(third.personas.map((p) => p.pid)).to.deep.equal(
      Array.from({ length: 10 }, (_, i) => `T-${String(i + 1).padStart(3, '0')}`),
    );
    expect(third.next).to.equal(undefined);
    expect(await source.loadMore()).to.equal(third);
    expect(await requestCount(key)).to.equal(3);
  });

  it('finds a persona on a later page', async () => {
    const client = fastClient();
    const source = client.source(endpoint({ key: uniqueKey(), count: 9, pages: 3 }));
    const persona = await source.find('T-008');
    expect(persona.name).to.equal('The Test Persona 008');
  });

  it('answers not-found once every page was searched', async () => {
    const client = fastClient();
    const key = uniqueKey();
    const error = await failure(client.source(endpoint({ key, count: 6, pages: 2 })).find('APP-999'));
    expect(error.kind).to.equal('not-found');
    expect(error.message).to.equal('No persona APP-999 at this endpoint.');
    expect(await requestCount(key)).to.equal(2);
  });

  it('keeps loaded pages when a next page fails, and retries only that page', async () => {
    const client = fastClient({ retries: 0 });
    const key = uniqueKey();
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 2) return new Response('oops', { status: 502 });
      return fetch(input, init);
    };
    const source = new PersonaClient({ ...client.options, fetch: flaky }).source(endpoint({ key, count: 4, pages: 2 }));
    await source.load();
    await failure(source.loadMore());
    expect(source.state.status).to.equal('ready');
    const state = source.state as unknown as { moreError?: PersonaError; collection: { personas: unknown[] } };
    expect(state.moreError?.status).to.equal(502);
    expect(state.collection.personas).to.have.length(2);
    const collection = await source.retry();
    expect(collection.personas).to.have.length(4);
  });
});

describe('submitJson', () => {
  const contributions = (params: Record<string, string>) => `/api-test/contributions?${new URLSearchParams(params)}`;
  const body = { kind: 'new', text: 'A new persona', contributor: {}, submitted_at: new Date().toISOString() };

  it('POSTs JSON with the Idempotency-Key through the configured fetch and credentials', async () => {
    const calls: RequestInit[] = [];
    const client = fastClient({
      credentials: 'include',
      fetch: (input, init) => {
        calls.push(init!);
        return globalThis.fetch(input, init);
      },
    });
    const result = await submitJson(client, contributions({ key: uniqueKey() }), body, { idempotencyKey: 'k-1' });
    expect(result.status).to.equal(201);
    expect((result.body as { id: string }).id).to.equal('c-1');
    expect(calls[0]!.method).to.equal('POST');
    expect(calls[0]!.credentials).to.equal('include');
    expect(new Headers(calls[0]!.headers).get('Idempotency-Key')).to.equal('k-1');
    expect(new Headers(calls[0]!.headers).get('Content-Type')).to.equal('application/json');
    expect(calls[0]!.body).to.equal(JSON.stringify(body));
  });

  it('throws one PersonaError of kind http with status, Retry-After and the field errors in details', async () => {
    const errors = JSON.stringify({ text: 'Too short.', role: 42, _: '  ' });
    const url = contributions({ key: uniqueKey(), status: '422', errors, 'retry-after': '3' });
    const error = await failure(submitJson(fastClient(), url, body, { idempotencyKey: 'k-2' }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(422);
    expect(error.retryAfter).to.equal(3);
    expect(error.details).to.deep.equal({ errors: { text: 'Too short.' } });
  });

  it('times out within the given timeout, and reports network errors', async () => {
    const slow = contributions({ key: uniqueKey(), delay: '400' });
    const timedOut = await failure(submitJson(fastClient(), slow, body, { idempotencyKey: 'k-3', timeout: 50 }));
    expect(timedOut.kind).to.equal('timeout');
    const down = fastClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const network = await failure(submitJson(down, slow, body, { idempotencyKey: 'k-4' }));
    expect(network.kind).to.equal('network');
    expect(network.cause).to.be.instanceOf(TypeError);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7')).to.equal(7);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTenSeconds)).to.be.within(8, 10);
  });

  it('takes over a request the page started early, once, instead of making its own', async () => {
    const key = uniqueKey();
    const url = new URL(endpoint({ key, count: 4 }), document.baseURI).href;
    prefetch(url); // what the autoloader does before the elements' code has arrived
    prefetch(url); // once per URL
    const collection = await fastClient().source(url).load();
    expect(collection.personas).to.have.length(4);
    expect(await requestCount(key)).to.equal(1);
    // Later loads of the URL are the client's own.
    await fastClient().source(url).load();
    expect(await requestCount(key)).to.equal(2);
  });

  it('leaves an early request alone when the host set its own fetch', async () => {
    const key = uniqueKey();
    const url = new URL(endpoint({ key, count: 2 }), document.baseURI).href;
    prefetch(url);
    const seen: string[] = [];
    const client = fastClient({ fetch: (input, init) => (seen.push(String(input)), fetch(input, init)) });
    await client.source(url).load();
    expect(seen).to.deep.equal([url]); // the host's fetch made the request
    expect(await requestCount(key)).to.equal(2);
  });

  it('times out an early request that never answers, like its own', async () => {
    const key = uniqueKey();
    const url = new URL(endpoint({ key, delay: 2000 }), document.baseURI).href;
    prefetch(url);
    const error = await failure(fastClient({ timeout: 200, retries: 0 }).source(url).load());
    expect(error.kind).to.equal('timeout');
  });
});

