/// <reference types="vite/client" />
/**
 * Endpoints the stories need but a static file cannot be: one that never answers,
 * one that fails (then recovers), paged and server-search collections, 1,000
 * personas, and a contribution endpoint. They are answered in the browser by a
 * thin wrapper around `fetch` that only handles URLs whose path contains
 * `/mock-api/`; every other request (the static fixtures, Storybook itself)
 * goes to the real `fetch` untouched. Nothing leaves localhost.
 *
 *   GET  mock-api/personas?[key=K][&set=personas|generated|empty][&count=N]
 *                          [&pages=P][&status=S[&fail=F]][&retry-after=s]
 *                          [&hang=1][&delay=ms][&body=not-json|wrong-shape]
 *                          [&q=…&app_id=a,b&sort=…&limit=L&offset=O]   (server search)
 *   POST mock-api/contributions?[key=K][&status=S[&fail=F]][&errors=json]
 *                               [&hang=1][&delay=ms][&network=1]
 *
 * `status` with `fail=F` fails the first F requests of that `key` and then
 * succeeds; without `fail` it always fails. `hang=1` never answers (it honours
 * the request's abort signal, like a real fetch). Counters and the request log
 * are reset before every story (`resetMocks()` in preview.ts).
 *
 * Server search is the demo endpoint's own (src/server/personas-query.mjs),
 * so stories, the test runner and `npm start` answer a query alike.
 */
import { hasPersonaQuery, nextPageParams, parsePersonaQuery, selectPersonas } from '../src/server/personas-query.mjs';
import realPersonas from '../stories/fixtures/personas.json';

export const MOCK_PATH = 'mock-api/';

/** A mock URL relative to Storybook's base, so it works in dev, in a deployed build and in Vitest. */
export function mockUrl(path: 'personas' | 'contributions', params: Record<string, string | number | boolean> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
  const search = query.size ? `?${query}` : '';
  return `${import.meta.env.BASE_URL}${MOCK_PATH}${path}${search}`;
}

export interface MockRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

/** Every request the mock endpoints answered since the story started. */
export const mockRequests: MockRequest[] = [];
const counts = new Map<string, number>();

export function resetMocks(): void {
  mockRequests.length = 0;
  counts.clear();
}

/** Requests the mock endpoints saw whose `key` parameter is `key`. */
export function requestsFor(key: string): MockRequest[] {
  return mockRequests.filter((request) => request.url.searchParams.get('key') === key);
}

type Raw = Record<string, unknown> & { pid: string; name: string; identity: string; app?: string; app_id?: string };
const PERSONAS = realPersonas as Raw[];

/**
 * `count` personas made from the 83 real ones: the first 83 as they are, then
 * the same people again with their own pid, a numbered name and varied counts.
 */
export function generatePersonas(count: number): Raw[] {
  return Array.from({ length: count }, (_, i) => {
    const base = PERSONAS[i % PERSONAS.length]!;
    const round = Math.floor(i / PERSONAS.length);
    if (round === 0) return base;
    return {
      ...base,
      pid: `${base.pid}-${round + 1}`,
      name: `${base.name} #${round + 1}`,
      comment_count: (i * 7) % 23,
      validation_count: (i * 5) % 11,
      updated_at: new Date(Date.UTC(2025, i % 12, (i % 28) + 1)).toISOString().slice(0, 10),
    };
  });
}

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted.', 'AbortError'));
    });
  });

/** Never resolves; rejects when the signal aborts, like a request to a server that never answers. */
const never = (signal?: AbortSignal | null) => sleep(2 ** 31 - 1, signal);

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** Counts this request under its key; true while the key should still fail. */
function failing(url: URL): boolean {
  const status = url.searchParams.get('status');
  if (!status) return false;
  const key = `${url.pathname}#${url.searchParams.get('key') ?? ''}`;
  const seen = (counts.get(key) ?? 0) + 1;
  counts.set(key, seen);
  const fail = url.searchParams.get('fail');
  return fail === null || seen <= Number(fail);
}

async function personasEndpoint(url: URL, init: RequestInit): Promise<Response> {
  const q = url.searchParams;
  if (q.get('hang')) await never(init.signal);
  if (q.get('delay')) await sleep(Number(q.get('delay')), init.signal);
  if (failing(url)) {
    const headers: Record<string, string> = {};
    if (q.get('retry-after')) headers['Retry-After'] = q.get('retry-after')!;
    return json({ error: 'failing on purpose' }, Number(q.get('status')), headers);
  }
  if (q.get('body') === 'not-json') return new Response('<!doctype html><h1>Oops</h1>', { headers: { 'Content-Type': 'text/html' } });
  if (q.get('body') === 'wrong-shape') return json({ data: PERSONAS.slice(0, 2) });

  const set = q.get('set') ?? 'personas';
  const all = set === 'generated' ? generatePersonas(Number(q.get('count') ?? 1000)) : set === 'empty' ? [] : PERSONAS;

  // Server mode, like the demo endpoint: search, app filter, sort, limit/offset.
  if (hasPersonaQuery(q)) {
    const parsed = parsePersonaQuery(q);
    if (!parsed.ok) return json({ errors: parsed.errors }, 400);
    const { personas, total } = selectPersonas(all, parsed.query);
    const body: Record<string, unknown> = { personas, total };
    const params = nextPageParams(q, parsed.query, total);
    if (params) {
      const next = new URL(url);
      next.search = `?${params}`;
      body['next'] = next.href;
    }
    return json(body);
  }

  const pages = Number(q.get('pages') ?? 1);
  if (pages <= 1) return json(all);
  const size = Math.ceil(all.length / pages);
  const page = Number(q.get('page') ?? 0);
  const body: Record<string, unknown> = { personas: all.slice(page * size, (page + 1) * size), total: all.length };
  if (page + 1 < pages) {
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    body['next'] = next.href;
  }
  return json(body);
}

let received = 0;

async function contributionsEndpoint(url: URL, init: RequestInit): Promise<Response> {
  const q = url.searchParams;
  if (q.get('hang')) await never(init.signal);
  if (q.get('delay')) await sleep(Number(q.get('delay')), init.signal);
  if (q.get('network')) throw new TypeError('Failed to fetch');
  if (failing(url)) {
    const status = Number(q.get('status'));
    const errors = q.get('errors');
    const headers: Record<string, string> = {};
    if (q.get('retry-after')) headers['Retry-After'] = q.get('retry-after')!;
    return json(errors ? { errors: JSON.parse(errors) as unknown } : { error: 'failing on purpose' }, status, headers);
  }
  received += 1;
  return json({ id: `contribution-${received}`, status: 'received' }, 201);
}

async function readBody(init: RequestInit): Promise<unknown> {
  if (typeof init.body !== 'string') return init.body ?? undefined;
  try {
    return JSON.parse(init.body) as unknown;
  } catch {
    return init.body;
  }
}

let installed = false;

/** Wraps `window.fetch` once; only `…/mock-api/…` URLs are answered here. */
export function installMockFetch(): void {
  if (installed) return;
  installed = true;
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const href = input instanceof Request ? input.url : String(input);
    const url = new URL(href, document.baseURI);
    const at = url.pathname.indexOf(`/${MOCK_PATH}`);
    if (at === -1 || url.origin !== location.origin) return realFetch(input, init);
    const route = url.pathname.slice(at + MOCK_PATH.length + 1);
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    mockRequests.push({ method, url, headers: new Headers(init.headers), body: await readBody(init) });
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    if (route === 'personas' && method === 'GET') return personasEndpoint(url, init);
    if (route === 'contributions' && method === 'POST') return contributionsEndpoint(url, init);
    return json({ error: `no mock for ${method} ${route}` }, 404);
  };
}
