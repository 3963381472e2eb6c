/**
 * `<persona-grid>`'s server mode (`search-param`): one request per view to an
 * endpoint that searches, the answer for an earlier view kept on screen
 * (stale) while the next one loads, and what earlier answers taught about the
 * endpoint (its apps, its unfiltered total) for the app filter and the count.
 */
import { personaClient, type PersonaSource } from '../../data/client.js';
import type { Persona } from '../../data/types.js';
import { appLabels, facetsOf, serverUrl, type GridQuery } from './grid-view.js';
import type { Feed, Ready, Results } from './grid-types.js';

export class ServerQuery {
  readonly #requestUpdate: () => void;
  #server?: { url: string; source: PersonaSource; unsubscribe: () => void };
  #shown?: Ready;
  #apps = new Map<string, Persona>();
  #total?: number;
  #base?: string;

  /** `requestUpdate` is called whenever the endpoint's answer changes. */
  constructor(requestUpdate: () => void) {
    this.#requestUpdate = requestUpdate;
  }

  /** Whether a request is under way or answered. */
  get active(): boolean {
    return Boolean(this.#server);
  }

  /** Asks the endpoint for the view (unless it already did for the same URL). */
  connect(endpoint: string | undefined, searchParam: string, view: GridQuery, pageSize: number): void {
    if (!endpoint) return;
    if (endpoint !== this.#base) {
      // Another endpoint: what was learnt about the previous one no longer holds.
      this.#base = endpoint;
      this.#apps.clear();
      this.#total = this.#shown = undefined;
    }
    const url = serverUrl(endpoint, searchParam, view, Math.max(1, pageSize));
    if (url === this.#server?.url) return;
    this.#server?.unsubscribe();
    const source = personaClient.source(url);
    this.#server = { url, source, unsubscribe: source.subscribe(() => this.#requestUpdate()) };
    source.load().catch(() => {});
  }

  /** Lets go of the request and its answer (the learnt apps and total stay). */
  disconnect(): void {
    this.#server?.unsubscribe();
    this.#server = undefined;
  }

  retry(): void {
    this.#server?.source.retry().catch(() => {});
  }

  loadMore(): void {
    this.#server?.source.loadMore().catch(() => {});
  }

  /** What there is to show; undefined before any request. `filtered`: the view has a query or apps. */
  feed(filtered: boolean): Feed | undefined {
    const state = this.#server?.source.state;
    if (!state) return undefined;
    // A page still being validated counts as loading: its results are not final yet.
    const validating = state.status === 'ready' && state.collection.validating;
    if (state.status === 'ready' && !validating) {
      const { collection } = state;
      const ready: Ready = { status: 'ready', ...collection, loadingMore: state.loadingMore, moreError: state.moreError };
      if (this.#shown?.personas !== ready.personas) this.#note(ready, filtered);
      return (this.#shown = ready);
    }
    if ((state.status === 'loading' || validating) && this.#shown) return { ...this.#shown, stale: true };
    return state.status === 'ready' ? { status: 'loading' } : state;
  }

  #note(ready: Ready, filtered: boolean) {
    for (const persona of ready.personas) {
      if (persona.app_id && !this.#apps.has(persona.app_id)) this.#apps.set(persona.app_id, persona);
    }
    if (!filtered && ready.total !== undefined) this.#total = ready.total;
  }

  /** The answer's personas, the apps seen so far, and the counts for "12 of 83". */
  results(feed: Ready, view: GridQuery, filtered: boolean): Results {
    const count = feed.total ?? feed.personas.length;
    return {
      personas: feed.personas,
      facets: () => facetsOf(appLabels([...this.#apps.values()]), undefined, view.apps),
      count,
      total: filtered ? this.#total : count,
    };
  }
}
