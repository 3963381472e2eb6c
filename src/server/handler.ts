/**
 * `createPersonaHandler(options)`: the persona endpoint as a Web-standard
 * `(Request) => Promise<Response>`, mountable in Node's http (see
 * `toNodeListener`), Express, Hono, a Next.js route handler or a worker.
 *
 * - `GET /api/personas`: search, filters, sort and `next` paging; ETag and
 *   Cache-Control; `If-None-Match` → 304.
 * - `POST /api/contributions`: the `<contribute-form>` contract (shared zod
 *   schema, Idempotency-Key bound to the body, honeypot, 64 kB, 413/415/422/429).
 *   `GET /api/contributions`: the latest contributions, without emails.
 * - `/api/review/…`: pending contributions, approve, reject, the change log of
 *   a persona; behind a bearer token (off without one).
 *
 * No answer carries an email, an Idempotency-Key or a stack trace; the log
 * receives ids, kinds and statuses only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { MAX_BODY_BYTES, isHoneypotFilled, validateContribution } from '../data/contribution.js';
import { nextPageParams, parsePersonaQuery, selectPersonas } from './personas-query.mjs';
import { RateLimiter, type RateLimit } from './rate-limit.js';
import { PersonaStore, readPersonaFile, withoutEmail, type ContributionStatus } from './store.js';
import type { Database } from './db.js';

/** Where the handler reports; it only ever receives ids, kinds, statuses and error messages. */
export type PersonaLog = (message: string) => void;

export interface PersonaHandlerOptions {
  /**
   * The database: a `postgres://…` URL, or the folder of the embedded database
   * (PGlite). Default `$DATABASE_URL`, else `./persona-data` of the working directory.
   */
  db?: string;
  /** An already open database instead of `db` (left open by `close()`). */
  database?: Database;
  /** Schema of the tables. Default `public`. */
  schema?: string;
  /** A persona collection (JSON file) imported once, into a database that has none yet. */
  personasFile?: string;
  /**
   * Bearer tokens of the review API: one token, or reviewer name → token. Without
   * any, `/api/review/…` answers 404 (off).
   */
  reviewToken?: string | Record<string, string>;
  /**
   * Origins allowed to call the API from a browser (`https://wiki.example.com`),
   * or `'*'` for any origin (the public endpoints only: the review API is only
   * ever opened to origins listed by name). Default: none (same origin only).
   */
  corsOrigins?: readonly string[] | '*';
  /** `Cache-Control` max-age of `GET /api/personas`, in seconds. Default 60; 0 means revalidate every time. */
  personasMaxAge?: number;
  /** Writes per client (POST, approve, reject). Default 30 per minute; `false` turns the limit off. */
  writeLimit?: RateLimit | false;
  /** Reads per client. Default 600 per minute; `false` turns the limit off. */
  readLimit?: RateLimit | false;
  /** Use the last `X-Forwarded-For` hop as the client (behind your own load balancer). Default false. */
  trustProxy?: boolean;
  /** How long a request body may take to arrive, in ms (then 408). Default 10 s. */
  bodyTimeoutMs?: number;
  /** Where to report stored contributions, reviews and failures. Silent when omitted. */
  log?: PersonaLog;
}

/** What the host knows about the connection (Node's remote address, a worker's client IP). */
export interface PersonaRequestInfo {
  clientAddress?: string;
}

/** The handler, plus what a host needs to shut it down. */
export interface PersonaHandler {
  (request: Request, info?: PersonaRequestInfo): Promise<Response>;
  /** Resolves once the database is open, migrated and seeded; rejects when it cannot be. */
  ready: Promise<void>;
  /** Closes the database (when the handler opened it). */
  close(): Promise<void>;
}

/** The error code of a 422 for an Idempotency-Key already used with another body. */
export const IDEMPOTENCY_KEY_REUSED = 'idempotency_key_reused';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
const DEFAULT_BODY_TIMEOUT_MS = 10_000;
const REVIEW_BODY_BYTES = 256 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Headers_ = Record<string, string>;

function json(status: number, body: unknown, headers: Headers_ = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

const error = (status: number, message: string, headers: Headers_ = {}) => json(status, { errors: { _: message } }, headers);
const methodNotAllowed = (allow: string) => error(405, `Use ${allow.replace(/, (?=[^,]*$)/, ' or ')}.`, { Allow: allow });

type BodyRead = { ok: true; text: string } | { ok: false; response: Response };

/** Reads the body up to `limit` bytes within `timeoutMs`; 413 past the cap, 408 when too slow. */
async function readBody(request: Request, limit: number, timeoutMs: number): Promise<BodyRead> {
  const tooLarge = (): BodyRead => ({
    ok: false,
    response: error(413, `Keep the request under ${limit / 1024} kB.`, { Connection: 'close' }),
  });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === 'timeout') {
        reader.cancel().catch(() => {});
        return {
          ok: false,
          response: error(408, `Send the whole request within ${Math.ceil(timeoutMs / 1000)} s.`, { Connection: 'close' }),
        };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {});
        return tooLarge();
      }
      chunks.push(next.value);
    }
  } catch {
    return { ok: false, response: error(400, 'The request body could not be read.') };
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, text: Buffer.concat(chunks, size).toString('utf8') };
}

const mediaType = (request: Request) => (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** Compares two secrets in constant time (hashes first, so lengths leak nothing either). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function reviewTokens(option: PersonaHandlerOptions['reviewToken']): Array<{ name: string; token: string }> {
  if (!option) return [];
  const entries = typeof option === 'string' ? [{ name: 'moderator', token: option }] : Object.entries(option).map(([name, token]) => ({ name, token }));
  for (const { token } of entries) {
    if (token.trim().length < 16) throw new Error('persona server: a review token must have at least 16 characters.');
  }
  return entries.map(({ name, token }) => ({ name, token: token.trim() }));
}

/** Strips one trailing slash so `/api/personas/` works too. */
const routeOf = (pathname: string) => (pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname);

/** Creates the handler; the database opens in the background (`ready`), requests wait for it. */
export function createPersonaHandler(options: PersonaHandlerOptions = {}): PersonaHandler {
  const log: PersonaLog = options.log ?? (() => {});
  const tokens = reviewTokens(options.reviewToken);
  const cors = options.corsOrigins ?? [];
  const maxAge = options.personasMaxAge ?? 60;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const writes = options.writeLimit === false ? undefined : new RateLimiter(options.writeLimit ?? { max: 30, windowMs: 60_000 });
  const reads = options.readLimit === false ? undefined : new RateLimiter(options.readLimit ?? { max: 600, windowMs: 60_000 });

  const storePromise = (async () => {
    const store = await PersonaStore.open({
      db: options.database ?? options.db ?? process.env['DATABASE_URL'] ?? 'persona-data',
      ...(options.schema ? { schema: options.schema } : {}),
    });
    if (options.personasFile) {
      const imported = await store.seed(await readPersonaFile(options.personasFile));
      if (imported > 0) log(`imported ${imported} persona(s)`);
    }
    return store;
  })();
  const ready = storePromise.then(() => undefined);
  // Reported through `ready` and every request; never an unhandled rejection.
  ready.catch(() => {});

  function corsHeaders(request: Request, review: boolean): Headers_ {
    // '*' regardless of Origin, so a cached answer suits every origin.
    if (cors === '*' && !review) return { 'Access-Control-Allow-Origin': '*' };
    const origin = request.headers.get('origin');
    if (origin && cors !== '*' && cors.includes(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    return cors === '*' ? {} : { Vary: 'Origin' };
  }

  function clientOf(request: Request, info?: PersonaRequestInfo): string {
    if (options.trustProxy) {
      const hops = (request.headers.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
      if (hops.length) return hops.at(-1)!;
    }
    return info?.clientAddress ?? 'unknown';
  }

  function limited(limiter: RateLimiter | undefined, client: string): Response | undefined {
    const wait = limiter?.take(client);
    if (wait === undefined) return undefined;
    return error(429, 'Too many requests; try again later.', { 'Retry-After': String(wait) });
  }

  function preflight(request: Request, methods: string, review: boolean): Response {
    const headers = corsHeaders(request, review);
    return new Response(null, {
      status: 204,
      headers: headers['Access-Control-Allow-Origin']
        ? {
            ...headers,
            'Access-Control-Allow-Methods': methods,
            'Access-Control-Allow-Headers': review ? 'Authorization, Content-Type' : 'Content-Type, Idempotency-Key',
            'Access-Control-Max-Age': '600',
          }
        : {},
    });
  }

  async function getPersonas(store: PersonaStore, request: Request, url: URL): Promise<Response> {
    const parsed = parsePersonaQuery(url.searchParams);
    if (!parsed.ok) return json(400, { errors: parsed.errors });
    const { list } = await store.personas();
    const { personas, total } = selectPersonas(list, parsed.query);
    const body: { personas: unknown[]; total: number; next?: string } = { personas, total };
    const next = nextPageParams(url.searchParams, parsed.query, total);
    if (next) body.next = `${url.origin}${url.pathname}?${next}`;
    const text = JSON.stringify(body);
    const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
    const headers: Headers_ = {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': maxAge > 0 ? `public, max-age=${maxAge}, stale-while-revalidate=${maxAge}` : 'no-cache',
      ETag: etag,
    };
    const match = request.headers.get('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': headers['Cache-Control']! } });
    }
    return new Response(text, { status: 200, headers });
  }

  async function postContribution(store: PersonaStore, request: Request): Promise<Response> {
    if (mediaType(request) !== 'application/json') return error(415, 'Send the contribution as application/json.');
    const rawKey = request.headers.get('idempotency-key');
    const key = rawKey === null ? undefined : rawKey.trim();
    if (key !== undefined && (!key || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      return error(400, `Use an Idempotency-Key of 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`);
    }
    const read = await readBody(request, MAX_BODY_BYTES, bodyTimeoutMs);
    if (!read.ok) return read.response;
    let input: unknown;
    try {
      input = JSON.parse(read.text);
    } catch {
      return error(400, 'The request body is not valid JSON.');
    }
    const checked = validateContribution(input);
    if (isHoneypotFilled(input)) {
      // Look accepted so a bot learns nothing; store nothing.
      log('dropped a submission with the honeypot filled');
      return json(202, {
        id: crypto.randomUUID(),
        received_at: new Date().toISOString(),
        ...(checked.ok ? { contribution: withoutEmail(checked.contribution) } : {}),
      });
    }
    if (!checked.ok) return json(422, { errors: checked.errors });
    const result = await store.addContribution(checked.contribution, key);
    if (result.status === 'key-reused') {
      return json(422, {
        code: IDEMPOTENCY_KEY_REUSED,
        errors: { _: 'This Idempotency-Key was already used with a different contribution; send a new key.' },
      });
    }
    if (result.status === 'replayed') return json(201, result.entry, { 'Idempotent-Replayed': 'true' });
    const { contribution } = checked;
    log(`stored contribution ${result.entry.id} (${contribution.kind}${'pid' in contribution ? ` ${contribution.pid}` : ''})`);
    return json(201, result.entry);
  }

  /** The reviewer's name for a valid bearer token, else undefined. */
  function reviewer(request: Request): string | undefined {
    const header = request.headers.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const given = match?.[1] ?? '';
    let found: string | undefined;
    // Compare with every token (no early exit), each in constant time.
    for (const { name, token } of tokens) if (sameSecret(given, token) && found === undefined) found = name;
    return match ? found : undefined;
  }

  async function review(store: PersonaStore, request: Request, path: string, url: URL, client: string): Promise<Response> {
    const who = reviewer(request);
    if (!who) {
      return error(401, 'Send a valid review token: Authorization: Bearer <token>.', {
        'WWW-Authenticate': 'Bearer realm="persona-review"',
      });
    }
    const method = request.method;
    if (path === '/api/review/contributions') {
      if (method !== 'GET') return methodNotAllowed('GET');
      const status = url.searchParams.get('status') ?? 'pending';
      if (!['pending', 'approved', 'rejected', 'all'].includes(status)) {
        return json(400, { errors: { status: 'Use status=pending|approved|rejected|all.' } });
      }
      const limitParam = url.searchParams.get('limit') ?? '200';
      if (!/^\d{1,4}$/.test(limitParam) || Number(limitParam) < 1 || Number(limitParam) > 1000) {
        return json(400, { errors: { limit: 'Use a whole number from 1 to 1000.' } });
      }
      return json(200, { contributions: await store.listContributions(status as ContributionStatus | 'all', Number(limitParam)) });
    }
    const action = /^\/api\/review\/contributions\/([^/]+)\/(approve|reject)$/.exec(path);
    if (action) {
      if (method !== 'POST') return methodNotAllowed('POST');
      const tooMany = limited(writes, client);
      if (tooMany) return tooMany;
      const id = decodeURIComponent(action[1]!);
      if (!UUID.test(id)) return error(404, 'No such contribution.');
      let body: { value?: unknown; note?: unknown; reviewer?: unknown } = {};
      const read = await readBody(request, REVIEW_BODY_BYTES, bodyTimeoutMs);
      if (!read.ok) return read.response;
      if (read.text.trim()) {
        if (mediaType(request) !== 'application/json') return error(415, 'Send the decision as application/json.');
        try {
          body = JSON.parse(read.text) as typeof body;
        } catch {
          return error(400, 'The request body is not valid JSON.');
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(400, 'Send a JSON object.');
      }
      const note = typeof body.note === 'string' ? body.note.slice(0, 1000) : undefined;
      const name = typeof body.reviewer === 'string' && body.reviewer.trim() ? `${body.reviewer.trim().slice(0, 100)} (${who})` : who;
      const result = action[2] === 'approve' ? await store.approve(id, name, body.value, note) : await store.reject(id, name, note);
      if (!result.ok) return json(result.status, { errors: result.errors });
      log(`${action[2] === 'approve' ? 'approved' : 'rejected'} contribution ${id}`);
      return json(200, { contribution: result.item, ...(result.change ? { change: result.change } : {}) });
    }
    const changes = /^\/api\/review\/personas\/([^/]+)\/changes$/.exec(path);
    if (changes) {
      if (method !== 'GET') return methodNotAllowed('GET');
      return json(200, { changes: await store.changes(decodeURIComponent(changes[1]!)) });
    }
    return error(404, 'Not found.');
  }

  async function route(request: Request, info?: PersonaRequestInfo): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return error(400, 'Bad request: malformed URL.');
    }
    const path = routeOf(url.pathname);
    const method = request.method;
    const isReview = path.startsWith('/api/review/');
    const client = clientOf(request, info);
    if (path === '/api/personas' || path === '/api/contributions' || isReview) {
      if (method === 'OPTIONS') {
        return preflight(request, isReview ? 'GET, POST, OPTIONS' : path === '/api/personas' ? 'GET, OPTIONS' : 'GET, POST, OPTIONS', isReview);
      }
      if (isReview && tokens.length === 0) return error(404, 'The review API is off: configure a review token.');
      const tooMany = method === 'POST' && !isReview ? limited(writes, client) : method === 'GET' ? limited(reads, client) : undefined;
      if (tooMany) return tooMany;
      const store = await storePromise;
      if (isReview) return review(store, request, path, url, client);
      if (path === '/api/personas') return method === 'GET' || method === 'HEAD' ? getPersonas(store, request, url) : methodNotAllowed('GET, OPTIONS');
      if (method === 'GET') {
        const items = await store.listContributions('all', 100);
        return json(200, { contributions: items.map(({ id, received_at, contribution, status }) => ({ id, received_at, status, contribution })) });
      }
      if (method === 'POST') return postContribution(store, request);
      return methodNotAllowed('GET, POST, OPTIONS');
    }
    return error(404, 'Not found.');
  }

  const handler = (async (request: Request, info?: PersonaRequestInfo): Promise<Response> => {
    let response: Response;
    try {
      response = await route(request, info);
    } catch (failure) {
      // Only the message: a stack or the request body could carry personal data.
      log(`${request.method} ${new URL(request.url, 'http://x').pathname} failed: ${failure instanceof Error ? failure.message : String(failure)}`);
      response = error(500, 'The persona endpoint failed; try again.');
    }
    const path = (() => {
      try {
        return new URL(request.url).pathname;
      } catch {
        return '';
      }
    })();
    for (const [name, value] of Object.entries(corsHeaders(request, path.startsWith('/api/review/')))) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  }) as PersonaHandler;
  handler.ready = ready;
  handler.close = async () => {
    const store = await storePromise.catch(() => undefined);
    await store?.close();
  };
  return handler;
}
