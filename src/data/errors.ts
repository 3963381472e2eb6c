/**
 * What can go wrong getting persona data, as one typed error: a kind and its
 * details. Elements turn it into words (src/i18n/errors.ts).
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

/** What a {@link PersonaError} knows besides its kind and message. */
export interface PersonaErrorOptions {
  url?: string;
  status?: number;
  /** Seconds the server asked us to wait (HTTP `Retry-After`). */
  retryAfter?: number;
  /**
   * What a non-2xx answer said, as data for the caller's code (never shown as is):
   * `errors` is its `{ errors: { name: message } }` map, if it had one.
   */
  details?: { errors?: Readonly<Record<string, string>> };
  cause?: unknown;
}

/**
 * The one error of the data layer: `kind` says what went wrong; `url`, `status`
 * and `retryAfter` say where and how. The elements' `persona-error` events carry it.
 */
export class PersonaError extends Error {
  override readonly name = 'PersonaError';
  readonly kind: PersonaErrorKind;
  readonly url?: string;
  readonly status?: number;
  readonly retryAfter?: number;
  /** What an `http` answer said (its field `errors`), when it said anything usable. */
  readonly details?: PersonaErrorOptions['details'];

  constructor(kind: PersonaErrorKind, message: string, options: PersonaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.url = options.url;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.details = options.details;
  }
}

/** Wraps anything thrown into a PersonaError, keeping the original as `cause`. */
export function toPersonaError(error: unknown, url?: string): PersonaError {
  if (error instanceof PersonaError) return error;
  return new PersonaError('network', 'The persona data could not be loaded.', { url, cause: error });
}
