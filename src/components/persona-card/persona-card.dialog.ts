/**
 * The suggest-an-edit dialog's template and styles, loaded with `<contribute-form>` the
 * first time a card opens it (SuggestEditController), so a page of read-only cards never
 * pays for them.
 */
import { adoptStyles, css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import '../contribute-form/contribute-form.define.js';
import type { PersonaField } from '../../data/contribution.js';
import type { Persona } from '../../data/types.js';
import type { PersonaStrings, PersonaStringsOverride } from '../../i18n/strings.js';
import type { EditKind } from './persona-card.sections.js';

/**
 * The dialog on any screen: it fits the viewport, and only its body scrolls, so the title
 * and × stay in view (also under a tall error after a failed send). The form inside drops
 * its own box: the dialog is the box, and the inputs get the width.
 */
export const dialogStyles = css`
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

/** The card's side of the dialog (SuggestEditController, which loads this module). */
export interface CardEditor {
  readonly host: LitElement;
  /** The field being edited ('' for the whole persona), while the dialog is open. */
  editing?: { field: string; kind: EditKind } | undefined;
  /** The button that opened the dialog: focus goes back to it. */
  opener?: HTMLElement | undefined;
}

/** Cards whose shadow root has the dialog's styles. */
const styled = new WeakSet<LitElement>();

const dialogOf = (editor: CardEditor) => editor.host.renderRoot.querySelector('dialog');

/**
 * Opens the modal dialog about `field` ('' for the whole persona). Focus goes to the first
 * input that needs something, not to ×. Escape closes it (the dialog's own behaviour);
 * closing returns focus to `opener`.
 */
export async function openDialog(editor: CardEditor, opener: HTMLElement, field: string, kind: EditKind): Promise<void> {
  const { host } = editor;
  if (!styled.has(host)) {
    styled.add(host);
    adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof LitElement).elementStyles, dialogStyles]);
  }
  editor.opener = opener;
  editor.editing = { field, kind };
  host.requestUpdate();
  // Only microtasks until showModal(), so a late `close` from a previous opening cannot interleave.
  await host.updateComplete;
  const dialog = dialogOf(editor);
  if (!dialog?.isConnected) return;
  if (!dialog.open) dialog.showModal();
  // showModal() focused ×; the dialog holds focus (announcing its title) until the form has rendered.
  dialog.focus();
  const form = dialog.querySelector('contribute-form');
  await form?.updateComplete;
  const active = (host.renderRoot as ShadowRoot).activeElement;
  if (dialog.open && (active === dialog || active?.matches('.close'))) form?.focus();
}

function closed(editor: CardEditor, event: Event): void {
  // `close` arrives a task later; the dialog may have been opened again meanwhile.
  if ((event.target as HTMLDialogElement).open) return;
  if (editor.editing) {
    editor.editing = undefined;
    editor.host.requestUpdate();
  }
  editor.opener?.focus();
}

/** The dialog: a header (title, ×) that stays, and a body that scrolls, holding the form. */
export function renderDialog(editor: CardEditor, persona: Persona, options: EditorOptions): TemplateResult {
  const { fields, card } = options.strings;
  const { editing } = editor;
  const label = editing?.field ? fields[editing.field as PersonaField] ?? editing.field : '';
  return html`<dialog part="dialog" aria-labelledby="editor-title" tabindex="-1" @close=${(event: Event) => closed(editor, event)}>
    <div class="dialog-header">
      <h2 id="editor-title" class="dialog-title">
        ${card.suggestEdit}${label ? html`: ${label}` : nothing}
        <span class="dialog-subtitle" dir="auto">${persona.name}</span>
      </h2>
      <button part="button close-button" class="close" aria-label=${card.close} @click=${() => dialogOf(editor)?.close()}>×</button>
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
