/** Localisation: the strings table, page-wide defaults, and how elements resolve them. */
export { defaultStrings, type FormatNumber, type PersonaStrings, type PersonaStringsOverride } from './strings.js';
export { setDefaultStrings } from './localize.js';
