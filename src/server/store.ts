/**
 * Personas, contributions and the change log in SQL (PGlite or PostgreSQL).
 *
 * - Contributions are stored with the contributor's email in its own column;
 *   every read for an answer leaves it out.
 * - An Idempotency-Key is a UNIQUE column bound to the SHA-256 of the canonical
 *   body: `INSERT … ON CONFLICT DO NOTHING` claims it atomically, across
 *   instances sharing one PostgreSQL.
 * - Every approval runs in one transaction that locks the persona state row,
 *   so approvals (and new pids) are serialised across instances, and bumps a
 *   revision that readers use to know their cached collection is stale.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { validateContribution, type Contribution } from '../data/contribution.js';
import { applyContribution, type PersonaRecord } from './apply.js';
import { migrate, openDatabase, quoteSchema, type Database, type Sql } from './db.js';

/** A contribution as answers show it: no email, no Idempotency-Key. */
export interface PublicContribution {
  id: string;
  received_at: string;
  contribution: Contribution;
}

/** A contribution as the review API shows it: status, and the field's current value beside it. */
export interface ReviewItem extends PublicContribution {
  status: ContributionStatus;
  reviewed_at?: string;
  reviewed_by?: string;
  /** The persona's name, when it exists. */
  persona_name?: string;
  /** The current value of the field the contribution is about (absent for `new`, or an unknown persona). */
  current?: unknown;
}

export type ContributionStatus = 'pending' | 'approved' | 'rejected';

/** One recorded change of a persona: which contribution, who approved it, when, before and after. */
export interface PersonaChange {
  id: number;
  pid: string;
  contribution_id: string;
  action: Contribution['kind'];
  field: string | null;
  before: unknown;
  after: unknown;
  changed_by: string;
  changed_at: string;
}

export type AddResult =
  | { status: 'created'; entry: PublicContribution }
  | { status: 'replayed'; entry: PublicContribution }
  | { status: 'key-reused' };

export type ReviewResult =
  | { ok: true; item: ReviewItem; change?: PersonaChange }
  | { ok: false; status: 404 | 409 | 422; errors: Record<string, string> };

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the validated, normalised contribution as canonical JSON. */
export function fingerprint(contribution: Contribution): string {
  return createHash('sha256').update(canonicalJson(contribution)).digest('hex');
}

/** The contribution without the contributor's email: the only form any answer may carry. */
export function withoutEmail(contribution: Contribution): Contribution {
  const { email: _email, ...contributor } = contribution.contributor;
  return { ...contribution, contributor };
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

interface ContributionRow {
  id: string;
  received_at: Date | string;
  body_sha256: string;
  contribution: Contribution;
  status: ContributionStatus;
  reviewed_at: Date | string | null;
  reviewed_by: string | null;
}

/** A change as the database driver returns it (PostgreSQL gives a Date, PGlite may give text). */
type ChangeRow = Omit<PersonaChange, 'changed_at'> & { changed_at: Date | string };

const toChange = (row: ChangeRow): PersonaChange => ({ ...row, changed_at: iso(row.changed_at) });

const toPublic = (row: ContributionRow): PublicContribution => ({
  id: row.id,
  received_at: iso(row.received_at),
  contribution: row.contribution,
});

/** Reads a personas file for the first import: a JSON array, or `{ personas: [...] }`. */
export async function readPersonaFile(path: string): Promise<PersonaRecord[]> {
  const data: unknown = JSON.parse(await readFile(path, 'utf8'));
  const list = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null && Array.isArray((data as { personas?: unknown }).personas)
      ? (data as { personas: unknown[] }).personas
      : undefined;
  if (!list) throw new Error(`${path} holds no persona array`);
  return list.filter((item): item is PersonaRecord => typeof item === 'object' && item !== null && !Array.isArray(item));
}

export interface StoreOptions {
  /** PostgreSQL URL, or the folder of the embedded database. */
  db: string | Database;
  /** Schema the tables live in. Default `public`. */
  schema?: string;
}

export class PersonaStore {
  readonly #s: string;
  #personas: { revision: number; list: PersonaRecord[] } | undefined;
  #loading: Promise<{ revision: number; list: PersonaRecord[] }> | undefined;

  private constructor(
    readonly db: Database,
    readonly schema: string,
    readonly ownsDb: boolean,
  ) {
    this.#s = quoteSchema(schema);
  }

  /** Opens the database and runs the migrations. */
  static async open(options: StoreOptions): Promise<PersonaStore> {
    const schema = options.schema ?? 'public';
    quoteSchema(schema);
    const owns = typeof options.db === 'string';
    const db = typeof options.db === 'string' ? await openDatabase(options.db) : options.db;
    try {
      await migrate(db, schema);
    } catch (error) {
      if (owns) await db.close().catch(() => {});
      throw error;
    }
    return new PersonaStore(db, schema, owns);
  }

  /**
   * Imports `personas` once, into an empty collection that was never seeded
   * (personas without a string pid, and repeated pids, are skipped). Returns
   * how many were imported (0 when the database already has its collection).
   */
  async seed(personas: readonly PersonaRecord[]): Promise<number> {
    const s = this.#s;
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ seeded: boolean }>(`SELECT seeded FROM ${s}.persona_state WHERE id = 1 FOR UPDATE`);
      if (rows[0]?.seeded) return 0;
      const seen = new Set<string>();
      let position = 0;
      for (const persona of personas) {
        const pid = typeof persona['pid'] === 'string' ? persona['pid'].trim() : '';
        if (!pid || seen.has(pid)) continue;
        seen.add(pid);
        await tx.query(`INSERT INTO ${s}.personas (pid, position, data) VALUES ($1, $2, $3::json)`, [
          pid,
          position++,
          JSON.stringify(persona),
        ]);
      }
      await tx.query(`UPDATE ${s}.persona_state SET seeded = true, revision = revision + 1 WHERE id = 1`);
      return seen.size;
    });
  }

  /** The collection's revision: bumped by every change, by any instance. */
  async revision(): Promise<number> {
    const { rows } = await this.db.query<{ revision: number }>(`SELECT revision FROM ${this.#s}.persona_state WHERE id = 1`);
    return rows[0]?.revision ?? 0;
  }

  /** Every persona in collection order, with the revision it belongs to (cached until the revision moves). */
  async personas(): Promise<{ revision: number; list: PersonaRecord[] }> {
    const revision = await this.revision();
    if (this.#personas?.revision === revision) return this.#personas;
    this.#loading ??= (async () => {
      try {
        // Read both in one transaction so the list matches the revision.
        return await this.db.transaction(async (tx) => {
          const state = await tx.query<{ revision: number }>(`SELECT revision FROM ${this.#s}.persona_state WHERE id = 1`);
          const { rows } = await tx.query<{ data: PersonaRecord }>(`SELECT data FROM ${this.#s}.personas ORDER BY position, pid`);
          const loaded = { revision: state.rows[0]?.revision ?? 0, list: rows.map((row) => row.data) };
          this.#personas = loaded;
          return loaded;
        });
      } finally {
        this.#loading = undefined;
      }
    })();
    return this.#loading;
  }

  /**
   * Stores a validated contribution once. With a key: the first body claims it
   * (atomically, whatever runs concurrently); the same body again is a replay
   * of the first answer; another body is `key-reused`.
   */
  async addContribution(contribution: Contribution, key?: string): Promise<AddResult> {
    const s = this.#s;
    const hash = fingerprint(contribution);
    const id = randomUUID();
    const receivedAt = new Date().toISOString();
    const stored = withoutEmail(contribution);
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO ${s}.contributions (id, received_at, idempotency_key, body_sha256, kind, pid, field, contribution, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::json, $9)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        id,
        receivedAt,
        key ?? null,
        hash,
        contribution.kind,
        'pid' in contribution ? contribution.pid : null,
        'field' in contribution ? contribution.field : null,
        JSON.stringify(stored),
        contribution.contributor.email ?? null,
      ],
    );
    if (rows.length > 0) return { status: 'created', entry: { id, received_at: receivedAt, contribution: stored } };
    const existing = await this.db.query<ContributionRow>(
      `SELECT id, received_at, body_sha256, contribution, status, reviewed_at, reviewed_by FROM ${s}.contributions WHERE idempotency_key = $1`,
      [key],
    );
    const row = existing.rows[0];
    if (!row) throw new Error('addContribution: the key conflicted but its row is gone');
    if (row.body_sha256 !== hash) return { status: 'key-reused' };
    return { status: 'replayed', entry: toPublic(row) };
  }

  /** Contributions of a status (or all), oldest first for `pending`, newest first otherwise. */
  async listContributions(status: ContributionStatus | 'all', limit = 200): Promise<ReviewItem[]> {
    const s = this.#s;
    const where = status === 'all' ? '' : 'WHERE c.status = $2';
    const order = status === 'pending' ? 'ASC' : 'DESC';
    const { rows } = await this.db.query<ContributionRow & { data: PersonaRecord | null }>(
      `SELECT c.id, c.received_at, c.body_sha256, c.contribution, c.status, c.reviewed_at, c.reviewed_by, p.data
       FROM ${s}.contributions c LEFT JOIN ${s}.personas p ON p.pid = c.pid
       ${where} ORDER BY c.received_at ${order}, c.id LIMIT $1`,
      status === 'all' ? [limit] : [limit, status],
    );
    return rows.map((row) => {
      const item: ReviewItem = { ...toPublic(row), status: row.status };
      if (row.reviewed_at) item.reviewed_at = iso(row.reviewed_at);
      if (row.reviewed_by) item.reviewed_by = row.reviewed_by;
      if (row.data) {
        if (typeof row.data['name'] === 'string') item.persona_name = row.data['name'];
        const field = 'field' in row.contribution ? row.contribution.field : undefined;
        if (field) item.current = row.data[field] ?? null;
      }
      return item;
    });
  }

  /** How many contributions are stored (with any status). */
  async countContributions(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${this.#s}.contributions`);
    return rows[0]?.n ?? 0;
  }

  /** Every change of one persona, oldest first. */
  async changes(pid: string): Promise<PersonaChange[]> {
    const { rows } = await this.db.query<ChangeRow>(
      `SELECT id, pid, contribution_id, action, field, before, after, changed_by, changed_at
       FROM ${this.#s}.persona_changes WHERE pid = $1 ORDER BY id`,
      [pid],
    );
    return rows.map(toChange);
  }

  /**
   * Approves a pending contribution and applies it, in one transaction: the
   * persona updated (or created), the change recorded, the contribution marked,
   * the revision bumped. `value` replaces what the text would give.
   */
  async approve(id: string, reviewer: string, value?: unknown, note?: string): Promise<ReviewResult> {
    const s = this.#s;
    return this.db.transaction(async (tx) => {
      // Serialises approvals across instances (and the choice of new pids).
      await tx.query(`SELECT revision FROM ${s}.persona_state WHERE id = 1 FOR UPDATE`);
      const row = await this.#lockContribution(tx, id);
      if (!row) return { ok: false, status: 404, errors: { _: 'No such contribution.' } };
      if (row.status !== 'pending') return { ok: false, status: 409, errors: { _: `This contribution was already ${row.status}.` } };
      const checked = validateContribution(row.contribution);
      if (!checked.ok) return { ok: false, status: 422, errors: checked.errors };
      const contribution = checked.contribution;
      const now = new Date().toISOString();

      let persona: PersonaRecord | undefined;
      let pids: string[] = [];
      if (contribution.kind === 'new') {
        pids = (await tx.query<{ pid: string }>(`SELECT pid FROM ${s}.personas`)).rows.map((r) => r.pid);
      } else {
        persona = (await tx.query<{ data: PersonaRecord }>(`SELECT data FROM ${s}.personas WHERE pid = $1 FOR UPDATE`, [contribution.pid]))
          .rows[0]?.data;
      }
      const applied = applyContribution(contribution, persona, { now, pids, ...(value === undefined ? {} : { value }) });
      if (!applied.ok) return { ok: false, status: 422, errors: applied.errors };
      const pid = String(applied.persona['pid']);

      if (contribution.kind === 'new') {
        await tx.query(
          `INSERT INTO ${s}.personas (pid, position, data, created_at, updated_at)
           VALUES ($1, (SELECT coalesce(max(position), -1) + 1 FROM ${s}.personas), $2::json, $3, $3)`,
          [pid, JSON.stringify(applied.persona), now],
        );
      } else {
        await tx.query(`UPDATE ${s}.personas SET data = $2::json, updated_at = $3 WHERE pid = $1`, [pid, JSON.stringify(applied.persona), now]);
      }
      const change = await tx.query<ChangeRow>(
        `INSERT INTO ${s}.persona_changes (pid, contribution_id, action, field, before, after, changed_by, changed_at)
         VALUES ($1, $2, $3, $4, $5::json, $6::json, $7, $8)
         RETURNING id, pid, contribution_id, action, field, before, after, changed_by, changed_at`,
        [pid, id, contribution.kind, applied.field, JSON.stringify(applied.before ?? null), JSON.stringify(applied.after ?? null), reviewer, now],
      );
      await tx.query(
        `UPDATE ${s}.contributions SET status = 'approved', reviewed_at = $2, reviewed_by = $3, review_note = $4, applied_pid = $5 WHERE id = $1`,
        [id, now, reviewer, note ?? null, pid],
      );
      await tx.query(`UPDATE ${s}.persona_state SET revision = revision + 1 WHERE id = 1`);
      return {
        ok: true,
        item: { ...toPublic(row), status: 'approved', reviewed_at: now, reviewed_by: reviewer },
        change: toChange(change.rows[0]!),
      };
    });
  }

  /** Rejects a pending contribution; personas stay as they are. */
  async reject(id: string, reviewer: string, note?: string): Promise<ReviewResult> {
    const s = this.#s;
    return this.db.transaction(async (tx) => {
      const row = await this.#lockContribution(tx, id);
      if (!row) return { ok: false, status: 404, errors: { _: 'No such contribution.' } };
      if (row.status !== 'pending') return { ok: false, status: 409, errors: { _: `This contribution was already ${row.status}.` } };
      const now = new Date().toISOString();
      await tx.query(`UPDATE ${s}.contributions SET status = 'rejected', reviewed_at = $2, reviewed_by = $3, review_note = $4 WHERE id = $1`, [
        id,
        now,
        reviewer,
        note ?? null,
      ]);
      return { ok: true, item: { ...toPublic(row), status: 'rejected', reviewed_at: now, reviewed_by: reviewer } };
    });
  }

  async #lockContribution(tx: Sql, id: string): Promise<ContributionRow | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    const { rows } = await tx.query<ContributionRow>(
      `SELECT id, received_at, body_sha256, contribution, status, reviewed_at, reviewed_by FROM ${this.#s}.contributions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  /** Closes the database when the store opened it. */
  async close(): Promise<void> {
    if (this.ownsDb) await this.db.close();
  }
}
