/**
 * Vite plugin serving the persona endpoint from the dev server (`vite`) and
 * the preview server (`vite preview`): the library's own handler
 * (`createPersonaHandler`, src/server), on the embedded database in the demo's
 * data directory, seeded once from `data/personas.json` (and afresh when that file changes).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { createPersonaHandler, type PersonaHandler } from '../../src/server/handler.js';
import { toNodeListener, type NodeListener } from '../../src/server/node-http.js';
import { isInside } from './guard.js';

export interface PersonaApiOptions {
  /** Persona collection imported into an empty database (JSON array). Default `data/personas.json` under the Vite root. */
  dataFile?: string;
  /**
   * The embedded database's folder (or a `postgres://` URL). It holds emails, so
   * it must lie outside every served folder (the plugin refuses a path under the
   * Vite root).
   */
  db: string;
  /** How long a POST body may take to arrive, in ms (then 408). Default 10 s. */
  bodyTimeoutMs?: number;
  /** The review API's bearer token; default `$PERSONA_REVIEW_TOKEN`, else a random one printed at start. */
  reviewToken?: string;
}

/**
 * Vite installs its CORS middleware (localhost origins only) and host check
 * before any plugin's, and that CORS middleware answers preflights itself, so a
 * cross-origin embed would be refused. The public API is open to any origin
 * (the widgets are embedded cross-origin), so it goes first in the stack.
 */
function putFirst(app: Connect.Server, middleware: NodeListener): void {
  app.stack.unshift({ route: '', handle: middleware as Connect.NextHandleFunction });
}

/**
 * The demo's database is disposable: when the demo data changed since it was seeded (a pull
 * that regenerated `data/personas.json`), it starts afresh, so the pages show the new data.
 * A real deployment imports once and keeps what reviewers approved (src/server).
 */
export function freshForData(dbFolder: string, dataFile: string, log: (message: string) => void): void {
  const stamp = `${dbFolder}.seeded-from`;
  const hash = createHash('sha256').update(readFileSync(dataFile)).digest('hex');
  const seededFrom = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
  if (existsSync(dbFolder) && seededFrom !== hash) {
    log('the demo data changed since its database was seeded: starting the database afresh');
    rmSync(dbFolder, { recursive: true, force: true });
  }
  // A fresh checkout has no data folder yet.
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, hash);
}

/** Registers `/api/…`; relative paths resolve against the Vite root. */
export function personaApi(options: PersonaApiOptions): Plugin {
  let handler: PersonaHandler | undefined;
  let make: () => PersonaHandler = () => {
    throw new Error('personaApi: configResolved has not run');
  };
  const get = () => (handler ??= make());

  return {
    name: 'persona-api',
    configResolved(config) {
      const isUrl = /^postgres(ql)?:\/\//i.test(options.db);
      const db = isUrl ? options.db : resolve(config.root, options.db);
      if (!isUrl && isInside(config.root, db)) {
        throw new Error(`personaApi: the database ${db} would be served (it is under ${config.root}); keep it outside.`);
      }
      const log = (message: string) => config.logger.info(`[persona-api] ${message}`, { timestamp: true });
      make = () => {
        let reviewToken = options.reviewToken ?? process.env['PERSONA_REVIEW_TOKEN']?.trim();
        if (!reviewToken) {
          reviewToken = randomBytes(18).toString('base64url');
          // The demo's moderator needs it (research page); a real deployment sets its own.
          config.logger.info(`[persona-api] review token for this demo run: ${reviewToken}`);
        }
        const personasFile = resolve(config.root, options.dataFile ?? 'data/personas.json');
        if (!isUrl) freshForData(db, personasFile, log);
        const created = createPersonaHandler({
          db,
          personasFile,
          corsOrigins: '*',
          personasMaxAge: 0,
          reviewToken,
          // One person clicking through the demo; the limits are tested in test/server.
          writeLimit: { max: 120, windowMs: 60_000 },
          readLimit: false,
          ...(options.bodyTimeoutMs ? { bodyTimeoutMs: options.bodyTimeoutMs } : {}),
          log,
        });
        created.ready.catch((error: unknown) => log(`could not open the database: ${(error as Error).message}`));
        return created;
      };
    },
    configureServer(server) {
      putFirst(server.middlewares, toNodeListener(get()));
      server.httpServer?.once('close', () => void handler?.close());
    },
    configurePreviewServer(server) {
      putFirst(server.middlewares, toNodeListener(get()));
      server.httpServer?.once('close', () => void handler?.close());
    },
  };
}
