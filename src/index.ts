/**
 * persona-widgets: the element classes and the data API. Importing this
 * module registers nothing; import `persona-widgets/define.js` (all tags) or
 * `persona-widgets/persona-card.js` (one tag) for that.
 *
 * Every public name is listed here (no `export *`): what is not here is
 * internal and may change in any release. `etc/persona-widgets.api.md` is the
 * report of this surface; CI fails when it differs from the build.
 */

// The elements, and the details of the events they fire.
export { PersonaCard, type PersonaErrorDetail, type PersonaLoadDetail } from './components/persona-card/persona-card.js';
export {
  PersonaGrid,
  type PersonaGridChangeDetail,
  type PersonaGridLoadDetail,
  type PersonaSelectDetail,
} from './components/persona-grid/persona-grid.js';
export type { GridQuery } from './components/persona-grid/grid-view.js';
export {
  ContributeForm,
  ContributeError,
  type ContributeErrorDetail,
  type ContributeErrorKind,
  type ContributeSubmitDetail,
  type ContributeSuccessDetail,
} from './components/contribute-form/contribute-form.js';
export { PersonaProvider } from './components/persona-provider/persona-provider.js';
// <contribution-review> is for moderators: its class comes from persona-widgets/contribution-review.js
// (types only here, so neither the script-tag bundle nor the other entries carry it).
export type {
  ContributionReview,
  ReviewDecisionDetail,
  ReviewEntry,
  ReviewErrorDetail,
  ReviewStrings,
} from './components/contribution-review/contribution-review.js';
export type { PersonaProviderContext } from './controllers/provider-context.js';

// Strings: the English table and page-wide defaults.
export { defaultStrings, type FormatNumber, type PersonaStrings, type PersonaStringsOverride } from './i18n/index.js';
export { setDefaultStrings } from './controllers/localize.js';
export { describePersonaError } from './i18n/errors.js';
export type { DeepPartial } from './i18n/strings.js';

// The data API: everything persona-widgets/data.js exports (a curated list, see src/data/index.ts).
export * from './data/index.js';

export { VERSION } from './version.js';
