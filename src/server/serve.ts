/**
 * A ready-to-run Node server around the handler: what `persona-widgets serve` starts.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPersonaHandler, type PersonaHandler, type PersonaHandlerOptions } from './handler.js';
import { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_HEADERS_TIMEOUT_MS, limitSlowClients, toNodeListener } from './node-http.js';

export interface ServeOptions extends PersonaHandlerOptions {
  /** Port to listen on (0: any free port). Default 8787. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`; `0.0.0.0` for every interface. */
  host?: string;
  /** How long a client may take to send its request headers, in ms. Default 10 s. */
  headersTimeoutMs?: number;
}

export interface PersonaServer {
  /** `http://host:port` */
  url: string;
  port: number;
  handler: PersonaHandler;
  /** Stops accepting, closes connections and the database. */
  close(): Promise<void>;
}

/** Opens the database (migrations, first import), then listens. */
export async function servePersonas(options: ServeOptions = {}): Promise<PersonaServer> {
  const handler = createPersonaHandler(options);
  await handler.ready;
  const server = createServer({ keepAliveTimeout: 5_000 }, toNodeListener(handler));
  limitSlowClients(server, {
    headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
  });
  const host = options.host ?? '127.0.0.1';
  server.listen(options.port ?? 8787, host);
  try {
    await once(server, 'listening');
  } catch (error) {
    await handler.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    handler,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
      await handler.close();
    },
  };
}
