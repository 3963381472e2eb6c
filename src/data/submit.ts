/**
 * Sending a contribution: one POST through the same client settings (`fetch`,
 * `credentials`, `maxBytes`) as the reads. Its own module so that a page of cards,
 * which only reads, never downloads it.
 */
import { httpError, readText, request, type PersonaClientOptions } from './client.js';
import { isRecord, own } from './json.js';

/** The client settings a submission uses (a `PersonaClient`'s `options`). */
type SubmitSettings = Pick<PersonaClientOptions, 'fetch' | 'credentials' | 'timeout' | 'maxBytes'>;

/** What {@link submitJson} takes besides the body. */
export interface SubmitOptions {
  /** Sent as `Idempotency-Key`: a retry of the same contribution sends the same key. */
  idempotencyKey: string;
  /** Aborts the request. */
  signal?: AbortSignal;
  /** Milliseconds before the request counts as timed out (default: the client's `timeout`). */
  timeout?: number;
}

/**
 * POSTs `body` as JSON to `url` with `Idempotency-Key: options.idempotencyKey`, once (a retry is
 * the caller's to make, with the same key), through `client`'s `fetch` and `credentials` (a
 * `PersonaClient`, e.g. the shared `personaClient`).
 * @returns The 2xx status and the answer's JSON (undefined if none was readable within the client's `maxBytes`).
 * @throws PersonaError of kind `network` or `timeout` when no answer came, `http` for a
 * non-2xx answer (with `status`, `retryAfter`, and the answer's field `errors` in `details`).
 */
export async function submitJson(
  client: { options: SubmitSettings },
  url: string,
  body: unknown,
  options: SubmitOptions,
): Promise<{ status: number; body: unknown }> {
  const timeout = Math.max(0, options.timeout ?? client.options.timeout);
  const init: RequestInit = {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Idempotency-Key': options.idempotencyKey,
    },
    body: JSON.stringify(body),
  };
  return request(client.options, url, init, timeout, options.signal, async (response, signal) => {
    // An answer that cannot be read (not JSON, too large, cut off) still has its status.
    let answer: unknown;
    try {
      const text = await readText(response, client.options.maxBytes, url, signal, timeout);
      answer = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      answer = undefined;
    }
    if (response.ok) return { status: response.status, body: answer };
    throw httpError(url, response, errorsOf(answer));
  });
}

/** The `{ errors: { name: message } }` map of an answer (non-empty string messages, trimmed), or undefined. */
function errorsOf(body: unknown): Record<string, string> | undefined {
  const errors = isRecord(body) ? own(body, 'errors') : undefined;
  if (!isRecord(errors)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (typeof message === 'string' && message.trim()) out[key] = message.trim();
  }
  return Object.keys(out).length ? out : undefined;
}
