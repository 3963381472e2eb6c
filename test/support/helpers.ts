/** Helpers for talking to the test endpoint in `endpoint.mjs`. */

let counter = 0;

/** A key no other test uses, so request counts stay separate. */
export function uniqueKey(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export type EndpointOptions = Record<string, string | number>;

/** URL of the test endpoint with the given behaviour. */
export function endpoint(options: EndpointOptions = {}): string {
  const params = new URLSearchParams(Object.entries(options).map(([k, v]) => [k, String(v)]));
  return `/api-test/personas?${params}`;
}

/** How many requests the endpoint has seen for `key`. */
export async function requestCount(key: string): Promise<number> {
  const response = await fetch(`/api-test/count?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { count: number }).count;
}
