/**
 * Types of personas-query.mjs: the one search/filter/sort/paging implementation
 * shared by the demo server, the test runner's endpoint and Storybook's mocks.
 */

/** A persona as stored in the data file; served as-is (the client validates). */
export type Persona = Record<string, unknown>;

export declare const DEFAULT_LIMIT: 100;
export declare const MAX_LIMIT: 500;
export declare const SORT_KEYS: readonly ['name', 'comments', 'validations', 'updated'];
export type SortKey = (typeof SORT_KEYS)[number];

/** The parameters of a server-side query: `q`, `app_id`, `sort`, `limit`, `offset`. */
export declare const QUERY_PARAMS: readonly ['q', 'app_id', 'sort', 'limit', 'offset'];

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

/** True when the query string asks for a server-side query (any of {@link QUERY_PARAMS}). */
export declare function hasPersonaQuery(params: URLSearchParams): boolean;

/**
 * Reads `app_id`, `q`, `sort`, `limit` and `offset` from a query string.
 * `limit` above {@link MAX_LIMIT} is lowered to it; nonsense is an error.
 */
export declare function parsePersonaQuery(params: URLSearchParams): QueryResult;

/** Lower-case, accents removed: `Café` and `cafe` match. */
export declare function fold(text: string): string;

/** Mirrors appIdFromName in src/data/parse.ts: `Notion AI` → `notion-ai`, `Fly.io` → `flyio`. */
export declare function appIdFromName(app: string): string;

/**
 * Applies the app filter, search (every word in name, app, identity, aha_moment
 * or tags; name/app matches first) and order, then cuts the requested page.
 * `total` counts all matches.
 */
export declare function selectPersonas<P extends Persona>(
  all: readonly P[],
  query: PersonaQuery,
): { personas: P[]; total: number };

/**
 * The query string of the page after this one: `params` (every parameter kept,
 * filters included) with `limit` and the next `offset`; undefined on the last page.
 */
export declare function nextPageParams(
  params: URLSearchParams,
  query: PersonaQuery,
  total: number,
): URLSearchParams | undefined;
