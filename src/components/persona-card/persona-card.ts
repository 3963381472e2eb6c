import { LitElement, adoptStyles, html, nothing, type CSSResult, type PropertyDeclaration, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PersonaDataController } from '../../controllers/persona-data.js';
import { PersonaError } from '../../data/errors.js';
import { describePersonaError } from '../../i18n/errors.js';
import { appLabel, parsePersona } from '../../data/parse.js';
import type { Persona, SkippedRecord } from '../../data/types.js';
import { LocalizeController, stringsConverter } from '../../controllers/localize.js';
import { ThemeController } from '../../controllers/theme.js';
import type { PersonaStringsOverride } from '../../i18n/strings.js';
import { VERSION } from '../../version.js';
import { hostStyles, skeletonStyles, themeTokens } from '../../styles/shared.js';
import { cardStyles } from './persona-card.styles.js';
import { ClampController } from './persona-card.clamp.js';
import { OffscreenController } from './persona-card.offscreen.js';
import { SuggestEditController } from './persona-card.editor.js';
import { heading } from './persona-card.heading.js';
import type { ActionsMenu, MenuItem } from './persona-card.menu.js';
import type { FullProfile } from './persona-card.sections.js';

/**
 * Copy as Markdown and Download JSON, fetched on demand: asked for as soon as a
 * pointer or focus reaches the actions button, so it is there by the click (which
 * the clipboard needs to still count as the user's).
 */
const loadExports = () => import('./persona-card.exports.js');

/** The actions menu's behaviour, fetched with the exports (its button is the card's own). */
const loadMenu = () => import('./persona-card.menu.js');

/** The full profile's sections, fetched the first time a card shows `variant="full"`. */
let fullModule: typeof import('./persona-card.sections.js') | undefined;
let fullLoading: Promise<unknown> | undefined;
const loadFull = () =>
  (fullLoading ??= import('./persona-card.sections.js').then((module) => {
    fullModule = module;
  }));

/** How long a confirmation ("Copied as Markdown.") stays on the card. */
const STATUS_MS = 5000;

/** Detail of `persona-load`. */
export interface PersonaLoadDetail {
  persona: Persona;
  /** Records of the collection the parser left out, and why. */
  skipped: readonly SkippedRecord[];
}

/** Detail of `persona-error`. */
export interface PersonaErrorDetail {
  error: PersonaError;
}

type View =
  | { status: 'persona'; persona: Persona }
  | { status: 'loading' }
  | { status: 'error'; error: PersonaError };

/**
 * One persona, anywhere: fetched from a persona endpoint (shared with every
 * other element on the page) or set from JavaScript.
 *
 * @summary Shows one persona, compact or in full.
 * @tag persona-card
 *
 * A card out of view shows a new `persona` a task after it was set, so that
 * the cards in view paint first: read its contents after `await card.updateComplete`.
 *
 * @fires persona-load - The persona is shown. Detail: `{ persona, skipped }`.
 * @fires persona-error - The persona could not be shown. Detail: `{ error }` with `error.kind`
 *   one of `network`, `timeout`, `http`, `data`, `not-found`, `config`.
 *
 * @csspart base - The card's box.
 * @csspart header - Avatar, app, pid, counts, name and the actions button.
 * @csspart image - The avatar.
 * @csspart app - The app name and pid line.
 * @csspart counts - Comments and validations (counts of 0 are left out).
 * @csspart discussion-link - The comment count as a link to the persona's discussion (when the data has `discussion_url`).
 * @csspart title - The persona's name (a heading).
 * @csspart identity - The summary paragraph.
 * @csspart aha - The aha moment quotation.
 * @csspart meta - The date it was last updated.
 * @csspart button - Every button.
 * @csspart menu-button - The "⋯" button opening the actions menu.
 * @csspart menu - The actions menu (a popover: Copy as Markdown, Download JSON, Suggest an edit).
 * @csspart menu-item - An entry of the actions menu.
 * @csspart status - The confirmation of an action ("Copied as Markdown."), shown over the card for a few seconds.
 * @csspart contents - The full variant's list of its sections.
 * @csspart contents-link - A link of the contents list.
 * @csspart section - A section of the full variant.
 * @csspart section-heading - A section's heading.
 * @csspart show-all-button - "Show all N" / "Show fewer" under a long list.
 * @csspart skeleton - The loading placeholder.
 * @csspart problem - The error, not-found and not-configured message box.
 * @csspart retry-button - The Retry button.
 * @csspart link - The name as a link to the persona's page (when it has a `url`).
 * @csspart text - A narrative field's paragraph in `full`.
 * @csspart more-button - "More" / "Less" on clamped text.
 * @csspart suggest-button - "Suggest an edit" (the card's, or a section's in `full`).
 * @csspart invitations - The "Help complete this persona" section.
 * @csspart invitation-button - One missing field to help complete.
 * @csspart dialog - The suggest-an-edit dialog.
 * @csspart close-button - The dialog's close button.
 *
 * @cssprop [--persona-bg=#ffffff] - Card background (dark: #0d1117).
 * @cssprop [--persona-fg=#1f2328] - Text colour (dark: #f0f6fc).
 * @cssprop [--persona-muted=#59636e] - Secondary text (dark: #9198a1).
 * @cssprop [--persona-accent=#0969da] - Links, focus ring, quote rule (dark: #4493f8).
 * @cssprop [--persona-border=#d1d9e0] - Borders (dark: #3d444d).
 * @cssprop [--persona-subtle=#f6f8fa] - Quote and button background (dark: #151b23).
 * @cssprop [--persona-danger=#d1242f] - Error accents (dark: #f85149).
 * @cssprop [--persona-font=system-ui] - Font family.
 * @cssprop [--persona-radius=12px] - Corner radius.
 * @cssprop [--persona-space=16px] - Inner padding.
 * @cssprop [--persona-clamp-lines=5] - Lines shown of long text before "More".
 * @cssprop [--persona-sticky-top=16px] - In `full` on wide cards, where the sticky contents column stops
 *   below the top of the viewport (make room for your page's sticky header); also the space kept above
 *   a section the contents list jumps to.
 * @cssprop [--persona-skeleton-height=360px] - Space reserved while loading (640px for `full`), and the
 *   least height of a compact card that loaded its own persona, so the page does not shift when it loads:
 *   set it to your cards' usual height (`0px` lets compact cards take only their content's height).
 */
export class PersonaCard extends LitElement {
  static version = VERSION;
  static {
    this.addInitializer((element) => new ThemeController(element as PersonaCard));
  }
  static override styles = [themeTokens, hostStyles, skeletonStyles, cardStyles];

  /**
   * URL of the persona collection. Without it the card uses the enclosing
   * `<persona-provider>`, then `<meta name="persona-widgets:src">`.
   * @attr src
   */
  @property({ reflect: true }) src?: string;

  /**
   * The `pid` of the persona to show, e.g. `APP-074`.
   * @attr persona-id
   */
  @property({ attribute: 'persona-id', reflect: true }) personaId?: string;

  /**
   * `compact` (default): the essentials. `full`: every field present, with headings.
   * @attr variant
   */
  @property({ reflect: true }) variant: 'compact' | 'full' = 'compact';

  /**
   * `light`, `dark`, or `auto` (default): as the page around it is painted (its `color-scheme`, else
   * its background, else the system's preference), followed live when the page switches.
   * @attr theme
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /**
   * Heading level of the persona's name (1–6); section headings go one deeper.
   * @attr heading-level
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /**
   * URL contributions are POSTed to; enables "Suggest an edit". Falls back to the
   * provider's `contribute-action`.
   * @attr contribute-action
   */
  @property({ attribute: 'contribute-action' }) contributeAction?: string;

  /**
   * `eager` (default) or `lazy`: fetch only when the card nears the viewport.
   * @attr loading
   */
  @property({ reflect: true }) loading: 'eager' | 'lazy' = 'eager';

  /**
   * A persona object to show without fetching. It is validated like endpoint data.
   * @prop persona
   */
  @property({ attribute: false }) persona?: unknown;

  /**
   * Replaces any of the card's words: any part of the `PersonaStrings` table (e.g.
   * `{ card: { copyMarkdown: 'Als Markdown kopieren' } }`), nested groups may be partial.
   * Wins over the provider's `strings` and `setDefaultStrings()`. As an attribute: JSON
   * of plain-text keys only.
   * @prop strings
   * @attr strings
   */
  @property({ attribute: 'strings', converter: stringsConverter }) strings?: PersonaStringsOverride;

  /**
   * Whether the card's own controls (the actions button, links, "More", "Suggest an edit")
   * are in the page's Tab order. Set it to `false` when the card sits in a container that
   * provides its own keyboard model (e.g. a grid moving between cards with the arrow keys):
   * the controls keep working by pointer and by script, and the card is no Tab stop.
   * @prop tabbable
   */
  @property({ attribute: false }) tabbable = true;

  /** What the last Copy / Download did, for the status line. */
  @state() private status = '';
  #statusTimer?: ReturnType<typeof setTimeout>;

  #data = new PersonaDataController(this);
  #l10n = new LocalizeController(this);
  /** Long text's clamp and "More"; measured after layout, also on width changes. */
  #clamp = new ClampController(this);
  /** Out of view: showing another persona waits for a task of its own (see scheduleUpdate). */
  #offscreen = new OffscreenController(this);
  /** The pending update shows another persona (see requestUpdate). */
  #newPersona = false;
  /** The suggest-an-edit dialog. */
  #editor = new SuggestEditController(this);
  /** The actions menu's behaviour, once its module is in. */
  #menu?: ActionsMenu;
  /** Styles of the modules loaded on demand (full profile, menu), adopted beside the card's own. */
  #lateStyles: CSSResult[] = [];
  /** The full profile's state (lists opened, section being read), once its module is in. */
  #full?: FullProfile;
  #given?: Persona | PersonaError;
  /** Why the persona set from JS is invalid (the parser's words). */
  #invalid = '';
  #announced?: Persona | PersonaError;

  /** @internal Read by the data controller: a persona set from JS needs no fetch. */
  get needsData(): boolean {
    return this.persona === undefined || this.persona === null;
  }

  /** Shows the persona again from the endpoint after an error. */
  retry(): void {
    this.#data.retry();
  }

  /** Lit's, noting whether the update shows another persona. */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    if ((name === 'persona' && oldValue !== this.persona) || (name === 'personaId' && oldValue !== this.personaId)) {
      this.#newPersona = true;
    }
    super.requestUpdate(name, oldValue, options);
  }

  /**
   * A card out of view shows another persona in a task after the one that set it: when a grid shows
   * other personas, the cards in view render and paint first, instead of every card in one long task.
   * Other updates (a clamp measured, a menu opened) are never delayed. `updateComplete` waits for it.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.#newPersona || !this.#offscreen.offscreen) return super.scheduleUpdate();
    return new Promise<void>((resolve) => setTimeout(resolve)).then(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#newPersona = false;
    // A grid reuses its cards for other personas: no "More" or "Show all" state carries over.
    if (this.hasUpdated && (changed.has('persona') || changed.has('personaId'))) {
      this.#clamp.reset();
      this.#full?.reset();
      this.status = '';
    }
    if (this.variant === 'full' && !this.#full) {
      if (fullModule) this.#adoptFull(fullModule);
      else void loadFull().then(() => this.requestUpdate());
    }
    if (changed.has('persona')) {
      if (this.persona === undefined || this.persona === null) {
        this.#given = undefined;
      } else {
        const result = parsePersona(this.persona);
        this.#invalid = 'skipped' in result ? result.skipped : '';
        this.#given =
          'skipped' in result
            ? new PersonaError('data', `This persona is not valid: ${result.skipped}.`)
            : result;
      }
    }
  }

  /** The full profile's controller and styles, when its module has arrived. */
  #adoptFull(module: typeof import('./persona-card.sections.js')) {
    this.#full = new module.FullProfile(this);
    this.#adoptStyles(module.fullStyles);
  }

  #adoptStyles(styles: CSSResult) {
    this.#lateStyles.push(styles);
    adoptStyles(this.renderRoot as ShadowRoot, [...PersonaCard.elementStyles, ...this.#lateStyles]);
  }

  /** The pointer or focus reached the actions button: fetch what the menu and its items need. */
  #prepareMenu = () => {
    void loadExports().catch(() => {});
    return loadMenu().then(async (module) => {
      if (this.#menu || !this.isConnected) return;
      this.#adoptStyles(module.menuStyles);
      this.#menu = new module.ActionsMenu(this);
      this.requestUpdate();
      await this.updateComplete;
    });
  };

  /** A click before the menu's code is in (no pointer came first): open once it is, in place and filled. */
  #onMenuClick = (event: Event) => {
    if (this.#menu) return;
    event.preventDefault();
    this.#prepareMenu().then(
      () => {
        const menu = this.renderRoot.querySelector<HTMLElement>('#actions-menu');
        if (menu?.isConnected && !menu.matches(':popover-open')) menu.showPopover();
      },
      () => this.#announce(this.#l10n.strings.common.codeFailed),
    );
  };

  /** The pointer or focus reached the button: a failure is said when it is clicked. */
  #warmMenu = () => void this.#prepareMenu().catch(() => {});

  #view(): View {
    const view = this.#viewOfData();
    // In full, the skeleton stays until the sections' code is in.
    return view.status === 'persona' && this.variant === 'full' && !this.#full ? { status: 'loading' } : view;
  }

  #viewOfData(): View {
    if (this.#given instanceof PersonaError) return { status: 'error', error: this.#given };
    if (this.#given) return { status: 'persona', persona: this.#given };

    const state = this.#data.state;
    switch (state.status) {
      case 'unconfigured':
        return {
          status: 'error',
          error: new PersonaError('config', 'No persona endpoint is configured.'),
        };
      case 'idle':
      case 'loading':
        return { status: 'loading' };
      case 'error':
        return { status: 'error', error: state.error };
    }
    const pid = this.personaId?.trim();
    if (!pid) {
      return { status: 'error', error: new PersonaError('config', 'Set persona-id to choose a persona.') };
    }
    // Validated ahead of the rest of its page when that page is still being validated.
    const persona = this.#data.source?.persona(pid);
    if (persona) return { status: 'persona', persona };
    if (state.moreError) return { status: 'error', error: state.moreError };
    // Not on the pages loaded so far: the next page may have it (updated() asks for it).
    if (state.collection.validating || state.collection.next) return { status: 'loading' };
    const { url, stopped, personas } = state.collection;
    return {
      status: 'error',
      error: new PersonaError(
        'not-found',
        stopped
          ? `No persona ${pid} in the first ${personas.length} personas at this endpoint: its paging stopped (${stopped.reason}).`
          : `No persona ${pid} at this endpoint.`,
        { url },
      ),
    };
  }

  protected override updated(): void {
    const view = this.#view();
    const state = this.#data.state;
    if (view.status === 'loading' && state.status === 'ready' && state.collection.next && !state.loadingMore) {
      this.#data.loadMore();
    }

    // Tell the host once per change of what is shown, not on every render.
    const shown = view.status === 'persona' ? view.persona : view.status === 'error' ? view.error : undefined;
    if (!shown || this.#sameAsAnnounced(shown)) return;
    this.#announced = shown;
    const init = { bubbles: true, composed: true };
    if (shown instanceof PersonaError) {
      this.dispatchEvent(new CustomEvent<PersonaErrorDetail>('persona-error', { ...init, detail: { error: shown } }));
    } else {
      const skipped = state.status === 'ready' && !this.#given ? state.collection.skipped : [];
      const detail: PersonaLoadDetail = { persona: shown, skipped };
      this.dispatchEvent(new CustomEvent<PersonaLoadDetail>('persona-load', { ...init, detail }));
    }
  }

  #sameAsAnnounced(shown: Persona | PersonaError): boolean {
    const before = this.#announced;
    if (before === shown) return true;
    if (before instanceof PersonaError && shown instanceof PersonaError) {
      return before.kind === shown.kind && before.message === shown.message;
    }
    return false;
  }

  protected override render() {
    const view = this.#view();
    if (view.status === 'loading') return this.#renderSkeleton();
    if (view.status === 'error') return this.#renderProblem(view.error);
    return this.#renderPersona(view.persona);
  }

  #renderSkeleton() {
    // While the data is on its way: the first date formatted must not wait for Intl's setup.
    if (!this.hasUpdated) this.#l10n.prepareDates();
    return html`<div part="base skeleton" class="card skeleton" role="status" aria-live="polite">
      <span class="visually-hidden">${this.#l10n.strings.card.loading}</span>
      <div class="bone short"></div>
      <div class="bone heading"></div>
      <div class="bone"></div>
      <div class="bone"></div>
      <div class="bone long"></div>
    </div>`;
  }

  #renderProblem(error: PersonaError) {
    const { common, card } = this.#l10n.strings;
    const invalidGiven = this.#given === error;
    // The error keeps its English message for the host; people read the strings.
    const [title, detail] =
      error.kind === 'not-found'
        ? [card.notFound(this.personaId?.trim() ?? ''), this.#pagingNote() ?? card.notFoundHelp]
        : error.kind === 'config'
          ? [this.#data.state.status === 'unconfigured' ? common.noEndpoint : card.noPersonaId, card.configHelp]
          : invalidGiven
            ? [card.invalid, card.invalidDetail(this.#invalid)]
            : [card.loadFailed, describePersonaError(error, common, this.#l10n.num)];
    const retryable = error.kind !== 'config' && !invalidGiven;
    return html`<div part="base problem" class="card problem" role="alert">
      <p class="problem-title">${title}</p>
      <p class="problem-detail">${detail}</p>
      ${retryable
        ? html`<div class="actions">
            <button part="button retry-button" tabindex=${this.#tab} @click=${this.retry}>${common.retry}</button>
          </div>`
        : nothing}
    </div>`;
  }

  /** "Showing the first N personas; the endpoint's paging stopped", when it did. */
  #pagingNote(): string | undefined {
    const state = this.#data.state;
    if (this.#given || state.status !== 'ready' || !state.collection.stopped) return undefined;
    return this.#l10n.strings.common.pagingStopped(state.collection.personas.length, this.#l10n.num);
  }

  /** `tabindex` of the card's controls: out of the Tab order when not `tabbable`. */
  get #tab() {
    return this.tabbable ? nothing : -1;
  }

  /** Long text, clamped with "More" (see ClampController). */
  #clampable = (key: string, text: string, className: string, part: string) =>
    this.#clamp.render(key, text, className, part, this.#l10n.strings.card, this.tabbable);

  #renderPersona(persona: Persona) {
    const { fields, card } = this.#l10n.strings;
    const app = appLabel(persona);
    const level = this.headingLevel;
    const name = persona.url
      ? html`<a href=${persona.url} rel="noopener noreferrer" target="_blank" part="link" tabindex=${this.#tab}
          >${persona.name}</a
        >`
      : persona.name;
    const contributing = Boolean(this.#contributeAction());
    return html`<article part="base" class="card ${this.#given ? '' : 'reserved'}" aria-label=${persona.name}>
      <header part="header">
        ${persona.image
          ? html`<img
              part="image"
              class="avatar"
              src=${persona.image}
              alt=${card.avatar(persona.name)}
              loading="lazy"
              decoding="async"
              referrerpolicy="no-referrer"
              width="48"
              height="48"
            />`
          : nothing}
        <div class="heading-block">
          <p part="app" class="app" dir="auto">${app ? `${app} · ` : nothing}<span class="pid">${persona.pid}</span></p>
          ${this.#renderCounts(persona)} ${heading(level, name, 'title', 'title', true)}
        </div>
        ${this.#renderMenu(persona, contributing)}
      </header>
      ${this.#clampable('identity', persona.identity, 'identity', 'identity')}
      ${persona.aha_moment
        ? html`<figure part="aha" class="aha">
            <figcaption class="aha-label">${fields.aha_moment}</figcaption>
            <blockquote dir="auto">${persona.aha_moment}</blockquote>
          </figure>`
        : nothing}
      ${this.variant === 'full' && this.#full
        ? this.#full.render(persona, {
            strings: this.#l10n.strings,
            num: this.#l10n.num,
            level: level + 1,
            contributing,
            tabbable: this.tabbable,
            clampable: this.#clampable,
            edit: this.#editor.open,
            heading,
          })
        : nothing}
      ${this.#renderMeta(persona)}
      <p part="status" class="status ${this.status ? 'has-status' : ''}" role="status">${this.status}</p>
      ${contributing
        ? this.#editor.render(persona, {
            strings: this.#l10n.strings,
            overrides: this.strings,
            action: this.#contributeAction()!,
            src: this.#data.endpoint ?? '',
            theme: this.theme,
          })
        : nothing}
    </article>`;
  }

  /** Comments and validations, as the library's own cards show them; a count of 0 says nothing. */
  #renderCounts(persona: Persona) {
    const { card } = this.#l10n.strings;
    const num = this.#l10n.num;
    const discussion = persona.discussion_url;
    // The comment count leads to the discussion when the data says where it is.
    const comments = persona.comment_count ? card.comments(persona.comment_count, num) : discussion ? card.discuss : '';
    const validations = persona.validation_count ? card.validations(persona.validation_count, num) : '';
    if (!comments && !validations) return nothing;
    return html`<p part="counts" class="counts">
      ${comments
        ? discussion
          ? html`<a part="discussion-link" href=${discussion} rel="noopener noreferrer" target="_blank" tabindex=${this.#tab}
              >${comments}</a
            >`
          : html`<span>${comments}</span>`
        : nothing}
      ${validations ? html`<span>${validations}</span>` : nothing}
    </p>`;
  }

  #renderMeta(persona: Persona) {
    if (!persona.updated_at) return nothing;
    return html`<p part="meta" class="meta">
      <span
        >${this.#l10n.strings.card.updated}
        <time datetime=${persona.updated_at}>${this.#l10n.date(persona.updated_at)}</time></span
      >
    </p>`;
  }

  /**
   * The "⋯" button (three drawn dots: the glyph would be one more font size to lay out, and some
   * fonts lack it) and its popover, filled by the menu's module (persona-card.menu.ts).
   */
  #renderMenu(persona: Persona, contributing: boolean) {
    const label = this.#l10n.strings.card.actions(persona.name);
    return html`<button
        id="actions-button"
        part="button menu-button"
        class="menu-button"
        aria-label=${label}
        title=${label}
        aria-haspopup="menu"
        aria-expanded=${this.#menu?.open ? 'true' : 'false'}
        aria-controls="actions-menu"
        popovertarget="actions-menu"
        tabindex=${this.#tab}
        @pointerenter=${this.#warmMenu}
        @focus=${this.#warmMenu}
        @click=${this.#onMenuClick}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="4" cy="10" r="1.75" /><circle cx="10" cy="10" r="1.75" /><circle cx="16" cy="10" r="1.75" />
        </svg>
      </button>
      <div id="actions-menu" part="menu" class="menu" role="menu" aria-labelledby="actions-button" popover="auto">
        ${this.#menu?.render(this.#menuItems(persona, contributing)) ?? nothing}
      </div>`;
  }

  #menuItems(persona: Persona, contributing: boolean): MenuItem[] {
    const { card } = this.#l10n.strings;
    const items: MenuItem[] = [
      { label: card.copyMarkdown, run: () => void this.#runExport((e) => e.copyMarkdown(persona, this.#l10n.strings)) },
      { label: card.downloadJson, run: () => void this.#runExport((e) => e.downloadJson(persona, this.#l10n.strings)) },
    ];
    if (contributing) {
      items.push({
        label: card.suggestEdit,
        // The dialog gives focus back to its opener: the menu's button (the item is hidden by then).
        run: (button) => void this.#editor.open({ currentTarget: button } as unknown as Event, '', 'correct'),
      });
    }
    return items;
  }

  /** Shows (and announces) what an action did for a few seconds, over the card: its size never changes. */
  #announce(status: string) {
    clearTimeout(this.#statusTimer);
    this.status = status;
    this.#statusTimer = setTimeout(() => (this.status = ''), STATUS_MS);
  }

  #contributeAction(): string | undefined {
    return this.#data.contributeAction(this.contributeAction);
  }

  /** Runs one of the exports (loaded on demand) and says what it did, or that its code could not be loaded. */
  async #runExport(action: (exports: Awaited<ReturnType<typeof loadExports>>) => string | Promise<string>) {
    const exports = await loadExports().catch(() => undefined);
    this.#announce(exports ? await action(exports) : this.#l10n.strings.common.codeFailed);
  }
}
