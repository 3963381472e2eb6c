import { nothing, type LitElement, type TemplateResult } from 'lit';
import type { Persona } from '../../data/types.js';
import type { CardEditor, EditorOptions } from './persona-card.dialog.js';
import type { EditKind } from './persona-card.sections.js';

/**
 * The suggest-an-edit dialog of a card. All of it but this (template, styles, opening and
 * closing, and the form) is loaded on first use (persona-card.dialog.ts), so a page of
 * read-only cards never pays for it.
 */
export class SuggestEditController implements CardEditor {
  readonly host: LitElement;
  /** The dialog's code, once loaded. */
  dialog?: typeof import('./persona-card.dialog.js');
  /** The field being edited ('' for the whole persona), while the dialog is open. */
  editing?: { field: string; kind: EditKind };
  /** The button that opened the dialog: focus goes back to it. */
  opener?: HTMLElement;

  constructor(host: LitElement) {
    this.host = host;
  }

  /** Opens the dialog for `field` ('' for the whole persona) from the clicked button. */
  open = async (event: Event, field: string, kind: EditKind): Promise<void> => {
    const opener = event.currentTarget as HTMLElement;
    await (this.dialog ??= await import('./persona-card.dialog.js')).openDialog(this, opener, field, kind);
  };

  /** The dialog, once loaded (it stays, closed, between openings). */
  render(persona: Persona, options: EditorOptions): TemplateResult | typeof nothing {
    return this.dialog ? this.dialog.renderDialog(this, persona, options) : nothing;
  }
}
