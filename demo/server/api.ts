/**
 * The demo endpoint as one node:http / Connect-style middleware:
 * `GET /api/personas`, `GET|POST|OPTIONS /api/contributions`. Other paths go to
 * `next()` (Vite), or get a 404 when there is no next.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  handleContributionsPreflight,
  handleListContributions,
  handlePostContribution,
  type Log,
} from './contributions.js';
import { ALLOW_ANY_ORIGIN, DEFAULT_BODY_TIMEOUT_MS, sendError, sendMethodNotAllowed } from './http.js';
import { PersonaFile, handleGetPersonas } from './personas.js';
import { ContributionStore } from './store.js';

export interface ApiOptions {
  /** The persona collection: a JSON array (absolute path). */
  dataFile: string;
  /** The JSON-lines file contributions are appended to (absolute path). */
  contributionsFile: string;
  /** Where to report stored contributions and errors; silent when omitted. */
  log?: Log;
  /** How long a POST body may take to arrive, in ms (then 408). Default 10 s. */
  bodyTimeoutMs?: number;
}

/** `(req, res, next?)`: fits `http.createServer` and Vite's `server.middlewares.use`. */
export type ApiMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/** Strips one trailing slash so `/api/personas/` works too. */
function routeOf(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

export function createApiMiddleware(options: ApiOptions): ApiMiddleware {
  const personas = new PersonaFile(options.dataFile);
  const store = new ContributionStore(options.contributionsFile);
  const log: Log = options.log ?? (() => {});
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;

  // Load early so the first POST does not pay for it, and report torn lines once.
  store.ready().then(
    () => {
      if (store.skippedLines > 0) {
        log(`skipped ${store.skippedLines} unreadable line(s) in ${options.contributionsFile}`);
      }
    },
    (error: unknown) => log(`could not read ${options.contributionsFile}: ${String(error)}`),
  );

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? 'GET';
    switch (routeOf(url.pathname)) {
      case '/api/personas':
        if (method === 'GET') await handleGetPersonas(personas, req, res, url);
        else if (method === 'OPTIONS') {
          res.writeHead(204, {
            ...ALLOW_ANY_ORIGIN,
            'Access-Control-Allow-Methods': 'GET, OPTIONS',
            'Access-Control-Max-Age': '600',
          });
          res.end();
        } else sendMethodNotAllowed(res, 'GET, OPTIONS');
        return true;
      case '/api/contributions':
        if (method === 'GET') await handleListContributions(store, res);
        else if (method === 'POST') await handlePostContribution(store, req, res, log, bodyTimeoutMs);
        else if (method === 'OPTIONS') handleContributionsPreflight(res);
        else sendMethodNotAllowed(res, 'GET, POST, OPTIONS');
        return true;
      default:
        return false;
    }
  }

  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    route(req, res, url).then(
      (handled) => {
        if (handled) return;
        if (next) next();
        else sendError(res, 404, 'Not found.');
      },
      (error: unknown) => {
        // Only the message: a stack or the request body could carry personal data.
        log(`${req.method} ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendError(res, 500, 'The demo endpoint failed; try again.');
        else res.destroy();
      },
    );
  };
}
