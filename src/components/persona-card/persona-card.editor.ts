import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PersonaField } from '../../data/contribution.js';
import type { Persona } from '../../data/types.js';
import type { PersonaStrings, PersonaStringsOverride } from '../../i18n/strings.js';
import type { EditKind } from './persona-card.sections.js';

type EditorHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the dialog's `<contribute-form>` is given, from the card. */
export interface EditorOptions {
  strings: PersonaStrings;
  /** The card's own `strings` override, passed on to the form. */
  overrides: PersonaStringsOverride | undefined;
  /** URL the contribution is POSTed to. */
  action: string;
  /** The persona endpoint ('' when the persona was set from JavaScript). */
  src: string;
  theme: string;
}

/**
 * The suggest-an-edit dialog: a modal `<dialog>` holding a `<contribute-form>`, loaded on
 * first use. Escape closes it (the dialog's own behaviour); closing returns focus to the
 * button that opened it.
 */
export class SuggestEditController {
  readonly #host: EditorHost;
  /** The field being edited ('' for the whole persona), while the dialog is open. */
  #editing?: { field: string; kind: EditKind };
  #opener?: HTMLElement;

  constructor(host: EditorHost) {
    this.#host = host;
  }

  /** Opens the dialog for `field` ('' for the whole persona) from the clicked button. */
  open = async (event: Event, field: string, kind: EditKind): Promise<void> => {
    this.#opener = event.currentTarget as HTMLElement;
    this.#editing = { field, kind };
    this.#host.requestUpdate();
    // Only microtasks until showModal(), so a late `close` from a previous opening cannot interleave.
    await this.#host.updateComplete;
    const dialog = this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    // The form is loaded on first use, so a page of read-only cards never pays for it.
    await import('../contribute-form/contribute-form.define.js');
  };

  #close = () => {
    this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
  };

  #onClosed = (event: Event) => {
    // `close` arrives a task later; the dialog may have been opened again meanwhile.
    if ((event.target as HTMLDialogElement).open) return;
    if (this.#editing) {
      this.#editing = undefined;
      this.#host.requestUpdate();
    }
    this.#opener?.focus();
  };

  render(persona: Persona, options: EditorOptions): TemplateResult {
    const { fields, card } = options.strings;
    const editing = this.#editing;
    const label = editing?.field ? fields[editing.field as PersonaField] ?? editing.field : '';
    return html`<dialog part="dialog" aria-labelledby="editor-title" @close=${this.#onClosed}>
      <div class="dialog-header">
        <h2 id="editor-title" class="dialog-title">
          ${card.suggestEdit}${label ? html`: ${label}` : nothing}
          <span class="dialog-subtitle" dir="auto">${persona.name}</span>
        </h2>
        <button part="button close-button" class="close" aria-label=${card.close} @click=${this.#close}>×</button>
      </div>
      ${editing
        ? html`<contribute-form
            .strings=${options.overrides}
            action=${options.action}
            src=${options.src}
            persona-id=${persona.pid}
            field=${editing.field}
            kind=${editing.kind}
            theme=${options.theme}
          ></contribute-form>`
        : nothing}
    </dialog>`;
  }
}
