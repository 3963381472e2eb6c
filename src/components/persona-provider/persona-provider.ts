import { provide } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { personaClient } from '../../data/client.js';
import { personaProviderContext, type PersonaProviderContext } from '../../data/context.js';
import { resolveUrl } from '../../data/url.js';
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

  @provide({ context: personaProviderContext })
  protected context?: PersonaProviderContext;

  override willUpdate(): void {
    const context: PersonaProviderContext = {};
    const src = resolveUrl(this.src);
    const contributeAction = resolveUrl(this.contributeAction);
    if (src) context.src = src;
    if (contributeAction) context.contributeAction = contributeAction;
    if (context.src !== this.context?.src || context.contributeAction !== this.context?.contributeAction) {
      this.context = context;
    }
    // Start the request now, before the children ask for it.
    if (context.src) personaClient.source(context.src).load().catch(() => {});
  }

  override render() {
    return html`<slot></slot>`;
  }
}
