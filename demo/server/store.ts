/**
 * Durable storage for contributions: an append-only JSON-lines file.
 *
 * Each entry is one line written by a single append and fsynced, so a crash can
 * at worst leave a torn last line. On start every line that does not parse as
 * a valid entry is skipped, and the next append starts on a fresh line, so
 * earlier entries are never affected.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { validateContribution, type Contribution } from '../../src/data/contribution.js';

/** One stored line. */
export interface StoredContribution {
  id: string;
  received_at: string;
  /** The client's Idempotency-Key, so repeats get the same answer after a restart. */
  idempotency_key?: string;
  /** {@link fingerprint} of the contribution the key was first used with. */
  body_sha256?: string;
  contribution: Contribution;
}

/** A response to replay: same status, same body. */
export interface Reply {
  status: number;
  body: unknown;
}

/** What an Idempotency-Key is bound to: the body's fingerprint and the answer (pending while writing). */
export interface KeyBinding {
  fingerprint: string;
  reply: Promise<Reply>;
}

/** The contribution without the contributor's email: the only form any answer may carry. */
export function withoutEmail(contribution: Contribution): Contribution {
  const { email: _email, ...contributor } = contribution.contributor;
  return { ...contribution, contributor };
}

/**
 * The public view of an entry: the email stays on disk, and so does the
 * Idempotency-Key, because every answer is readable by any origin.
 */
export function publicEntry(entry: StoredContribution) {
  return { id: entry.id, received_at: entry.received_at, contribution: withoutEmail(entry.contribution) };
}

/** The 201 answer for an entry (also what a repeat with the same key and body gets). */
export function acceptedReply(entry: StoredContribution): Reply {
  return { status: 201, body: publicEntry(entry) };
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
function canonicalJson(value: unknown): string {
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

/**
 * SHA-256 (hex) of the canonical body: the validated, normalised contribution
 * as canonical JSON. Two requests that send the same contribution (in any key
 * order or spacing) match; any other difference does not.
 */
export function fingerprint(contribution: Contribution): string {
  return createHash('sha256').update(canonicalJson(contribution)).digest('hex');
}

/** Parses one line; undefined for anything that is not a complete, valid entry. */
function parseLine(line: string): StoredContribution | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const { id, received_at: receivedAt, idempotency_key: key, body_sha256: hash } = record;
  if (typeof id !== 'string' || typeof receivedAt !== 'string') return undefined;
  if (key !== undefined && typeof key !== 'string') return undefined;
  if (hash !== undefined && (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))) return undefined;
  const checked = validateContribution(record['contribution']);
  if (!checked.ok) return undefined;
  return {
    id,
    received_at: receivedAt,
    ...(key ? { idempotency_key: key } : {}),
    ...(hash ? { body_sha256: hash } : {}),
    contribution: checked.contribution,
  };
}

export class ContributionStore {
  readonly #entries: StoredContribution[] = [];
  /** Idempotency-Key → the body it was first used with and its answer (pending while still writing). */
  readonly #keys = new Map<string, KeyBinding>();
  #loaded: Promise<void> | undefined;
  /** Whether the file ends mid-line (torn write) so the next append must start with `\n`. */
  #needsNewline = false;
  /** Appends run one at a time so lines never interleave. */
  #queue: Promise<unknown> = Promise.resolve();

  /** Lines skipped on load (torn or invalid). */
  skippedLines = 0;

  constructor(readonly path: string) {}

  /** Loads the file once; later calls wait for the same load. */
  ready(): Promise<void> {
    this.#loaded ??= this.#load();
    return this.#loaded;
  }

  async #load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    this.#needsNewline = text.length > 0 && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const entry = parseLine(line);
      if (!entry) {
        this.skippedLines += 1;
        continue;
      }
      this.#entries.push(entry);
      if (entry.idempotency_key && !this.#keys.has(entry.idempotency_key)) {
        this.#keys.set(entry.idempotency_key, {
          // Lines written before keys were bound to bodies: the stored contribution is that body.
          fingerprint: entry.body_sha256 ?? fingerprint(entry.contribution),
          reply: Promise.resolve(acceptedReply(entry)),
        });
      }
    }
  }

  /** Entries, newest first. */
  list(): StoredContribution[] {
    return [...this.#entries].reverse();
  }

  /** What this key is bound to (the first body's fingerprint and its answer), if it was used. */
  binding(key: string): KeyBinding | undefined {
    return this.#keys.get(key);
  }

  /**
   * Stores a contribution and resolves with its 201 answer once it is on disk.
   * The key is claimed synchronously, bound to the contribution's
   * {@link fingerprint}, so a concurrent repeat waits for this write instead of
   * storing twice. Call after {@link ready}, and only for an unclaimed key.
   */
  add(contribution: Contribution, key?: string): Promise<Reply> {
    if (key && this.#keys.has(key)) {
      return Promise.reject(new Error('add: this Idempotency-Key is already bound'));
    }
    const hash = fingerprint(contribution);
    const entry: StoredContribution = {
      id: randomUUID(),
      received_at: new Date().toISOString(),
      ...(key ? { idempotency_key: key, body_sha256: hash } : {}),
      contribution,
    };
    const written = this.#enqueue(`${JSON.stringify(entry)}\n`).then(() => {
      this.#entries.push(entry);
      return acceptedReply(entry);
    });
    if (key) {
      const binding: KeyBinding = { fingerprint: hash, reply: written };
      this.#keys.set(key, binding);
      // A failed write must not poison the key: the client's retry tries again.
      written.catch(() => {
        if (this.#keys.get(key) === binding) this.#keys.delete(key);
      });
    }
    return written;
  }

  #enqueue(line: string): Promise<void> {
    const run = this.#queue.then(() => this.#append(line));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #append(line: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, 'a');
    try {
      const prefix = this.#needsNewline ? '\n' : '';
      // Until this line is known to be complete, assume the file ends mid-line.
      this.#needsNewline = true;
      await handle.appendFile(prefix + line, 'utf8');
      await handle.sync();
      this.#needsNewline = false;
    } finally {
      await handle.close();
    }
  }
}
