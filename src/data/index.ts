/** The data layer on its own: contract, parser and shared client. */
export * from './client.js';
export {
  CONTRIBUTION_KINDS,
  PERSONA_FIELDS,
  contributionSchema,
  validateContribution,
  type Contribution,
  type ContributionKind,
  type ContributionValidation,
  type PersonaField,
} from './contribution.js';
export * from './errors.js';
export {
  personaToJson,
  personaToMarkdown,
  personasToCsv,
  personasToJson,
  personasToMarkdown,
} from './export.js';
export { appIdFromName, appNameFromId, cleanText, parseCollection, parsePersona } from './parse.js';
export { collectionWireSchema, personaWireSchema } from './schema.js';
export type * from './types.js';
export { resolveUrl, safeUrl } from './url.js';
