/**
 * `GET /api/personas`: the demo collection, read from a JSON file that may be
 * edited while the server runs (re-read whenever its size or mtime changes).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestOrigin, sendError, sendJson } from './http.js';
import { nextPageParams, parsePersonaQuery, selectPersonas, type Persona } from './personas-query.mjs';

/** A data-file problem, with the status to answer. */
class DataFileError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Loads the persona file on demand and keeps the parse until the file changes. */
export class PersonaFile {
  #cache: { stamp: string; personas: Persona[] } | undefined;

  constructor(readonly path: string) {}

  async load(): Promise<Persona[]> {
    const name = basename(this.path);
    let stamp: string;
    try {
      const info = await stat(this.path);
      stamp = `${info.mtimeMs}:${info.size}`;
    } catch {
      throw new DataFileError(503, `The demo data file ${name} is missing.`);
    }
    if (this.#cache?.stamp === stamp) return this.#cache.personas;

    let data: unknown;
    try {
      data = JSON.parse(await readFile(this.path, 'utf8'));
    } catch {
      // Often a half-saved file while someone edits it; the next request retries.
      throw new DataFileError(500, `The demo data file ${name} is not valid JSON.`);
    }
    // A bare array, or a page object like the one this endpoint answers with.
    const list = Array.isArray(data)
      ? data
      : typeof data === 'object' && data !== null && 'personas' in data && Array.isArray(data.personas)
        ? (data.personas as unknown[])
        : undefined;
    if (!list) throw new DataFileError(500, `The demo data file ${name} holds no persona array.`);
    const personas = list.filter(
      (item): item is Persona => typeof item === 'object' && item !== null && !Array.isArray(item),
    );
    this.#cache = { stamp, personas };
    return personas;
  }
}

/**
 * Answers `GET /api/personas?app_id=a,b&q=…&sort=…&limit=100&offset=0` with
 * `{ personas, total, next? }`. Paging is by `offset` (0-based); `next` is an
 * absolute URL carrying the same filters.
 */
export async function handleGetPersonas(
  file: PersonaFile,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const parsed = parsePersonaQuery(url.searchParams);
  if (!parsed.ok) {
    sendJson(res, 400, { errors: parsed.errors });
    return;
  }
  let all: Persona[];
  try {
    all = await file.load();
  } catch (error) {
    if (error instanceof DataFileError) {
      sendError(res, error.status, error.message);
      return;
    }
    throw error;
  }

  const { query } = parsed;
  const { personas, total } = selectPersonas(all, query);
  const body: { personas: Persona[]; total: number; next?: string } = { personas, total };
  const next = nextPageParams(url.searchParams, query, total);
  if (next) body.next = `${requestOrigin(req) ?? ''}${url.pathname}?${next}`;
  sendJson(res, 200, body);
}
