/**
 * End-to-end helpers: a static server for the built bundle (so pages load it
 * the way a host would, under their own headers) and headless Chromium.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs } from '../support/chromium.mjs';

const root = normalize(join(import.meta.dirname, '..', '..'));
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The folder served (default: the repository, which must be built). */
  root?: string;
  routes?: Route[];
  headers?: (path: string) => Record<string, string>;
}

/** Serves files of the repository (read-only), after any custom routes, with extra headers per path. */
export async function serve(options: ServeOptions = {}) {
  const folder = options.root ? normalize(options.root) : root;
  if (!options.root && !existsSync(join(root, 'dist', 'persona-widgets.js'))) {
    throw new Error('dist/persona-widgets.js is missing: run `npm run build` first');
  }
  const server: Server = createServer(async (req, res) => {
    for (const route of options.routes ?? []) if (await route(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(folder, decodeURIComponent(path)));
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', ...options.headers?.(path) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets would hold close() open
      }),
  } satisfies StaticServer;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
}

const demoPersonas = () => readFileSync(join(root, 'demo', 'data', 'personas.json'), 'utf8');

/** GET /api/personas.json: the 83 demo personas. */
export const personasRoute: Route = (req, res) => {
  if (req.url !== '/api/personas.json') return false;
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(demoPersonas());
  return true;
};

/** GET /api/slow-personas.json: the same, 400 ms late, so loading states render. */
export const slowPersonasRoute: Route = async (req, res) => {
  if (req.url !== '/api/slow-personas.json') return false;
  await new Promise((resolve) => setTimeout(resolve, 400));
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(demoPersonas());
  return true;
};

/** POST /api/contributions: keeps each body in `received` and answers 201. */
export function contributionsRoute(received: Record<string, unknown>[]): Route {
  return async (req, res) => {
    if (req.url !== '/api/contributions' || req.method !== 'POST') return false;
    let body = '';
    for await (const chunk of req) body += chunk;
    received.push(JSON.parse(body) as Record<string, unknown>);
    res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"id":"e2e"}');
    return true;
  };
}

export interface E2E {
  server: StaticServer;
  browser: Browser;
}

/**
 * Starts the server and Chromium before the test file runs (then `setup`, in
 * the same hook, so it sees both), and stops both after it.
 */
export function useBrowser(options: ServeOptions = {}, setup?: (e2e: E2E) => Promise<void>): E2E {
  const context = {} as E2E;
  before(async () => {
    context.server = await serve(options);
    context.browser = await launch();
    await setup?.(context);
  });
  after(async () => {
    await context.browser?.close();
    await context.server?.close();
  });
  return context;
}
