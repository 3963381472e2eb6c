/**
 * `npm run bench:server`: latency of `POST /api/contributions` under load, on
 * the embedded database and on PostgreSQL. The server runs in its own process
 * (`persona-widgets serve`, rate limit off); this process sends `--count`
 * (default 500) POSTs all at once plus `--retries` (default 100) concurrent
 * retries with the same keys, then checks that every 2xx was stored once.
 *
 *   node --import tsx bench/server.ts [--count 500] [--retries 100] [--db postgres://…]
 *
 * PostgreSQL is measured when `--db`, `PERSONA_TEST_POSTGRES_URL` or
 * `DATABASE_URL` names one (in a fresh schema, dropped afterwards).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db.js';
import { fireContributions, percentile } from './lib/contribution-load.js';
import { spawnServe } from './lib/serve-process.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '500' },
    retries: { type: 'string', default: '100' },
    db: { type: 'string' },
  },
});
const count = Number(values.count);
const retries = Number(values.retries);
const postgres = values.db ?? process.env['PERSONA_TEST_POSTGRES_URL'] ?? process.env['DATABASE_URL'];
const TOKEN = 'bench-review-token-0123456789abcdef';

async function run(label: string, args: string[]): Promise<string> {
  const server = await spawnServe([...args, '--write-limit', '0'], { PERSONA_REVIEW_TOKEN: TOKEN });
  try {
    // Warm-up (connections, JIT), not counted.
    await fireContributions(server.url, 20, 0, `warm-${Date.now()}`);
    const result = await fireContributions(server.url, count, retries);
    const res = await fetch(`${server.url}/api/review/contributions?status=all&limit=1000`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const stored = ((await res.json()) as { contributions: Array<{ id: string }> }).contributions.length - 20;
    const ok = result.answers.filter((a) => a.status >= 200 && a.status < 300).length;
    const ms = (p: number) => percentile(result.latencies, p).toFixed(0).padStart(5);
    return (
      `| ${label.padEnd(10)} | ${String(count + retries).padStart(5)} | ${String(ok).padStart(4)} | ${String(stored).padStart(6)} |` +
      ` ${ms(50)} | ${ms(95)} | ${ms(99)} | ${ms(100)} | ${((count + retries) / (result.elapsedMs / 1000)).toFixed(0).padStart(5)} |`
    );
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

const rows: string[] = [];
const dir = await mkdtemp(join(tmpdir(), 'persona-bench-'));
try {
  rows.push(await run('PGlite', ['--db', join(dir, 'db')]));
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (postgres) {
  const schema = `bench_${process.pid}`;
  try {
    rows.push(await run('PostgreSQL', ['--db', postgres, '--schema', schema]));
  } finally {
    const db = await openDatabase(postgres);
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.close();
  }
} else {
  rows.push('| PostgreSQL | not measured: pass --db postgres://… or set PERSONA_TEST_POSTGRES_URL |');
}
console.log(`POST /api/contributions: ${count} concurrent + ${retries} concurrent retries (same key), loopback, server in its own process\n`);
console.log('| database   | sent  | 2xx  | stored | p50 ms | p95 ms | p99 ms | max ms | req/s |');
console.log('|------------|-------|------|--------|-------|-------|-------|-------|-------|');
for (const row of rows) console.log(row);
