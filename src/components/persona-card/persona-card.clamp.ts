import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** Text longer than this starts clamped, with a "More" toggle. */
export const CLAMP_CHARS = 360;

type ClampHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Long text clamped to `--persona-clamp-lines` with a "More" / "Less" toggle.
 * After each update it measures the clamped paragraphs and drops the clamp (and its
 * "More") from those that are not actually cut off; a width change measures again.
 */
export class ClampController implements ReactiveController {
  readonly #host: ClampHost;
  /** Keys of the texts opened with "More". */
  #expanded = new Set<string>();
  /** Long texts that turned out to fit unclamped at the current width: no "More" for them. */
  #fits = new Set<string>();
  #width = 0;
  #resize = new ResizeObserver(([entry]) => {
    // Only a width change can change what fits; measure again on the next update.
    const width = Math.round(entry?.contentRect.width ?? 0);
    if (width === this.#width) return;
    this.#width = width;
    // Re-render a frame later: re-rendering inside the observer's callback would resize the
    // card in the same frame, which the browser reports as a "ResizeObserver loop" error.
    requestAnimationFrame(() => {
      this.#fits.clear();
      this.#host.requestUpdate();
    });
  });

  constructor(host: ClampHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#resize.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#resize.disconnect();
  }

  /** Drops the clamp (and its "More") from text that is not actually cut off. */
  hostUpdated(): void {
    let fitted = false;
    for (const text of this.#host.renderRoot.querySelectorAll<HTMLElement>('p.clamped')) {
      if (text.scrollHeight > text.clientHeight + 1) continue;
      this.#fits.add(text.id.slice('text-'.length));
      fitted = true;
    }
    if (fitted) this.#host.requestUpdate();
  }

  /** `text` in a paragraph (`id="text-<key>"`), clamped with a "More" toggle when it is long. */
  render(
    key: string,
    text: string,
    className: string,
    part: string,
    labels: { more: string; less: string },
  ): TemplateResult {
    const long = text.length > CLAMP_CHARS && !this.#fits.has(key);
    const open = this.#expanded.has(key);
    const id = `text-${key}`;
    // No whitespace inside the <p>: it keeps line breaks (pre-line) for multi-paragraph text.
    return html`<p id=${id} dir="auto" part=${part} class="${className} ${long && !open ? 'clamped' : ''}">${text}</p>
      ${long
        ? html`<button
            class="link"
            part="button more-button"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${id}
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
