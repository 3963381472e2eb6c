/**
 * `<persona-grid>`'s local search: the search index of the loaded personas,
 * built in idle slices (so a huge collection never blocks), and the view's
 * results, kept until the view or the index changes. A search never waits
 * for the index: it indexes the rest first only when that is small
 * ({@link INDEX_AT_ONCE}), searches what is indexed and scans the rest for up
 * to {@link SCAN_MS}; its results are complete (typos found, every persona
 * looked at) once the index is.
 */
import type { Persona } from '../../data/types.js';
import { PersonaIndex } from '../../search/persona-index.js';
import { appLabels, selectLocal, type GridQuery, type LocalResult } from './grid-view.js';

/**
 * Personas a new search indexes first when no more are left (~5 ms): a small collection is then
 * searched with typo tolerance at once. More are scanned instead (a few milliseconds of indexing
 * would cover too few of them to matter) and indexed in idle time.
 */
const INDEX_AT_ONCE = 100;
/** Time a search may scan personas the index does not hold yet (ms). */
const SCAN_MS = 8;
/**
 * While the collection grows (a page being validated) or the index does, the view's results
 * are brought up to date this often (ms), and once both are complete: searching and
 * rendering at every slice would cost more than the slices.
 */
const REFRESH_MS = 500;
/** Indexing per idle callback (ms): what the browser says is idle, within these bounds. */
const IDLE_SLICE_MS = { min: 5, max: 20 };
/** Calls back in idle time with how long it may work (ms). */
const idle = (callback: (ms: number) => void) => {
  const slice = (remaining = 0) => Math.max(IDLE_SLICE_MS.min, Math.min(remaining, IDLE_SLICE_MS.max));
  if (typeof requestIdleCallback !== 'function') return setTimeout(() => callback(slice()), 16);
  return requestIdleCallback((deadline) => callback(slice(deadline.timeRemaining())), { timeout: 500 });
};

export interface LocalSearchHost {
  /** The collection as loaded now (more pages may have come), when the grid searches locally. */
  loaded(): readonly Persona[] | undefined;
  /** Whether a search is on (then what idle indexing adds is shown). */
  searching(): boolean;
  requestUpdate(): void;
}

export type LocalSelection = LocalResult & {
  /** False while a search runs on an index that does not hold every loaded persona yet. */
  complete: boolean;
};

/** What a selection was made from. */
interface Made {
  personas: readonly Persona[];
  view: GridQuery;
  /** Personas the index held. */
  indexed?: number;
  /** When (performance.now()). */
  at: number;
}

const sameView = (a: GridQuery, b: GridQuery) => a.query === b.query && a.apps.join() === b.apps.join() && a.sort === b.sort;

/** `after` is `before` with more personas appended. */
const appended = (before: readonly Persona[], after: readonly Persona[]) =>
  after.length >= before.length && after[0] === before[0] && after[before.length - 1] === before.at(-1);

export class LocalSearch {
  readonly #host: LocalSearchHost;
  #index?: PersonaIndex;
  #indexing = false;
  #catchingUp = false;
  /** When a search was last brought up to date with what idle indexing added (performance.now()). */
  #refreshed = -Infinity;
  #local?: LocalSelection;
  #made?: Made;
  /** The apps of the collection last selected from (only the search changes at each key). */
  #apps?: { personas: readonly Persona[]; labels: Map<string, string> };

  constructor(host: LocalSearchHost) {
    this.#host = host;
  }

  /**
   * The view's personas in order and the app facets (the same object while nothing changed).
   * `growing`: more personas will be appended to this collection.
   */
  select(personas: readonly Persona[], view: GridQuery, growing = false): LocalSelection {
    const made = this.#made;
    const more = made !== undefined && sameView(made.view, view) && appended(made.personas, personas);
    // A new view (or collection) indexes a small rest first (once: a render reads the results more than once).
    const index = view.query ? this.#indexOf(personas, !more) : undefined;
    const complete = !index || index.size === personas.length;
    if (this.#local && more) {
      if (made.personas === personas && made.indexed === index?.size) return this.#local;
      // More of the same (personas validated, personas indexed): caught up with now and then, in a
      // task of its own and rendered in the next, so searching a large collection and rendering
      // never add up to one long task. Until then the results shown stay.
      if ((!growing && complete) || performance.now() - made.at >= REFRESH_MS) this.#catchUpSoon();
      return this.#local;
    }
    return this.#select(personas, view, index, complete);
  }

  #select(personas: readonly Persona[], view: GridQuery, index: PersonaIndex | undefined, complete: boolean) {
    const matches = index?.searchLoaded(view.query, personas, performance.now() + SCAN_MS);
    this.#apps = this.#appsOf(personas);
    this.#made = { personas, view, indexed: index?.size, at: performance.now() };
    return (this.#local = { complete, ...selectLocal(personas, matches, view, this.#apps.labels) });
  }

  /**
   * Brings the last view's results up to date with what is loaded and indexed now, in a task of
   * its own, then renders.
   */
  #catchUpSoon() {
    const view = this.#made?.view;
    if (this.#catchingUp || !view) return;
    this.#catchingUp = true;
    setTimeout(() => {
      this.#catchingUp = false;
      const personas = this.#host.loaded();
      // Only for the view it was asked for (a new one was selected at once, in its render).
      if (!personas || !this.#made || !sameView(this.#made.view, view)) return;
      const index = view.query ? this.#indexOf(personas) : undefined;
      this.#select(personas, view, index, !index || index.size === personas.length);
      this.#host.requestUpdate();
    });
  }

  /** The apps of these personas; of the personas appended since last time only, when they grew. */
  #appsOf(personas: readonly Persona[]) {
    const before = this.#apps;
    if (before?.personas === personas) return before;
    if (!before || !appended(before.personas, personas)) return { personas, labels: appLabels(personas) };
    const labels = new Map(before.labels);
    for (const [id, label] of appLabels(personas.slice(before.personas.length))) if (!labels.has(id)) labels.set(id, label);
    return { personas, labels };
  }

  /**
   * The search index of these personas (a new one when the collection is another one, not just
   * longer); with `small`, the rest indexed now when it is small, else `ms` of it (idle slices).
   */
  #indexOf(personas: readonly Persona[], small = false, ms = 0): PersonaIndex {
    let index = this.#index;
    if (!index || index.personas[0] !== personas[0] || index.size > personas.length) {
      index = this.#index = new PersonaIndex();
    }
    const rest = personas.length - index.size;
    if (small && rest > 0 && rest <= INDEX_AT_ONCE) index.add(personas.slice(index.size));
    else if (ms && rest > 0) index.add(personas.slice(index.size), performance.now() + ms);
    return index;
  }

  /** Whether the results shown are being brought up to date with what is loaded (in a task of their own). */
  get catchingUp(): boolean {
    return this.#catchingUp;
  }

  /** Whether the index covers all of the loaded personas. */
  indexed(personas: readonly Persona[]): boolean {
    return this.#index?.size === personas.length && this.#index.personas[0] === personas[0];
  }

  /** Builds the index in idle time, a short slice at a time, so searches soon need no scan. */
  indexWhenIdle(personas: readonly Persona[]): void {
    if (this.#indexing || this.indexed(personas)) return;
    this.#indexing = true;
    idle((ms) => {
      this.#indexing = false;
      // The collection as it is now (more pages may have come).
      personas = this.#host.loaded() ?? personas;
      this.#indexOf(personas, false, ms);
      const done = this.indexed(personas);
      // A search running on part of the index: show what the rest adds, now and then (searching
      // and rendering on every slice would cost more than the indexing), and when it is complete.
      // In a task of its own: the idle slice stays short (the render decides whether to catch up).
      if (this.#host.searching() && (done || performance.now() - this.#refreshed > REFRESH_MS)) {
        this.#refreshed = performance.now();
        setTimeout(() => this.#host.requestUpdate());
      }
      if (!done) this.indexWhenIdle(personas);
    });
  }
}
