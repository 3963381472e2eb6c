/**
 * How the demo pages behave like real hosts: they load the *built* bundle
 * from `/dist/` (as a CDN would serve it), and `/csp.html` is sent as a plain
 * file (without the dev server's injected client, which itself breaks a strict
 * policy) with the strict Content-Security-Policy that README.md documents.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { DEMO_CSP } from './csp.mjs';

export { DEMO_CSP };

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json',
};

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** A short plain-text answer that says nothing about the server's files. */
function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

/**
 * `file` when it lies inside `root` (compared by resolved path, so a sibling
 * such as `dist.bak/` or `dist2/` is outside `dist/`), otherwise undefined.
 */
export function containedPath(root: string, file: string): string | undefined {
  const rel = relative(root, file);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? undefined : file;
}

/**
 * `/csp.html` with its policy, and `/dist/*` from `distDir` (files strictly
 * inside it, never a dotfile). A malformed `%` escape is a plain 400.
 */
export function createDemoHostMiddleware(demoDir: string, distDir: string): Middleware {
  const root = resolve(distDir);
  return (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    if (path === '/csp.html') {
      res.setHeader('Content-Security-Policy', DEMO_CSP);
      res.setHeader('Content-Type', TYPES['.html']!);
      createReadStream(join(demoDir, 'csp.html')).pipe(res);
      return;
    }
    if (!path.startsWith('/dist/')) return next();
    let rest: string;
    try {
      rest = decodeURIComponent(path.slice('/dist/'.length));
    } catch {
      sendPlain(res, 400, 'Bad request: malformed URL escape.');
      return;
    }
    const segments = rest.split(/[\\/]/);
    const file = segments.some((segment) => segment.startsWith('.')) || rest.includes('\0')
      ? undefined
      : containedPath(root, resolve(root, rest));
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      sendPlain(res, 404, 'Not found (if this is the bundle, run `npm run build`).');
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
}

export function demoHost(demoDir: string, distDir: string): Plugin {
  const middleware = createDemoHostMiddleware(demoDir, distDir);
  return {
    name: 'persona-demo-host',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
