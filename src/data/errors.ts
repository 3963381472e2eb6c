/**
 * What can go wrong getting persona data, as one typed error the elements
 * turn into a human message.
 */
export type PersonaErrorKind =
  /** The request never got an answer (offline, DNS, CORS, connection reset). */
  | 'network'
  /** No answer within the client's timeout. */
  | 'timeout'
  /** The endpoint answered with a non-2xx status. */
  | 'http'
  /** The answer was not persona data (not JSON, wrong shape, too large). */
  | 'data'
  /** The endpoint has no persona with the requested id. */
  | 'not-found'
  /** No endpoint is configured for the element. */
  | 'config';

export interface PersonaErrorOptions {
  url?: string;
  status?: number;
  /** Seconds the server asked us to wait (HTTP `Retry-After`). */
  retryAfter?: number;
  cause?: unknown;
}

export class PersonaError extends Error {
  override readonly name = 'PersonaError';
  readonly kind: PersonaErrorKind;
  readonly url?: string;
  readonly status?: number;
  readonly retryAfter?: number;

  constructor(kind: PersonaErrorKind, message: string, options: PersonaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.url = options.url;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
  }
}

/** Wraps anything thrown into a PersonaError, keeping the original as `cause`. */
export function toPersonaError(error: unknown, url?: string): PersonaError {
  if (error instanceof PersonaError) return error;
  return new PersonaError('network', 'The persona data could not be loaded.', { url, cause: error });
}

/** A short sentence for people, saying what failed. */
export function describePersonaError(error: PersonaError): string {
  switch (error.kind) {
    case 'timeout':
      return 'The persona endpoint took too long to answer.';
    case 'network':
      return 'The persona endpoint could not be reached. Check your connection.';
    case 'http':
      if (error.status === 429) {
        return error.retryAfter
          ? `The persona endpoint is busy. Try again in ${formatWait(error.retryAfter)}.`
          : 'The persona endpoint is busy. Try again in a moment.';
      }
      if (error.status === 404) return 'The persona endpoint was not found (HTTP 404).';
      if (error.status === 401 || error.status === 403)
        return `The persona endpoint refused access (HTTP ${error.status}).`;
      return `The persona endpoint failed (HTTP ${error.status ?? 'error'}).`;
    case 'data':
      return 'This endpoint did not return persona data.';
    case 'not-found':
      return error.message;
    case 'config':
      return 'No persona endpoint is configured.';
  }
}

/** "30 seconds", "5 minutes", "2 hours": how long to wait, for people. */
export function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.ceil(seconds))} seconds`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}
