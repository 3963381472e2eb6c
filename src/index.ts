/**
 * persona-widgets: the element classes and the data API. Importing this
 * module registers nothing; import `persona-widgets/define.js` (all tags) or
 * `persona-widgets/persona-card.js` (one tag) for that.
 */
export { PersonaCard } from './components/persona-card/persona-card.js';
export { PersonaProvider } from './components/persona-provider/persona-provider.js';
export * from './data/index.js';
export { VERSION } from './version.js';
