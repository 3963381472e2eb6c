import { defineElement } from '../../internal/define-element.js';
import { ContributeForm } from './contribute-form.js';

export { ContributeForm };

defineElement('contribute-form', ContributeForm);

declare global {
  interface HTMLElementTagNameMap {
    'contribute-form': ContributeForm;
  }
  interface HTMLElementEventMap {
    'contribute-submit': CustomEvent<import('./contribute-form.js').ContributeSubmitDetail>;
    'contribute-success': CustomEvent<import('./contribute-form.js').ContributeSuccessDetail>;
    'contribute-error': CustomEvent<import('./contribute-form.js').ContributeErrorDetail>;
  }
}
