/**
 * persona-widgets/data.js: the data layer on its own, for hosts and servers
 * that read or check persona data without the elements. The endpoint contract
 * (wire schemas, parser, persona types), the shared client, its error, the
 * exports, and the contribution contract.
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
export { PersonaError, type PersonaErrorKind, type PersonaErrorOptions } from './errors.js';
export { parseCollection, parsePersona } from './parse.js';
export { collectionWireSchema, personaWireSchema } from './schema.js';
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
  personaToJson,
  personaToMarkdown,
  personasToCsv,
  personasToJson,
  personasToMarkdown,
  type MarkdownLabels,
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
// The strings table's type, which `MarkdownLabels` picks from (the values are in the main entry).
export type { FormatNumber, PersonaStrings } from '../i18n/strings.js';
