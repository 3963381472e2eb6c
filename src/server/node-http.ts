/**
 * Node's http for the persona handler: {@link toNodeListener} turns the
 * Web-standard handler into a `(req, res, next?)` listener (node:http, Connect,
 * Express, Vite), and {@link limitSlowClients} bounds how long a client may
 * take to send its headers and body (slowloris).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { PersonaHandler } from './handler.js';

/** How long a client may take to send its request headers. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** How long a client may take to send a whole request body, from its headers on. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

const ALLOW_ANY_ORIGIN = { 'Access-Control-Allow-Origin': '*' } as const;

/** Once the answer is sent, drops the connection (the rest of the request is not worth reading). */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => req.socket?.destroy());
}

/** `(req, res, next?)`: fits `http.createServer`, Connect/Express and Vite's middlewares. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

export interface NodeListenerOptions {
  /** Only paths under this prefix go to the handler; others to `next()` (or the handler when there is no next). Default `/api/`. */
  prefix?: string;
}

/**
 * Adapts the Web-standard handler to Node: builds a `Request` (the body
 * streamed, not buffered), passes the socket's address as the client, and
 * writes the `Response` back. A 408/413 closes the connection once answered.
 */
export function toNodeListener(handler: PersonaHandler, options: NodeListenerOptions = {}): NodeListener {
  const prefix = options.prefix ?? '/api/';
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    if (next && !path.startsWith(prefix)) {
      next();
      return;
    }
    const host = req.headers.host && /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(req.headers.host) ? req.headers.host : 'localhost';
    const secure = 'encrypted' in req.socket && req.socket.encrypted === true;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    const method = req.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    let request: Request;
    try {
      request = new Request(`${secure ? 'https' : 'http'}://${host}${req.url ?? '/'}`, {
        method,
        headers,
        ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
      } as RequestInit);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request.');
      return;
    }
    handler(request, { clientAddress: req.socket.remoteAddress ?? 'unknown' }).then(
      async (response) => {
        const out: Record<string, string | string[]> = {};
        response.headers.forEach((value, name) => {
          out[name] = value;
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length) out['set-cookie'] = cookies;
        if (response.status === 408 || response.status === 413) {
          out['connection'] = 'close';
          closeAfterAnswer(req, res);
        }
        const body = response.body && method !== 'HEAD' ? Buffer.from(await response.arrayBuffer()) : undefined;
        if (body) out['content-length'] = String(body.length);
        if (res.headersSent || res.destroyed) return;
        res.writeHead(response.status, out);
        res.end(body);
      },
      () => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('The persona endpoint failed.');
        } else res.destroy();
      },
    );
  };
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
  server.on('upgrade', (_req: IncomingMessage, socket: Socket) => {
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
