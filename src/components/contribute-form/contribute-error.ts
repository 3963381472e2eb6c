/** The public types of `<contribute-form>`'s events, and its error (re-exported by contribute-form.ts). */
import type { Contribution, ContributionErrors } from '../../data/contribution.js';
import type { DraftValues } from './contribute-draft.js';

/** Why a contribution was not accepted. */
export type ContributeErrorKind =
  /** The server answered 400/422 with field errors (see `errors`), or the host reported them. */
  | 'invalid'
  /** The server answered another non-2xx status (see `status`, and `retryAfter` for 429/503). */
  | 'http'
  /** No answer within the form's `timeout`. */
  | 'timeout'
  /** The request failed and the browser reports being offline. */
  | 'offline'
  /** The request never got an answer (unreachable, DNS, CORS, connection reset). */
  | 'network'
  /** The host handled `contribute-submit` and called `markFailed()`. */
  | 'host'
  /** No `action` and no host handling `contribute-submit`. */
  | 'config';

/**
 * The error in `contribute-error`'s detail. When the send itself failed (`http`, `timeout`,
 * `offline`, `network`, and a server's `invalid`), `cause` is the client's `PersonaError`.
 */
export class ContributeError extends Error {
  override readonly name = 'ContributeError';
  readonly kind: ContributeErrorKind;
  /** HTTP status, for `http` and server-side `invalid`. */
  readonly status?: number;
  /** Seconds the server asked to wait (`Retry-After`). */
  readonly retryAfter?: number;
  /** Messages by input name, for `invalid`. */
  readonly errors?: ContributionErrors;

  constructor(
    kind: ContributeErrorKind,
    message: string,
    options: { status?: number; retryAfter?: number; errors?: ContributionErrors; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.errors = options.errors;
  }
}

/** Detail of `contribute-submit`. */
export interface ContributeSubmitDetail {
  /** The validated, normalised payload, exactly as it would be POSTed. */
  contribution: Contribution;
  /** The `Idempotency-Key` of this draft: the same for every retry of the same content. */
  idempotencyKey: string;
}

/** Detail of `contribute-success`. */
export interface ContributeSuccessDetail {
  contribution: Contribution;
  /** The server's JSON answer (undefined when it sent none), or what the host passed to `markSubmitted()`. */
  response: unknown;
}

/** Detail of `contribute-error`. */
export interface ContributeErrorDetail {
  contribution: Contribution;
  error: ContributeError;
}

/** Values of the form's inputs, by input name. */
export type ContributeFormValues = DraftValues;
