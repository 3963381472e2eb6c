import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BACKENDS, startApi, type Backend, type TestApi } from './helpers.js';

const FIXTURE = [
  { pid: 'APP-001', name: 'The Segment Data Engineer', identity: 'Owns the tracking plan.', app: 'Segment', app_id: 'segment', comment_count: 3, updated_at: '2025-03-01' },
  { pid: 'APP-002', name: 'The Notion Writer', identity: 'Writes specs; uses Segment exports.', app: 'Notion AI', app_id: 'notion-ai', comment_count: 10, updated_at: '2025-05-01' },
  { pid: 'APP-003', name: 'The Café Owner', identity: 'Runs a small shop.', app: 'Fly.io', comment_count: 0, tags: ['hosting'], validation_count: 7 },
  { pid: 'APP-004', name: 'an Analyst', identity: 'Reads dashboards.', app: 'Segment', app_id: 'segment', aha_moment: 'Saw the café numbers.', updated_at: '2025-07-01' },
  { pid: 'APP-005', name: 'The Platform Lead', identity: 'Keeps deploys boring.', app: 'Fly.io', app_id: 'flyio', validation_count: 2, tags: ['Platform', 'SRE'] },
];

interface Page {
  personas: Array<{ pid: string }>;
  total: number;
  next?: string;
}

async function getPage(url: string): Promise<Page> {
  const res = await fetch(url);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as Page;
}

const pids = (page: Page) => page.personas.map((p) => p.pid);

for (const backend of BACKENDS) describe(`GET /api/personas (${backend})`, () => {
  let api: TestApi;
  before(async () => {
    api = await startApi(backend, { personas: FIXTURE });
  });
  after(async () => {
    await api.close({ drop: true });
  });

  test('answers the envelope with headers for cross-origin, cacheable JSON with an ETag', async () => {
    const res = await fetch(`${api.base}/api/personas`, { headers: { Origin: 'https://wiki.example.com' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=60');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const etag = res.headers.get('etag');
    assert.match(etag ?? '', /^"[\w-]+"$/);
    const again = await fetch(`${api.base}/api/personas`, { headers: { 'If-None-Match': etag ?? '' } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    const other = await fetch(`${api.base}/api/personas?limit=2`, { headers: { 'If-None-Match': etag ?? '' } });
    assert.equal(other.status, 200, 'another query is another representation');
    const page = (await res.json()) as Page;
    assert.deepEqual(pids(page), ['APP-001', 'APP-002', 'APP-003', 'APP-004', 'APP-005']);
    assert.equal(page.total, 5);
    assert.equal(page.next, undefined);
  });

  test('pages by limit/offset; next is absolute, keeps the filters and reaches every match', async () => {
    const first = await getPage(`${api.base}/api/personas?limit=2&sort=comments`);
    assert.deepEqual(pids(first), ['APP-002', 'APP-001']);
    assert.equal(first.total, 5);
    assert.ok(first.next);
    const next = new URL(first.next);
    assert.equal(next.origin, api.base);
    assert.equal(next.searchParams.get('sort'), 'comments');
    assert.equal(next.searchParams.get('offset'), '2');
    assert.equal(next.searchParams.get('limit'), '2');

    const seen = [...pids(first)];
    let url: string | undefined = first.next;
    while (url) {
      const page = await getPage(url);
      assert.equal(page.total, 5);
      seen.push(...pids(page));
      url = page.next;
    }
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
  });

  test('filters by comma-separated app_id, deriving it from app when absent', async () => {
    const page = await getPage(`${api.base}/api/personas?app_id=segment,flyio&limit=2`);
    assert.deepEqual(pids(page), ['APP-001', 'APP-003']);
    assert.equal(page.total, 4);
    const next = new URL(page.next ?? '');
    assert.equal(next.searchParams.get('app_id'), 'segment,flyio');
    const rest = await getPage(page.next ?? '');
    assert.deepEqual(pids(rest), ['APP-004', 'APP-005']);
    assert.equal(rest.next, undefined);
  });

  test('q is case- and accent-insensitive and ranks name/app matches first', async () => {
    const cafe = await getPage(`${api.base}/api/personas?q=CAFE`);
    // APP-003 has it in the name, APP-004 only in the aha moment.
    assert.deepEqual(pids(cafe), ['APP-003', 'APP-004']);
    assert.equal(cafe.total, 2);

    const segment = await getPage(`${api.base}/api/personas?q=segment`);
    // APP-002 mentions Segment only in its identity, so it comes last.
    assert.deepEqual(pids(segment), ['APP-001', 'APP-004', 'APP-002']);

    const tags = await getPage(`${api.base}/api/personas?q=sre%20platform`);
    assert.deepEqual(pids(tags), ['APP-005']);

    const none = await getPage(`${api.base}/api/personas?q=zzz`);
    assert.deepEqual(none, { personas: [], total: 0 });
  });

  test('q with paging carries q into next', async () => {
    const page = await getPage(`${api.base}/api/personas?q=segment&limit=1`);
    assert.equal(page.total, 3);
    assert.equal(new URL(page.next ?? '').searchParams.get('q'), 'segment');
  });

  test('sorts by name, validations and updated', async () => {
    assert.deepEqual(pids(await getPage(`${api.base}/api/personas?sort=name`)), [
      'APP-004', 'APP-003', 'APP-002', 'APP-005', 'APP-001',
    ]);
    assert.deepEqual(pids(await getPage(`${api.base}/api/personas?sort=validations&limit=2`)), ['APP-003', 'APP-005']);
    assert.deepEqual(pids(await getPage(`${api.base}/api/personas?sort=updated&limit=3`)), ['APP-004', 'APP-002', 'APP-001']);
  });

  test('rejects nonsense parameters with 400 and caps limit at 500', async () => {
    for (const query of ['limit=0', 'limit=abc', 'offset=-1', 'sort=random']) {
      const res = await fetch(`${api.base}/api/personas?${query}`);
      assert.equal(res.status, 400, query);
      const { errors } = (await res.json()) as { errors: Record<string, string> };
      assert.ok(Object.keys(errors).length > 0);
    }
    const page = await getPage(`${api.base}/api/personas?limit=100000`);
    assert.equal(page.personas.length, 5);
  });

  test('the data file is an initial import: a restart does not import it again', async () => {
    const again = await api.restart();
    api = again;
    assert.equal((await getPage(`${api.base}/api/personas`)).total, 5);
  });

  test('answers 405 to other methods', async () => {
    const res = await fetch(`${api.base}/api/personas`, { method: 'DELETE' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, OPTIONS');
  });
});

const demoData = fileURLToPath(new URL('../../demo/data/personas.json', import.meta.url));

for (const backend of BACKENDS as Backend[]) {
  test(`a missing data file refuses to start (${backend})`, async () => {
    await assert.rejects(startApi(backend, { personas: undefined, personasFile: '/nonexistent/personas.json' } as never), /ENOENT|no such file/);
  });

  test(`serves the real demo data file (${backend})`, async () => {
    assert.ok(existsSync(demoData), 'demo/data/personas.json is missing');
    const all = JSON.parse(readFileSync(demoData, 'utf8')) as unknown[];
    const api = await startApi(backend, { personas: all });
    try {
      const page = await getPage(`${api.base}/api/personas?limit=500`);
      assert.equal(page.total, all.length);
      assert.equal(page.personas.length, all.length);
    } finally {
      await api.close({ drop: true });
    }
  });
}
