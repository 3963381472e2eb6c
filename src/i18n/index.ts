/** Localisation: the strings table (English) and its types. */
export { defaultStrings, type FormatNumber, type PersonaStrings, type PersonaStringsOverride } from './strings.js';
