import { defineElement } from '../../internal/define-element.js';
import { ContributionReview } from './contribution-review.js';

export { ContributionReview };

defineElement('contribution-review', ContributionReview);

declare global {
  interface HTMLElementTagNameMap {
    'contribution-review': ContributionReview;
  }
  interface HTMLElementEventMap {
    'review-decision': CustomEvent<import('./contribution-review.js').ReviewDecisionDetail>;
    'review-error': CustomEvent<import('./contribution-review.js').ReviewErrorDetail>;
  }
}
