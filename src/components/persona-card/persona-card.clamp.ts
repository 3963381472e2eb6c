import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** Text longer than this starts clamped, with a "More" toggle. */
export const CLAMP_CHARS = 360;

type ClampHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The controller of each observed paragraph, and the text it was observed with. */
const watched = new WeakMap<Element, { clamp: ClampController; text: string }>();

/**
 * One observer for every card on the page: its callback runs after layout, so
 * reading a paragraph's heights there costs no forced layout, and all cards'
 * paragraphs are read in one callback before any card re-renders.
 */
let observer: ResizeObserver | undefined;
const observe = (text: HTMLElement) =>
  (observer ??= new ResizeObserver((entries) => {
    for (const { target } of entries) watched.get(target)?.clamp.measured(target as HTMLElement);
  })).observe(text);

/**
 * Long text clamped to `--persona-clamp-lines` (CSS line-clamp) with a "More" /
 * "Less" toggle. Rendering decides from the text's length alone; whether a long
 * text is really cut off is read after layout (a ResizeObserver, so also on
 * every width change), and the "More" of a text that fits is dropped then,
 * before the frame is painted.
 */
export class ClampController implements ReactiveController {
  readonly #host: ClampHost;
  /** Keys of the texts opened with "More". */
  #expanded = new Set<string>();
  /** Long texts that fit unclamped at the current width: no "More" for them. */
  #fits = new Set<string>();
  #paragraphs = new Set<HTMLElement>();

  constructor(host: ClampHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Another persona: nothing opened, nothing known to fit. */
  reset(): void {
    this.#expanded = new Set();
    this.#fits = new Set();
    // Measure every text again, even one that reads the same.
    for (const text of this.#paragraphs) watched.delete(text);
  }

  /** Watches the long texts just rendered (a new text is measured again even in the same paragraph). */
  hostUpdated(): void {
    for (const text of this.#host.renderRoot.querySelectorAll<HTMLElement>('p.clampable')) {
      const content = text.textContent ?? '';
      if (watched.get(text)?.text === content) continue;
      // Observing anew reports the paragraph's size once, after the next layout.
      observer?.unobserve(text);
      watched.set(text, { clamp: this, text: content });
      this.#paragraphs.add(text);
      observe(text);
    }
  }

  hostDisconnected(): void {
    for (const text of this.#paragraphs) {
      observer?.unobserve(text);
      watched.delete(text);
    }
    this.#paragraphs.clear();
  }

  /** Called after layout: keeps "More" only where the clamp really cuts the text off. */
  measured(text: HTMLElement): void {
    if (!text.isConnected || !text.classList.contains('clampable')) return;
    const key = text.id.slice('text-'.length);
    const fits = text.scrollHeight <= text.clientHeight + 1;
    if (fits === this.#fits.has(key)) return;
    if (fits) this.#fits.add(key);
    else this.#fits.delete(key);
    // Re-rendered before the paint; the paragraph keeps its size, so no new resize is reported.
    this.#host.requestUpdate();
  }

  /** `text` in a paragraph (`id="text-<key>"`), clamped with a "More" toggle when it is long. */
  render(
    key: string,
    text: string,
    className: string,
    part: string,
    labels: { more: string; less: string },
    tabbable = true,
  ): TemplateResult {
    const open = this.#expanded.has(key);
    // A long closed text keeps its CSS clamp even where it fits (measuring needs it); "clamped"
    // marks one that is really cut off.
    const clampable = text.length > CLAMP_CHARS && !open;
    const cut = clampable && !this.#fits.has(key);
    const id = `text-${key}`;
    // No whitespace inside the <p>: it keeps line breaks (pre-line) for multi-paragraph text.
    return html`<p
        id=${id}
        dir="auto"
        part=${part}
        class="${className} ${clampable ? 'clampable' : ''} ${cut ? 'clamped' : ''}"
      >${text}</p>
      ${cut || open
        ? html`<button
            class="link"
            part="button more-button"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${id}
            tabindex=${tabbable ? nothing : -1}
            @click=${() => this.#toggle(key)}
          >
            ${open ? labels.less : labels.more}
          </button>`
        : nothing}`;
  }

  #toggle(key: string) {
    const expanded = new Set(this.#expanded);
    if (!expanded.delete(key)) expanded.add(key);
    this.#expanded = expanded;
    this.#host.requestUpdate();
  }
}
