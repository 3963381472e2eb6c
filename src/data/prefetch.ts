/**
 * Endpoint requests started before the elements' code has arrived (by the
 * autoloader or a per-element entry, see src/autoload/early.ts), handed to the
 * client when it makes that request. Shared through the global object, like
 * the page's strings, so any copy of the library on the page can use them.
 */

/** By absolute URL: the early response, or `taken` once the client has made its own first request. */
type EarlyRequests = Map<string, Promise<Response> | 'taken'>;

const early = ((globalThis as Record<symbol, unknown>)[Symbol.for('persona-widgets:prefetch')] ??= new Map()) as EarlyRequests;

/** The client's GET of a page (its headers are the client's; `credentials` its default). */
export const EARLY_REQUEST: RequestInit = { headers: { Accept: 'application/json' }, credentials: 'same-origin' };

/** Starts the client's first GET of `url` now, unless it has been started already. */
export function prefetch(url: string): void {
  if (early.has(url)) return;
  const response = fetch(url, EARLY_REQUEST);
  response.catch(() => {}); // A failure is the client's to report, when it takes the response.
  early.set(url, response);
}

/** The early response for `url`, if one was started and not taken yet; from now on the client's requests are its own. */
export function takePrefetched(url: string): Promise<Response> | undefined {
  const response = early.get(url);
  early.set(url, 'taken');
  return response === 'taken' ? undefined : response;
}
