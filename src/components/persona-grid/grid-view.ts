/**
 * What a `<persona-grid>` shows, as plain data and pure functions: the view
 * (query, apps, sort), local filtering and ordering, the server-mode request
 * URL, and the view's own parameter in the page URL.
 */
import { appLabel } from '../../data/parse.js';
import { SORT_ORDERS, type SortOrder } from '../../data/query.js';
import type { Persona } from '../../data/types.js';

export { SORT_ORDERS, type SortOrder } from '../../data/query.js';
/** The page-URL parameter helpers live with the controller that uses them. */
export { readParam, writeParam } from '../../controllers/url-sync.js';

export interface GridQuery {
  query: string;
  /** Selected `app_id`s. */
  apps: string[];
  sort: SortOrder;
}

export interface AppFacet {
  id: string;
  label: string;
  /** Personas of this app among the query's matches (undefined when unknown: server mode). */
  count?: number;
}

/** `"segment, Glue,,"` → `['segment', 'glue']`. */
export function parseApps(value: string | undefined | null): string[] {
  const ids = (value ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(ids)];
}

export function parseSort(value: string | undefined | null): SortOrder {
  return (SORT_ORDERS as readonly string[]).includes(value ?? '') ? (value as SortOrder) : 'relevance';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const count = (value?: number) => value ?? -1;
const time = (value?: string) => (value ? Date.parse(value) : -Infinity);

/** Orders for the sort control; counts and dates put the largest (most discussed, newest) first. */
const COMPARE: Record<Exclude<SortOrder, 'relevance'>, (a: Persona, b: Persona) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  comments: (a, b) => count(b.comment_count) - count(a.comment_count),
  validations: (a, b) => count(b.validation_count) - count(a.validation_count),
  updated: (a, b) => time(b.updated_at) - time(a.updated_at),
};

/** A stable sort: equal personas keep their relevance (or endpoint) order. */
export function sortPersonas(personas: readonly Persona[], sort: SortOrder): readonly Persona[] {
  return sort === 'relevance' ? personas : [...personas].sort(COMPARE[sort]);
}

export interface LocalResult {
  /** Every persona of the view, in order. */
  personas: readonly Persona[];
  /** Each app of the collection, with its count among the query's matches. */
  facets: AppFacet[];
}

/**
 * App filter and order over a loaded collection, or over the matches of its search (ranked).
 * `labels`: the collection's apps (see {@link appLabels}), when already known.
 */
export function selectLocal(
  all: readonly Persona[],
  found: readonly Persona[] | undefined,
  view: GridQuery,
  labels = appLabels(all),
): LocalResult {
  const matches = found ?? all;
  const counts = new Map<string, number>();
  for (const persona of matches) {
    if (persona.app_id) counts.set(persona.app_id, (counts.get(persona.app_id) ?? 0) + 1);
  }
  const filtered = view.apps.length ? matches.filter((p) => view.apps.includes(p.app_id ?? '')) : matches;
  return { personas: sortPersonas(filtered, view.sort), facets: facetsOf(labels, counts, view.apps) };
}

/** Each app of a collection (`app_id` → label), in order of appearance. */
export function appLabels(personas: readonly Persona[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const persona of personas) {
    if (persona.app_id && !labels.has(persona.app_id)) labels.set(persona.app_id, appLabel(persona)!);
  }
  return labels;
}

/** Every app seen that has matches (plus the selected ones), sorted by name. */
export function facetsOf(apps: ReadonlyMap<string, string>, counts: Map<string, number> | undefined, selected: string[]) {
  const labels = new Map(apps);
  for (const id of selected) if (!labels.has(id)) labels.set(id, id);
  return (
    [...labels]
      .map(([id, label]): AppFacet => (counts ? { id, label, count: counts.get(id) ?? 0 } : { id, label }))
      // Apps the search left without a match are noise, unless selected (they must stay uncheckable).
      .filter((facet) => facet.count !== 0 || selected.includes(facet.id))
      .sort((a, b) => collator.compare(a.label, b.label))
  );
}

/**
 * Server mode: the endpoint URL with the view as parameters — the query under
 * `searchParam`, `app_id=a,b`, `sort` (left out for relevance) and `limit`.
 * Other parameters of `src` are kept.
 */
export function serverUrl(endpoint: string, searchParam: string, view: GridQuery, limit: number): string {
  const url = new URL(endpoint);
  const params = url.searchParams;
  const query = view.query.trim();
  const set = (name: string, value: string) => (value ? params.set(name, value) : params.delete(name));
  set(searchParam, query);
  set('app_id', view.apps.join(','));
  set('sort', view.sort === 'relevance' ? '' : view.sort);
  set('limit', String(limit));
  params.delete('offset');
  return url.href;
}

/** The view as the value of the grid's own page-URL parameter; empty for the default view. */
export function encodeView(view: GridQuery): string {
  const params = new URLSearchParams();
  if (view.query.trim()) params.set('q', view.query.trim());
  if (view.apps.length) params.set('app', view.apps.join(','));
  if (view.sort !== 'relevance') params.set('sort', view.sort);
  return params.toString();
}

export function decodeView(value: string): GridQuery {
  const params = new URLSearchParams(value);
  return { query: params.get('q') ?? '', apps: parseApps(params.get('app')), sort: parseSort(params.get('sort')) };
}
