/**
 * Imported first by the card's entry: the endpoints of the cards already on the
 * page are requested before the card's code is evaluated.
 */
import { CARD_FETCHES_AT_ONCE, prefetchFor } from './early.js';

prefetchFor(CARD_FETCHES_AT_ONCE, ['persona-card']);
