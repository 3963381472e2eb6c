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

/** The field each data-driven sort order reads. */
const SORT_FIELDS = {
  comments: 'comment_count',
  validations: 'validation_count',
  updated: 'updated_at',
} as const satisfies Partial<Record<SortOrder, keyof Persona>>;

/**
 * The sort orders worth offering for these personas: relevance and name always, counts and
 * dates only when some persona has them (an order that sorts nothing is a broken promise).
 */
export function sortOrdersFor(personas: readonly Persona[]): SortOrder[] {
  return SORT_ORDERS.filter((sort) => {
    const field = SORT_FIELDS[sort as keyof typeof SORT_FIELDS];
    return !field || personas.some((persona) => persona[field] != null);
  });
}

/** A stable sort: equal personas keep their relevance (or endpoint) order. */
export function sortPersonas(personas: readonly Persona[], sort: SortOrder): readonly Persona[] {
  return sort === 'relevance' ? personas : [...personas].sort(COMPARE[sort]);
}

export interface LocalResult {
  /** Every persona of the view, in order. */
  personas: readonly Persona[];
  /**
   * Each app of the collection, with its count among the query's matches. Counted when first
   * asked (the apps menu is open, nothing matched): counting 50,000 matches by app took ~10 ms
   * of every search.
   */
  facets(): AppFacet[];
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
  const filtered = view.apps.length ? matches.filter((p) => view.apps.includes(p.app_id ?? '')) : matches;
  let facets: AppFacet[] | undefined;
  const countFacets = () => {
    const counts = new Map<string, number>();
    for (const persona of matches) {
      if (persona.app_id) counts.set(persona.app_id, (counts.get(persona.app_id) ?? 0) + 1);
    }
    return facetsOf(labels, counts, view.apps);
  };
  return { personas: sortPersonas(filtered, view.sort), facets: () => (facets ??= countFacets()) };
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

/** The grid's state in its page-URL parameter: the view and the persona whose profile is open. */
export interface GridUrlState extends GridQuery {
  /** `pid` of the open profile, '' when none. */
  persona: string;
}

/**
 * `;` separates the fields (`q=data eng;app=glue,stripe;persona=APP-074`): the page URL
 * encodes the whole value once, and `;` — unlike `&` — needs no second escape inside it.
 * Only `%` and `;` in a value are escaped here.
 */
const escapeField = (value: string) => value.replace(/[%;]/g, (char) => (char === '%' ? '%25' : '%3B'));
const unescapeField = (value: string) => value.replace(/%(25|3B)/gi, (_, hex: string) => (hex === '25' ? '%' : ';'));

/** The view (and open persona) as the value of the grid's own page-URL parameter; empty for the default. */
export function encodeView(view: GridQuery & { persona?: string }): string {
  const fields: [string, string][] = [
    ['q', view.query.trim()],
    ['app', view.apps.join(',')],
    ['sort', view.sort === 'relevance' ? '' : view.sort],
    ['persona', view.persona ?? ''],
  ];
  return fields
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeField(value)}`)
    .join(';');
}

export function decodeView(value: string): GridUrlState {
  const fields = new Map<string, string>();
  for (const field of value.split(';')) {
    const at = field.indexOf('=');
    if (at > 0) fields.set(field.slice(0, at), unescapeField(field.slice(at + 1)));
  }
  return {
    query: fields.get('q') ?? '',
    apps: parseApps(fields.get('app')),
    sort: parseSort(fields.get('sort')),
    persona: fields.get('persona') ?? '',
  };
}
