/**
 * What the demo server never serves, and how long it waits for a client.
 *
 * Vite serves its whole root and, through `/@fs/`, files of its allow list;
 * `demo/vite.config.ts` narrows that list (strict, demo/ and dist/ only, with
 * a deny list). This plugin adds a guard in front of every middleware, so the
 * answer is a plain 404 whatever Vite would have said: any dot segment
 * (`/.data/…`, `/.env`, `/dist/../…`, also spelled `%2e`), any `/@fs/` path
 * outside the allow list, and the contribution store by any path. A malformed
 * `%` escape is a plain 400. Slow clients get a 408 and are disconnected.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';
import {
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_HEADERS_TIMEOUT_MS,
  limitSlowClients,
  type SlowClientLimits,
} from '../../src/server/node-http.js';

/** The embedded database's folder, inside the data directory. */
export const DATABASE_DIR_NAME = 'db';

/**
 * Where the demo keeps contributions: `$PERSONA_DATA_DIR`, else
 * `<repo>/.persona-data/` — outside demo/ and dist/, so never a served root.
 */
export function resolveDataDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['PERSONA_DATA_DIR']?.trim();
  return configured ? resolve(repoRoot, configured) : join(repoRoot, '.persona-data');
}

/** Positive integer milliseconds from the environment, else the default. */
function envMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** `PERSONA_DEMO_HEADERS_TIMEOUT_MS` / `PERSONA_DEMO_BODY_TIMEOUT_MS`, 10 s each by default. */
export function resolveTimeouts(env: NodeJS.ProcessEnv = process.env): SlowClientLimits {
  return {
    headersTimeoutMs: envMs(env, 'PERSONA_DEMO_HEADERS_TIMEOUT_MS', DEFAULT_HEADERS_TIMEOUT_MS),
    bodyTimeoutMs: envMs(env, 'PERSONA_DEMO_BODY_TIMEOUT_MS', DEFAULT_BODY_TIMEOUT_MS),
  };
}

/** Whether `file` is `dir` itself or inside it (by resolved path, with a separator). */
export function isInside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Escapes glob syntax so an absolute path can go into `server.fs.deny`. */
function escapeGlob(path: string): string {
  return path.replace(/\\/g, '/').replace(/[*?[\]{}()!+@]/g, '\\$&');
}

/**
 * `server.fs.deny` for the demo: Vite's defaults, keys, every dot folder and
 * the store (which lives outside the allow list anyway).
 */
export function denyPatterns(dataDir: string): string[] {
  const store = escapeGlob(resolve(dataDir));
  return ['.env', '.env.*', '*.{crt,pem,key}', '**/.*/**', store, `${store}/**`];
}

/** Decodes `%` escapes until nothing changes (`%252e` → `.`); null when the first pass fails. */
function decodeFully(path: string): string | null {
  let current: string;
  try {
    current = decodeURIComponent(path);
  } catch {
    return null;
  }
  for (let i = 0; i < 4 && current.includes('%'); i++) {
    try {
      const next = decodeURIComponent(current);
      if (next === current) break;
      current = next;
    } catch {
      break;
    }
  }
  return current;
}

function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

/** A segment that is a dotfile, a dot folder, `.` or `..`. */
const isDotSegment = (segment: string) => segment.startsWith('.');

export interface GuardOptions {
  /** Directories never served by any path (the store). */
  hidden: string[];
  /** Directories `/@fs/` may reach (Vite's resolved `server.fs.allow`). */
  fsAllow: () => readonly string[];
}

/** The guard as Connect middleware: 400, 404, or on to the next middleware. */
export function createRequestGuard(options: GuardOptions) {
  return function personaDemoGuard(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const raw = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    const decoded = decodeFully(raw);
    if (decoded === null || decoded.includes('\0')) {
      sendPlain(res, 400, 'Bad request: malformed URL.');
      return;
    }
    const path = decoded.replace(/\\/g, '/');
    const notFound = () => sendPlain(res, 404, 'Not found.');

    if (path.startsWith('/@fs/')) {
      const segments = path.slice('/@fs'.length).split('/');
      if (segments.some((segment) => segment === '.' || segment === '..')) return notFound();
      const file = resolve(posix.normalize(path.slice('/@fs'.length)));
      if (options.hidden.some((dir) => isInside(dir, file))) return notFound();
      // Dot segments count below the allowed folder, so a checkout under ~/.work/ still works.
      const base = options.fsAllow().find((dir) => isInside(dir, file));
      if (base === undefined) return notFound();
      if (relative(base, file).split(sep).some(isDotSegment)) return notFound();
      return next();
    }

    if (path.split('/').some(isDotSegment)) return notFound();
    // Any other spelling that names the store (`/@id/<path>`, …).
    if (options.hidden.some((dir) => path.includes(resolve(dir).replace(/\\/g, '/')))) return notFound();
    next();
  };
}

export interface DemoGuardOptions {
  /** The data directory (the store): never served. */
  dataDir: string;
  /** Header and body deadlines; see {@link resolveTimeouts}. */
  timeouts?: SlowClientLimits;
}

/**
 * The guard in front of every middleware (dev and preview server), and the
 * slow-client limits on the underlying http server. Refuses to start when the
 * store would lie inside a folder the server may serve.
 */
export function demoGuard(options: DemoGuardOptions): Plugin {
  const timeouts = options.timeouts ?? resolveTimeouts();
  let allow: readonly string[] = [];
  const guard = createRequestGuard({ hidden: [options.dataDir], fsAllow: () => allow });
  const install = (middlewares: Connect.Server, httpServer: unknown) => {
    // First in the stack, before the API (which puts itself first too) and Vite's own.
    middlewares.stack.unshift({ route: '', handle: guard });
    if (httpServer) limitSlowClients(httpServer as Server, timeouts);
  };
  return {
    name: 'persona-demo-guard',
    // After the other plugins, so its unshift lands in front of theirs.
    enforce: 'post',
    configResolved(config) {
      allow = config.server.fs.allow;
      const served = [config.root, config.publicDir, resolve(config.root, config.build.outDir), ...allow];
      const exposed = served.find((dir) => dir && isInside(dir, options.dataDir));
      if (exposed) {
        throw new Error(
          `persona demo: the contribution store (${options.dataDir}) is inside a served folder (${exposed}); ` +
            'set PERSONA_DATA_DIR to a folder outside it.',
        );
      }
      const legacy = join(options.dataDir, 'contributions.jsonl');
      if (existsSync(legacy)) {
        config.logger.warn(
          `[persona-api] ${legacy} (the old JSON-lines store) is no longer read; contributions now live in the database in ${join(options.dataDir, DATABASE_DIR_NAME)}.`,
        );
      }
    },
    configureServer(server) {
      install(server.middlewares, server.httpServer);
    },
    configurePreviewServer(server) {
      install(server.middlewares, server.httpServer);
    },
  };
}
