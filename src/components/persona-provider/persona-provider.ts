import { provide } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { personaClient } from '../../data/client.js';
import { personaProviderContext, type PersonaProviderContext } from '../../controllers/provider-context.js';
import { resolveUrl } from '../../data/url.js';
import { stringsConverter } from '../../controllers/localize.js';
import type { PersonaStringsOverride } from '../../i18n/strings.js';
import { VERSION } from '../../version.js';

/**
 * Shares one endpoint with every persona element inside it, so a page sets
 * `src` once and the collection is fetched once for the whole subtree.
 *
 * @summary Provides a persona endpoint and contribution endpoint to descendants.
 * @tag persona-provider
 * @slot - Persona elements (at any depth) that should use this endpoint.
 */
export class PersonaProvider extends LitElement {
  static version = VERSION;

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * URL of the persona collection for every element inside that has no `src` of its own.
   * @attr src
   */
  @property({ reflect: true }) src?: string;

  /**
   * URL contributions are POSTed to; enables "Suggest an edit" in the cards inside.
   * @attr contribute-action
   */
  @property({ attribute: 'contribute-action', reflect: true }) contributeAction?: string;

  /**
   * Strings for every element inside (any part of the `PersonaStrings` table; nested groups
   * may be partial). An element's own `strings` win over these, these over `setDefaultStrings()`.
   * As an attribute: JSON of plain-text keys only, e.g. `strings='{"card":{"more":"Mehr"}}'`.
   * @prop strings
   * @attr strings
   */
  @property({ attribute: 'strings', converter: stringsConverter }) strings?: PersonaStringsOverride;

  @provide({ context: personaProviderContext })
  protected context?: PersonaProviderContext;

  override willUpdate(): void {
    const context: PersonaProviderContext = {};
    const src = resolveUrl(this.src);
    const contributeAction = resolveUrl(this.contributeAction);
    if (src) context.src = src;
    if (contributeAction) context.contributeAction = contributeAction;
    if (this.strings) context.strings = this.strings;
    if (
      context.src !== this.context?.src ||
      context.contributeAction !== this.context?.contributeAction ||
      context.strings !== this.context?.strings
    ) {
      this.context = context;
    }
    // Start the request now, before the children ask for it.
    if (context.src) personaClient.source(context.src).load().catch(() => {});
  }

  override render() {
    return html`<slot></slot>`;
  }
}
