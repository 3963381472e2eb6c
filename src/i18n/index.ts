/** Localisation: the strings table (English) and its types. */
import { formStrings } from './form-strings.js';
import { gridStrings } from './grid-strings.js';
import { coreStrings, type PersonaStrings } from './strings.js';

export type { FormatNumber, PersonaStrings, PersonaStringsOverride } from './strings.js';

/** The English strings of every element, the last fallback. */
export const defaultStrings: PersonaStrings = { ...coreStrings, grid: gridStrings, form: formStrings };
