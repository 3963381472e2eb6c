import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixture, tempDir } from './helpers.js';

const HOSTILE_LINES = [
  'H-2 identity: record skipped: missing',
  'H-3 url: unsafe URL (only absolute http(s) URLs are kept)',
  'H-1 pid: duplicate pid, record skipped',
  'H-4 comment_count: dropped: must be at least 0, got number',
  'H-4 shoe_size: unknown field, ignored',
  'H-4 tools: 1 of 2 items dropped (item 1: at name: expected string)',
  '#5 record: record skipped: not an object',
];

test('validate: each problem of a hostile collection as "pid field: reason", then a summary; exit 1', async () => {
  const run = await cli(['validate', fixture('hostile.json')]);
  assert.equal(run.code, 1, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, -1), HOSTILE_LINES);
  assert.equal(
    lines.at(-1),
    'FAILED: 6 record(s) on 1 page(s): 1 intact, 2 kept with dropped or cut fields, 3 skipped; 7 problem(s)',
  );
});

test('validate --json: the same as one JSON document', async () => {
  const run = await cli(['validate', fixture('hostile.json'), '--json']);
  assert.equal(run.code, 1);
  const report = JSON.parse(run.stdout);
  assert.equal(report.ok, false);
  assert.equal(report.records, 6);
  assert.equal(report.intact, 1);
  assert.equal(report.skipped, 3);
  assert.deepEqual(
    report.problems.map((p: { pid: string; field: string; reason: string }) => `${p.pid} ${p.field}: ${p.reason}`),
    HOSTILE_LINES,
  );
  assert.deepEqual(report.problems[1], { pid: 'H-3', field: 'url', reason: 'unsafe URL (only absolute http(s) URLs are kept)', page: 1, index: 2 });
});

test('validate: a clean collection exits 0; unreadable input exits 2; a wrong shape exits 1', async () => {
  const dir = tempDir();
  const clean = join(dir, 'clean.json');
  writeFileSync(clean, JSON.stringify([{ pid: 'A-1', name: 'A', identity: 'Fine.', url: 'https://example.com/a', goals: ['x'] }]));
  const ok = await cli(['validate', clean]);
  assert.equal(ok.code, 0, ok.stdout);
  assert.match(ok.stdout, /^ok: 1 record\(s\) on 1 page\(s\): 1 intact/);

  const missing = await cli(['validate', join(dir, 'nope.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json: cannot read the file/);

  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '[\n{"pid": }\n]');
  const notJson = await cli(['validate', broken, '--json']);
  assert.equal(notJson.code, 2);
  assert.match(notJson.stderr, /broken\.json(:2)?: not valid JSON/);
  assert.equal(JSON.parse(notJson.stdout).ok, false);

  const shape = join(dir, 'shape.json');
  writeFileSync(shape, '{"items": []}');
  const wrong = await cli(['validate', shape]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /shape\.json: This endpoint did not return persona data/);
});

function serve(routes: Record<string, unknown>): Promise<Server> {
  const server = createServer((request, response) => {
    const body = routes[request.url ?? ''];
    if (body === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('validate <url>: fetches, follows relative next, stops at a repeated next', async () => {
  const server = await serve({
    '/api/personas.json': { personas: [{ pid: 'U-1', name: 'One', identity: 'First page.' }], next: 'page-2.json', total: 2 },
    '/api/page-2.json': { personas: [{ pid: 'U-2', name: 'Two', identity: 'Second page.', image: 'javascript:alert(1)' }], next: '/api/personas.json' },
    '/good.json': { personas: [{ pid: 'G-1', name: 'Good', identity: 'Fine.' }], next: '/good-2.json', total: 2 },
    '/good-2.json': { personas: [{ pid: 'G-2', name: 'Good too', identity: 'Fine.' }], total: 2 },
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const looping = await cli(['validate', `${base}/api/personas.json`]);
    assert.equal(looping.code, 1, looping.stderr);
    assert.match(looping.stdout, /^U-2 image: unsafe URL \(only absolute http\(s\) URLs are kept\) \(page 2, record 0\)$/m);
    assert.match(looping.stdout, /^\(collection\) next: repeats an earlier page \(http:\/\/127\.0\.0\.1:\d+\/api\/personas\.json\), stopped \(page 2\)$/m);
    assert.match(looping.stdout, /2 record\(s\) on 2 page\(s\)/);

    const good = await cli(['validate', `${base}/good.json`, '--json']);
    assert.equal(good.code, 0, good.stdout);
    assert.deepEqual(JSON.parse(good.stdout), { source: `${base}/good.json`, pages: 2, records: 2, intact: 2, changed: 0, skipped: 0, problems: [], ok: true });

    const missing = await cli(['validate', `${base}/missing.json`]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing\.json: HTTP 404/);
  } finally {
    server.close();
  }
});
