/**
 * persona-widgets: the element classes and the data API. Importing this
 * module registers nothing; import `persona-widgets/define.js` (all tags) or
 * `persona-widgets/persona-card.js` (one tag) for that.
 */
export { PersonaCard } from './components/persona-card/persona-card.js';
export type { PersonaErrorDetail, PersonaLoadDetail } from './components/persona-card/persona-card.js';
export {
  ContributeForm,
  ContributeError,
} from './components/contribute-form/contribute-form.js';
export type {
  ContributeErrorKind,
  ContributeSubmitDetail,
  ContributeSuccessDetail,
  ContributeErrorDetail,
  ContributeFormValues,
} from './components/contribute-form/contribute-form.js';
export { PersonaGrid } from './components/persona-grid/persona-grid.js';
export type {
  PersonaGridChangeDetail,
  PersonaGridLoadDetail,
  PersonaSelectDetail,
} from './components/persona-grid/persona-grid.js';
export type { SortOrder, GridQuery } from './components/persona-grid/grid-view.js';
export { PersonaIndex, fold, tokenize, type SearchHit } from './search/index.js';
export { PersonaProvider } from './components/persona-provider/persona-provider.js';
export { defaultStrings, type FormatNumber, type PersonaStrings, type PersonaStringsOverride } from './i18n/index.js';
export { setDefaultStrings } from './controllers/localize.js';
export { personaProviderContext, type PersonaProviderContext } from './controllers/provider-context.js';
export * from './data/index.js';
export { VERSION } from './version.js';
