/** The persona search index on its own (used by `<persona-grid>`). */
export { FIELD_WEIGHTS, PersonaIndex, editDistance, fold, tokenize, type SearchHit } from './persona-index.js';
