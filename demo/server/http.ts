/**
 * Small node:http helpers shared by the demo endpoint's handlers. Framework-free
 * so the same handlers run as Vite middleware and under a bare `http.createServer`.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long a client may take to send its request headers. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** How long a client may take to send a whole request body, from its headers on. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

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
  | { ok: false; reason: 'too-large' | 'aborted' | 'timeout' };

/**
 * Reads the request body up to `limit` bytes, within `timeoutMs` in total (a
 * body trickled byte by byte cannot hold the connection). Past the cap it stops
 * listening and pauses the stream, so an oversized upload is never buffered.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  timeoutMs: number = DEFAULT_BODY_TIMEOUT_MS,
): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.pause();
      finish({ ok: false, reason: 'timeout' });
    }, timeoutMs);
    const finish = (result: BodyResult) => {
      clearTimeout(timer);
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

/** Once the answer is sent, drops the connection (the rest of the request is not worth reading). */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => req.socket.destroy());
}

export interface SlowClientLimits {
  /** Time to send the request line and headers; then 408 and close. */
  headersTimeoutMs: number;
  /** Time to send the whole body once the headers are in; then 408 and close. */
  bodyTimeoutMs: number;
}

const TIMEOUT_ANSWER =
  'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 16\r\n\r\nRequest timeout.';

/**
 * Bounds how long a client can hold a connection with a request it sends
 * slowly (slowloris): headers within `headersTimeoutMs` (also while idle
 * between keep-alive requests), a body within `bodyTimeoutMs`, else 408 and
 * the connection is closed. Node's own `headersTimeout`/`requestTimeout` are
 * set too, as a backstop: Node only checks them every 30 s. WebSocket upgrades
 * (Vite's HMR) are left alone once their headers are in.
 */
export function limitSlowClients(server: Server, limits: SlowClientLimits): void {
  const { headersTimeoutMs, bodyTimeoutMs } = limits;
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = headersTimeoutMs + bodyTimeoutMs;

  const headerTimers = new WeakMap<Socket, NodeJS.Timeout>();
  const disarm = (socket: Socket) => {
    clearTimeout(headerTimers.get(socket));
    headerTimers.delete(socket);
  };
  const arm = (socket: Socket) => {
    disarm(socket);
    const timer = setTimeout(() => {
      headerTimers.delete(socket);
      if (!socket.destroyed) socket.end(TIMEOUT_ANSWER, () => socket.destroy());
    }, headersTimeoutMs);
    timer.unref();
    headerTimers.set(socket, timer);
  };

  server.on('connection', (socket: Socket) => {
    arm(socket);
    socket.once('close', () => disarm(socket));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    disarm(socket);
    // Listening makes Node hand every upgrade over: with no one else to take it
    // (the preview server has no HMR), drop it rather than leave it hanging.
    if (server.listenerCount('upgrade') === 1) socket.destroy();
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    disarm(socket);
    // `complete` turns true once the parser has the whole body, read or not.
    const bodyTimer = setTimeout(() => {
      if (req.complete) return;
      if (res.headersSent) {
        socket.destroy();
        return;
      }
      res.writeHead(408, {
        'Content-Type': 'text/plain; charset=utf-8',
        Connection: 'close',
        ...ALLOW_ANY_ORIGIN,
      });
      res.end('Request timeout: send the whole request body faster.');
      closeAfterAnswer(req, res);
    }, bodyTimeoutMs);
    bodyTimer.unref();
    res.once('close', () => clearTimeout(bodyTimer));
    // Idle keep-alive connections get the same bound for their next request's headers.
    res.once('finish', () => {
      clearTimeout(bodyTimer);
      if (!socket.destroyed) arm(socket);
    });
  });
}
