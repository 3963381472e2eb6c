import { defineElement } from '../../internal/define-element.js';
import { PersonaProvider } from './persona-provider.js';

export { PersonaProvider };

defineElement('persona-provider', PersonaProvider);

declare global {
  interface HTMLElementTagNameMap {
    'persona-provider': PersonaProvider;
  }
}
