import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PersonaField } from '../../data/contribution.js';
import type { Persona } from '../../data/types.js';
import type { PersonaStrings, PersonaStringsOverride } from '../../i18n/strings.js';
import type { EditKind } from './persona-card.sections.js';

type EditorHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The dialog on any screen: it fits the viewport, and only its body scrolls, so the title
 * and × stay in view (also under a tall error after a failed send). The form inside drops
 * its own box: the dialog is the box, and the inputs get the width.
 */
export const editorStyles = css`
  dialog {
    width: min(640px, calc(100vw - 16px));
    max-height: calc(100vh - 16px);
    max-height: calc(100dvh - 16px);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog:focus {
    outline: none;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .dialog-header {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 12px;
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .dialog-body {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_space);
  }
  .dialog-body contribute-form::part(base) {
    border: 0;
    border-radius: 0;
    padding: 0;
    background: none;
  }
  .dialog-title {
    margin: 0;
    font-size: 1.125rem;
  }
  .dialog-subtitle {
    display: block;
    font-size: 0.875rem;
    font-weight: 400;
    color: var(--_muted);
  }
  button.close {
    font-size: 1.25rem;
    line-height: 1;
    min-width: 32px;
  }
`;

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
 * first use, about the card's persona (fixed: no other persona, no "New persona"). Focus
 * goes to the first input that needs something, not to ×. Escape closes it (the dialog's
 * own behaviour); closing returns focus to the button that opened it.
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
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // showModal() focused ×; the dialog holds focus (announcing its title) until the form is there.
    dialog.focus();
    // The form is loaded on first use, so a page of read-only cards never pays for it.
    await import('../contribute-form/contribute-form.define.js');
    const form = dialog.querySelector('contribute-form');
    await form?.updateComplete;
    const active = (this.#host.renderRoot as ShadowRoot).activeElement;
    if (dialog.open && (active === dialog || active?.matches('.close'))) form?.focus();
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
    return html`<dialog part="dialog" aria-labelledby="editor-title" tabindex="-1" @close=${this.#onClosed}>
      <div class="dialog-header">
        <h2 id="editor-title" class="dialog-title">
          ${card.suggestEdit}${label ? html`: ${label}` : nothing}
          <span class="dialog-subtitle" dir="auto">${persona.name}</span>
        </h2>
        <button part="button close-button" class="close" aria-label=${card.close} @click=${this.#close}>×</button>
      </div>
      <div class="dialog-body">
        ${editing
          ? html`<contribute-form
              .strings=${options.overrides}
              action=${options.action}
              src=${options.src}
              persona-id=${persona.pid}
              .persona=${persona}
              fixed-persona
              field=${editing.field}
              kind=${editing.kind}
              theme=${options.theme}
            ></contribute-form>`
          : nothing}
      </div>
    </dialog>`;
  }
}
