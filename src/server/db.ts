/**
 * One SQL dialect from a laptop to production: the embedded database is PGlite
 * (PostgreSQL compiled to WebAssembly, in a folder), production is PostgreSQL
 * through `pg`. Both sit behind {@link Database}; the schema migrations run at
 * start under an advisory lock, so several instances on one PostgreSQL can
 * start at once.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Rows of a query. */
export interface QueryResult<Row> {
  rows: Row[];
}

/** What the store needs of a connection (or of a transaction). */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

/** An open database: PGlite in a folder, or a PostgreSQL pool. */
export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK when it throws). */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `postgres://…` / `postgresql://…` is PostgreSQL; anything else is a PGlite folder. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** Opens PostgreSQL (a URL) or PGlite (a folder, created when missing). */
export async function openDatabase(target: string): Promise<Database> {
  return isPostgresUrl(target) ? openPostgres(target) : openPglite(target);
}

async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const path = resolve(dir);
  mkdirSync(path, { recursive: true });
  const db = await PGlite.create(path);
  return {
    kind: 'pglite',
    query: (text, params) => db.query(text, params) as never,
    transaction: (work) => db.transaction((tx) => work({ query: (text, params) => tx.query(text, params) as never })),
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  // Fail at start, not at the first request, when the server is unreachable.
  (await pool.connect()).release();
  return {
    kind: 'postgres',
    query: (text, params) => pool.query(text, params) as never,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (text, params) => client.query(text, params) as never });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** A safe SQL identifier (the schema the tables live in). */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`persona server: schema must be a lower-case SQL identifier, got "${schema}"`);
  }
  return `"${schema}"`;
}

/** The migrations, in order; each runs once, in its own transaction. Never edit one that shipped. */
const MIGRATIONS: ReadonlyArray<(s: string) => string> = [
  (s) => `
    CREATE TABLE ${s}.personas (
      pid text PRIMARY KEY,
      position integer NOT NULL,
      data json NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE ${s}.contributions (
      id uuid PRIMARY KEY,
      received_at timestamptz NOT NULL,
      idempotency_key text UNIQUE,
      body_sha256 text NOT NULL,
      kind text NOT NULL,
      pid text,
      field text,
      contribution json NOT NULL,
      email text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      reviewed_at timestamptz,
      reviewed_by text,
      review_note text,
      applied_pid text
    );
    CREATE INDEX contributions_status_received ON ${s}.contributions (status, received_at);
    CREATE TABLE ${s}.persona_changes (
      id serial PRIMARY KEY,
      pid text NOT NULL,
      contribution_id uuid NOT NULL REFERENCES ${s}.contributions (id),
      action text NOT NULL,
      field text,
      before json,
      after json,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL
    );
    CREATE INDEX persona_changes_pid ON ${s}.persona_changes (pid, id);
    CREATE TABLE ${s}.persona_state (
      id integer PRIMARY KEY CHECK (id = 1),
      revision integer NOT NULL,
      seeded boolean NOT NULL DEFAULT false
    );
    INSERT INTO ${s}.persona_state (id, revision) VALUES (1, 0);
  `,
];

/** The schema version this code expects. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** An arbitrary constant: the advisory lock every instance takes while migrating. */
const MIGRATION_LOCK = 0x7e5a_0016;

/**
 * Creates the schema and runs the missing migrations, all in one transaction
 * under an advisory lock: a second instance starting at the same moment waits,
 * then finds nothing left to do. Refuses a database newer than this code.
 */
export async function migrate(db: Database, schema: string): Promise<number> {
  const s = quoteSchema(schema);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${s}.persona_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await tx.query<{ version: number }>(`SELECT coalesce(max(version), 0)::int AS version FROM ${s}.persona_migrations`);
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `persona server: the database schema is version ${current}, newer than this server (${MIGRATIONS.length}); upgrade the server.`,
      );
    }
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      for (const statement of MIGRATIONS[version - 1]!(s).split(';').map((text) => text.trim()).filter(Boolean)) {
        await tx.query(statement);
      }
      await tx.query(`INSERT INTO ${s}.persona_migrations (version) VALUES ($1)`, [version]);
    }
    return MIGRATIONS.length - current;
  });
}
