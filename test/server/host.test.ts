/**
 * The demo host's `/dist/` route over a temp layout `root/dist/` next to
 * `root/dist.bak/` (a sibling whose name starts with "dist"), and `root/demo/`.
 * The route runs as the plugin installs it, under a Connect-like server that,
 * like Connect/Vite in development, answers a thrown error with its stack.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ViteDevServer } from 'vite';
import { demoHost } from '../../demo/server/host.js';
import { makeDataDir, removeDir } from './helpers.js';
import { rawGet } from './raw-http.js';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The middleware `demoHost` registers, taken from its configureServer hook. */
function hostMiddleware(demoDir: string, distDir: string): Middleware {
  const middlewares: Middleware[] = [];
  const fake = { middlewares: { use: (fn: Middleware) => middlewares.push(fn) } } as unknown as ViteDevServer;
  const hook = demoHost(demoDir, distDir).configureServer;
  const run = typeof hook === 'function' ? hook : hook?.handler;
  void run?.call({} as never, fake);
  assert.equal(middlewares.length, 1);
  return middlewares[0]!;
}

describe('demo host: /dist/', () => {
  let root: string;
  let server: Server;
  let port: number;

  before(async () => {
    root = await makeDataDir();
    await mkdir(join(root, 'dist'));
    await mkdir(join(root, 'dist.bak'));
    await mkdir(join(root, 'demo'));
    await writeFile(join(root, 'dist', 'persona-widgets.js'), 'export const built = true;\n');
    await writeFile(join(root, 'dist.bak', 'secret.txt'), 'TOP-SECRET-SIBLING\n');
    await writeFile(join(root, 'demo', 'csp.html'), '<!doctype html><title>csp</title>\n');
    const middleware = hostMiddleware(join(root, 'demo'), join(root, 'dist'));
    server = createServer((req, res) => {
      try {
        middleware(req, res, () => res.writeHead(404).end('next'));
      } catch (error) {
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end((error as Error).stack);
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    server.closeAllConnections();
    server.close();
    await removeDir(root);
  });

  test('serves a file inside dist/', async () => {
    const res = await rawGet(port, '/dist/persona-widgets.js');
    assert.equal(res.status, 200);
    assert.match(res.body, /built = true/);
  });

  test('never serves the sibling folder dist.bak/, however the path is spelled', async () => {
    for (const path of [
      '/dist/..%2fdist.bak%2fsecret.txt',
      '/dist/..%2Fdist.bak%2Fsecret.txt',
      '/dist/%2e%2e%2fdist.bak%2fsecret.txt',
      '/dist/..%5cdist.bak%5csecret.txt',
      '/dist/x/..%2f..%2fdist.bak%2fsecret.txt',
      '/dist/..%2f..%2f' + encodeURIComponent(root.slice(1)) + '%2fdist.bak%2fsecret.txt',
    ]) {
      const res = await rawGet(port, path);
      assert.ok(res.status === 404 || res.status === 400, `${path}: ${res.status}`);
      assert.ok(!res.body.includes('TOP-SECRET-SIBLING'), `${path} served the sibling`);
    }
  });

  test('a malformed % escape is a 400 with no stack and no absolute path', async () => {
    for (const path of ['/dist/%E0%A4%A', '/dist/%', '/dist/%zz.js']) {
      const res = await rawGet(port, path);
      assert.equal(res.status, 400, path);
      assert.ok(!/\bat\s|Error|URIError/.test(res.body), `${path} leaks a stack: ${res.body}`);
      assert.ok(!res.body.includes(root) && !res.body.includes(process.cwd()), `${path} leaks a path`);
    }
  });

  test('/csp.html is still sent with its policy', async () => {
    const res = await rawGet(port, '/csp.html');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-security-policy'] ?? '', /trusted-types lit-html/);
  });
});
