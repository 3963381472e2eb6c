import { createContext } from '@lit/context';
import type { PersonaStringsOverride } from '../i18n/strings.js';

/** What a `<persona-provider>` shares with the elements inside it. */
export interface PersonaProviderContext {
  /** Absolute URL of the persona collection. */
  src?: string;
  /** Absolute URL contributions are POSTed to. */
  contributeAction?: string;
  /** Strings for the elements inside (over the page's defaults, under each element's own). */
  strings?: PersonaStringsOverride;
}

export const personaProviderContext = createContext<PersonaProviderContext | undefined>(
  Symbol.for('persona-widgets:provider'),
);
