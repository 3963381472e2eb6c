/**
 * Vite plugin serving the demo endpoint from the dev server (`vite`) and the
 * preview server (`vite preview`), so the demo pages have a live API.
 */
import { resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { createApiMiddleware, type ApiMiddleware } from './api.js';

export interface PersonaApiOptions {
  /** Persona collection (JSON array). Default `data/personas.json` under the Vite root. */
  dataFile?: string;
  /** Append-only JSON-lines store. Default `.data/contributions.jsonl` under the Vite root. */
  contributionsFile?: string;
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
      make = () =>
        createApiMiddleware({
          dataFile: resolve(config.root, options.dataFile ?? 'data/personas.json'),
          contributionsFile: resolve(
            config.root,
            options.contributionsFile ?? '.data/contributions.jsonl',
          ),
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
