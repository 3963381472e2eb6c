/**
 * Durable storage for contributions: an append-only JSON-lines file.
 *
 * Each entry is one line written by a single append and fsynced, so a crash can
 * at worst leave a torn last line. On start every line that does not parse as
 * a valid entry is skipped, and the next append starts on a fresh line, so
 * earlier entries are never affected.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { validateContribution, type Contribution } from '../../src/data/contribution.js';

/** One stored line. */
export interface StoredContribution {
  id: string;
  received_at: string;
  /** The client's Idempotency-Key, so repeats get the same answer after a restart. */
  idempotency_key?: string;
  contribution: Contribution;
}

/** A response to replay: same status, same body. */
export interface Reply {
  status: number;
  body: unknown;
}

/** The 201 answer for an entry. */
export function acceptedReply(entry: StoredContribution): Reply {
  const { id, received_at, contribution } = entry;
  return { status: 201, body: { id, received_at, contribution } };
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
  const { id, received_at: receivedAt, idempotency_key: key } = record;
  if (typeof id !== 'string' || typeof receivedAt !== 'string') return undefined;
  if (key !== undefined && typeof key !== 'string') return undefined;
  const checked = validateContribution(record['contribution']);
  if (!checked.ok) return undefined;
  return {
    id,
    received_at: receivedAt,
    ...(key ? { idempotency_key: key } : {}),
    contribution: checked.contribution,
  };
}

export class ContributionStore {
  readonly #entries: StoredContribution[] = [];
  /** Idempotency-Key → answer; a pending promise while the first request is still writing. */
  readonly #replies = new Map<string, Promise<Reply>>();
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
      if (entry.idempotency_key && !this.#replies.has(entry.idempotency_key)) {
        this.#replies.set(entry.idempotency_key, Promise.resolve(acceptedReply(entry)));
      }
    }
  }

  /** Entries, newest first. */
  list(): StoredContribution[] {
    return [...this.#entries].reverse();
  }

  /** The answer already given (or being given) for this key, if any. */
  replay(key: string): Promise<Reply> | undefined {
    return this.#replies.get(key);
  }

  /**
   * Stores a contribution and resolves with its 201 answer once it is on disk.
   * The key is claimed synchronously, so a concurrent repeat waits for this
   * write instead of storing twice. Call after {@link ready}.
   */
  add(contribution: Contribution, key?: string): Promise<Reply> {
    const entry: StoredContribution = {
      id: randomUUID(),
      received_at: new Date().toISOString(),
      ...(key ? { idempotency_key: key } : {}),
      contribution,
    };
    const written = this.#enqueue(`${JSON.stringify(entry)}\n`).then(() => {
      this.#entries.push(entry);
      return acceptedReply(entry);
    });
    if (key) {
      this.#replies.set(key, written);
      // A failed write must not poison the key: the client's retry tries again.
      written.catch(() => this.#replies.delete(key));
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
