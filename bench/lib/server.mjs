/**
 * The bench's web server and browser, mirroring test/e2e/browser.ts: the
 * repository's files (the built dist/, bench/pages/) served read-only on
 * 127.0.0.1, plus persona endpoints that count every request they answer.
 *
 * Endpoints (any query string is accepted and counted as its own URL):
 * - /api/personas.json          the demo library (83 personas); `delay=ms` answers late
 * - /api/generated.json?n=N     N generated personas (bench/lib/generate.mjs), cached per N
 */
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../../test/support/chromium.mjs';
import { generatePersonas } from './generate.mjs';

export const root = normalize(join(import.meta.dirname, '..', '..'));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/**
 * The built bundles the pages load, read once when the server starts: every
 * page of a run measures the same build as the size figures, even if someone
 * rebuilds dist/ meanwhile.
 */
const SNAPSHOT = ['/dist/persona-widgets.js', '/dist/persona-widgets.iife.js'];

export async function serve() {
  const snapshot = new Map();
  for (const path of SNAPSHOT) {
    const file = join(root, path);
    // A build in progress empties dist/ for a few seconds: wait for it rather than fail at once.
    for (let waited = 0; !existsSync(file) && waited < 20_000; waited += 500) await new Promise((r) => setTimeout(r, 500));
    if (!existsSync(file)) throw new Error(`${path.slice(1)} is missing: run \`npm run build\` first`);
    snapshot.set(path, readFileSync(file));
  }
  // The autoloader's chunks, snapshotted like the bundles.
  for (const name of readdirSync(join(root, 'dist', 'chunks')).filter((f) => f.endsWith('.js'))) {
    snapshot.set(`/dist/chunks/${name}`, readFileSync(join(root, 'dist', 'chunks', name)));
  }
  // The card's per-element npm entry as a host's bundler would ship it (Lit and zod inside).
  const { bundleEntry } = await import('./size.mjs');
  for (const chunk of (await bundleEntry('persona-card', { sourcemap: false })).chunks) {
    snapshot.set(`/bench/entry/${chunk.fileName}`, Buffer.from(chunk.code));
  }
  // Internals the diagnostics time alone (parser, search index), bundled like a production build.
  const { build } = await import('esbuild');
  const internals = await build({
    entryPoints: [join(root, 'bench', 'internals.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
  });
  snapshot.set('/bench/internals.js', Buffer.from(internals.outputFiles[0].contents));
  // The floor of the stack for one card (Lit + the contract's validation, one file), minified like a
  // host's build; and the same card without the validation (Lit alone).
  for (const [path, validate] of [['/bench/stack-floor.js', true], ['/bench/lit-floor.js', false]]) {
    const floor = await build({
      entryPoints: [join(root, 'bench', 'stack-floor.ts')],
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"production"', VALIDATE: String(validate) },
      write: false,
    });
    snapshot.set(path, Buffer.from(floor.outputFiles[0].contents));
  }
  const demo = Buffer.from(readFileSync(join(root, 'demo', 'data', 'personas.json'), 'utf8'));
  const generated = new Map();
  /** Endpoint requests answered, by path + query. */
  const requests = new Map();
  let endpointBytes = 0;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/')) {
      requests.set(url.pathname + url.search, (requests.get(url.pathname + url.search) ?? 0) + 1);
      let body;
      if (url.pathname === '/api/personas.json') body = demo;
      else if (url.pathname === '/api/generated.json') {
        const n = Number(url.searchParams.get('n') ?? 1000);
        if (!generated.has(n)) generated.set(n, Buffer.from(JSON.stringify(generatePersonas(n))));
        body = generated.get(n);
      }
      if (!body) return void res.writeHead(404).end('not found');
      const delay = Number(url.searchParams.get('delay') ?? 0);
      endpointBytes += body.length;
      const send = () =>
        res
          .writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Length': body.length,
            'Cache-Control': 'no-store',
          })
          .end(body);
      if (delay) setTimeout(send, delay);
      else send();
      return;
    }
    if (snapshot.has(url.pathname)) {
      res.writeHead(200, { 'Content-Type': types['.js'], 'Cache-Control': 'no-store' });
      return void res.end(snapshot.get(url.pathname));
    }
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      return void res.writeHead(404).end('not found');
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    /** The bundles, chunks and the card's entry as served (what the size figures must describe). */
    snapshot,
    /** Endpoint requests since the last reset: total, distinct URLs, bytes. */
    stats: () => ({
      requests: [...requests.values()].reduce((a, b) => a + b, 0),
      distinct: requests.size,
      byUrl: Object.fromEntries(requests),
      bytes: endpointBytes,
    }),
    reset: () => {
      requests.clear();
      endpointBytes = 0;
    },
    /** Pre-builds a generated collection (so its generation is not timed) and returns its size. */
    prepare: (n) => {
      if (!generated.has(n)) generated.set(n, Buffer.from(JSON.stringify(generatePersonas(n))));
      return generated.get(n).length;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Headless Chromium with the project's flags (test/support/chromium.mjs). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    // performance.memory with exact (not bucketed) numbers; the heap figures use CDP anyway.
    args: [...chromiumArgs, '--enable-precise-memory-info'],
  });
}

/** The machine the figures come from. */
export function machine(browser) {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    chromium: browser.version(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    /** Other work on the machine skews absolute times (hence the ratios). */
    loadAverage: loadavg()[0].toFixed(1),
  };
}
