/**
 * End-to-end helpers: a static server for the built bundle (so pages load it
 * the way a host would, under their own headers) and headless Chromium.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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

/** Serves files of the repository (read-only), after any custom routes, with extra headers per path. */
export async function serve(options: { routes?: Route[]; headers?: (path: string) => Record<string, string> } = {}) {
  if (!existsSync(join(root, 'dist', 'persona-widgets.js'))) {
    throw new Error('dist/persona-widgets.js is missing: run `npm run build` first');
  }
  const server: Server = createServer(async (req, res) => {
    for (const route of options.routes ?? []) if (await route(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies StaticServer;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const demoPersonas = () => readFileSync(join(root, 'demo', 'data', 'personas.json'), 'utf8');
