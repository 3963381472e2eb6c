/**
 * A test contributions endpoint served by the test runner (same origin, no
 * outside network), behaving like the demo's `POST /api/contributions`:
 * 415 unless JSON, 400 for broken JSON, 202 for a filled honeypot, 422 with
 * `{ errors }` for a few obviously invalid bodies, 201 `{ id, received_at,
 * contribution }` otherwise, and a repeated `Idempotency-Key` gets the first
 * answer again and is stored once.
 *
 * Each test uses its own `key`, so logs and "fail N times, then succeed"
 * sequences never mix between tests:
 *
 *   POST /api-test/contributions?key=K
 *        [&status=S[&fail=F]]   answer S for the first F requests (default: always), then as usual
 *        [&retry-after=s]       with a Retry-After header
 *        [&errors=<json>]       the `errors` object of a 422/400 answer
 *        [&message=<text>]      a `message` beside it (hostile-server tests)
 *        [&delay=ms]            answer only after ms (for timeouts)
 *   GET  /api-test/contributions/log?key=K
 *        → { requests: [{ method, contentType, idempotencyKey, testHeader?, body }], stored: <count> }
 *          (`testHeader`: the request's X-Test-Header, when it had one)
 */
const logs = new Map();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function entry(key) {
  let log = logs.get(key);
  if (!log) {
    log = { requests: [], stored: 0, replies: new Map() };
    logs.set(key, log);
  }
  return log;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(ctx, status, body, headers = {}) {
  ctx.status = status;
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

const KINDS = ['confirm', 'correct', 'extend', 'new'];
const blank = (value) => typeof value !== 'string' || value.trim() === '';

/** A small stand-in for validateContribution: enough for the browser tests. */
function validate(body) {
  const errors = {};
  if (!KINDS.includes(body.kind)) errors.kind = 'Choose what you want to do.';
  if (body.kind !== 'new' && blank(body.pid)) errors.pid = 'Choose the persona this is about.';
  if (body.kind !== 'new' && body.field === undefined) errors.field = 'Choose which part of the persona this is about.';
  if (body.kind !== 'confirm' && blank(body.text)) errors.text = 'Write at least one character.';
  if (typeof body.submitted_at !== 'string') errors.submitted_at = 'Give the submission time.';
  return errors;
}

export async function contributionsEndpoint(ctx, next) {
  if (ctx.path === '/api-test/contributions/log') {
    const log = entry(ctx.query.key ?? 'default');
    send(ctx, 200, { requests: log.requests, stored: log.stored });
    return;
  }
  if (ctx.path !== '/api-test/contributions') return next();

  const q = ctx.query;
  const log = entry(q.key ?? 'default');
  if (ctx.method !== 'POST') {
    send(ctx, 405, { errors: { _: 'Use POST.' } }, { Allow: 'POST' });
    return;
  }

  const raw = await readBody(ctx.req);
  const contentType = ctx.get('Content-Type');
  const idempotencyKey = ctx.get('Idempotency-Key') || undefined;
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    body = raw;
  }
  // A header a host's fetch added (personaClient.configure({ fetch })): logged only when present.
  const testHeader = ctx.get('X-Test-Header') || undefined;
  log.requests.push({ method: ctx.method, contentType, idempotencyKey, ...(testHeader ? { testHeader } : {}), body });
  const seen = log.requests.length;

  if (q.delay) await sleep(Number(q.delay));

  if (contentType.split(';')[0].trim().toLowerCase() !== 'application/json') {
    send(ctx, 415, { errors: { _: 'Send the contribution as application/json.' } });
    return;
  }
  if (typeof body !== 'object' || body === null) {
    send(ctx, 400, { errors: { _: 'The request body is not valid JSON.' } });
    return;
  }

  if (q.status && seen <= Number(q.fail ?? Infinity)) {
    const status = Number(q.status);
    const headers = q['retry-after'] ? { 'Retry-After': q['retry-after'] } : {};
    const errors = q.errors ? JSON.parse(q.errors) : { _: 'Failing on purpose.' };
    send(ctx, status, { errors, ...(q.message ? { message: q.message } : {}) }, headers);
    return;
  }

  const earlier = idempotencyKey && log.replies.get(idempotencyKey);
  if (earlier) {
    send(ctx, earlier.status, earlier.body);
    return;
  }
  if (typeof body.website === 'string' && body.website.trim()) {
    send(ctx, 202, { id: 'dropped', received_at: new Date().toISOString() });
    return;
  }
  const errors = validate(body);
  if (Object.keys(errors).length) {
    send(ctx, 422, { errors });
    return;
  }
  log.stored += 1;
  const reply = {
    status: 201,
    body: { id: `c-${log.stored}`, received_at: new Date().toISOString(), contribution: body },
  };
  if (idempotencyKey) log.replies.set(idempotencyKey, reply);
  send(ctx, reply.status, reply.body);
}
