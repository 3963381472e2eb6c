/**
 * The pieces the bench times on their own (bench/run.mjs, grid diagnostics):
 * the parser and the grid's search index. They are internal, not in the
 * public bundle, so the bench server bundles this entry with esbuild.
 */
export { parseCollection } from '../src/data/parse.js';
export { PersonaIndex } from '../src/search/persona-index.js';
