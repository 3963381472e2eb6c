/**
 * Raw HTTP for security tests: the path is sent exactly as written (fetch and
 * URL would normalise `..` and `%2e`), and a slow client over a bare socket.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** GET (or another method) with the path sent byte for byte. */
export function rawGet(port: number, path: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: res.statusCode ?? 0, headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export interface TrickleResult {
  /** What the server sent before closing (or before `giveUpMs`). */
  received: string;
  /** Whether the server closed the connection. */
  closed: boolean;
  /** Milliseconds from connecting to the close (or to giving up). */
  elapsedMs: number;
}

/**
 * Connects, sends `head` at once, then `trickle` one byte every `intervalMs`,
 * and waits until the server closes the connection or `giveUpMs` passes.
 */
export function trickle(
  port: number,
  head: string,
  trickleText: string,
  { intervalMs, giveUpMs }: { intervalMs: number; giveUpMs: number },
): Promise<TrickleResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const done = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ received, closed, elapsedMs: Date.now() - started });
    };
    const giveUp = setTimeout(() => done(false), giveUpMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => done(true));
    socket.on('end', () => done(true));
    socket.on('error', () => done(true));
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < trickleText.length && !socket.destroyed) socket.write(trickleText[sent++]!);
      }, intervalMs);
    });
  });
}
