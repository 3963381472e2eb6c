/**
 * The page's client settings, shared through the global object: a host can set
 * them (the autoloader's `configure`) before the client's code has arrived, and
 * a second copy of the library on the page configures the same client.
 */
interface Configurable {
  configure(options: object): void;
}
interface Shared {
  client?: Configurable;
  pending?: object;
}

const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for('persona-widgets:client')] ??= {}) as Shared;

/** Changes the page's client: at once if it exists, else as soon as it is created. */
export function configureShared(options: object): void {
  if (shared.client) shared.client.configure(options);
  else shared.pending = { ...shared.pending, ...options };
}

/** Makes `client` the page's client (unless a copy loaded first has one), with what was set before it existed. */
export function shareClient<C extends Configurable>(client: C): C {
  shared.client ??= client;
  if (shared.pending) {
    client.configure(shared.pending);
    shared.pending = undefined;
  }
  return client;
}
