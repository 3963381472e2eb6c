import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController, stringsConverter } from '../../controllers/localize.js';
import { ThemeController } from '../../controllers/theme.js';
import { gridStrings } from '../../i18n/grid-strings.js';
import { PersonaDataController } from '../../controllers/persona-data.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { UrlSyncController } from '../../controllers/url-sync.js';
import { PersonaError } from '../../data/errors.js';
import { resolveUrl } from '../../data/url.js';
import type { Persona, SkippedRecord } from '../../data/types.js';
import type { PersonaStringsOverride } from '../../i18n/strings.js';
import { hostStyles, skeletonStyles, themeTokens, selectStyles } from '../../styles/shared.js';
import { VERSION } from '../../version.js';
import { onCardControl, renderCards } from './grid-cards.js';
import { givenFeed, localFeed, unconfigured } from './grid-feed.js';
import { LocalSearch } from './grid-search.js';
import { ServerQuery } from './grid-server.js';
import { renderProblem, renderSkeletons } from './grid-status.js';
import { renderProfile } from './grid-profile.js';
import { renderToolbar } from './grid-toolbar.js';
import type { Feed, GridActions, GridRender, Ready, Results } from './grid-types.js';
import {
  SORT_ORDERS,
  decodeView,
  encodeView,
  parseApps,
  parseSort,
  sortOrdersFor,
  type SortOrder,
  type GridQuery,
} from './grid-view.js';
import { gridStyles } from './persona-grid.styles.js';

/** The export's code (JSON, CSV, Markdown and the file download), fetched on first use. */
const loadExport = () => import('./grid-export.js');

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


/**
 * A whole persona library: search, filter by app, sort and page through
 * `<persona-card>`s, all from one request to the endpoint (or, in server
 * mode, one per view).
 *
 * @summary Searchable, filterable grid of persona cards.
 * @tag persona-grid
 *
 * A card opens the persona's full profile in a side sheet (a modal dialog
 * inside the grid), or with `href-template` links to the host's own page.
 *
 * Keyboard: the cards are one Tab stop; arrow keys, Home and End move
 * between them, Enter (or Space) opens one. In the profile every action is
 * reachable by Tab; Escape or Close shuts it and focus returns to the card.
 *
 * @fires persona-select - A card was activated (click, Enter or Space), before its profile opens or its
 *   link is followed. Detail: `{ persona }`. Cancelable: `preventDefault()` and the grid does neither
 *   (the host shows the persona its own way).
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
 * @csspart item - One card's cell (focusable; with `href-template`, the card's link).
 * @csspart card - Each `<persona-card>` (style its insides with its own parts via the card).
 * @csspart profile - The profile side sheet (a modal `<dialog>`).
 * @csspart profile-title - The persona's name at the top of the profile.
 * @csspart profile-close - The profile's close button.
 * @csspart profile-card - The `variant="full"` `<persona-card>` in the profile.
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
 * @cssprop [--persona-grid-profile-width=min(720px, 90vw)] - Width of the profile side sheet
 *   (on screens up to 600px wide it takes the whole width).
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
   * `light`, `dark`, or `auto` (default): as the page around it is painted (its `color-scheme`, else
   * its background, else the system's preference), followed live when the page switches.
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
   * and restores it on load: `?persona-grid=q=data+eng;app=glue,stripe;sort=name`.
   * An open profile is in it too (`;persona=APP-074`), with a history entry of
   * its own: Back closes it, and the link opens it. The parameter is this
   * attribute's value, else `persona-grid-<id>` when the grid has an id, else
   * `persona-grid`.
   * @attr sync-url
   */
  @property({ attribute: 'sync-url' }) syncUrl?: string | null;

  /**
   * Makes every card a link to the host's own page for its persona instead of opening the profile
   * in the grid: `{pid}` is replaced by the persona's `pid`, URL-encoded (e.g. `/personas/{pid}`).
   * Only http(s) links are made (a relative one resolves against the page); a template that gives
   * anything else (`javascript:`…) is ignored and cards open the profile.
   * @attr href-template
   */
  @property({ attribute: 'href-template' }) hrefTemplate?: string;

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
  /** `pid` of the persona whose profile is open ('' when none). */
  @state() private profile = '';
  /** Index of the card that opened the profile: focus goes back to it. */
  #opener?: number;
  /** This update opens the profile: its URL gets a history entry of its own. */
  #pushProfile = false;
  /** The open profile has its own history entry: closing it goes back. */
  #pushed = false;
  /** Closing went back: the profile's entry keeps its URL (Forward opens it again). */
  #wentBack = false;
  /** The last press in the profile dialog began on its backdrop (a text selection dragged out of it did not). */
  #pressedBackdrop = false;
  /** The sort orders of the last personas looked at. */
  #sortsOf?: { personas: readonly Persona[]; sorts: readonly SortOrder[] };

  #data = new PersonaDataController(this);
  #theme = new ThemeController(this);
  #l10n = new LocalizeController(this, { grid: gridStrings });
  #given?: Ready | PersonaError;
  #search = new LocalSearch({
    loaded: () => {
      const feed = this.#feed();
      return feed.status === 'ready' && !this.#serverMode ? feed.personas : undefined;
    },
    searching: () => Boolean(this.#view.query),
    requestUpdate: () => this.requestUpdate(),
  });
  /** Server mode: the endpoint searches. */
  #server = new ServerQuery(() => this.requestUpdate());
  /** A typed query still waiting for its task (local) or for a pause in typing (server mode). */
  #typing?: { timer: ReturnType<typeof setTimeout>; apply: () => void };
  /**
   * How long the last local search took to render (ms): past a frame, typing yields to input first.
   * Unknown before the first search, which yields too: its cold templates and the browser's layout
   * of the typed text would otherwise add up to one long task.
   */
  #searchCost = Infinity;
  #userChanged = false;
  #announced?: unknown;
  /** `sync-url`: the view in the page URL. */
  #url = new UrlSyncController(this, {
    param: () => (this.syncUrl == null ? undefined : this.syncUrl || (this.id ? `persona-grid-${this.id}` : 'persona-grid')),
    // The sort asked for, even while the data cannot offer it.
    read: () => encodeView({ query: this.query, apps: parseApps(this.app), sort: parseSort(this.sort), persona: this.profile }),
    apply: (value) => {
      this.#dropTyping();
      const view = decodeView(value);
      this.query = view.query;
      this.app = view.apps.join(',');
      this.sort = view.sort;
      this.profile = view.persona;
      if (!view.persona) this.#pushed = false;
    },
    explicitDefault: 'q=',
  });
  /** Arrow keys, Home and End between cards; one card takes Tab. */
  #roving = new RovingFocusController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.item')],
    columns: () => getComputedStyle(this.renderRoot.querySelector('.grid')!).gridTemplateColumns.split(' ').length,
    coming: () => {
      const feed = this.#feed();
      return feed.status === 'ready' && Boolean(feed.next || feed.loadingMore || feed.stale || feed.validating) && !feed.moreError;
    },
  });

  /** @internal Read by the data controller: server mode and given personas fetch nothing through it. */
  get needsData(): boolean {
    return !this.#serverMode && this.personas == null;
  }

  get #serverMode(): boolean {
    return Boolean(this.searchParam) && this.personas == null;
  }

  /** The view shown: a sort the personas cannot offer falls back to relevance. */
  get #view(): GridQuery {
    const sort = parseSort(this.sort);
    return { query: this.query.trim(), apps: parseApps(this.app), sort: this.#sorts().includes(sort) ? sort : 'relevance' };
  }

  get #filtered(): boolean {
    return Boolean(this.query.trim() || parseApps(this.app).length);
  }

  /**
   * The sort orders offered: every one until personas are here, then those their fields allow.
   * Server mode keeps the one asked for (the endpoint sorts, maybe by a field its answers omit).
   */
  #sorts(): readonly SortOrder[] {
    const feed = this.#feed();
    if (feed.status !== 'ready') return SORT_ORDERS;
    if (this.#sortsOf?.personas !== feed.personas) {
      this.#sortsOf = { personas: feed.personas, sorts: sortOrdersFor(feed.personas) };
    }
    const { sorts } = this.#sortsOf;
    const asked = parseSort(this.sort);
    return this.#serverMode ? SORT_ORDERS.filter((sort) => sorts.includes(sort) || sort === asked) : sorts;
  }

  /** `href-template`'s link for a persona; undefined without one or when it is not http(s). */
  #hrefFor = (persona: Persona): string | undefined => {
    const template = this.hrefTemplate?.trim();
    return template ? resolveUrl(template.replaceAll('{pid}', encodeURIComponent(persona.pid))) : undefined;
  };

  /** The persona whose profile is open, once loaded. */
  #profilePersona(feed: Feed): Persona | undefined {
    return this.profile && feed.status === 'ready' ? feed.personas.find((p) => p.pid === this.profile) : undefined;
  }

  /** Loads again after an error (the Retry buttons). */
  retry(): void {
    if (this.#server.active) this.#server.retry();
    else this.#data.retry();
  }

  /** Clears the search and the app filter (the sort stays). */
  clearFilters(): void {
    this.#dropTyping();
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
    // A query typed just before the grid left the page still counts (its view loads when it is back).
    const typing = this.#typing;
    this.#dropTyping();
    typing?.apply();
    this.#server.disconnect();
  }

  /** Applies a typed query after `ms`, unless a newer key, Enter or a query set from outside comes first. */
  #applyLater(apply: () => void, ms?: number) {
    this.#dropTyping();
    const timer = setTimeout(() => {
      this.#typing = undefined;
      apply();
    }, ms);
    this.#typing = { timer, apply };
  }

  #dropTyping() {
    clearTimeout(this.#typing?.timer);
    this.#typing = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Set from outside (the grid's own changes leave nothing waiting): a query typed before it is dropped.
    if (changed.has('query')) this.#dropTyping();
    if (changed.has('personas')) this.#given = givenFeed(this.personas);
    if (changed.has('syncUrl')) this.#url.enabledChanged();
    if ((['query', 'app', 'sort', 'pageSize', 'src', 'personas'] as const).some((key) => changed.has(key)) && this.hasUpdated) {
      this.shown = this.pageSize;
      this.#roving.reset();
    }
    if (changed.has('pageSize') && !this.hasUpdated) this.shown = this.pageSize;
    // Off the page, server mode asks for nothing (it asks when the grid is back).
    if (this.#serverMode && this.isConnected) this.#server.connect(this.#data.endpoint, this.searchParam!, this.#view, this.pageSize);
    else this.#server.disconnect();
  }

  /** What there is to show, wherever it comes from. */
  #feed(): Feed {
    const given = this.#given;
    if (given) return given instanceof PersonaError ? { status: 'error', error: given } : given;
    if (!this.#serverMode) return localFeed(this.#data.state);
    return this.#server.feed(this.#filtered) ?? (this.#data.endpoint ? { status: 'loading' } : unconfigured());
  }

  /** The view's personas in order, the app facets, and the counts for "12 of 83". */
  #results(feed: Ready): Results {
    if (this.#serverMode) return this.#server.results(feed, this.#view, this.#filtered);
    const local = this.#search.select(feed.personas, this.#view, Boolean(feed.validating));
    const total = feed.total ?? feed.personas.length;
    const partial = !local.complete || Boolean(feed.validating);
    return { ...local, count: this.#filtered ? local.personas.length : total, total, partial };
  }

  protected override updated(changed: PropertyValues<this>): void {
    const feed = this.#feed();
    if (feed.status === 'ready' && feed.next && !feed.loadingMore && !feed.moreError && !feed.stale) {
      // Showing more than is loaded needs the next page; a local search, filter or sort needs them all.
      const local = !this.#server.active;
      // An open profile (from a shared link) may be on a later page.
      const profileLater = local && Boolean(this.profile) && !this.#profilePersona(feed);
      if (this.shown > feed.personas.length || (local && (this.#filtered || this.sort !== 'relevance')) || profileLater) {
        if (local) this.#data.loadMore();
        else this.#server.loadMore();
      }
    }
    if (feed.status === 'ready' && !this.#serverMode) this.#search.indexWhenIdle(feed.personas);
    this.#announce(feed);

    // Tell the host about the user's change once its results are in (all pages, locally).
    const pending =
      feed.status === 'loading' ||
      (feed.status === 'ready' &&
        (feed.stale ||
          (!this.#server.active && feed.next && !feed.moreError && (this.#filtered || this.sort !== 'relevance')) ||
          (!this.#serverMode && this.#results(feed).partial)));
    if (this.#userChanged && !pending) {
      this.#userChanged = false;
      const view = this.#view;
      const { count, total } = feed.status === 'ready' ? this.#results(feed) : { count: 0, total: undefined };
      this.#emit<PersonaGridChangeDetail>('persona-grid-change', { ...view, count, total });
    }

    const urlChanged = (['query', 'app', 'sort', 'syncUrl', 'profile'] as const).some((key) =>
      (changed as Map<string, unknown>).has(key),
    );
    const pushed = this.#url.updated(urlChanged && !this.#wentBack, this.#pushProfile);
    if (this.#pushProfile) this.#pushed = pushed;
    this.#pushProfile = false;
    this.#wentBack = false;
    this.#showProfile((changed as Map<string, unknown>).get('profile'));
  }

  /** Opens the rendered profile dialog as a modal; after it closed, focus goes back to its card. */
  #showProfile(previous: unknown) {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.profile');
    if (dialog && !dialog.open) dialog.showModal();
    if (previous && !this.profile && this.#opener !== undefined) {
      this.#roving.activate(this.#opener);
      this.#opener = undefined;
    }
  }

  #openProfile(persona: Persona, index: number) {
    this.#opener = index;
    this.#pushProfile = true;
    this.profile = persona.pid;
  }

  #closeProfile() {
    if (!this.profile) return;
    const back = this.#pushed;
    this.#pushed = false;
    this.profile = '';
    // Opened with a history entry of its own: leave it, as Back would.
    if (back) {
      this.#wentBack = true;
      history.back();
    }
  }

  #announce(feed: Feed) {
    const shown = feed.status === 'ready' ? feed.personas : feed.status === 'error' ? feed.error : undefined;
    // A page still being validated is announced once, when it is done and its personas are shown
    // (results catching up with the last slices render a task later; that render announces it).
    if (!shown || shown === this.#announced) return;
    if (feed.status === 'ready' && (feed.validating || this.#search.catchingUp)) return;
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

  #change(view: Partial<GridQuery>) {
    if (view.query !== undefined) this.query = view.query;
    if (view.apps) this.app = view.apps.join(',');
    if (view.sort) this.sort = view.sort;
    this.#userChanged = true;
  }

  /** Applies a typed query, timing its search and render for the next key. */
  #typed(query: string) {
    const started = performance.now();
    this.#change({ query });
    this.updateComplete.then(() => (this.#searchCost = performance.now() - started));
  }

  /** Fires `persona-select`; false when the host cancelled it (it shows the persona itself). */
  #select(persona: Persona): boolean {
    return this.dispatchEvent(
      new CustomEvent<PersonaSelectDetail>('persona-select', {
        detail: { persona },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  }

  // —— rendering ————————————————————————————————————————————————

  protected override render() {
    const feed = this.#feed();
    const results = feed.status === 'ready' ? this.#results(feed) : undefined;
    const busy = feed.status === 'loading' || (feed.status === 'ready' && (feed.stale || feed.loadingMore));
    const r = this.#renderState();
    const actions = this.#actions;
    const profile = this.#profilePersona(feed);
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${this.noControls ? nothing : renderToolbar(r, actions, feed, results)}
      ${feed.status === 'loading'
        ? renderSkeletons(r)
        : feed.status === 'error'
          ? renderProblem(r, actions, feed.error)
          : renderCards(r, actions, feed, results!)}
      ${profile ? renderProfile(r, actions, profile) : nothing}
    </div>`;
  }

  /** What the template functions read. */
  #renderState(): GridRender {
    const l10n = this.#l10n;
    return {
      strings: l10n.strings,
      num: l10n.num,
      locale: l10n.locale,
      view: this.#view,
      filtered: this.#filtered,
      serverMode: this.#serverMode,
      noControls: this.noControls,
      pageSize: this.pageSize,
      query: this.query,
      appsOpen: this.appsOpen,
      status: this.status,
      given: Boolean(this.#given),
      shown: this.shown,
      tabbable: (count) => this.#roving.tabbable(count),
      sorts: this.#sorts(),
      hrefFor: this.#hrefFor,
      card: {
        strings: this.strings,
        variant: this.variant,
        // Resolved: the cards take the grid's scheme instead of each looking at the page.
        theme: this.#theme.scheme,
        headingLevel: this.headingLevel,
        contributeAction: this.contributeAction,
      },
    };
  }

  /** The user's actions, as the templates call them (one object: listeners keep their identity). */
  #actions: GridActions = {
    input: (event) => {
      const value = (event.target as HTMLInputElement).value;
      this.#dropTyping();
      // Server mode: one request after a pause in typing, not one per key.
      if (this.#serverMode) this.#applyLater(() => this.#change({ query: value }), 300);
      // Local results at every key; when they were slow, keys already typed are read first (one search for all).
      else if (this.#searchCost > 16) this.#applyLater(() => this.#typed(value));
      else this.#typed(value);
    },
    searchKey: (event) => {
      if (event.key !== 'Enter') return;
      this.#dropTyping();
      this.#change({ query: (event.target as HTMLInputElement).value });
    },
    toggleApps: () => (this.appsOpen = !this.appsOpen),
    appsKey: (event) => {
      if (event.key !== 'Escape') return;
      this.appsOpen = false;
      this.renderRoot.querySelector<HTMLElement>('[aria-controls="apps"]')?.focus();
    },
    change: (view) => this.#change(view),
    toggleApp: (id, on) => {
      const apps = this.#view.apps.filter((app) => app !== id);
      this.#change({ apps: on ? [...apps, id] : apps });
    },
    export: async (personas, format) => {
      const { query } = this.#view;
      const { strings, num } = this.#l10n;
      try {
        this.status = (await loadExport()).exportPersonas(personas, format, query, strings, num);
      } catch {
        // Its code could not be fetched (offline, a deploy replaced the chunks): the buttons stay.
        this.status = strings.common.codeFailed;
      }
    },
    prepareExport: () => void loadExport().catch(() => {}),
    retry: () => this.retry(),
    clear: () => {
      this.#dropTyping();
      this.#change({ query: '', apps: [] });
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#q')?.focus());
    },
    // One page more; focus goes to its first card (once loaded: updated() fetches what is missing).
    showMore: () => (this.shown = this.#roving.focusNew() + this.pageSize),
    itemClick: (event, persona, index) => {
      // A click on a card's own link or button, or that selects text, is not choosing the card.
      if (onCardControl(event) || String(getSelection() ?? '')) return;
      this.#roving.activate(index, false);
      if (this.#select(persona)) this.#openProfile(persona, index);
    },
    itemKey: (event, persona, index) => {
      if (event.target !== event.currentTarget) return;
      if (event.key === 'Enter' || event.key === ' ') {
        const link = event.currentTarget instanceof HTMLAnchorElement ? event.currentTarget : undefined;
        // Enter on a link clicks it (see linkClick); Space does here what Enter does.
        if (link && event.key === 'Enter') return;
        event.preventDefault();
        if (link) link.click();
        else if (this.#select(persona)) this.#openProfile(persona, index);
        return;
      }
      this.#roving.handleKey(event, index);
    },
    itemFocus: (index) => this.#roving.activate(index, false),
    linkClick: (event, persona, index) => {
      // Middle and modified clicks are the browser's (new tab, new window); a card's own controls act alone.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      if (onCardControl(event)) return;
      this.#roving.activate(index, false);
      if (!this.#select(persona)) event.preventDefault();
    },
    closeProfile: () => this.renderRoot.querySelector<HTMLDialogElement>('dialog.profile')?.close(),
    profileClosed: () => this.#closeProfile(),
    profilePress: (event) => (this.#pressedBackdrop = event.target === event.currentTarget),
    profileClick: (event) => {
      // A click on the backdrop lands on the dialog itself (its content covers the rest).
      if (this.#pressedBackdrop && event.target === event.currentTarget) (event.currentTarget as HTMLDialogElement).close();
    },
    // Each card announces its persona; the host hears the grid only.
    stop: (event) => {
      if (event.target !== this) event.stopPropagation();
    },
  };
}
