// @ts-check
/**
 * Filtering, search, sorting and paging of the persona collection: pure
 * functions over the parsed file, so they are easy to test and reason about.
 *
 * The one implementation every fake endpoint uses: the demo server
 * (personas.ts), the test runner's endpoint (test/support/endpoint.mjs) and
 * Storybook's mocks (.storybook/mock-endpoints.ts). Hence plain JavaScript
 * (the test runner's config loads it in Node without a TypeScript loader),
 * typed by personas-query.d.mts, and browser-safe: no `node:` imports.
 */

/**
 * @typedef {import('./personas-query.mjs').Persona} Persona
 * @typedef {import('./personas-query.mjs').SortKey} SortKey
 * @typedef {import('./personas-query.mjs').PersonaQuery} PersonaQuery
 * @typedef {import('./personas-query.mjs').QueryResult} QueryResult
 */

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;
/** @type {readonly SortKey[]} */
export const SORT_KEYS = Object.freeze(['name', 'comments', 'validations', 'updated']);

/** The parameters of a server-side query; an endpoint that also serves plain lists looks for any of them. */
export const QUERY_PARAMS = Object.freeze(['q', 'app_id', 'sort', 'limit', 'offset']);

/**
 * True when the query string asks for a server-side query (any of {@link QUERY_PARAMS}).
 * @param {URLSearchParams} params
 */
export function hasPersonaQuery(params) {
  return QUERY_PARAMS.some((name) => params.has(name));
}

const WHOLE_NUMBER = /^\d{1,9}$/;

/**
 * Reads `app_id`, `q`, `sort`, `limit` and `offset` from a query string.
 * `limit` above {@link MAX_LIMIT} is lowered to it; nonsense is an error.
 * @param {URLSearchParams} params
 * @returns {QueryResult}
 */
export function parsePersonaQuery(params) {
  /** @type {Record<string, string>} */
  const errors = {};
  const appIds = params
    .getAll('app_id')
    .flatMap((value) => value.split(','))
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  const q = (params.get('q') ?? '').trim();

  const sortParam = params.get('sort');
  /** @type {SortKey | undefined} */
  let sort;
  if (sortParam) {
    if (/** @type {readonly string[]} */ (SORT_KEYS).includes(sortParam)) sort = /** @type {SortKey} */ (sortParam);
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

/**
 * Lower-case, accents removed: `Café` and `cafe` match.
 * @param {string} text
 */
export function fold(text) {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Mirrors appIdFromName in src/data/parse.ts: `Notion AI` → `notion-ai`, `Fly.io` → `flyio`.
 * @param {string} app
 */
export function appIdFromName(app) {
  return fold(app)
    .replace(/[\s_/]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** @param {unknown} value */
function str(value) {
  return typeof value === 'string' ? value : '';
}

/** @param {Persona} persona */
function appIdOf(persona) {
  const id = str(persona['app_id']).trim();
  return id ? id.toLowerCase() : appIdFromName(str(persona['app']));
}

/** @param {unknown} value */
function count(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** @param {unknown} value */
function time(value) {
  const ms = Date.parse(str(value));
  return Number.isNaN(ms) ? -Infinity : ms;
}

const nameOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Comparators; numbers and dates put the largest (most discussed, newest) first.
 * @type {Record<SortKey, (a: Persona, b: Persona) => number>}
 */
const COMPARE = {
  name: (a, b) => nameOrder.compare(str(a['name']), str(b['name'])),
  comments: (a, b) => count(b['comment_count']) - count(a['comment_count']),
  validations: (a, b) => count(b['validation_count']) - count(a['validation_count']),
  updated: (a, b) => time(b['updated_at']) - time(a['updated_at']),
};

/**
 * Search rank: every word must appear somewhere in name, app, identity,
 * aha_moment or tags, else undefined (no match). 0 = all words in name/app,
 * 1 = some, 2 = none there (only in the body text).
 * @param {Persona} persona
 * @param {string[]} words
 * @returns {number | undefined}
 */
function searchRank(persona, words) {
  const title = fold(`${str(persona['name'])}\n${str(persona['app'])}`);
  const tagList = persona['tags'];
  const tags = Array.isArray(tagList) ? tagList.map(str).join('\n') : '';
  const body = fold(`${str(persona['identity'])}\n${str(persona['aha_moment'])}\n${tags}`);
  let inTitle = 0;
  for (const word of words) {
    if (title.includes(word)) inTitle += 1;
    else if (!body.includes(word)) return undefined;
  }
  return inTitle === words.length ? 0 : inTitle > 0 ? 1 : 2;
}

/**
 * Applies filters, search and order, then cuts the requested page. `total` counts all matches.
 * @template {Persona} P
 * @param {readonly P[]} all
 * @param {PersonaQuery} query
 * @returns {{ personas: P[]; total: number }}
 */
export function selectPersonas(all, query) {
  let matches = query.appIds.length
    ? all.filter((persona) => query.appIds.includes(appIdOf(persona)))
    : [...all];

  const words = fold(query.q).split(/\s+/).filter(Boolean);
  if (words.length) {
    /** @type {{ persona: P; rank: number }[]} */
    const ranked = [];
    for (const persona of matches) {
      const rank = searchRank(persona, words);
      if (rank !== undefined) ranked.push({ persona, rank });
    }
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

/**
 * The query string of the page after this one: `params` (every parameter kept,
 * filters included) with `limit` and the next `offset`; undefined on the last page.
 * @param {URLSearchParams} params
 * @param {PersonaQuery} query
 * @param {number} total
 * @returns {URLSearchParams | undefined}
 */
export function nextPageParams(params, query, total) {
  const nextOffset = query.offset + query.limit;
  if (nextOffset >= total) return undefined;
  const next = new URLSearchParams(params);
  next.set('limit', String(query.limit));
  next.set('offset', String(nextOffset));
  return next;
}
