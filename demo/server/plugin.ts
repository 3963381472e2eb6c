/**
 * Vite plugin serving the demo endpoint from the dev server (`vite`) and the
 * preview server (`vite preview`), so the demo pages have a live API.
 */
import { dirname, join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { createApiMiddleware, type ApiMiddleware } from './api.js';
import { CONTRIBUTIONS_FILE_NAME, isInside, resolveDataDir } from './guard.js';

export interface PersonaApiOptions {
  /** Persona collection (JSON array). Default `data/personas.json` under the Vite root. */
  dataFile?: string;
  /**
   * Append-only JSON-lines store; it holds emails, so it must lie outside every
   * served folder (the plugin refuses a path under the Vite root). Default
   * `$PERSONA_DATA_DIR/contributions.jsonl`, else `.persona-data/contributions.jsonl`
   * in the folder that holds the Vite root.
   */
  contributionsFile?: string;
  /** How long a POST body may take to arrive, in ms (then 408). Default 10 s. */
  bodyTimeoutMs?: number;
}

/**
 * Vite installs its CORS middleware (localhost origins only) and host check
 * before any plugin's, and that CORS middleware answers preflights itself, so a
 * cross-origin embed would be refused. The API is public by design (any
 * origin), so it goes first in the stack.
 */
function putFirst(app: Connect.Server, middleware: ApiMiddleware): void {
  app.stack.unshift({ route: '', handle: middleware });
}

/** Registers `/api/personas` and `/api/contributions`; relative paths resolve against the Vite root. */
export function personaApi(options: PersonaApiOptions = {}): Plugin {
  let middleware: ApiMiddleware | undefined;
  let make: () => ApiMiddleware = () => {
    throw new Error('personaApi: configResolved has not run');
  };

  // Built lazily: the paths depend on the resolved root; one store per plugin instance.
  const get = () => (middleware ??= make());

  return {
    name: 'persona-api',
    configResolved(config) {
      const contributionsFile = options.contributionsFile
        ? resolve(config.root, options.contributionsFile)
        : join(resolveDataDir(dirname(config.root)), CONTRIBUTIONS_FILE_NAME);
      if (isInside(config.root, contributionsFile)) {
        throw new Error(
          `personaApi: the contribution store ${contributionsFile} would be served (it is under ${config.root}); keep it outside.`,
        );
      }
      make = () =>
        createApiMiddleware({
          dataFile: resolve(config.root, options.dataFile ?? 'data/personas.json'),
          contributionsFile,
          ...(options.bodyTimeoutMs ? { bodyTimeoutMs: options.bodyTimeoutMs } : {}),
          log: (message) => config.logger.info(`[persona-api] ${message}`, { timestamp: true }),
        });
    },
    configureServer(server) {
      putFirst(server.middlewares, get());
    },
    configurePreviewServer(server) {
      putFirst(server.middlewares, get());
    },
  };
}
