/**
 * Imported first by the card's entry: the endpoints of the cards already on the
 * page are requested before the card's code is evaluated. Empty in the one-script-tag
 * bundle, whose autoloader has requested them already (vite.config.ts).
 */
import { CARD_FETCHES_AT_ONCE, prefetchFor } from './early.js';

prefetchFor(CARD_FETCHES_AT_ONCE, ['persona-card']);
