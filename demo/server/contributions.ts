/**
 * `/api/contributions`: accepts what `<contribute-form>` sends, validated with
 * the same contract as the browser, and lists what was stored.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  MAX_BODY_BYTES,
  isHoneypotFilled,
  validateContribution,
} from '../../src/data/contribution.js';
import {
  ALLOW_ANY_ORIGIN,
  DEFAULT_BODY_TIMEOUT_MS,
  closeAfterAnswer,
  mediaType,
  readBody,
  sendError,
  sendJson,
} from './http.js';
import { fingerprint, publicEntry, withoutEmail, type ContributionStore } from './store.js';

/** Log sink; it only ever receives ids, kinds and persona ids, never personal data. */
export type Log = (message: string) => void;

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** CORS preflight for cross-origin embeds. */
export function handleContributionsPreflight(res: ServerResponse): void {
  res.writeHead(204, {
    ...ALLOW_ANY_ORIGIN,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  });
  res.end();
}

/** The error code of a 422 for an Idempotency-Key already used with another body. */
export const IDEMPOTENCY_KEY_REUSED = 'idempotency_key_reused';

/** `GET`: `{ contributions: [...] }`, newest first, without emails or Idempotency-Keys. */
export async function handleListContributions(
  store: ContributionStore,
  res: ServerResponse,
): Promise<void> {
  await store.ready();
  sendJson(res, 200, { contributions: store.list().map(publicEntry) });
}

/** The `Idempotency-Key` header: undefined when absent, null when unusable. */
function idempotencyKey(req: IncomingMessage): string | undefined | null {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = (Array.isArray(raw) ? raw.join(',') : raw).trim();
  return key && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH ? key : null;
}

/**
 * `POST`: 415 unless JSON, 413 past {@link MAX_BODY_BYTES}, 408 when the body
 * is slower than `bodyTimeoutMs`, 400 for broken JSON, 422 with field errors,
 * 202 for a filled honeypot (nothing stored), 201 `{ id, received_at,
 * contribution }` once on disk. No answer carries the contributor's email.
 *
 * An Idempotency-Key is bound to the SHA-256 of the canonical body it was
 * first stored with (IETF Idempotency-Key draft): the same key with the same
 * body gets the first answer again and is stored once; with another valid
 * body it is a 422 `{ code: "idempotency_key_reused" }`. The body is always
 * read and judged first, so a broken or invalid body is a 400/415/422 like any
 * other and never a replay.
 */
export async function handlePostContribution(
  store: ContributionStore,
  req: IncomingMessage,
  res: ServerResponse,
  log: Log,
  bodyTimeoutMs: number = DEFAULT_BODY_TIMEOUT_MS,
): Promise<void> {
  if (mediaType(req) !== 'application/json') {
    sendError(res, 415, 'Send the contribution as application/json.');
    return;
  }
  const key = idempotencyKey(req);
  if (key === null) {
    sendError(res, 400, `Use an Idempotency-Key of 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`);
    return;
  }
  await store.ready();

  const read = await readBody(req, MAX_BODY_BYTES, bodyTimeoutMs);
  if (!read.ok) {
    if (res.headersSent || res.destroyed) return;
    if (read.reason === 'too-large') {
      // Close the connection rather than read the rest of an oversized upload.
      sendError(res, 413, `Keep the contribution under ${MAX_BODY_BYTES / 1024} kB.`, {
        Connection: 'close',
      });
      closeAfterAnswer(req, res);
    } else if (read.reason === 'timeout') {
      sendError(res, 408, `Send the whole contribution within ${Math.ceil(bodyTimeoutMs / 1000)} s.`, {
        Connection: 'close',
      });
      closeAfterAnswer(req, res);
    }
    return;
  }

  // From here to store.add() nothing awaits, so a concurrent repeat of the
  // same key always finds the first one's claim.
  let input: unknown;
  try {
    input = JSON.parse(read.body.toString('utf8'));
  } catch {
    sendError(res, 400, 'The request body is not valid JSON.');
    return;
  }

  const checked = validateContribution(input);
  if (isHoneypotFilled(input)) {
    // Look accepted so a bot learns nothing; store nothing.
    log('dropped a submission with the honeypot filled');
    sendJson(res, 202, {
      id: randomUUID(),
      received_at: new Date().toISOString(),
      ...(checked.ok ? { contribution: withoutEmail(checked.contribution) } : {}),
    });
    return;
  }
  if (!checked.ok) {
    sendJson(res, 422, { errors: checked.errors });
    return;
  }

  const binding = key ? store.binding(key) : undefined;
  if (binding) {
    if (binding.fingerprint !== fingerprint(checked.contribution)) {
      sendJson(res, 422, {
        code: IDEMPOTENCY_KEY_REUSED,
        errors: {
          _: 'This Idempotency-Key was already used with a different contribution; send a new key.',
        },
      });
      return;
    }
    const reply = await binding.reply;
    sendJson(res, reply.status, reply.body, { 'Idempotent-Replayed': 'true' });
    return;
  }

  const reply = await store.add(checked.contribution, key);
  const { contribution } = checked;
  log(`stored contribution (${contribution.kind}${'pid' in contribution ? ` ${contribution.pid}` : ''})`);
  sendJson(res, reply.status, reply.body);
}
