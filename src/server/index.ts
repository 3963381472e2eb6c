/**
 * `persona-widgets/server`: the persona endpoint for Node and any host that
 * speaks the Fetch API. Never imported by the elements' bundles.
 *
 * @packageDocumentation
 */
export {
  createPersonaHandler,
  IDEMPOTENCY_KEY_REUSED,
  type PersonaHandler,
  type PersonaHandlerOptions,
  type PersonaLog,
  type PersonaRequestInfo,
} from './handler.js';
export { toNodeListener, limitSlowClients, type NodeListener, type NodeListenerOptions, type SlowClientLimits } from './node-http.js';
export { servePersonas, type PersonaServer, type ServeOptions } from './serve.js';
export type { RateLimit } from './rate-limit.js';
export type { PersonaChange, PublicContribution, ReviewItem, ContributionStatus } from './store.js';
