import { createContext } from '@lit/context';

/** What a `<persona-provider>` shares with the elements inside it. */
export interface PersonaProviderContext {
  /** Absolute URL of the persona collection. */
  src?: string;
  /** Absolute URL contributions are POSTed to. */
  contributeAction?: string;
}

export const personaProviderContext = createContext<PersonaProviderContext | undefined>(
  Symbol.for('persona-widgets:provider'),
);
