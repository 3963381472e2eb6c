/**
 * A client that trickles its body (one byte at a time) cannot hold a
 * connection of the demo endpoint: past the body timeout it gets a 408 and the
 * connection is closed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BACKENDS, body, startApi, type TestApi } from './helpers.js';
import { trickle } from './raw-http.js';

const BODY_TIMEOUT_MS = 1000;

for (const backend of BACKENDS) describe(`/api/contributions: slow bodies (${backend})`, () => {
  let api: TestApi;
  before(async () => {
    api = await startApi(backend, { personas: [], bodyTimeoutMs: BODY_TIMEOUT_MS });
  });
  after(async () => {
    await api.close({ drop: true });
  });

  test('a body trickled one byte per 300 ms is answered 408 and closed within the bound', async () => {
    const payload = JSON.stringify(body());
    const port = Number(new URL(api.base).port);
    const head =
      'POST /api/contributions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(payload)}\r\n\r\n`;
    const result = await trickle(port, head, payload, { intervalMs: 300, giveUpMs: 6000 });
    assert.ok(result.closed, `connection still open after ${result.elapsedMs} ms`);
    assert.ok(result.elapsedMs < BODY_TIMEOUT_MS + 2000, `closed only after ${result.elapsedMs} ms`);
    assert.match(result.received, /^HTTP\/1\.1 408 /);
    assert.ok(!result.received.includes('ana@example.com'));
    // Nothing half-received was stored.
    assert.deepEqual(await api.stored(), []);
  });
});
