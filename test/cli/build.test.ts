import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { parseCollection } from '../../src/data/parse.js';
import { cli, fixture, readJson, tempDir } from './helpers.js';

const personas = Array.from({ length: 7 }, (_, i) => ({ pid: `B-${i + 1}`, name: `Persona ${i + 1}`, identity: `Number ${i + 1}.` }));

test('build: paged files linked by relative next, read back through the elements\' parser over HTTP', async () => {
  const dir = tempDir();
  const input = join(dir, 'all.json');
  writeFileSync(input, JSON.stringify(personas));
  const site = join(dir, 'site');
  const run = await cli(['build', input, '--out-dir', site, '--page-size', '3', '--base-url', 'https://acme.github.io/personas/']);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(readdirSync(site).sort(), ['persona.schema.json', 'personas-2.json', 'personas-3.json', 'personas.json']);
  assert.deepEqual(readJson(join(site, 'personas.json')), { personas: personas.slice(0, 3), next: 'personas-2.json', total: 7 });
  assert.deepEqual(readJson(join(site, 'personas-3.json')), { personas: personas.slice(6), total: 7 });
  const schema = readJson(join(site, 'persona.schema.json')) as Record<string, unknown>;
  assert.equal(schema.title, 'persona-widgets endpoint, v1');
  assert.match(run.stdout, /<persona-grid src="https:\/\/acme\.github\.io\/personas\/personas\.json"><\/persona-grid>/);
  assert.match(run.stdout, /<persona-card src="https:\/\/acme\.github\.io\/personas\/personas\.json" persona-id="B-1"><\/persona-card>/);

  // Serve the directory as a static host would, and page through it as the client does.
  const server = createServer((request, response) => {
    const path = normalize(join(site, (request.url ?? '/').split('?')[0]!));
    if (!path.startsWith(site) || !existsSync(path)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    let url: string | undefined = `http://127.0.0.1:${(server.address() as AddressInfo).port}/personas.json`;
    const pids: string[] = [];
    let pages = 0;
    while (url) {
      const page = parseCollection(await (await fetch(url)).json(), url);
      assert.deepEqual(page.skipped, []);
      assert.equal(page.total, 7);
      pids.push(...page.personas.map((p) => p.pid));
      url = page.next;
      pages += 1;
    }
    assert.equal(pages, 3);
    assert.deepEqual(pids, personas.map((p) => p.pid));
  } finally {
    server.close();
  }

  // validate follows the relative next links between the local files too.
  const check = await cli(['validate', join(site, 'personas.json'), '--json']);
  assert.equal(check.code, 0, check.stdout);
  assert.equal(JSON.parse(check.stdout).pages, 3);

  // A rebuild with fewer pages removes the pages nothing links to any more.
  const again = await cli(['build', input, '--out-dir', site]);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(readdirSync(site).sort(), ['persona.schema.json', 'personas.json']);
  assert.deepEqual(readJson(join(site, 'personas.json')), { personas, total: 7 });
});

test('build refuses a collection with records the widgets would skip, and writes nothing', async () => {
  const site = join(tempDir(), 'site');
  const run = await cli(['build', fixture('hostile.json'), '--out-dir', site]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /hostile\.json: 3 record\(s\) the widgets would skip/);
  assert.match(run.stderr, /H-2 identity: record skipped: missing/);
  assert.equal(existsSync(site), false);
});

test('build: usage errors', async () => {
  const noDir = await cli(['build', fixture('hostile.json')]);
  assert.equal(noDir.code, 1);
  assert.match(noDir.stderr, /--out-dir DIR is required/);
  const badSize = await cli(['build', fixture('hostile.json'), '--out-dir', tempDir(), '--page-size', '0']);
  assert.equal(badSize.code, 1);
  assert.match(badSize.stderr, /--page-size must be a whole number/);
});
