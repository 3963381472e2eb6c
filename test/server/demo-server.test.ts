/**
 * The real demo dev server (Vite + demo/vite.config.ts), probed over HTTP:
 * the contribution store and dotfiles are 404 by every path, contributions are
 * readable only through `GET /api/contributions` (without emails or keys),
 * malformed escapes are a plain 400, and slow clients are cut off.
 */
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { existsSync } from 'node:fs';
import { body, freshPgliteDir, makeDataDir, removeDir } from './helpers.js';
import { rawGet, trickle } from './raw-http.js';
import { demoDir, repoRoot, startDemoServer, type DemoServer } from './vite-server.js';

const EMAIL = 'vite-canary@example.com';
const KEY = 'idem-canary-7d2f9';
const SECRET = 'DOTFILE-CANARY-5b1e';
const TIMEOUT_MS = 1000;

/** Every spelling of `path` we can think of: raw, `%2e` for dots, `%2f` for slashes, with Vite's queries. */
function spellings(path: string): string[] {
  const forms = new Set([
    path,
    path.replaceAll('.', '%2e'),
    path.replaceAll('.', '%2E'),
    path.replaceAll('.', '%252e'),
    path.replace(/\/(?=[^/]*$)/, '%2f'),
  ]);
  return [...forms].flatMap((form) => ['', '?raw', '?import', '?url', '?inline', '?raw&import'].map((q) => form + q));
}

async function assertHidden(demo: DemoServer, paths: string[], secrets: string[]): Promise<void> {
  for (const path of paths) {
    const res = await rawGet(demo.port, path);
    for (const secret of secrets) {
      assert.ok(!res.body.includes(secret), `${path} (${res.status}) served ${secret}`);
    }
    assert.equal(res.status, 404, `${path}: expected 404, got ${res.status}`);
  }
}

describe('demo dev server (Vite)', () => {
  let dataDir: string;
  let demo: DemoServer;
  const canaryDir = join(demoDir, `.canary-${process.pid}`);

  before(async () => {
    dataDir = await makeDataDir();
    // The embedded database, ready-made (a fresh PGlite takes seconds to initialise).
    await freshPgliteDir(join(dataDir, 'db'));
    // A canary file beside the database: nothing in the data directory may be served.
    await writeFile(join(dataDir, 'contributions.jsonl'), `{"email":"${EMAIL}","key":"${KEY}"}\n`);
    await mkdir(canaryDir, { recursive: true });
    await writeFile(join(canaryDir, 'secret.txt'), `${SECRET}\n`);
    demo = await startDemoServer({
      PERSONA_DATA_DIR: dataDir,
      PERSONA_DEMO_HEADERS_TIMEOUT_MS: String(TIMEOUT_MS),
      PERSONA_DEMO_BODY_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    const res = await fetch(`${demo.base}/api/contributions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': KEY },
      body: JSON.stringify(body({ contributor: { role: 'Analyst', email: EMAIL } })),
    });
    assert.equal(res.status, 201);
  });
  after(async () => {
    await demo?.close();
    await rm(canaryDir, { recursive: true, force: true });
    await removeDir(dataDir);
  });

  test('the database lives in PERSONA_DATA_DIR and GET /api/contributions lists it without email or key', async () => {
    assert.ok(existsSync(join(dataDir, 'db', 'PG_VERSION')), 'the embedded database is in PERSONA_DATA_DIR/db');
    const res = await fetch(`${demo.base}/api/contributions`);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.equal((JSON.parse(text) as { contributions: unknown[] }).contributions.length, 1);
    assert.ok(!text.includes(EMAIL), 'the list carries an email');
    assert.ok(!text.includes(KEY), 'the list carries an Idempotency-Key');
  });

  test('the store is 404 by every path: the old location, /@fs/, encoded, traversals', async () => {
    const store = join(dataDir, 'contributions.jsonl');
    await assertHidden(
      demo,
      [
        ...spellings('/.data/contributions.jsonl'),
        '/dist/../.data/contributions.jsonl',
        '/dist/%2e%2e/.data/contributions.jsonl',
        '/dist/..%2f.data%2fcontributions.jsonl',
        '/./.data/contributions.jsonl',
        '//.data/contributions.jsonl',
        ...spellings(`/@fs${store}`),
        `/@fs${dataDir}/../${dataDir.split('/').at(-1)}/contributions.jsonl`,
        `/@fs${demoDir}../${store}`,
        `/@id${store}?raw`,
        `/${store}?raw`,
        ...spellings(`/@fs${demoDir}.data/contributions.jsonl`),
        ...spellings(`/@fs${dataDir}/db/PG_VERSION`),
        // The default location, should PERSONA_DATA_DIR be unset.
        ...spellings('/.persona-data/contributions.jsonl'),
        '/../.persona-data/contributions.jsonl',
        ...spellings(`/@fs${repoRoot}.persona-data/contributions.jsonl`),
      ],
      [EMAIL, KEY],
    );
  });

  test('dotfiles under the served root are 404 by every path', async () => {
    const name = canaryDir.split('/').at(-1)!;
    await assertHidden(
      demo,
      [
        ...spellings(`/${name}/secret.txt`),
        `/dist/../${name}/secret.txt`,
        `/dist/%2e%2e/${name}/secret.txt`,
        ...spellings(`/@fs${canaryDir}/secret.txt`),
      ],
      [SECRET],
    );
  });

  test('/@fs/ reaches nothing outside demo/ and dist/', async () => {
    for (const path of [`/@fs${repoRoot}package.json`, '/@fs/etc/passwd', `/@fs${repoRoot}.git/config`]) {
      const res = await rawGet(demo.port, path);
      assert.equal(res.status, 404, path);
      assert.ok(!res.body.includes('"devDependencies"') && !res.body.includes('root:x:0'), path);
    }
  });

  test('the demo pages, the Vite client and the API still work', async () => {
    const page = await rawGet(demo.port, '/research.html');
    assert.equal(page.status, 200);
    assert.match(page.body, /\/@vite\/client/);
    assert.equal((await rawGet(demo.port, '/research.js')).status, 200);
    const client = await rawGet(demo.port, '/@vite/client');
    assert.equal(client.status, 200);
    for (const [, imported] of client.body.matchAll(/^import\s+["']([^"']+)["']/gm)) {
      assert.equal((await rawGet(demo.port, imported!)).status, 200, imported);
    }
    assert.equal((await rawGet(demo.port, '/api/personas')).status, 200);
  });

  test('a malformed % escape is a plain 400 with no stack or absolute path', async () => {
    for (const path of ['/dist/%E0%A4%A', '/%E0%A4%A', '/@fs/%E0%A4%A', '/dist/%']) {
      const res = await rawGet(demo.port, path);
      assert.equal(res.status, 400, path);
      assert.ok(!/\bat\s|URIError|Error:/.test(res.body), `${path} leaks a stack: ${res.body.slice(0, 200)}`);
      assert.ok(!res.body.includes(repoRoot), `${path} leaks a path`);
    }
  });

  test('a body trickled one byte at a time is cut off with 408 within the bound', async () => {
    const payload = JSON.stringify(body());
    for (const path of ['/api/contributions', '/research.html']) {
      const head =
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(payload)}\r\n\r\n`;
      const result = await trickle(demo.port, head, payload, { intervalMs: 300, giveUpMs: 6000 });
      assert.ok(result.closed, `${path}: still open after ${result.elapsedMs} ms`);
      assert.ok(result.elapsedMs < TIMEOUT_MS + 2000, `${path}: closed only after ${result.elapsedMs} ms`);
      if (path === '/api/contributions') assert.match(result.received, /^HTTP\/1\.1 408 /);
    }
  });

  test('the HMR WebSocket outlives the header deadline', async () => {
    const head =
      'GET /?token=' + encodeURIComponent(demo.server.config.webSocketToken) + ' HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: vite-hmr\r\n\r\n';
    const result = await trickle(demo.port, head, '', { intervalMs: 1000, giveUpMs: TIMEOUT_MS * 2.5 });
    assert.match(result.received, /^HTTP\/1\.1 101 /);
    assert.equal(result.closed, false, `closed after ${result.elapsedMs} ms`);
  });

  test('headers trickled one byte at a time are cut off within the bound', async () => {
    const result = await trickle(demo.port, 'GET /research.html HTTP/1.1\r\n', 'X-Slow: ' + 'a'.repeat(100), {
      intervalMs: 300,
      giveUpMs: 6000,
    });
    assert.ok(result.closed, `still open after ${result.elapsedMs} ms`);
    assert.ok(result.elapsedMs < TIMEOUT_MS + 2000, `closed only after ${result.elapsedMs} ms`);
  });
});

describe('demo dev server (Vite): its own fs rules, without the guard in front', () => {
  let dataDir: string;
  let demo: DemoServer;
  const canaryDir = join(demoDir, `.canary-fs-${process.pid}`);

  before(async () => {
    dataDir = await makeDataDir();
    await freshPgliteDir(join(dataDir, 'db'));
    await writeFile(join(dataDir, 'contributions.jsonl'), `{"email":"${EMAIL}"}\n`);
    await mkdir(canaryDir, { recursive: true });
    await writeFile(join(canaryDir, 'secret.txt'), `${SECRET}\n`);
    demo = await startDemoServer({ PERSONA_DATA_DIR: dataDir });
    const stack = demo.server.middlewares.stack;
    const at = stack.findIndex((layer) => (layer.handle as { name?: string }).name === 'personaDemoGuard');
    assert.ok(at >= 0, 'the guard is installed');
    assert.equal(at, 0, 'the guard is the first middleware');
    stack.splice(at, 1);
  });
  after(async () => {
    await demo?.close();
    await rm(canaryDir, { recursive: true, force: true });
    await removeDir(dataDir);
  });

  test('server.fs is strict, allows demo/ and dist/ only, and denies keys, dot folders and the store', () => {
    const { fs } = demo.server.config.server;
    assert.equal(fs.strict, true);
    const allowed = fs.allow.filter((dir) => !dir.includes('/node_modules/vite/'));
    assert.deepEqual(allowed.map((dir) => dir.replace(/\/$/, '')).sort(), [
      join(repoRoot, 'demo'),
      join(repoRoot, 'dist'),
    ]);
    for (const pattern of ['.env', '.env.*', '*.{crt,pem,key}', '**/.*/**', `${dataDir}/**`]) {
      assert.ok(fs.deny.includes(pattern), `deny has ${pattern}`);
    }
  });

  test('Vite alone refuses the store and dot folders too', async () => {
    const name = canaryDir.split('/').at(-1)!;
    for (const path of [
      ...spellings(`/@fs${join(dataDir, 'contributions.jsonl')}`),
      ...spellings(`/@fs${canaryDir}/secret.txt`),
      `/${name}/secret.txt?raw`,
      `/${name}/secret.txt?import`,
    ]) {
      const res = await rawGet(demo.port, path);
      assert.ok(!res.body.includes(EMAIL) && !res.body.includes(SECRET), `${path} (${res.status}) leaked`);
      // Encoded spellings may name no file for Vite (it falls back to index.html), and `?import`/`?url`
      // answer the file's URL, not its content: no leak is what counts there.
      if (!path.includes('%') && !/[?&](import|url)\b/.test(path)) assert.ok(res.status === 403 || res.status === 404, `${path}: ${res.status}`);
    }
  });
});
