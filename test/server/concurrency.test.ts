/**
 * 500 contribution POSTs in flight at once on loopback, plus 100 retries with
 * the same key and body sent concurrently: every 2xx is stored exactly once,
 * retries never duplicate, and a retry gets the id of the first answer.
 * Against both databases. (bench/server.ts reports the latency figures.)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fireContributions, percentile } from '../../bench/lib/contribution-load.js';
import { BACKENDS, startApi } from './helpers.js';

const COUNT = 500;
const RETRIES = 100;

for (const backend of BACKENDS) {
  describe(`concurrent contributions (${backend})`, () => {
    test(`${COUNT} concurrent POSTs and ${RETRIES} concurrent retries: every 2xx stored exactly once`, async () => {
      const api = await startApi(backend, { personas: [] });
      try {
        const result = await fireContributions(api.base, COUNT, RETRIES);
        const ok = result.answers.filter((a) => a.status >= 200 && a.status < 300);
        assert.equal(ok.length, COUNT + RETRIES, `statuses: ${JSON.stringify(result.statuses)}`);
        const stored = await api.stored();
        assert.equal(stored.length, COUNT, 'one row per key');
        const storedIds = new Set(stored.map((row) => row.id));
        assert.equal(storedIds.size, COUNT);
        // Each key's answers (first send and retry) name the same stored row.
        const byKey = new Map<string, Set<string>>();
        for (const answer of ok) byKey.set(answer.key, (byKey.get(answer.key) ?? new Set()).add(answer.id!));
        assert.equal(byKey.size, COUNT);
        for (const [key, ids] of byKey) {
          assert.equal(ids.size, 1, `${key} answered with ${[...ids].join(', ')}`);
          assert.ok(storedIds.has([...ids][0]!), `${key}: its id is not stored`);
        }
        const keys = stored.map((row) => row.idempotency_key);
        assert.equal(new Set(keys).size, COUNT);
        const p99 = percentile(result.latencies, 99);
        console.log(`# ${backend}: ${COUNT}+${RETRIES} concurrent POSTs in ${result.elapsedMs.toFixed(0)} ms, p50 ${percentile(result.latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`);
      } finally {
        await api.close({ drop: true });
      }
    });
  });
}
