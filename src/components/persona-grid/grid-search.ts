/**
 * `<persona-grid>`'s local search: the search index of the loaded personas,
 * built a slice at a time (on the render path as far as {@link INDEX_SLICE_MS}
 * allows, the rest in idle time, so a huge collection never blocks), and the
 * view's results over it, kept until the view or the index changes.
 */
import type { Persona } from '../../data/types.js';
import { PersonaIndex } from '../../search/persona-index.js';
import { selectLocal, type GridQuery, type LocalResult } from './grid-view.js';

/** Indexing a render may do before it searches what is indexed so far (ms); the rest is done in idle time. */
const INDEX_SLICE_MS = 20;
/** Indexing per idle callback (ms). */
const IDLE_SLICE_MS = 10;
const idle = (callback: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 500 }) : setTimeout(callback, 16);

export interface LocalSearchHost {
  /** The collection as loaded now (more pages may have come), when the grid searches locally. */
  loaded(): readonly Persona[] | undefined;
  /** Whether a search is on (then what idle indexing adds is shown). */
  searching(): boolean;
  requestUpdate(): void;
}

export class LocalSearch {
  readonly #host: LocalSearchHost;
  #index?: PersonaIndex;
  #indexing = false;
  /** When the render path last indexed a slice (performance.now()). */
  #sliced = -Infinity;
  #local?: LocalResult & { key: unknown[] };

  constructor(host: LocalSearchHost) {
    this.#host = host;
  }

  /** The view's personas in order and the app facets (the same object while nothing changed). */
  select(personas: readonly Persona[], view: GridQuery): LocalResult & { key: unknown[] } {
    // While the index is being built, the search covers what is indexed so far (its size is in the key).
    const index = view.query ? this.#indexOf(personas) : undefined;
    const key = [personas, view.query, view.apps.join(), view.sort, index?.size];
    if (!this.#local || key.some((part, i) => part !== this.#local!.key[i])) {
      this.#local = { key, ...selectLocal(personas, index, view) };
    }
    return this.#local;
  }

  /**
   * The search index of the loaded personas, brought up to date as far as
   * {@link INDEX_SLICE_MS} allows (a huge collection is finished in idle time).
   */
  #indexOf(personas: readonly Persona[], idleSlice?: number): PersonaIndex {
    let index = this.#index;
    if (!index || index.personas[0] !== personas[0] || index.size > personas.length) {
      index = this.#index = new PersonaIndex();
    }
    const now = performance.now();
    // One slice per task on the render path (a render reads the results more than once).
    if (index.size < personas.length && (idleSlice || now - this.#sliced > 50)) {
      index.add(personas.slice(index.size), now + (idleSlice ?? INDEX_SLICE_MS));
      if (!idleSlice) this.#sliced = now;
    }
    return index;
  }

  /** Whether the index covers all of the loaded personas. */
  indexed(personas: readonly Persona[]): boolean {
    return this.#index?.size === personas.length && this.#index.personas[0] === personas[0];
  }

  /** Builds the index in idle time, a short slice at a time, so the first keystroke finds it ready. */
  indexWhenIdle(personas: readonly Persona[]): void {
    if (this.#indexing || this.indexed(personas)) return;
    this.#indexing = true;
    idle(() => {
      this.#indexing = false;
      // The collection as it is now (more pages may have come).
      personas = this.#host.loaded() ?? personas;
      this.#indexOf(personas, IDLE_SLICE_MS);
      // A search running on part of the index: show what the rest adds (in this task: no second slice).
      this.#sliced = performance.now();
      if (this.#host.searching()) this.#host.requestUpdate();
      if (!this.indexed(personas)) this.indexWhenIdle(personas);
    });
  }
}
