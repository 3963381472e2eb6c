/**
 * Imported first by the card's entry: the endpoints of the cards already on the
 * page are requested before the card's code is evaluated.
 */
import { prefetchFor } from './early.js';

prefetchFor(['persona-card']);
