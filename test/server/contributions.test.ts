import assert from 'node:assert/strict';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { MAX_BODY_BYTES } from '../../src/data/contribution.js';
import { BACKENDS, body, postContribution, startApi, type TestApi } from './helpers.js';

interface Accepted {
  id: string;
  received_at: string;
  contribution: Record<string, unknown> & { contributor: Record<string, unknown> };
}
interface Listed {
  contributions: Accepted[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function list(api: TestApi): Promise<Accepted[]> {
  const res = await fetch(`${api.base}/api/contributions`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  return ((await res.json()) as Listed).contributions;
}

const storedLines = (api: TestApi) => api.stored();

/** Streams `size` bytes without a Content-Length (chunked), as a client that lies about nothing. */
function postChunked(api: TestApi, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${api.base}/api/contributions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    for (let sent = 0; sent < size; sent += chunk.length) req.write(chunk);
    req.end();
  });
}

for (const backend of BACKENDS) describe(`/api/contributions (${backend})`, () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startApi(backend, { personas: [] });
  });
  afterEach(async () => {
    await api.close({ drop: true });
  });

  test('415 unless the body is declared as JSON', async () => {
    const res = await fetch(`${api.base}/api/contributions`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify(body()),
    });
    assert.equal(res.status, 415);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.ok(((await res.json()) as { errors: { _: string } }).errors._);
  });

  test('accepts a charset parameter on the content type', async () => {
    const res = await postContribution(api, body(), { 'Content-Type': 'application/json; charset=utf-8' });
    assert.equal(res.status, 201);
  });

  test('413 past 64 kB, declared or streamed', async () => {
    const big = body({ text: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await postContribution(api, big);
    assert.equal(res.status, 413);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(await postChunked(api, 1024 * 1024), 413);
    assert.deepEqual(await storedLines(api), []);
  });

  test('400 for broken JSON', async () => {
    const res = await postContribution(api, '{"kind": "new",');
    assert.equal(res.status, 400);
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    assert.deepEqual(Object.keys(errors), ['_']);
  });

  test('422 maps schema errors onto input names', async () => {
    const res = await postContribution(
      api,
      body({
        pid: '  ',
        field: undefined,
        text: '   ',
        contributor: { role: 'r'.repeat(201), email: 'not-an-email' },
        submitted_at: 'yesterday',
      }),
    );
    assert.equal(res.status, 422);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    assert.deepEqual(Object.keys(errors).sort(), ['email', 'field', 'pid', 'role', 'submitted_at', 'text']);
    assert.equal(errors['text'], 'Write at least one character.');
    assert.equal(errors['email'], 'Enter a valid email address, or leave it empty.');
    assert.deepEqual(await storedLines(api), []);
  });

  test('201 stores the normalised contribution and lists it newest first, without the email', async () => {
    const res = await postContribution(api, body({ text: '  padded  ', extra: 'dropped' }));
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const accepted = (await res.json()) as Accepted;
    assert.match(accepted.id, UUID);
    assert.ok(!Number.isNaN(Date.parse(accepted.received_at)));
    assert.equal(accepted.contribution['text'], 'padded');
    assert.equal(accepted.contribution['extra'], undefined);
    // The email is stored, but no answer (readable by any origin) carries it.
    assert.equal(accepted.contribution.contributor['email'], undefined);
    assert.equal(accepted.contribution.contributor['role'], 'Data engineer');

    const second = (await (await postContribution(api, body({ kind: 'new', pid: undefined, field: undefined }))).json()) as Accepted;

    const listed = await list(api);
    assert.deepEqual(listed.map((entry) => entry.id), [second.id, accepted.id]);
    assert.equal(listed[1]?.contribution['text'], 'padded');
    assert.equal(listed[1]?.contribution.contributor['email'], undefined);
    assert.equal(listed[1]?.contribution.contributor['role'], 'Data engineer');

    const lines = await storedLines(api);
    assert.equal(lines.length, 2);
    assert.equal(lines[0]?.id, accepted.id);
    // The email has a column of its own; the stored contribution does not carry it.
    assert.equal(lines[0]?.email, 'ana@example.com');
    assert.ok(!JSON.stringify(lines[0]?.contribution).includes('ana@example.com'));
    // Personal data never reaches the log.
    assert.ok(api.logs.length > 0);
    assert.ok(api.logs.every((line) => !line.includes('ana@example.com')));
  });

  test('a filled honeypot looks accepted but stores nothing', async () => {
    const res = await postContribution(api, body({ website: 'http://spam.example' }));
    assert.equal(res.status, 202);
    const answer = (await res.json()) as Accepted;
    assert.match(answer.id, UUID);
    assert.deepEqual(await list(api), []);
    assert.deepEqual(await storedLines(api), []);
    // An empty honeypot is a person.
    assert.equal((await postContribution(api, body({ website: '' }))).status, 201);
  });

  test('a repeated Idempotency-Key is stored once and gets the same answer', async () => {
    const key = { 'Idempotency-Key': 'draft-1' };
    const first = await postContribution(api, body(), key);
    const firstBody = await first.text();
    const again = await postContribution(api, body(), key);
    assert.equal(again.status, first.status);
    assert.equal(await again.text(), firstBody);

    // A double click: both in flight at once.
    const both = await Promise.all([
      postContribution(api, body(), { 'Idempotency-Key': 'draft-2' }),
      postContribution(api, body(), { 'Idempotency-Key': 'draft-2' }),
    ]);
    const [a, b] = await Promise.all(both.map((res) => res.text()));
    assert.deepEqual(both.map((res) => res.status), [201, 201]);
    assert.equal(a, b);

    assert.equal((await storedLines(api)).length, 2);
    assert.equal((await list(api)).length, 2);
  });

  test('an invalid submission does not claim its Idempotency-Key', async () => {
    const key = { 'Idempotency-Key': 'draft-3' };
    assert.equal((await postContribution(api, body({ text: '' }), key)).status, 422);
    assert.equal((await postContribution(api, body(), key)).status, 201);
  });

  test('OPTIONS answers the CORS preflight', async () => {
    const res = await fetch(`${api.base}/api/contributions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://wiki.example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET, POST, OPTIONS');
    assert.equal(res.headers.get('access-control-allow-headers'), 'Content-Type, Idempotency-Key');
    assert.equal(res.headers.get('access-control-max-age'), '600');
  });

  test('405 for other methods', async () => {
    const res = await fetch(`${api.base}/api/contributions`, { method: 'PUT' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, POST, OPTIONS');
  });
});

for (const backend of BACKENDS) describe(`persistence (${backend})`, () => {
  test('a new server on the same database lists earlier entries and replays their keys', async () => {
    const first = await startApi(backend, { personas: [] });
    const one = (await (await postContribution(first, body({ text: 'one' }), { 'Idempotency-Key': 'k1' })).json()) as Accepted;
    const two = (await (await postContribution(first, body({ text: 'two' }))).json()) as Accepted;
    const second = await first.restart();
    try {
      assert.deepEqual((await list(second)).map((entry) => entry.id), [two.id, one.id]);
      const replay = await postContribution(second, body({ text: 'one' }), { 'Idempotency-Key': 'k1' });
      assert.equal(replay.status, 201);
      assert.deepEqual(await replay.json(), one);
      assert.equal((await storedLines(second)).length, 2);
    } finally {
      await second.close({ drop: true });
    }
  });
});
