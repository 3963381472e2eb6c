/** Persona errors in words: what failed, for people. */
import type { PersonaError } from '../data/errors.js';
import { coreStrings, type FormatNumber, type PersonaStrings } from './strings.js';

/**
 * A short sentence for people, saying what failed: in English, or in the given
 * strings (an element's `strings.common`) with numbers formatted by `num`.
 */
export function describePersonaError(
  error: PersonaError,
  strings: PersonaStrings['common'] = coreStrings.common,
  num: FormatNumber = String,
): string {
  switch (error.kind) {
    case 'timeout':
      return strings.timeout;
    case 'network':
      return strings.network;
    case 'http':
      if (error.status === 429) return strings.busy(error.retryAfter ? strings.wait(error.retryAfter, num) : undefined);
      if (error.status === 404) return strings.notFound404;
      if (error.status === 401 || error.status === 403) return strings.refused(error.status);
      return strings.failed(error.status);
    case 'data':
      return strings.data;
    case 'not-found':
      return error.message;
    case 'config':
      return strings.noEndpoint;
  }
}

/** "30 seconds", "5 minutes", "2 hours": how long to wait, for people (in English). */
export function formatWait(seconds: number): string {
  return coreStrings.common.wait(seconds, String);
}
