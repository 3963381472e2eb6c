import { defineElement } from '../../internal/define-element.js';
import '../persona-card/persona-card.define.js';
import { PersonaGrid } from './persona-grid.js';

export { PersonaGrid };

defineElement('persona-grid', PersonaGrid);

declare global {
  interface HTMLElementTagNameMap {
    'persona-grid': PersonaGrid;
  }
  interface HTMLElementEventMap {
    'persona-select': CustomEvent<import('./persona-grid.js').PersonaSelectDetail>;
    'persona-grid-change': CustomEvent<import('./persona-grid.js').PersonaGridChangeDetail>;
    'persona-grid-load': CustomEvent<import('./persona-grid.js').PersonaGridLoadDetail>;
  }
}
