/**
 * Small node:http helpers shared by the demo endpoint's handlers. Framework-free
 * so the same handlers run as Vite middleware and under a bare `http.createServer`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Every API answer is readable from any origin: the widgets are embedded cross-origin. */
export const ALLOW_ANY_ORIGIN = { 'Access-Control-Allow-Origin': '*' } as const;

/** Sends `body` as JSON, never cached, readable cross-origin. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...ALLOW_ANY_ORIGIN,
    ...headers,
  });
  res.end(text);
}

/** `{ errors: { _: message } }`: an error about the request as a whole. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { errors: { _: message } }, headers);
}

/** 405 with the methods the route does accept. */
export function sendMethodNotAllowed(res: ServerResponse, allow: string): void {
  sendError(res, 405, `Use ${allow.replace(/, (?=[^,]*$)/, ' or ')}.`, { Allow: allow });
}

/** The media type of a request without parameters, lower-cased (`application/json`). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export type BodyResult =
  | { ok: true; body: Buffer }
  | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads the request body up to `limit` bytes. Past the cap it stops listening
 * and pauses the stream, so an oversized upload is never buffered.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onAbort = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
  });
}

/**
 * The request's own origin (`http://127.0.0.1:5173`), for absolute links such
 * as `next`, so a cross-origin embed can follow them as-is. Undefined when the
 * Host header looks wrong.
 */
export function requestOrigin(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (!host || !/^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(host)) return undefined;
  const secure = 'encrypted' in req.socket && req.socket.encrypted === true;
  return `${secure ? 'https' : 'http'}://${host}`;
}
