/**
 * A test persona endpoint served by the test runner itself (same origin, no
 * outside network). Each test picks a unique `key` so request counts and
 * "fail N times, then succeed" sequences never mix between tests.
 *
 *   GET /api-test/personas?key=K[&count=N][&pages=P][&status=S&fail=F][&retry-after=s]
 *                          [&delay=ms][&body=not-json|wrong-shape|html|huge]
 *   GET /api-test/count?key=K  →  { "count": <requests seen for K> }
 */
const counts = new Map();

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
  if (ctx.path !== '/api-test/personas') return next();

  const seen = (counts.get(key) ?? 0) + 1;
  counts.set(key, seen);
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
