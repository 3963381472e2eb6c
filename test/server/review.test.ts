/**
 * The review loop against both databases: moderators list pending
 * contributions and approve or reject them behind a bearer token; approving
 * changes what `GET /api/personas` serves (and its ETag), and every change is
 * recorded per persona. Also: CORS to configured origins, rate limits, and no
 * email in any answer or log line.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BACKENDS, REVIEW_TOKEN, body, postContribution, review, startApi, type TestApi } from './helpers.js';

const EMAIL = 'ana@example.com';
const FIXTURE = [
  {
    pid: 'APP-001',
    name: 'The Segment Data Engineer',
    identity: 'Owns the tracking plan.',
    goals: ['Keep events clean'],
    tags: ['data'],
    version: '1.0',
    validation_count: 3,
    updated_at: '2025-03-01',
  },
  { pid: 'APP-009', name: 'The Notion Writer', identity: 'Writes specs.', version: 2 },
];

interface Persona {
  pid: string;
  [key: string]: unknown;
}
interface Item {
  id: string;
  status: string;
  current?: unknown;
  persona_name?: string;
  contribution: Record<string, unknown>;
}

async function personas(api: TestApi): Promise<{ list: Persona[]; etag: string }> {
  const res = await fetch(`${api.base}/api/personas`);
  assert.equal(res.status, 200);
  return { list: ((await res.json()) as { personas: Persona[] }).personas, etag: res.headers.get('etag') ?? '' };
}

async function contribute(api: TestApi, overrides: Record<string, unknown>): Promise<string> {
  const res = await postContribution(api, body(overrides));
  assert.equal(res.status, 201);
  return ((await res.json()) as { id: string }).id;
}

const persona = (list: Persona[], pid: string) => list.find((p) => p.pid === pid);

for (const backend of BACKENDS) {
  describe(`review API (${backend})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startApi(backend, { personas: FIXTURE, personasMaxAge: 0 });
    });
    after(async () => {
      await api.close({ drop: true });
    });

    test('no token, a wrong token, another deployment\'s token: 401 and nothing changes', async () => {
      const id = await contribute(api, { kind: 'confirm', text: undefined });
      const before = await personas(api);
      const attempts: Array<string | null> = [null, 'wrong', `${REVIEW_TOKEN}x`, 'other-deployment-token-0123456789', ''];
      for (const token of attempts) {
        for (const [path, method] of [
          ['/contributions?status=pending', 'GET'],
          [`/contributions/${id}/approve`, 'POST'],
          [`/contributions/${id}/reject`, 'POST'],
          ['/personas/APP-001/changes', 'GET'],
        ] as const) {
          const res = await review(api, path, { method, token });
          assert.equal(res.status, 401, `${method} ${path} with ${String(token)}`);
          assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
          assert.ok(!(await res.text()).includes(EMAIL));
        }
      }
      // A Basic header or a token in the query is no better.
      assert.equal((await review(api, `/contributions/${id}/approve`, { method: 'POST', token: null, headers: { Authorization: `Basic ${REVIEW_TOKEN}` } })).status, 401);
      assert.equal((await fetch(`${api.base}/api/review/contributions/${id}/approve?token=${REVIEW_TOKEN}`, { method: 'POST' })).status, 401);
      const after = await personas(api);
      assert.equal(after.etag, before.etag);
      assert.deepEqual(after.list, before.list);
      const pending = (await (await review(api, '/contributions?status=pending')).json()) as { contributions: Item[] };
      assert.ok(pending.contributions.some((item) => item.id === id && item.status === 'pending'));
      assert.ok(api.logs.every((line) => !line.includes(REVIEW_TOKEN)), 'the token is never logged');
    });

    test('pending contributions come with the current value of their field, without emails', async () => {
      const id = await contribute(api, { kind: 'correct', field: 'identity', text: 'Runs the pipeline.' });
      const res = await review(api, '/contributions?status=pending');
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.ok(!text.includes(EMAIL), 'no email in the review list');
      const item = (JSON.parse(text) as { contributions: Item[] }).contributions.find((entry) => entry.id === id);
      assert.equal(item?.current, 'Owns the tracking plan.');
      assert.equal(item?.persona_name, 'The Segment Data Engineer');
      assert.equal((await review(api, '/contributions?status=bogus')).status, 400);
    });

    test('approve confirm: validation_count + 1, the ETag changes, the change is recorded', async () => {
      const id = await contribute(api, { kind: 'confirm', field: 'goals', text: undefined });
      const before = await personas(api);
      const res = await review(api, `/contributions/${id}/approve`, { method: 'POST', body: JSON.stringify({ reviewer: 'Mia' }) });
      assert.equal(res.status, 200, await res.clone().text());
      const after = await personas(api);
      assert.notEqual(after.etag, before.etag);
      const count = (p: Persona[]) => persona(p, 'APP-001')?.['validation_count'] as number;
      assert.equal(count(after.list), count(before.list) + 1);
      // The old ETag is now a miss, the new one a hit.
      assert.equal((await fetch(`${api.base}/api/personas`, { headers: { 'If-None-Match': before.etag } })).status, 200);
      assert.equal((await fetch(`${api.base}/api/personas`, { headers: { 'If-None-Match': after.etag } })).status, 304);

      const changes = (await (await review(api, '/personas/APP-001/changes')).json()) as {
        changes: Array<{ contribution_id: string; changed_by: string; changed_at: string; field: string; action: string }>;
      };
      const change = changes.changes.find((c) => c.contribution_id === id);
      assert.equal(change?.action, 'confirm');
      assert.equal(change?.field, 'validation_count');
      assert.equal(change?.changed_by, 'Mia (moderator)');
      assert.ok(!Number.isNaN(Date.parse(change?.changed_at ?? '')));
      // Decided once.
      assert.equal((await review(api, `/contributions/${id}/approve`, { method: 'POST' })).status, 409);
      assert.equal((await review(api, `/contributions/${id}/reject`, { method: 'POST' })).status, 409);
    });

    test('approve correct and extend: the field updated, lists replaced or appended, version and updated_at bumped', async () => {
      const extend = await contribute(api, { kind: 'extend', field: 'goals', text: '- Ship fewer breaking changes\n- Sleep at night' });
      assert.equal((await review(api, `/contributions/${extend}/approve`, { method: 'POST' })).status, 200);
      let p = persona((await personas(api)).list, 'APP-001')!;
      assert.deepEqual(p['goals'], ['Keep events clean', 'Ship fewer breaking changes', 'Sleep at night']);
      assert.equal(p['version'], '1.1');
      assert.ok(Date.parse(String(p['updated_at'])) > Date.parse('2025-03-01'));

      const correct = await contribute(api, { kind: 'correct', field: 'goals', text: 'One goal only' });
      assert.equal((await review(api, `/contributions/${correct}/approve`, { method: 'POST' })).status, 200);
      p = persona((await personas(api)).list, 'APP-001')!;
      assert.deepEqual(p['goals'], ['One goal only']);
      assert.equal(p['version'], '1.2');

      const text = await contribute(api, { kind: 'correct', pid: 'APP-009', field: 'identity', text: 'Writes and reviews specs.' });
      assert.equal((await review(api, `/contributions/${text}/approve`, { method: 'POST' })).status, 200);
      const writer = persona((await personas(api)).list, 'APP-009')!;
      assert.equal(writer['identity'], 'Writes and reviews specs.');
      assert.equal(writer['version'], 3);
    });

    test('a value the field cannot take is a 422 and the contribution stays pending', async () => {
      const id = await contribute(api, { kind: 'correct', field: 'workflow', text: 'mornings, mostly' });
      const res = await review(api, `/contributions/${id}/approve`, { method: 'POST' });
      assert.equal(res.status, 422);
      assert.ok(((await res.json()) as { errors: { value: string } }).errors.value);
      // The moderator can send the value in the field's shape.
      const ok = await review(api, `/contributions/${id}/approve`, {
        method: 'POST',
        body: JSON.stringify({ value: [{ when: 'Morning', activities: ['Check the pipeline'] }] }),
      });
      assert.equal(ok.status, 200);
      assert.deepEqual(persona((await personas(api)).list, 'APP-001')?.['workflow'], [{ when: 'Morning', activities: ['Check the pipeline'] }]);
    });

    test('approve new: a persona created with the next pid', async () => {
      const id = await contribute(api, { kind: 'new', pid: undefined, field: undefined, text: 'The Weekend Gardener\nPlans the allotment in a spreadsheet.' });
      const res = await review(api, `/contributions/${id}/approve`, { method: 'POST' });
      assert.equal(res.status, 200);
      const { list } = await personas(api);
      const created = persona(list, 'APP-010');
      assert.equal(created?.['name'], 'The Weekend Gardener');
      assert.equal(created?.['identity'], 'Plans the allotment in a spreadsheet.');
      assert.equal(list.at(-1)?.pid, 'APP-010');
      const changes = (await (await review(api, '/personas/APP-010/changes')).json()) as { changes: Array<{ contribution_id: string; action: string }> };
      assert.deepEqual(changes.changes.map((c) => [c.contribution_id, c.action]), [[id, 'new']]);
    });

    test('reject: nothing changes but the status', async () => {
      const id = await contribute(api, { kind: 'correct', field: 'identity', text: 'Spam spam spam' });
      const before = await personas(api);
      const res = await review(api, `/contributions/${id}/reject`, { method: 'POST', body: JSON.stringify({ note: 'off topic' }) });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { contribution: Item }).contribution.status, 'rejected');
      assert.equal((await personas(api)).etag, before.etag);
      const rejected = (await (await review(api, '/contributions?status=rejected')).json()) as { contributions: Item[] };
      assert.ok(rejected.contributions.some((item) => item.id === id));
      assert.equal((await review(api, '/contributions/00000000-0000-4000-8000-000000000000/approve', { method: 'POST' })).status, 404);
      assert.equal((await review(api, '/contributions/not-a-uuid/approve', { method: 'POST' })).status, 404);
    });

    test('no answer and no log line carries an email', async () => {
      const all = await review(api, '/contributions?status=all');
      assert.ok(!(await all.text()).includes(EMAIL));
      assert.ok(!(await (await fetch(`${api.base}/api/contributions`)).text()).includes(EMAIL));
      assert.ok(api.logs.length > 0);
      assert.ok(api.logs.every((line) => !line.includes(EMAIL)));
    });
  });

  describe(`protection (${backend})`, () => {
    test('without a review token the review API is off (404), and a short token is refused at start', async () => {
      const api = await startApi(backend, { personas: [], reviewToken: undefined });
      try {
        const res = await review(api, '/contributions');
        assert.equal(res.status, 404);
        assert.match(((await res.json()) as { errors: { _: string } }).errors._, /off/);
      } finally {
        await api.close({ drop: true });
      }
      await assert.rejects(startApi(backend, { personas: [], reviewToken: 'short' }), /16 characters/);
    });

    test('CORS only for configured origins; the review API never for "*"', async () => {
      const api = await startApi(backend, { personas: [], corsOrigins: ['https://wiki.example.com'] });
      try {
        const allowed = await fetch(`${api.base}/api/personas`, { headers: { Origin: 'https://wiki.example.com' } });
        assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://wiki.example.com');
        assert.match(allowed.headers.get('vary') ?? '', /Origin/);
        const other = await fetch(`${api.base}/api/personas`, { headers: { Origin: 'https://evil.example' } });
        assert.equal(other.headers.get('access-control-allow-origin'), null);
        const preflight = await fetch(`${api.base}/api/contributions`, {
          method: 'OPTIONS',
          headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
        });
        assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      } finally {
        await api.close({ drop: true });
      }
      const open = await startApi(backend, { personas: [], corsOrigins: '*' });
      try {
        const res = await review(open, '/contributions', { headers: { Origin: 'https://evil.example' } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('access-control-allow-origin'), null);
      } finally {
        await open.close({ drop: true });
      }
    });

    test('per-client rate limits: 429 with Retry-After, nothing stored past the limit', async () => {
      const api = await startApi(backend, { personas: [], writeLimit: { max: 3, windowMs: 60_000 }, readLimit: { max: 5, windowMs: 60_000 } });
      try {
        const statuses: number[] = [];
        let retryAfter: string | null = null;
        for (let i = 0; i < 5; i++) {
          const res = await postContribution(api, body({ text: `n${i}` }));
          statuses.push(res.status);
          if (res.status === 429) retryAfter = res.headers.get('retry-after');
        }
        assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
        assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 60);
        assert.equal((await api.stored()).length, 3);
        const reads: number[] = [];
        for (let i = 0; i < 6; i++) reads.push((await fetch(`${api.base}/api/personas`)).status);
        assert.deepEqual(reads, [200, 200, 200, 200, 200, 429]);
      } finally {
        await api.close({ drop: true });
      }
    });

    test('bad input is a clear 4xx, never a stack trace', async () => {
      const api = await startApi(backend, { personas: [] });
      try {
        for (const [path, init] of [
          ['/api/personas?limit=-1', {}],
          ['/api/contributions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' }],
          ['/api/contributions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' }],
          ['/api/contributions', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }],
          ['/api/contributions', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k'.repeat(300) }, body: '{}' }],
          ['/api/nothing', {}],
        ] as const) {
          const res = await fetch(`${api.base}${path}`, init as RequestInit);
          assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status}`);
          const text = await res.text();
          assert.ok(!/\bat .+\(.+:\d+:\d+\)|node_modules|Error:/.test(text), `${path} leaked: ${text}`);
          assert.ok(((JSON.parse(text) as { errors: object }).errors), path);
        }
      } finally {
        await api.close({ drop: true });
      }
    });
  });
}
