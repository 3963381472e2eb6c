/**
 * A test persona endpoint served by the test runner itself (same origin, no
 * outside network). Each test picks a unique `key` so request counts and
 * "fail N times, then succeed" sequences never mix between tests.
 *
 *   GET /api-test/personas?key=K[&count=N][&pages=P][&status=S&fail=F][&retry-after=s]
 *                          [&delay=ms][&body=not-json|wrong-shape|html|huge]
 *   GET /api-test/count?key=K  →  { "count": <requests seen for K> }
 *   GET /api-test/requests?key=K  →  { "requests": [<query parameters of each request>] }
 *
 * Broken paging (`{ personas, next }`, `count` personas per page, no total):
 *   &next=self      `next` is the very URL just requested (relative), forever
 *   &next=endless   `next` is `?…&page=N+1`, forever, each page with new personas
 *   &next=cross     `next` is the same endpoint on the other loopback origin
 *                   (localhost ⇄ 127.0.0.1): fetching it would be counted under `key`
 *
 * Server mode: when any of `q`, `app_id`, `sort`, `limit`, `offset` is present
 * the answer is `{ personas, total, next? }` for the search, app filter
 * (`app_id=a,b`), order and page (`limit`, default 100; `offset`) over `count`
 * generated personas, exactly as the demo endpoint answers them: both use
 * src/server/personas-query.mjs. Nonsense there is a 400 `{ errors }`.
 */
import { hasPersonaQuery, nextPageParams, parsePersonaQuery, selectPersonas } from '../../src/server/personas-query.mjs';

const counts = new Map();
const requests = new Map();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function makePersona(i) {
  const n = String(i + 1).padStart(3, '0');
  return {
    pid: `T-${n}`,
    name: `The Test Persona ${n}`,
    identity: `Identity of test persona ${n}.`,
    app: i % 2 ? 'Notion AI' : 'Segment',
    aha_moment: `Aha ${n}`,
    comment_count: i % 5,
  };
}

export async function testEndpoint(ctx, next) {
  if (!ctx.path.startsWith('/api-test/')) return next();
  const q = ctx.query;
  const key = q.key ?? 'default';

  if (ctx.path === '/api-test/count') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ count: counts.get(key) ?? 0 });
    return;
  }
  if (ctx.path === '/api-test/requests') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ requests: requests.get(key) ?? [] });
    return;
  }
  if (ctx.path !== '/api-test/personas') return next();

  const seen = (counts.get(key) ?? 0) + 1;
  counts.set(key, seen);
  requests.set(key, [...(requests.get(key) ?? []), { ...q }]);
  if (q.delay) await sleep(Number(q.delay));

  if (q.status && seen <= Number(q.fail ?? Infinity)) {
    ctx.status = Number(q.status);
    if (q['retry-after']) ctx.set('Retry-After', q['retry-after']);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ error: 'failing on purpose' });
    return;
  }

  if (q.redirect) {
    // e.g. to the same server under another origin (127.0.0.1 vs localhost), which has no CORS headers.
    ctx.redirect(q.redirect);
    return;
  }

  switch (q.body) {
    case 'not-json':
      ctx.type = 'application/json';
      ctx.body = '{"personas": [ {"pid": "A"';
      return;
    case 'html':
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Error</title><h1>Something went wrong</h1>';
      return;
    case 'wrong-shape':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ data: [makePersona(0)] });
      return;
    case 'huge':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify([{ ...makePersona(0), identity: 'x'.repeat(3 * 1024 * 1024) }]);
      return;
  }

  if (q.next === 'self' || q.next === 'endless' || q.next === 'cross') {
    const page = Number(q.page ?? 0);
    const size = Number(q.count ?? 3);
    const personas = Array.from({ length: size }, (_, i) => makePersona(page * size + i));
    const params = new URLSearchParams(q);
    params.set('page', String(page + 1));
    let nextUrl = `${ctx.path}?${params}`;
    if (q.next === 'self') nextUrl = ctx.url;
    if (q.next === 'cross') {
      const [host, port] = ctx.host.split(':');
      const other = host === 'localhost' ? '127.0.0.1' : 'localhost';
      nextUrl = `${ctx.protocol}://${other}${port ? `:${port}` : ''}${nextUrl}`;
    }
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ personas, next: nextUrl });
    return;
  }

  const params = new URLSearchParams(ctx.querystring);
  if (hasPersonaQuery(params)) {
    const parsed = parsePersonaQuery(params);
    ctx.type = 'application/json';
    if (!parsed.ok) {
      ctx.status = 400;
      ctx.body = JSON.stringify({ errors: parsed.errors });
      return;
    }
    const all = Array.from({ length: Number(q.count ?? 3) }, (_, i) => makePersona(i));
    const { personas, total } = selectPersonas(all, parsed.query);
    const body = { personas, total };
    const next = nextPageParams(params, parsed.query, total);
    if (next) body.next = `${ctx.path}?${next}`;
    ctx.body = JSON.stringify(body);
    return;
  }

  const total = Number(q.count ?? 3);
  const pages = Number(q.pages ?? 1);
  const size = Math.ceil(total / pages);
  const page = Number(q.page ?? 0);
  const personas = Array.from({ length: total }, (_, i) => makePersona(i)).slice(page * size, (page + 1) * size);
  const body = { personas, total };
  if (page + 1 < pages) {
    const nextUrl = new URLSearchParams(q);
    nextUrl.set('page', String(page + 1));
    body.next = `/api-test/personas?${nextUrl}`;
  }
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(pages > 1 || q.envelope ? body : personas);
}
