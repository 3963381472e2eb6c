/**
 * The `full` variant as a document: a contents list of its sections (a sticky side column
 * on wide cards, marking the section being read), the sections, long lists shortened
 * behind "Show all", the workflow as a timeline, tools as labelled groups. Loaded only
 * when a card shows `variant="full"` (the compact card never pays for it).
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PersonaField } from '../../data/contribution.js';
import { PERSONA_FIELD_MODEL, PROFILE_ROWS, SECTION_KEYS, type ListKey, type SectionKey, type TextKey } from '../../data/schema.js';
import type { Persona, PersonaListItem } from '../../data/types.js';
import type { FormatNumber, PersonaStrings } from '../../i18n/strings.js';
import type { heading } from './persona-card.heading.js';

/** What the suggest-an-edit dialog is opened for: correcting a field, or adding a missing one. */
export type EditKind = 'correct' | 'extend';

/** Lists longer than this show their first items and "Show all N". */
export const LIST_LIMIT = 5;
/** A contents list is worth it from this many sections on. */
const CONTENTS_MIN = 3;

/** What the section templates need from the card. */
export interface SectionsContext {
  strings: PersonaStrings;
  num: FormatNumber;
  /** Heading level of the section headings. */
  level: number;
  /** Whether "Suggest an edit" buttons and the invitations are shown. */
  contributing: boolean;
  /** False: the card's controls stay out of the Tab order (its container has its own keys). */
  tabbable: boolean;
  /** A narrative text, clamped with "More" when long (`key` names it, e.g. the field). */
  clampable: (key: string, text: string, className: string, part: string) => TemplateResult;
  /** Opens the suggest-an-edit dialog for `field`. */
  edit: (event: Event, field: PersonaField, kind: EditKind) => void;
  /** The card's heading template (passed in, so this module shares no chunk with the card but Lit's). */
  heading: typeof heading;
}

type SectionsHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

const INVITATIONS = 'invitations';

/**
 * The full profile of one card: what is expanded, which section is being read (an
 * IntersectionObserver on the sections), and the jumps of the contents list.
 */
export class FullProfile implements ReactiveController {
  readonly #host: SectionsHost;
  /** Keys of the lists opened with "Show all". */
  #expanded = new Set<string>();
  /** The section being read (marked in the contents list). */
  #current = '';
  #observer?: IntersectionObserver;
  #observed = new Set<Element>();
  /** Which sections are in the reading band, by key. */
  #inBand = new Map<string, boolean>();

  constructor(host: SectionsHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Another persona: every list short again. */
  reset(): void {
    this.#expanded = new Set();
    this.#current = '';
    this.#inBand.clear();
  }

  hostUpdated(): void {
    const sections = [...this.#host.renderRoot.querySelectorAll('section[data-field]')];
    if (!sections.length && !this.#observer) return;
    // The band near the top of the viewport where a section counts as being read.
    this.#observer ??= new IntersectionObserver(this.#onIntersect, { rootMargin: '-10% 0px -75% 0px' });
    for (const old of this.#observed) {
      if (!sections.includes(old)) {
        this.#observer.unobserve(old);
        this.#observed.delete(old);
      }
    }
    for (const section of sections) {
      if (this.#observed.has(section)) continue;
      this.#observed.add(section);
      this.#observer.observe(section);
    }
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed.clear();
  }

  #onIntersect = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      this.#inBand.set((entry.target as HTMLElement).dataset.field!, entry.isIntersecting);
    }
    const order = [...this.#host.renderRoot.querySelectorAll<HTMLElement>('section[data-field]')].map((s) => s.dataset.field!);
    const current = order.find((key) => this.#inBand.get(key));
    if (current && current !== this.#current) {
      this.#current = current;
      this.#host.requestUpdate();
    }
  };

  /**
   * A contents link: fragment links do not reach into a shadow root, so the click scrolls
   * the section into view and moves focus to its heading.
   */
  #jump(event: Event, key: string) {
    event.preventDefault();
    const root = this.#host.renderRoot;
    const section = root.querySelector<HTMLElement>(`#section-${key}`);
    if (!section) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    section.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    root.querySelector<HTMLElement>(`#heading-${key}`)?.focus({ preventScroll: true });
    this.#current = key;
    this.#host.requestUpdate();
  }

  #toggle(key: string) {
    const expanded = new Set(this.#expanded);
    if (!expanded.delete(key)) expanded.add(key);
    this.#expanded = expanded;
    this.#host.requestUpdate();
  }

  /**
   * The sections, one per field of the model (schema.ts) the persona has, then, when
   * contributing, "Help complete this persona" for the fields it lacks; with a contents
   * list when there are enough of them.
   */
  render(persona: Persona, ctx: SectionsContext): TemplateResult {
    const { strings, level, contributing, edit, heading } = ctx;
    const { fields, card } = strings;
    const tab = ctx.tabbable ? nothing : -1;
    const present: { key: string; label: string; body: TemplateResult }[] = [];
    const missing: PersonaField[] = [];
    for (const key of SECTION_KEYS) {
      const body = this.#body(persona, key, ctx);
      if (body === nothing) missing.push(key);
      else present.push({ key, label: fields[key], body });
    }
    const section = (key: string, label: string, body: TemplateResult, editable: boolean) =>
      // Not a landmark (no accessible name): the heading labels it, and many cards repeat these names.
      html`<section part=${key === INVITATIONS ? 'section invitations' : 'section'} id="section-${key}" data-field=${key}>
        <div class="section-header">
          ${heading(level, label, 'section-heading', 'section-heading', false, `heading-${key}`)}
          ${editable && contributing
            ? html`<button
                part="button suggest-button"
                class="link"
                tabindex=${tab}
                aria-label=${card.suggestEditTo(label)}
                @click=${(event: Event) => edit(event, key as PersonaField, 'correct')}
              >
                ${card.suggestEdit}
              </button>`
            : nothing}
        </div>
        ${body}
      </section>`;
    const invitations =
      contributing && missing.length
        ? html`<p class="muted">${card.inviteIntro}</p>
            <ul class="invitations">
              ${missing.map(
                (key) =>
                  html`<li>
                    <button
                      part="button invitation-button"
                      class="link"
                      tabindex=${tab}
                      aria-label=${card.inviteField(fields[key])}
                      @click=${(event: Event) => edit(event, key, 'extend')}
                    >
                      ${fields[key]}
                    </button>
                  </li>`,
              )}
            </ul>`
        : undefined;
    const entries = [...present, ...(invitations ? [{ key: INVITATIONS, label: card.invite, body: invitations }] : [])];
    const withContents = present.length >= CONTENTS_MIN;
    return html`<div class="document ${withContents ? 'with-contents' : ''}">
      ${withContents
        ? html`<nav part="contents" class="contents" aria-label=${card.contentsOf(persona.name)}>
            <p class="contents-title">${card.contents}</p>
            <ol>
              ${entries.map(
                ({ key, label }) =>
                  html`<li>
                    <a
                      part="contents-link"
                      href="#section-${key}"
                      tabindex=${tab}
                      aria-current=${this.#current === key ? 'location' : nothing}
                      @click=${(event: Event) => this.#jump(event, key)}
                      >${label}</a
                    >
                  </li>`,
              )}
            </ol>
          </nav>`
        : nothing}
      <div class="document-body">
        ${entries.map(({ key, label, body }) => section(key, label, body, key !== INVITATIONS))}
      </div>
    </div>`;
  }

  /** Up to LIST_LIMIT entries, and "Show all N" / "Show fewer" when there are more. */
  #list<T>(key: string, items: readonly T[], item: (entry: T) => TemplateResult, ctx: SectionsContext, className = '') {
    const open = this.#expanded.has(key);
    const long = items.length > LIST_LIMIT;
    const shown = long && !open ? items.slice(0, LIST_LIMIT) : items;
    const id = `list-${key}`;
    return html`<ul id=${id} class=${className}>
        ${shown.map(item)}
      </ul>
      ${long
        ? html`<button
            part="button show-all-button"
            class="link show-all"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${id}
            tabindex=${ctx.tabbable ? nothing : -1}
            @click=${() => this.#toggle(key)}
          >
            ${open ? ctx.strings.card.showFewer : ctx.strings.card.showAll(items.length, ctx.num)}
          </button>`
        : nothing}`;
  }

  /** A section's content, by the field's kind (schema.ts); `nothing` when the persona lacks the field. */
  #body(persona: Persona, key: SectionKey, ctx: SectionsContext): TemplateResult | typeof nothing {
    const { profile: labels, card } = ctx.strings;
    switch (PERSONA_FIELD_MODEL[key].kind) {
      case 'text': {
        const value = persona[key as TextKey];
        return value ? ctx.clampable(key, value, '', 'text') : nothing;
      }
      case 'list': {
        const list = persona[key as ListKey];
        return list ? this.#list(key, list, (item) => renderItem(item, ctx.strings), ctx) : nothing;
      }
      case 'profile': {
        const profile = persona.profile;
        return profile
          ? html`<dl class="rows">
              ${PROFILE_ROWS.filter((row) => profile[row]).map(
                (row) => html`<dt>${labels[row]}</dt><dd dir="auto">${profile[row]}</dd>`,
              )}
            </dl>`
          : nothing;
      }
      case 'workflow':
        // A timeline: each slot with what is done then and its steps; a slot with neither
        // (a period of the day heading the slots after it) stands out as a label.
        return persona.workflow
          ? html`<ol class="timeline">
              ${persona.workflow.map((slot) => {
                const steps = slot.steps ?? [];
                const period = !slot.activities.length && !steps.length;
                // One activity reads on the time's line ("9:00 AM  Coffee + dashboard review").
                const [only, ...more] = slot.activities;
                return html`<li class="slot ${period ? 'period' : ''}">
                  <p class="when-line" dir="auto">
                    <span class="when">${slot.when}</span>${only && !more.length ? html` <span class="activity">${only}</span>` : nothing}
                  </p>
                  ${more.length
                    ? html`<ul class="activities">
                        ${slot.activities.map((activity) => html`<li dir="auto">${activity}</li>`)}
                      </ul>`
                    : nothing}
                  ${steps.length
                    ? html`<ol class="steps" aria-label=${card.steps}>
                        ${steps.map((step) => html`<li dir="auto">${step}</li>`)}
                      </ol>`
                    : nothing}
                </li>`;
              })}
            </ol>`
          : nothing;
      case 'tools':
        return persona.tools
          ? this.#list(
              key,
              persona.tools,
              (tool) => {
                const facts = card.toolFacts;
                const entries = (list: string[], className = '') =>
                  html`<ul class=${className}>
                    ${list.map((entry) => html`<li dir="auto">${entry}</li>`)}
                  </ul>`;
                // A list runs under its label, the box's full width.
                const row = (label: string, value: TemplateResult | string | undefined, wide = false) =>
                  value ? html`<dt class=${wide ? 'wide' : ''}>${label}</dt><dd class=${wide ? 'wide' : ''} dir="auto">${value}</dd>` : nothing;
                return html`<li class="tool">
                  <p class="tool-name" dir="auto">${tool.name}</p>
                  <dl class="rows">
                    ${row(facts.frequency, tool.frequency)} ${row(facts.duration, tool.duration)}
                    ${row(facts.use_cases, tool.use_cases.length ? entries(tool.use_cases) : undefined, true)}
                    ${row(facts.features, tool.features.length ? entries(tool.features, 'inline') : undefined, true)}
                  </dl>
                </li>`;
              },
              ctx,
              'tools',
            )
          : nothing;
      case 'metrics':
        return persona.metrics
          ? this.#list(
              key,
              persona.metrics,
              (metric) =>
                html`<li dir="auto">${metric.name}${metric.target ? html`: <strong>${metric.target}</strong>` : nothing}</li>`,
              ctx,
            )
          : nothing;
      default:
        return nothing;
    }
  }
}

/** One entry of a list field: title, detail, and the quotation that backs it. */
export function renderItem(item: PersonaListItem, strings: PersonaStrings) {
  return html`<li dir="auto">
    <strong>${item.title}</strong>${item.detail ? html`: ${item.detail}` : nothing}
    ${item.quote ? html`<blockquote class="item-quote">${strings.card.quote(item.quote)}</blockquote>` : nothing}
  </li>`;
}

/** The full profile's own styles, adopted by a card when this module arrives. */
export const fullStyles = css`
  .document {
    margin-top: 8px;
  }
  section {
    margin-top: 20px;
    /* A jump leaves room for a host's sticky header. */
    scroll-margin-top: var(--persona-sticky-top, 16px);
  }
  .section-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 12px;
    margin-bottom: 6px;
    padding-bottom: 4px;
    border-bottom: 1px solid var(--_border);
  }
  .section-heading {
    margin: 0;
    font-size: 1rem;
    font-weight: 650;
  }
  .section-heading:focus-visible {
    outline-offset: 4px;
  }
  .contents {
    margin-top: 16px;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    font-size: 0.875rem;
  }
  .contents-title {
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .contents ol {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 14px;
    list-style: none;
    padding: 0;
    margin: 4px 0 0;
  }
  .contents li + li {
    margin-top: 0;
  }
  .contents a {
    color: var(--_accent);
    text-decoration: none;
    display: inline-block;
    padding: 2px 0;
  }
  .contents a:hover {
    text-decoration: underline;
  }
  .contents a[aria-current] {
    color: var(--_fg);
    font-weight: 650;
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 20px;
  }
  li + li {
    margin-top: 4px;
  }
  .item-quote {
    margin: 4px 0 0;
    color: var(--_muted);
    font-style: italic;
  }
  .show-all {
    margin-top: 6px;
  }
  dl.rows {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  dd ul {
    padding-inline-start: 18px;
  }
  .wide {
    grid-column: 1 / -1;
  }
  dd.wide {
    margin-top: -4px;
  }
  .muted {
    color: var(--_muted);
  }
  ul.invitations {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    list-style: none;
    padding: 0;
    margin-top: 6px;
  }
  ul.invitations li + li {
    margin-top: 0;
  }
  /* The workflow: a line down the side, a dot per slot, periods of the day as labels. */
  .timeline {
    list-style: none;
    padding: 0;
    margin-inline-start: 5px;
    border-inline-start: 2px solid var(--_border);
  }
  .slot {
    position: relative;
    padding-inline-start: 18px;
  }
  .timeline > li + li {
    margin-top: 10px;
  }
  .slot::before {
    content: '';
    position: absolute;
    inset-inline-start: -7px;
    top: 0.4em;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_bg);
    border: 2px solid var(--_accent);
  }
  .when {
    font-weight: 650;
    font-variant-numeric: tabular-nums;
    margin-inline-end: 6px;
  }
  .slot.period {
    padding-top: 4px;
  }
  .slot.period::before {
    background: var(--_accent);
  }
  .period .when {
    font-size: 0.8125rem;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .steps {
    margin-top: 2px;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .steps li + li {
    margin-top: 0;
  }
  /* Tools: one box each, labelled rows. */
  ul.tools {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 12px;
  }
  ul.tools > li + li {
    margin-top: 0;
  }
  .tool {
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
  .tool-name {
    font-weight: 650;
    margin-bottom: 4px;
  }
  /* Short labels on one line: "Matrix view · opportunity scoring". */
  dd ul.inline {
    display: flex;
    flex-wrap: wrap;
    list-style: none;
    padding: 0;
  }
  ul.inline li + li {
    margin-top: 0;
  }
  ul.inline li + li::before {
    content: '·';
    padding-inline: 6px;
    color: var(--_muted);
  }
  @container (min-width: 600px) {
    ul.tools {
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
    }
    /* The slots of a period side by side under it, each hanging from a line of its own. */
    .timeline {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
      gap: 10px 20px;
      margin-inline-start: 0;
      border: none;
    }
    .timeline > li + li {
      margin-top: 0;
    }
    .slot {
      padding-inline-start: 0;
      padding-top: 12px;
      border-top: 2px solid var(--_border);
    }
    .slot::before {
      inset-inline-start: 0;
      top: -7px;
    }
    .slot.period {
      grid-column: 1 / -1;
      border: none;
      padding-top: 6px;
    }
    .slot.period::before {
      display: none;
    }
    .steps {
      padding-inline-start: 18px;
    }
  }
  /* Wide cards: the contents as a sticky side column beside the sections, tools side by side. */
  @container (min-width: 900px) {
    .document.with-contents {
      display: grid;
      grid-template-columns: 200px minmax(0, 1fr);
      gap: 0 32px;
      align-items: start;
    }
    .with-contents .contents {
      position: sticky;
      top: var(--persona-sticky-top, 16px);
      max-height: calc(100vh - 2 * var(--persona-sticky-top, 16px));
      overflow: auto;
      margin-top: 20px;
      border: none;
      border-inline-end: 1px solid var(--_border);
      border-radius: 0;
      padding-block: 0;
      padding-inline: 0 12px;
    }
    .with-contents .contents ol {
      display: block;
    }
    .with-contents .contents a {
      padding-block: 3px;
      padding-inline: 10px 0;
      border-inline-start: 2px solid transparent;
    }
    .with-contents .contents a[aria-current] {
      border-inline-start-color: var(--_accent);
    }
  }
`;
