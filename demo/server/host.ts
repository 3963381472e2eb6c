/**
 * How the demo pages behave like real hosts: they load the *built* bundle
 * from `/dist/` (as a CDN would serve it), and `/csp.html` is sent as a plain
 * file (without the dev server's injected client, which itself breaks a strict
 * policy) with the strict Content-Security-Policy that README.md documents.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Plugin } from 'vite';

export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json',
};

export function demoHost(demoDir: string, distDir: string): Plugin {
  const root = normalize(distDir);
  return {
    name: 'persona-demo-host',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://demo').pathname;
        if (path === '/csp.html') {
          res.setHeader('Content-Security-Policy', DEMO_CSP);
          res.setHeader('Content-Type', TYPES['.html']!);
          createReadStream(join(demoDir, 'csp.html')).pipe(res);
          return;
        }
        if (!path.startsWith('/dist/')) return next();
        const file = normalize(join(root, decodeURIComponent(path.slice('/dist/'.length))));
        if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end('Not built yet: run `npm run build`.');
          return;
        }
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-cache');
        createReadStream(file).pipe(res);
      });
    },
  };
}
