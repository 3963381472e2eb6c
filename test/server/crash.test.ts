/**
 * `persona-widgets serve` killed with SIGKILL in the middle of a stream of
 * contribution writes, then started again on the same database: every
 * contribution that got a 2xx is there, and the database opens cleanly (the
 * server starts, reads and writes). Against both databases.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { contributionBody } from '../../bench/lib/contribution-load.js';
import { spawnServe } from '../../bench/lib/serve-process.js';
import { BACKENDS, REVIEW_TOKEN, freshPgliteDir, postgresUrl, sharedDatabase } from './helpers.js';

const WORKERS = 8;
const KILL_AFTER_ACKS = 150;

for (const backend of BACKENDS) {
  describe(`SIGKILL during writes (${backend})`, () => {
    test('every 2xx survives the crash and the database opens cleanly', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'persona-crash-'));
      const schema = `crash_${process.pid}_${Date.now().toString(36)}`;
      const personasFile = join(dir, 'personas.json');
      await writeFile(personasFile, JSON.stringify([{ pid: 'APP-001', name: 'One', identity: 'First.' }]));
      let args: string[];
      if (backend === 'pglite') {
        await freshPgliteDir(join(dir, 'db'));
        args = [personasFile, '--db', join(dir, 'db'), '--write-limit', '0'];
      } else {
        args = [personasFile, '--db', postgresUrl(), '--schema', schema, '--write-limit', '0'];
      }
      const env = { PERSONA_REVIEW_TOKEN: REVIEW_TOKEN };
      let server = await spawnServe(args, env);
      try {
        const acked = new Set<string>();
        let sent = 0;
        let failed = 0;
        let killed = false;
        const worker = async () => {
          while (!killed) {
            const i = sent++;
            try {
              const res = await fetch(`${server.url}/api/contributions`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `crash-${i}` },
                body: JSON.stringify(contributionBody(i)),
              });
              const text = await res.text();
              if (res.ok) acked.add((JSON.parse(text) as { id: string }).id);
            } catch {
              failed++;
            }
            if (!killed && acked.size >= KILL_AFTER_ACKS) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          }
        };
        await Promise.all(Array.from({ length: WORKERS }, worker));
        const exit = await server.exited;
        assert.equal(exit.signal, 'SIGKILL');
        console.log(`# ${backend}: ${acked.size} acknowledged, ${sent} sent, ${failed} cut off by the kill`);

        server = await spawnServe(args, env);
        const res = await fetch(`${server.url}/api/review/contributions?status=all&limit=1000`, {
          headers: { Authorization: `Bearer ${REVIEW_TOKEN}` },
        });
        assert.equal(res.status, 200);
        const stored = ((await res.json()) as { contributions: Array<{ id: string }> }).contributions.map((c) => c.id);
        assert.equal(new Set(stored).size, stored.length, 'no duplicates');
        const missing = [...acked].filter((id) => !stored.includes(id));
        assert.deepEqual(missing, [], 'every acknowledged contribution is stored');
        assert.ok(stored.length <= sent);
        // The restarted database reads and writes.
        assert.equal((await fetch(`${server.url}/api/personas`)).status, 200);
        const after = await fetch(`${server.url}/api/contributions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(contributionBody(99_999)),
        });
        assert.equal(after.status, 201);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
        await rm(dir, { recursive: true, force: true });
        if (backend === 'postgres') await (await sharedDatabase('postgres')).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
    });
  });
}
