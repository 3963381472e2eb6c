// First: the cards' data requests start before the rest of this entry is evaluated.
import '../../autoload/early-cards.js';
import { defineElement } from '../../internal/define-element.js';
import { PersonaCard } from './persona-card.js';

export { PersonaCard };

defineElement('persona-card', PersonaCard);

declare global {
  interface HTMLElementTagNameMap {
    'persona-card': PersonaCard;
  }
  interface HTMLElementEventMap {
    'persona-load': CustomEvent<import('./persona-card.js').PersonaLoadDetail>;
    'persona-error': CustomEvent<import('./persona-card.js').PersonaErrorDetail>;
  }
}
