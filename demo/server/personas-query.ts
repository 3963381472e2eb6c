/**
 * Filtering, search, sorting and paging of the persona collection: pure
 * functions over the parsed file, so they are easy to test and reason about.
 */

/** A persona as stored in the data file; served as-is (the client validates). */
export type Persona = Record<string, unknown>;

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;
export const SORT_KEYS = ['name', 'comments', 'validations', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** What a `GET /api/personas` query asks for, after parsing. */
export interface PersonaQuery {
  /** Lower-cased product tags; empty means every product. */
  appIds: string[];
  /** Search text; empty means no search. */
  q: string;
  /** Explicit order; undefined means file order, or relevance when `q` is set. */
  sort: SortKey | undefined;
  limit: number;
  offset: number;
}

export type QueryResult = { ok: true; query: PersonaQuery } | { ok: false; errors: Record<string, string> };

const WHOLE_NUMBER = /^\d{1,9}$/;

/**
 * Reads `app_id`, `q`, `sort`, `limit` and `offset` from a query string.
 * `limit` above {@link MAX_LIMIT} is lowered to it; nonsense is an error.
 */
export function parsePersonaQuery(params: URLSearchParams): QueryResult {
  const errors: Record<string, string> = {};
  const appIds = params
    .getAll('app_id')
    .flatMap((value) => value.split(','))
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  const q = (params.get('q') ?? '').trim();

  const sortParam = params.get('sort');
  let sort: SortKey | undefined;
  if (sortParam) {
    if ((SORT_KEYS as readonly string[]).includes(sortParam)) sort = sortParam as SortKey;
    else errors['sort'] = `Use sort=${SORT_KEYS.join('|')}.`;
  }

  let limit = DEFAULT_LIMIT;
  const limitParam = params.get('limit');
  if (limitParam !== null) {
    if (WHOLE_NUMBER.test(limitParam) && Number(limitParam) >= 1) {
      limit = Math.min(Number(limitParam), MAX_LIMIT);
    } else errors['limit'] = `Use a whole number from 1 to ${MAX_LIMIT}.`;
  }

  let offset = 0;
  const offsetParam = params.get('offset');
  if (offsetParam !== null) {
    if (WHOLE_NUMBER.test(offsetParam)) offset = Number(offsetParam);
    else errors['offset'] = 'Use a whole number from 0.';
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, query: { appIds, q, sort, limit, offset } };
}

/** Lower-case, accents removed: `Café` and `cafe` match. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Mirrors appIdFromName in src/data/parse.ts: `Notion AI` → `notion-ai`, `Fly.io` → `flyio`. */
export function appIdFromName(app: string): string {
  return fold(app)
    .replace(/[\s_/]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function appIdOf(persona: Persona): string {
  const id = str(persona['app_id']).trim();
  return id ? id.toLowerCase() : appIdFromName(str(persona['app']));
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function time(value: unknown): number {
  const ms = Date.parse(str(value));
  return Number.isNaN(ms) ? -Infinity : ms;
}

const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Comparators; numbers and dates put the largest (most discussed, newest) first. */
const COMPARE: Record<SortKey, (a: Persona, b: Persona) => number> = {
  name: (a, b) => nameOrder.compare(str(a['name']), str(b['name'])),
  comments: (a, b) => count(b['comment_count']) - count(a['comment_count']),
  validations: (a, b) => count(b['validation_count']) - count(a['validation_count']),
  updated: (a, b) => time(b['updated_at']) - time(a['updated_at']),
};

/**
 * Search rank: every word must appear somewhere in name, app, identity,
 * aha_moment or tags, else undefined (no match). 0 = all words in name/app,
 * 1 = some, 2 = none there (only in the body text).
 */
function searchRank(persona: Persona, words: string[]): number | undefined {
  const title = fold(`${str(persona['name'])}\n${str(persona['app'])}`);
  const tags = Array.isArray(persona['tags']) ? persona['tags'].map(str).join('\n') : '';
  const body = fold(`${str(persona['identity'])}\n${str(persona['aha_moment'])}\n${tags}`);
  let inTitle = 0;
  for (const word of words) {
    if (title.includes(word)) inTitle += 1;
    else if (!body.includes(word)) return undefined;
  }
  return inTitle === words.length ? 0 : inTitle > 0 ? 1 : 2;
}

/** Applies filters, search and order, then cuts the requested page. `total` counts all matches. */
export function selectPersonas(
  all: readonly Persona[],
  query: PersonaQuery,
): { personas: Persona[]; total: number } {
  let matches = query.appIds.length
    ? all.filter((persona) => query.appIds.includes(appIdOf(persona)))
    : [...all];

  const words = fold(query.q).split(/\s+/).filter(Boolean);
  if (words.length) {
    const ranked = matches
      .map((persona) => ({ persona, rank: searchRank(persona, words) }))
      .filter((entry): entry is { persona: Persona; rank: number } => entry.rank !== undefined);
    // Array.prototype.sort is stable: equal ranks keep file order.
    ranked.sort((a, b) => a.rank - b.rank);
    matches = ranked.map((entry) => entry.persona);
  }

  if (query.sort) matches.sort(COMPARE[query.sort]);
  return {
    personas: matches.slice(query.offset, query.offset + query.limit),
    total: matches.length,
  };
}
