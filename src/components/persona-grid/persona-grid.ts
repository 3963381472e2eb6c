import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { personaClient, type PagingStop, type PersonaSource } from '../../data/client.js';
import { PersonaDataController } from '../../controllers/persona-data.js';
import { PersonaError } from '../../data/errors.js';
import { describePersonaError } from '../../i18n/errors.js';
import {
  personasToCsv,
  personasToJson,
  personasToMarkdown,
} from '../../data/export.js';
import { downloadText, safeFilename } from '../shared/download.js';
import { parseCollection } from '../../data/parse.js';
import type { Persona, PersonaPage, SkippedRecord } from '../../data/types.js';
import { LocalizeController, stringsConverter } from '../../controllers/localize.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { UrlSyncController } from '../../controllers/url-sync.js';
import type { PersonaStringsOverride } from '../../i18n/strings.js';
import { PersonaIndex } from '../../search/persona-index.js';
import { VERSION } from '../../version.js';
import { hostStyles, skeletonStyles, themeTokens, selectStyles } from '../../styles/shared.js';
import {
  SORT_ORDERS,
  decodeView,
  encodeView,
  facetsOf,
  parseApps,
  parseSort,
  selectLocal,
  serverUrl,
  type AppFacet,
  type SortOrder,
  type GridQuery,
} from './grid-view.js';
import { gridStyles } from './persona-grid.styles.js';

/** Detail of `persona-select`. */
export interface PersonaSelectDetail {
  persona: Persona;
}

/** Detail of `persona-grid-change`. */
export interface PersonaGridChangeDetail {
  query: string;
  /** Selected `app_id`s. */
  apps: string[];
  sort: SortOrder;
  /** Personas in the view. */
  count: number;
  /** Personas at the endpoint, when known. */
  total?: number;
}

/** Detail of `persona-grid-load`. */
export interface PersonaGridLoadDetail {
  /** Every persona loaded so far (local mode) or of the current server answer. */
  personas: readonly Persona[];
  total?: number;
  skipped: readonly SkippedRecord[];
}

type Ready = {
  status: 'ready';
  personas: readonly Persona[];
  skipped: readonly SkippedRecord[];
  total?: number;
  next?: string;
  loadingMore?: boolean;
  moreError?: PersonaError;
  /** Paging ended before the endpoint's last page (see `PersonaCollection.stopped`). */
  stopped?: PagingStop;
  /** Server mode: an answer for an earlier view, shown while the new one loads. */
  stale?: boolean;
};
type Feed = Ready | { status: 'loading' } | { status: 'error'; error: PersonaError };

interface Results {
  /** Every persona of the view, in order (server mode: those loaded so far). */
  personas: readonly Persona[];
  facets: AppFacet[];
  /** How many personas the view has (server mode: the endpoint's `total` for it). */
  count: number;
  /** How many personas the endpoint has, when known. */
  total?: number;
}

const fromPage = (page: PersonaPage): Ready => ({ status: 'ready', ...page });
/** Indexing a render may do before it searches what is indexed so far (ms); the rest is done in idle time. */
const INDEX_SLICE_MS = 20;
/** Indexing per idle callback (ms). */
const IDLE_SLICE_MS = 10;
const idle = (callback: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 500 }) : setTimeout(callback, 16);
/** Elements of a card that act on their own; a click on them does not select the card. */
const INTERACTIVE = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY', 'LABEL']);

/**
 * A whole persona library: search, filter by app, sort and page through
 * `<persona-card>`s, all from one request to the endpoint (or, in server
 * mode, one per view).
 *
 * @summary Searchable, filterable grid of persona cards.
 * @tag persona-grid
 *
 * @fires persona-select - A card was activated (click or Enter). Detail: `{ persona }`.
 * @fires persona-grid-change - The user changed the view. Detail: `{ query, apps, sort, count, total }`.
 * @fires persona-grid-load - Personas arrived (first page, later pages, each server answer).
 *   Detail: `{ personas, total, skipped }`.
 * @fires persona-error - The personas could not be loaded. Detail: `{ error }` as on the card.
 *
 * @csspart base - Everything.
 * @csspart toolbar - Search, app filter and sort.
 * @csspart search - The search input.
 * @csspart apps-button - The button that opens the app filter.
 * @csspart apps - The app filter (a fieldset of checkboxes).
 * @csspart sort - The sort select.
 * @csspart count - The "12 of 83 personas" line.
 * @csspart export - The export buttons.
 * @csspart grid - The list of cards.
 * @csspart item - One card's cell (focusable; style `cursor` here if you handle `persona-select`).
 * @csspart card - Each `<persona-card>` (style its insides with its own parts via the card).
 * @csspart footer - "Show more".
 * @csspart more-button - The "Show more" button.
 * @csspart button - Every button.
 * @csspart empty - The no-match message.
 * @csspart paging-stopped - The message that paging ended early (repeated or foreign `next`, page limit).
 * @csspart clear-button - "Clear filters".
 * @csspart skeleton - A loading placeholder card.
 * @csspart problem - The error message box.
 * @csspart retry-button - The Retry button.
 *
 * @cssprop [--persona-grid-min=17rem] - Narrowest a column gets before the grid drops one.
 * @cssprop [--persona-grid-gap=16px] - Space between cards.
 * @cssprop [--persona-grid-bg=var(--persona-bg)] - Background behind toolbar and cards; keeps the
 *   toolbar readable when the page's colours differ from the theme.
 * @cssprop [--persona-grid-padding=12px] - Space inside that background.
 * @cssprop [--persona-bg=#ffffff] - Background of controls and cards; the other `--persona-*`
 *   tokens of `<persona-card>` apply too.
 */
export class PersonaGrid extends LitElement {
  static version = VERSION;
  static override styles = [themeTokens, hostStyles, skeletonStyles, gridStyles, selectStyles];

  /**
   * URL of the persona collection (else the `<persona-provider>`, then the page's meta).
   * @attr src
   */
  @property({ reflect: true }) src?: string;

  /**
   * Selected apps: comma-separated `app_id`s. Set it to preset the filter.
   * @attr app
   */
  @property() app = '';

  /**
   * The search text. Set it to preset a search.
   * @attr query
   */
  @property() query = '';

  /**
   * `relevance` (default: best match first when searching, else the endpoint's order),
   * `name`, `comments`, `validations` or `updated`.
   * @attr sort
   */
  @property() sort: SortOrder = 'relevance';

  /**
   * Cards per page ("Show more" adds as many); the `limit` in server mode.
   * @attr page-size
   */
  @property({ attribute: 'page-size', type: Number }) pageSize = 24;

  /**
   * Passed to every card: `compact` (default) or `full`.
   * @attr variant
   */
  @property({ reflect: true }) variant: 'compact' | 'full' = 'compact';

  /**
   * Passed to every card.
   * @attr contribute-action
   */
  @property({ attribute: 'contribute-action' }) contributeAction?: string;

  /**
   * Passed to every card: the heading level of a persona's name.
   * @attr heading-level
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /**
   * `light`, `dark`, or `auto` (default) to follow `prefers-color-scheme`.
   * @attr theme
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /**
   * Hides the toolbar and count: a fixed, curated grid (preset with `query`, `app`, `sort`).
   * @attr no-controls
   */
  @property({ attribute: 'no-controls', type: Boolean, reflect: true }) noControls = false;

  /**
   * Mirrors the view in the page URL under one parameter of its own, with
   * `history.replaceState` (other parameters and the hash stay as they are),
   * and restores it on load. The parameter is this attribute's value, else
   * `persona-grid-<id>` when the grid has an id, else `persona-grid`.
   * @attr sync-url
   */
  @property({ attribute: 'sync-url' }) syncUrl?: string | null;

  /**
   * Server mode: the endpoint searches. The query is sent under this parameter name
   * (e.g. `q`), with `app_id`, `sort` and `limit`; the endpoint answers
   * `{ personas, total, next }`.
   * @attr search-param
   */
  @property({ attribute: 'search-param' }) searchParam?: string;

  /**
   * Personas to show without fetching (an array, validated like endpoint data).
   * @prop personas
   */
  @property({ attribute: false }) personas?: unknown;

  /**
   * Replaces any of the grid's words, and its cards' (they get these too): any part of the
   * `PersonaStrings` table (e.g. `{ grid: { showMore: 'Mehr zeigen' } }`), nested groups may
   * be partial. Wins over the provider's `strings` and `setDefaultStrings()`. As an attribute:
   * JSON of plain-text keys only.
   * @prop strings
   * @attr strings
   */
  @property({ attribute: 'strings', converter: stringsConverter }) strings?: PersonaStringsOverride;

  /** How many cards are in the DOM. */
  @state() private shown = 24;
  @state() private appsOpen = false;
  @state() private status = '';

  #data = new PersonaDataController(this);
  #l10n = new LocalizeController(this);
  #given?: Ready | PersonaError;
  #index?: PersonaIndex;
  #indexing = false;
  /** When the render path last indexed a slice (performance.now()). */
  #sliced = -Infinity;
  #local?: { key: unknown[]; personas: readonly Persona[]; facets: AppFacet[] };
  #server?: { url: string; source: PersonaSource; unsubscribe: () => void };
  #serverShown?: Ready;
  #serverApps = new Map<string, Persona>();
  #serverTotal?: number;
  #serverBase?: string;
  #typing?: ReturnType<typeof setTimeout>;
  #userChanged = false;
  #announced?: unknown;
  /** `sync-url`: the view in the page URL. */
  #url = new UrlSyncController(this, {
    param: () => (this.syncUrl == null ? undefined : this.syncUrl || (this.id ? `persona-grid-${this.id}` : 'persona-grid')),
    read: () => encodeView(this.#view),
    apply: (value) => {
      const view = decodeView(value);
      this.query = view.query;
      this.app = view.apps.join(',');
      this.sort = view.sort;
    },
    explicitDefault: 'q=',
  });
  /** Arrow keys, Home and End between cards; one card takes Tab. */
  #roving = new RovingFocusController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.item')],
    columns: () => getComputedStyle(this.renderRoot.querySelector('.grid')!).gridTemplateColumns.split(' ').length,
    coming: () => {
      const feed = this.#feed();
      return feed.status === 'ready' && Boolean(feed.next || feed.loadingMore || feed.stale) && !feed.moreError;
    },
  });

  /** @internal Read by the data controller: server mode and given personas fetch nothing through it. */
  get needsData(): boolean {
    return !this.#serverMode && this.personas == null;
  }

  get #serverMode(): boolean {
    return Boolean(this.searchParam) && this.personas == null;
  }

  get #view(): GridQuery {
    return { query: this.query.trim(), apps: parseApps(this.app), sort: parseSort(this.sort) };
  }

  get #filtered(): boolean {
    const view = this.#view;
    return Boolean(view.query || view.apps.length);
  }

  /** Loads again after an error (the Retry buttons). */
  retry(): void {
    if (this.#server) this.#server.source.retry().catch(() => {});
    else this.#data.retry();
  }

  /** Clears the search and the app filter (the sort stays). */
  clearFilters(): void {
    this.query = '';
    this.app = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (server mode let go of its answer on the way out).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#typing);
    this.#server?.unsubscribe();
    this.#server = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('personas')) {
      const given = this.personas;
      try {
        this.#given = given == null ? undefined : fromPage(parseCollection(given));
      } catch (error) {
        this.#given = error as PersonaError;
      }
    }
    if (changed.has('syncUrl')) this.#url.enabledChanged();
    if ((['query', 'app', 'sort', 'pageSize', 'src', 'personas'] as const).some((key) => changed.has(key)) && this.hasUpdated) {
      this.shown = this.pageSize;
      this.#roving.reset();
    }
    if (changed.has('pageSize') && !this.hasUpdated) this.shown = this.pageSize;
    if (this.#serverMode) this.#connectServer();
    else if (this.#server) {
      this.#server.unsubscribe();
      this.#server = undefined;
    }
  }

  #connectServer() {
    const endpoint = this.#data.endpoint;
    if (!endpoint) return;
    if (endpoint !== this.#serverBase) {
      // Another endpoint: what was learnt about the previous one no longer holds.
      this.#serverBase = endpoint;
      this.#serverApps.clear();
      this.#serverTotal = this.#serverShown = undefined;
    }
    const url = serverUrl(endpoint, this.searchParam!, this.#view, Math.max(1, this.pageSize));
    if (url === this.#server?.url) return;
    this.#server?.unsubscribe();
    const source = personaClient.source(url);
    this.#server = { url, source, unsubscribe: source.subscribe(() => this.requestUpdate()) };
    source.load().catch(() => {});
  }

  /** What there is to show, wherever it comes from. */
  #feed(): Feed {
    const given = this.#given;
    if (given) return given instanceof PersonaError ? { status: 'error', error: given } : given;
    if (this.#serverMode) {
      const state = this.#server?.source.state;
      if (!state) return this.#data.endpoint ? { status: 'loading' } : this.#unconfigured();
      if (state.status === 'ready') {
        const { collection } = state;
        const ready: Ready = { status: 'ready', ...collection, loadingMore: state.loadingMore, moreError: state.moreError };
        if (this.#serverShown?.personas !== ready.personas) this.#noteServerAnswer(ready);
        return (this.#serverShown = ready);
      }
      if (state.status === 'loading' && this.#serverShown) return { ...this.#serverShown, stale: true };
      return state;
    }
    const state = this.#data.state;
    if (state.status === 'unconfigured') return this.#unconfigured();
    if (state.status === 'idle') return { status: 'loading' };
    if (state.status !== 'ready') return state;
    return { status: 'ready', ...state.collection, loadingMore: state.loadingMore, moreError: state.moreError };
  }

  #unconfigured(): Feed {
    return { status: 'error', error: new PersonaError('config', 'No persona endpoint is configured.') };
  }

  #noteServerAnswer(ready: Ready) {
    for (const persona of ready.personas) {
      if (persona.app_id && !this.#serverApps.has(persona.app_id)) this.#serverApps.set(persona.app_id, persona);
    }
    if (!this.#filtered && ready.total !== undefined) this.#serverTotal = ready.total;
  }

  /** The view's personas in order, the app facets, and the counts for "12 of 83". */
  #results(feed: Ready): Results {
    if (this.#serverMode) {
      const count = feed.total ?? feed.personas.length;
      return {
        personas: feed.personas,
        facets: facetsOf([...this.#serverApps.values()], undefined, this.#view.apps),
        count,
        total: this.#filtered ? this.#serverTotal : count,
      };
    }
    const view = this.#view;
    // While the index is being built, the search covers what is indexed so far (its size is in the key).
    const index = view.query ? this.#indexOf(feed.personas) : undefined;
    const key = [feed.personas, view.query, view.apps.join(), view.sort, index?.size];
    if (!this.#local || key.some((part, i) => part !== this.#local!.key[i])) {
      this.#local = { key, ...selectLocal(feed.personas, index, view) };
    }
    const total = feed.total ?? feed.personas.length;
    return { ...this.#local, count: this.#filtered ? this.#local.personas.length : total, total };
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
  #indexed(personas: readonly Persona[]): boolean {
    return this.#index?.size === personas.length && this.#index.personas[0] === personas[0];
  }

  /** Builds the index in idle time, a short slice at a time, so the first keystroke finds it ready. */
  #indexWhenIdle(personas: readonly Persona[]) {
    if (this.#indexing || this.#indexed(personas)) return;
    this.#indexing = true;
    idle(() => {
      this.#indexing = false;
      // The collection as it is now (more pages may have come).
      const feed = this.#feed();
      if (feed.status === 'ready' && !this.#serverMode) personas = feed.personas;
      this.#indexOf(personas, IDLE_SLICE_MS);
      // A search running on part of the index: show what the rest adds (in this task: no second slice).
      this.#sliced = performance.now();
      if (this.#view.query) this.requestUpdate();
      if (!this.#indexed(personas)) this.#indexWhenIdle(personas);
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    const feed = this.#feed();
    if (feed.status === 'ready' && feed.next && !feed.loadingMore && !feed.moreError && !feed.stale) {
      // Showing more than is loaded needs the next page; a local search, filter or sort needs them all.
      const local = !this.#server;
      if (this.shown > feed.personas.length || (local && (this.#filtered || this.sort !== 'relevance'))) {
        if (local) this.#data.loadMore();
        else this.#server!.source.loadMore().catch(() => {});
      }
    }
    if (feed.status === 'ready' && !this.#serverMode) this.#indexWhenIdle(feed.personas);
    this.#announce(feed);


    // Tell the host about the user's change once its results are in (all pages, locally).
    const pending =
      feed.status === 'loading' ||
      (feed.status === 'ready' &&
        (feed.stale ||
          (!this.#server && feed.next && !feed.moreError && (this.#filtered || this.sort !== 'relevance')) ||
          (!this.#serverMode && !!this.#view.query && !this.#indexed(feed.personas))));
    if (this.#userChanged && !pending) {
      this.#userChanged = false;
      const view = this.#view;
      const { count, total } = feed.status === 'ready' ? this.#results(feed) : { count: 0, total: undefined };
      this.#emit<PersonaGridChangeDetail>('persona-grid-change', { ...view, count, total });
    }

    this.#url.updated((['query', 'app', 'sort', 'syncUrl'] as const).some((key) => changed.has(key)));
  }

  #announce(feed: Feed) {
    const shown = feed.status === 'ready' ? feed.personas : feed.status === 'error' ? feed.error : undefined;
    if (!shown || shown === this.#announced) return;
    this.#announced = shown;
    if (feed.status === 'error') {
      this.#emit('persona-error', { error: feed.error });
    } else if (feed.status === 'ready') {
      this.#emit<PersonaGridLoadDetail>('persona-grid-load', {
        personas: feed.personas,
        total: feed.total,
        skipped: feed.skipped,
      });
    }
  }

  #emit<T>(type: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  // —— user actions ——————————————————————————————————————————————

  #change(view: Partial<GridQuery>) {
    if (view.query !== undefined) this.query = view.query;
    if (view.apps) this.app = view.apps.join(',');
    if (view.sort) this.sort = view.sort;
    this.#userChanged = true;
  }

  #onInput(event: Event) {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#typing);
    // Typing never waits for results: they follow a moment after the last key.
    this.#typing = setTimeout(() => this.#change({ query: value }), this.#serverMode ? 300 : 100);
  }

  #onSearchKey(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    clearTimeout(this.#typing);
    this.#change({ query: (event.target as HTMLInputElement).value });
  }

  #toggleApp(id: string, on: boolean) {
    const apps = this.#view.apps.filter((app) => app !== id);
    this.#change({ apps: on ? [...apps, id] : apps });
  }

  #clear() {
    clearTimeout(this.#typing);
    this.#change({ query: '', apps: [] });
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#q')?.focus());
  }

  /** One page more; focus goes to its first card (once loaded: updated() fetches what is missing). */
  #showMore() {
    this.shown = this.#roving.focusNew() + this.pageSize;
  }

  #export(personas: readonly Persona[], format: 'json' | 'csv' | 'md') {
    const strings = this.#l10n.strings;
    const query = this.#view.query;
    const name = `personas${query ? `-${safeFilename(query)}` : ''}`;
    if (format === 'json') downloadText(`${name}.json`, personasToJson(personas), 'application/json');
    // The byte order mark makes spreadsheet apps read the file as UTF-8.
    else if (format === 'csv') downloadText(`${name}.csv`, `\uFEFF${personasToCsv(personas)}`, 'text/csv');
    else downloadText(`${name}.md`, personasToMarkdown(personas, strings, strings.grid.exportTitle), 'text/markdown');
    this.status = strings.grid.exported(personas.length, strings.grid.formats[format], this.#l10n.num);
  }

  #select(persona: Persona) {
    this.#emit<PersonaSelectDetail>('persona-select', { persona });
  }

  #onItemClick(event: MouseEvent, persona: Persona, index: number) {
    for (const node of event.composedPath()) {
      if (node === event.currentTarget) break;
      if (INTERACTIVE.has((node as Element).tagName)) return;
    }
    // Selecting text is not choosing the card.
    if (String(getSelection() ?? '')) return;
    this.#roving.activate(index, false);
    this.#select(persona);
  }

  #onItemKey(event: KeyboardEvent, persona: Persona, index: number) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#select(persona);
      return;
    }
    this.#roving.handleKey(event, index);
  }

  // —— rendering ————————————————————————————————————————————————

  protected override render() {
    const feed = this.#feed();
    const results = feed.status === 'ready' ? this.#results(feed) : undefined;
    const busy = feed.status === 'loading' || (feed.status === 'ready' && (feed.stale || feed.loadingMore));
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${this.noControls ? nothing : this.#renderToolbar(feed, results)}
      ${feed.status === 'loading'
        ? this.#renderSkeletons()
        : feed.status === 'error'
          ? this.#renderProblem(feed.error)
          : this.#renderResults(feed, results!)}
    </div>`;
  }

  #renderToolbar(feed: Feed, results?: Results) {
    const s = this.#l10n.strings.grid;
    const num = this.#l10n.num;
    const view = this.#view;
    const facets = results?.facets ?? [];
    const selected = view.apps.length;
    let count = feed.status === 'error' ? '' : s.loading;
    if (results) {
      const more = feed.status === 'ready' && feed.next && !this.#serverMode && this.#filtered ? ` ${s.loadingMore}` : '';
      count =
        results.total === undefined
          ? s.personas(results.count, num)
          : results.count === results.total && !this.#filtered
            ? s.personas(results.total, num)
            : `${s.countOf(results.count, results.total, num)}${more}`;
    }
    return html`<div part="toolbar" class="toolbar" role="search" aria-label=${s.label}>
        <div class="field search">
          <label for="q">${s.search}</label>
          <input
            id="q"
            part="search"
            type="search"
            .value=${this.query}
            placeholder=${s.searchPlaceholder}
            autocomplete="off"
            spellcheck="false"
            @input=${this.#onInput}
            @keydown=${this.#onSearchKey}
          />
        </div>
        <div class="field">
          <span class="label" id="apps-label">${s.apps}</span>
          <button
            part="button apps-button"
            class="select-like"
            aria-expanded=${this.appsOpen ? 'true' : 'false'}
            aria-controls="apps"
            aria-labelledby="apps-label apps-value"
            @click=${() => (this.appsOpen = !this.appsOpen)}
          >
            <span id="apps-value">${selected ? s.appsSelected(selected, num) : s.allApps}</span>
          </button>
        </div>
        <div class="field">
          <label for="sort">${s.sortBy}</label>
          <select
            id="sort"
            part="sort"
            @change=${(event: Event) => this.#change({ sort: parseSort((event.target as HTMLSelectElement).value) })}
          >
            ${SORT_ORDERS.map(
              (sort) => html`<option value=${sort} ?selected=${sort === view.sort}>${s.sorts[sort]}</option>`,
            )}
          </select>
        </div>
      </div>
      <fieldset
        id="apps"
        part="apps"
        class="apps"
        ?hidden=${!this.appsOpen}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key !== 'Escape') return;
          this.appsOpen = false;
          this.renderRoot.querySelector<HTMLElement>('[aria-controls="apps"]')?.focus();
        }}
      >
        <legend>${s.appsLegend}</legend>
        ${facets.length
          ? html`<div class="apps-list">
              ${facets.map(
                (facet) =>
                  html`<label>
                    <input
                      type="checkbox"
                      .checked=${view.apps.includes(facet.id)}
                      @change=${(event: Event) => this.#toggleApp(facet.id, (event.target as HTMLInputElement).checked)}
                    />
                    <span dir="auto">${facet.label}</span>
                    ${facet.count === undefined ? nothing : html`<span class="n">${num(facet.count)}</span>`}
                  </label>`,
              )}
            </div>`
          : html`<p class="muted">${view.query ? s.noAppsMatch : s.noApps}</p>`}
        ${selected
          ? html`<button part="button" class="link" @click=${() => this.#change({ apps: [] })}>${s.allApps}</button>`
          : nothing}
      </fieldset>
      <div class="summary">
        <p part="count" class="count" role="status">${count}</p>
        ${results?.personas.length
          ? html`<div part="export" class="export" role="group" aria-labelledby="export-label">
              <span id="export-label">${s.exportLabel(results.personas.length, num)}</span>
              <span class="buttons">
                ${(['json', 'csv', 'md'] as const).map(
                  (format) =>
                    html`<button part="button" @click=${() => this.#export(results.personas, format)}>
                      ${s.formats[format]}
                    </button>`,
                )}
              </span>
            </div>`
          : nothing}
      </div>
      <p class="status" role="status">${this.status}</p>`;
  }

  #renderSkeletons() {
    // With the toolbar, its count line says "Loading personas…".
    return html`${this.noControls
        ? html`<p role="status" class="visually-hidden">${this.#l10n.strings.grid.loading}</p>`
        : nothing}
      <div class="grid" aria-hidden="true">
        ${Array.from(
          { length: Math.min(this.pageSize, 6) },
          () => html`<div part="skeleton" class="skeleton">
            <div class="bone short"></div>
            <div class="bone heading"></div>
            <div class="bone"></div>
            <div class="bone"></div>
          </div>`,
        )}
      </div>`;
  }

  #renderProblem(error: PersonaError) {
    const { common, grid: s } = this.#l10n.strings;
    const config = error.kind === 'config';
    return html`<div part="problem" class="box" role="alert">
      <p class="title">${config ? common.noEndpoint : this.#given ? s.invalid : s.loadFailed}</p>
      <p class="muted">
        ${config
          ? s.configHelp
          : this.#given
            ? error.message
            : describePersonaError(error, common, this.#l10n.num)}
      </p>
      ${config || this.#given
        ? nothing
        : html`<button part="button retry-button" @click=${this.retry}>${common.retry}</button>`}
    </div>`;
  }

  /** "Showing the first N personas; the endpoint's paging stopped", when it did. */
  #renderPagingStopped(feed: Ready) {
    if (!feed.stopped) return nothing;
    const { common } = this.#l10n.strings;
    return html`<p part="paging-stopped" class="muted" role="status">
      ${common.pagingStopped(feed.personas.length, this.#l10n.num)}
    </p>`;
  }

  #renderEmpty(feed: Ready, facets: AppFacet[]) {
    const s = this.#l10n.strings.grid;
    const view = this.#view;
    if (!feed.personas.length && !feed.next && !this.#filtered) {
      return html`<div part="empty" class="box"><p class="title">${s.empty}</p>${this.#renderPagingStopped(feed)}</div>`;
    }
    const labels = new Map(facets.map((facet) => [facet.id, facet.label]));
    const apps = view.apps.map((id) => labels.get(id) ?? id);
    const list = new Intl.ListFormat(this.#l10n.locale, { type: 'disjunction' }).format(apps);
    return html`<div part="empty" class="box">
      <p class="title">${s.noMatch(view.query, list)}</p>
      ${this.#renderPagingStopped(feed)}
      ${this.noControls
        ? nothing
        : html`<p class="muted">${s.noMatchHelp}</p>
            <button part="button clear-button" @click=${this.#clear}>${s.clearFilters}</button>`}
    </div>`;
  }

  #renderResults(feed: Ready, results: Results) {
    const { common, grid: s } = this.#l10n.strings;
    const num = this.#l10n.num;
    const { personas } = results;
    if (!personas.length) {
      return feed.loadingMore || (feed.next && !this.#serverMode && !feed.moreError)
        ? this.#renderSkeletons()
        : this.#renderEmpty(feed, results.facets);
    }
    const visible = personas.slice(0, this.shown);
    const active = this.#roving.tabbable(visible.length);
    const more = personas.length > this.shown || Boolean(feed.next && (this.#serverMode || !this.#filtered));
    return html`<p id="hint" class="visually-hidden">${s.keyHint}</p>
      <ul
        part="grid"
        class="grid ${feed.stale ? 'stale' : ''}"
        role="list"
        aria-label=${s.label}
        @persona-load=${this.#stop}
        @persona-error=${this.#stop}
      >
        ${visible.map(
          (persona, i) =>
            html`<li
              part="item"
              class="item"
              tabindex=${i === active ? 0 : -1}
              aria-label=${persona.name}
              aria-describedby="hint"
              @click=${(event: MouseEvent) => this.#onItemClick(event, persona, i)}
              @keydown=${(event: KeyboardEvent) => this.#onItemKey(event, persona, i)}
              @focus=${() => this.#roving.activate(i, false)}
            >
              <persona-card
                part="card"
                .persona=${persona}
                .strings=${this.strings}
                .variant=${this.variant}
                .theme=${this.theme}
                .headingLevel=${this.headingLevel}
                .contributeAction=${this.contributeAction}
              ></persona-card>
            </li>`,
        )}
      </ul>
      <div part="footer" class="footer">
        ${this.#renderPagingStopped(feed)}
        ${feed.moreError
          ? html`<p role="alert" class="muted">
              ${s.moreFailed} ${describePersonaError(feed.moreError, common, num)}
              <button part="button retry-button" @click=${this.retry}>${common.retry}</button>
            </p>`
          : nothing}
        ${more || visible.length < results.count
          ? html`<p class="muted">${s.showing(visible.length, results.count, num)}</p>`
          : nothing}
        ${more
          ? html`<button
              part="button more-button"
              ?disabled=${Boolean(feed.loadingMore)}
              @click=${this.#showMore}
            >
              ${feed.loadingMore ? s.loadingMoreButton : s.showMore}
            </button>`
          : nothing}
      </div>`;
  }

  #stop = (event: Event) => {
    // Each card announces its persona; the host hears the grid only.
    if (event.target !== this) event.stopPropagation();
  };
}
