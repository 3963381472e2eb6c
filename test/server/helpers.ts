/**
 * The persona endpoint (src/server) on an ephemeral 127.0.0.1 port, on either
 * database. Every suite runs once per backend in {@link BACKENDS}:
 *
 * - `pglite`: one embedded database per test process (a copy of a template
 *   made once per machine, since a fresh PGlite takes seconds to initialise);
 * - `postgres`: `$PERSONA_TEST_POSTGRES_URL` (.ci/run starts Debian's
 *   PostgreSQL and sets it). Without it the PostgreSQL tests FAIL: nothing is
 *   skipped silently.
 *
 * Each `startApi` gets its own schema, so tests never see each other's rows;
 * `restart()` serves the same schema again from a new handler.
 */
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../src/server/db.js';
import { createPersonaHandler, type PersonaHandler, type PersonaHandlerOptions } from '../../src/server/handler.js';
import { limitSlowClients, toNodeListener } from '../../src/server/node-http.js';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: readonly Backend[] = ['pglite', 'postgres'];

export const REVIEW_TOKEN = 'test-review-token-0123456789abcdef';

/** The PostgreSQL URL for the tests; throws (the test fails) when it is not configured. */
export function postgresUrl(): string {
  const url = process.env['PERSONA_TEST_POSTGRES_URL']?.trim();
  if (!url) {
    throw new Error(
      'PERSONA_TEST_POSTGRES_URL is not set: the server suite runs against PostgreSQL too. ' +
        'Start PostgreSQL and set it (see .ci/run), e.g. postgres://user:pass@127.0.0.1:5432/db',
    );
  }
  return url;
}

const pgliteVersion = (JSON.parse(
  readFileSync(fileURLToPath(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url)), 'utf8'),
) as { version: string }).version;

/**
 * A freshly initialised PGlite data folder copied to `dir` (the template is
 * created once per machine and PGlite version; initdb takes seconds).
 */
export async function freshPgliteDir(dir: string): Promise<void> {
  const template = join(tmpdir(), `persona-widgets-pglite-template-${pgliteVersion}`);
  if (!existsSync(join(template, 'READY'))) {
    const building = `${template}.${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    const db = await openDatabase(join(building, 'data'));
    await db.close();
    writeFileSync(join(building, 'READY'), '');
    try {
      renameSync(building, template);
    } catch {
      // Another process won the race; its template is as good.
      rmSync(building, { recursive: true, force: true });
    }
  }
  mkdirSync(dir, { recursive: true });
  cpSync(join(template, 'data'), dir, { recursive: true });
}

const shared = new Map<Backend, Promise<Database>>();
let scratch: string | undefined;

/** One open database per backend and test process. */
export function sharedDatabase(backend: Backend): Promise<Database> {
  let db = shared.get(backend);
  if (!db) {
    db = (async () => {
      if (backend === 'postgres') return openDatabase(postgresUrl());
      scratch ??= await mkdtemp(join(tmpdir(), 'persona-pglite-'));
      await freshPgliteDir(join(scratch, 'db'));
      return openDatabase(join(scratch, 'db'));
    })();
    shared.set(backend, db);
  }
  return db;
}

after(async () => {
  for (const db of shared.values()) await (await db.catch(() => undefined))?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

let schemas = 0;
const newSchema = () => `t_${process.pid}_${Date.now().toString(36)}_${schemas++}`;

export interface TestApi {
  backend: Backend;
  base: string;
  schema: string;
  db: Database;
  handler: PersonaHandler;
  logs: string[];
  /** Rows of the contributions table (with emails: the database's own view). */
  stored(): Promise<Array<{ id: string; email: string | null; idempotency_key: string | null; contribution: Record<string, unknown> }>>;
  /** A new handler and server on the same schema (a restart). */
  restart(): Promise<TestApi>;
  /** Stops the server; `drop` also removes the schema. */
  close(options?: { drop?: boolean }): Promise<void>;
}

export interface StartOptions extends Omit<PersonaHandlerOptions, 'db' | 'database' | 'schema' | 'personasFile'> {
  /** The persona collection imported at start. */
  personas?: unknown;
  /** Reuse this schema (restart) instead of a fresh one. */
  schema?: string;
}

/** Serves the endpoint on `backend`, in a schema of its own; unlimited rates and any origin unless told otherwise. */
export async function startApi(backend: Backend, options: StartOptions = {}): Promise<TestApi> {
  const db = await sharedDatabase(backend);
  const schema = options.schema ?? newSchema();
  const logs: string[] = [];
  let personasFile: string | undefined;
  const { personas, ...rest } = options;
  if (personas !== undefined) {
    const dir = await mkdtemp(join(tmpdir(), 'persona-file-'));
    personasFile = join(dir, 'personas.json');
    await writeFile(personasFile, JSON.stringify(personas));
  }
  const handler = createPersonaHandler({
    corsOrigins: '*',
    writeLimit: false,
    readLimit: false,
    reviewToken: REVIEW_TOKEN,
    ...rest,
    database: db,
    schema,
    ...(personasFile ? { personasFile } : {}),
    log: (message) => logs.push(message),
  });
  await handler.ready;
  const server = createServer(toNodeListener(handler));
  limitSlowClients(server, { headersTimeoutMs: 10_000, bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000 });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const api: TestApi = {
    backend,
    base: `http://127.0.0.1:${port}`,
    schema,
    db,
    handler,
    logs,
    async stored() {
      const { rows } = await db.query<{ id: string; email: string | null; idempotency_key: string | null; contribution: Record<string, unknown> }>(
        `SELECT id, email, idempotency_key, contribution FROM "${schema}".contributions ORDER BY received_at, id`,
      );
      return rows;
    },
    async restart() {
      await api.close();
      return startApi(backend, { ...rest, schema });
    },
    async close(closeOptions = {}) {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
      await handler.close();
      if (personasFile) await rm(join(personasFile, '..'), { recursive: true, force: true });
      if (closeOptions.drop) await db.query(`DROP SCHEMA "${schema}" CASCADE`);
    },
  };
  return api;
}

/** A fresh temp dir holding `personas.json` (when given). */
export async function makeDataDir(personas?: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'persona-api-'));
  if (personas !== undefined) await writeFile(join(dir, 'personas.json'), JSON.stringify(personas));
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A valid contribution body; override any key. */
export function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'correct',
    pid: 'APP-001',
    field: 'identity',
    text: 'They run the pipeline, not the dashboards.',
    contributor: { role: 'Data engineer', experience: '3 years', email: 'ana@example.com' },
    submitted_at: '2026-01-02T03:04:05.000Z',
    page_url: 'https://wiki.example.com/personas',
    ...overrides,
  };
}

/** POSTs JSON to /api/contributions. */
export function postContribution(
  api: { base: string },
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${api.base}/api/contributions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

/** Calls the review API with the test token (or `token`). */
export function review(api: { base: string }, path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
  const { token = REVIEW_TOKEN, ...rest } = init;
  return fetch(`${api.base}/api/review${path}`, {
    ...rest,
    headers: {
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(rest.body ? { 'Content-Type': 'application/json' } : {}),
      ...(rest.headers as Record<string, string> | undefined),
    },
  });
}
