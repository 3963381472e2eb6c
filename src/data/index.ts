/**
 * persona-widgets/data.js: the data layer on its own, for hosts and servers
 * that read or check persona data without the elements. The endpoint contract
 * (the field model, wire schemas, parser, persona types), the shared client and `submitJson`,
 * its error, the exports, and the contribution contract. It imports no UI
 * code and no strings (`npm run lint:deps` keeps it so).
 *
 * Every name is listed: what is not here is internal and may change in any
 * release. `etc/persona-widgets-data.api.md` is the report of this surface.
 */
export {
  personaClient,
  PersonaClient,
  PersonaSource,
  type PersonaClientOptions,
  type PersonaCollection,
  type PersonaSourceListener,
  type PagingStop,
  type SourceState,
} from './client.js';
export { submitJson, type SubmitOptions } from './submit.js';
export { PersonaError, type PersonaErrorKind, type PersonaErrorOptions } from './errors.js';
export { parseCollection, parsePersona, type RawPage } from './parse.js';
export {
  PERSONA_FIELD_MODEL,
  PROFILE_ROWS,
  collectionWireSchema,
  personaSchema,
  personaWireSchema,
  type FieldGroup,
  type FieldKind,
  type PersonaKey,
} from './schema.js';
export { SORT_ORDERS, type SortOrder } from './query.js';
export type {
  Persona,
  PersonaListItem,
  PersonaMetric,
  PersonaPage,
  PersonaProfile,
  PersonaTool,
  PersonaWorkflowStep,
  SkippedRecord,
} from './types.js';
export {
  fieldToText,
  personaToJson,
  personaToMarkdown,
  personasToCsv,
  personasToJson,
  personasToMarkdown,
  type ExportLabels,
} from './export.js';
export {
  CONTRIBUTION_KINDS,
  PERSONA_FIELDS,
  contributionSchema,
  validateContribution,
  type Contribution,
  type ContributionBase,
  type ContributionErrors,
  type ContributionInput,
  type ContributionKind,
  type ContributionValidation,
  type Contributor,
  type PersonaField,
} from './contribution.js';
