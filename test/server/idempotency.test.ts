/**
 * Idempotency-Key is bound to the body it was first used with (as the IETF
 * Idempotency-Key draft asks): the same key with the same body replays the
 * original answer, the same key with another body is refused, and a bad body is
 * judged as a bad body, never answered with someone else's contribution.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { BACKENDS, body, postContribution, startApi, type TestApi } from './helpers.js';

const EMAIL = 'ana@example.com';

interface Accepted {
  id: string;
  received_at: string;
  contribution: Record<string, unknown> & { contributor: Record<string, unknown> };
}

const storedLines = (api: TestApi) => api.stored();

for (const backend of BACKENDS) describe(`Idempotency-Key bound to the body (${backend})`, () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startApi(backend, { personas: [] });
  });
  afterEach(async () => {
    await api.close({ drop: true });
  });

  test('same key, same body: the original answer again (same id), stored once, without the email', async () => {
    const key = { 'Idempotency-Key': 'same-body' };
    const first = await postContribution(api, body(), key);
    assert.equal(first.status, 201);
    const firstText = await first.text();
    assert.ok(!firstText.includes(EMAIL), 'the 201 answer must not carry the email');
    const accepted = JSON.parse(firstText) as Accepted;

    // Same contribution, keys in another order and other whitespace: the same canonical body.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body()).reverse()), null, 2);
    for (const payload of [body(), reordered]) {
      const again = await postContribution(api, payload, key);
      assert.equal(again.status, 201);
      const text = await again.text();
      assert.ok(!text.includes(EMAIL), 'a replayed answer must not carry the email');
      assert.equal((JSON.parse(text) as Accepted).id, accepted.id);
    }
    assert.equal((await storedLines(api)).length, 1);
  });

  test('same key, different valid body: 422 idempotency_key_reused, nothing stored, nothing leaked', async () => {
    const key = { 'Idempotency-Key': 'reused' };
    const first = (await (await postContribution(api, body(), key)).json()) as Accepted;

    const other = body({ text: 'Somebody else entirely.', contributor: { role: 'PM', email: 'bob@example.com' } });
    const res = await postContribution(api, other, key);
    assert.equal(res.status, 422);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const text = await res.text();
    assert.ok(!text.includes(EMAIL));
    assert.ok(!text.includes(first.id), 'the first contribution is not handed out');
    const answer = JSON.parse(text) as { code: string; errors: { _: string } };
    assert.equal(answer.code, 'idempotency_key_reused');
    assert.match(answer.errors._, /Idempotency-Key/);

    const lines = await storedLines(api);
    assert.equal(lines.length, 1, 'the second body is neither stored nor silently dropped with a 201');
    assert.equal(lines[0]?.id, first.id);
  });

  test('same key with a garbage body: 400 as for any broken JSON, never a replay', async () => {
    const key = { 'Idempotency-Key': 'garbage' };
    assert.equal((await postContribution(api, body(), key)).status, 201);
    const res = await postContribution(api, 'garbage', key);
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.ok(!text.includes(EMAIL));
    assert.deepEqual(Object.keys((JSON.parse(text) as { errors: object }).errors), ['_']);
  });

  test('same key with an invalid body: 422 with field errors, never a replay', async () => {
    const key = { 'Idempotency-Key': 'invalid' };
    assert.equal((await postContribution(api, body(), key)).status, 201);
    const res = await postContribution(api, body({ text: '   ' }), key);
    assert.equal(res.status, 422);
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    assert.equal(errors['text'], 'Write at least one character.');
  });

  test('same key with a non-JSON content type: 415, never a replay', async () => {
    const key = { 'Idempotency-Key': 'media' };
    assert.equal((await postContribution(api, body(), key)).status, 201);
    const res = await postContribution(api, body(), { ...key, 'Content-Type': 'text/plain' });
    assert.equal(res.status, 415);
    assert.ok(!(await res.text()).includes(EMAIL));
  });

  test('two different bodies in flight with one key: one is stored, the other refused', async () => {
    const key = { 'Idempotency-Key': 'race' };
    const answers = await Promise.all([
      postContribution(api, body({ text: 'first' }), key),
      postContribution(api, body({ text: 'second' }), key),
    ]);
    assert.deepEqual(answers.map((res) => res.status).sort(), [201, 422]);
    assert.equal((await storedLines(api)).length, 1);
  });

  test('the binding survives a restart', async () => {
    const key = { 'Idempotency-Key': 'durable' };
    const first = (await (await postContribution(api, body(), key)).json()) as Accepted;
    api = await api.restart();

    const replay = await postContribution(api, body(), key);
    assert.equal(replay.status, 201);
    assert.equal(((await replay.json()) as Accepted).id, first.id);
    const reused = await postContribution(api, body({ text: 'different' }), key);
    assert.equal(reused.status, 422);
    assert.equal(((await reused.json()) as { code: string }).code, 'idempotency_key_reused');
    assert.equal((await storedLines(api)).length, 1);
  });

  test('no answer of the endpoint contains the email or the Idempotency-Key', async () => {
    const key = 'secret-key-4f1c';
    const texts: string[] = [];
    for (const res of [
      await postContribution(api, body(), { 'Idempotency-Key': key }),
      await postContribution(api, body(), { 'Idempotency-Key': key }),
      await postContribution(api, body({ website: 'http://spam.example' })),
      await postContribution(api, body()),
      await fetch(`${api.base}/api/contributions`),
    ]) {
      texts.push(await res.text());
    }
    for (const text of texts) {
      assert.ok(!text.includes(EMAIL), `email in ${text}`);
      assert.ok(!text.includes(key), `idempotency key in ${text}`);
    }
  });
});
