/**
 * Connects an element to its persona endpoint.
 *
 * Where the endpoint comes from, first match wins:
 * 1. the element's own `src`;
 * 2. the nearest enclosing `<persona-provider src>` (via @lit/context);
 * 3. `<meta name="persona-widgets:src" content="…">` on the page;
 * otherwise the element has no endpoint and says so.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { personaClient, type PersonaClient, type PersonaSource, type SourceState } from '../data/client.js';
import { personaProviderContext } from './provider-context.js';
import { CONTRIBUTE_ACTION_META, SRC_META, metaContent, resolveUrl } from '../data/url.js';

/** The source's state, or `unconfigured` when no endpoint was found. */
export type DataState = SourceState | { status: 'unconfigured' } | { status: 'idle' };

export interface DataHost extends ReactiveControllerHost, HTMLElement {
  src?: string;
  loading?: 'eager' | 'lazy';
  /** False when the element already has its data (e.g. a persona set from JS): nothing is fetched. */
  readonly needsData?: boolean;
}

export class PersonaDataController implements ReactiveController {
  #host: DataHost;
  #client: PersonaClient;
  #provider: ContextConsumer<typeof personaProviderContext, DataHost>;
  #source?: PersonaSource;
  #unsubscribe?: () => void;
  #observer?: IntersectionObserver;
  #visible = false;
  /** The timer of a deferred update (see #subscribe). */
  #soon?: ReturnType<typeof setTimeout>;

  constructor(host: DataHost, client: PersonaClient = personaClient) {
    this.#host = host;
    this.#client = client;
    this.#provider = new ContextConsumer(host, { context: personaProviderContext, subscribe: true });
    host.addController(this);
  }

  /** Absolute URL of the collection this element reads, if any. */
  get endpoint(): string | undefined {
    return resolveUrl(this.#host.src || this.#provider.value?.src || metaContent(SRC_META));
  }

  /** Where contributions go: the element's own value, else the provider's, else the page's meta. */
  contributeAction(own: string | undefined): string | undefined {
    return resolveUrl(own || this.#provider.value?.contributeAction || metaContent(CONTRIBUTE_ACTION_META));
  }

  get source(): PersonaSource | undefined {
    return this.#source;
  }

  get state(): DataState {
    if (!this.#source) return { status: this.endpoint ? 'idle' : 'unconfigured' };
    if (!this.#source.started) return { status: 'idle' };
    return this.#source.state;
  }

  /** Loads again after an error (the Retry button). */
  retry(): void {
    this.#source?.retry().catch(() => {});
  }

  /** Fetches the next page, if any; failures land in the state. */
  loadMore(): void {
    this.#source?.loadMore().catch(() => {});
  }

  hostConnected(): void {
    // Back on the page after a move: listen again and catch up on what changed meanwhile.
    if (this.#source && !this.#unsubscribe) {
      this.#subscribe(this.#source);
      this.#host.requestUpdate();
    }
    this.#observeVisibility();
  }

  hostUpdate(): void {
    const endpoint = this.endpoint;
    if (endpoint !== this.#source?.url) this.#connect(endpoint);
    // An element removed before its first update still gets that update: it must
    // not subscribe, observe or fetch then, or nothing would ever undo it.
    if (!this.#host.isConnected) return;
    this.#observeVisibility();
    if (this.#source && !this.#source.started && this.#shouldLoad()) {
      this.#source.load().catch(() => {});
    }
  }

  hostDisconnected(): void {
    // Unsubscribing never aborts: other elements may be waiting on the same request.
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #connect(endpoint: string | undefined) {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#source = endpoint ? this.#client.source(endpoint) : undefined;
    if (this.#source && this.#host.isConnected) this.#subscribe(this.#source);
  }

  #subscribe(source: PersonaSource) {
    let ready = source.state.status === 'ready';
    this.#unsubscribe = source.subscribe((state) => {
      // A page validated in idle slices reports each slice: render that progress in a task of its
      // own (once per task), so a slice and a large element's render never add up to one long task.
      // The page's arrival is rendered at once (a card shows its persona ahead of the rest).
      const progress = ready && state.status === 'ready' && state.collection.validating;
      ready = state.status === 'ready';
      if (progress) this.#updateSoon();
      else this.#host.requestUpdate();
    });
  }

  #updateSoon() {
    if (this.#soon !== undefined) return;
    this.#soon = setTimeout(() => {
      this.#soon = undefined;
      this.#host.requestUpdate();
    });
  }

  #shouldLoad(): boolean {
    if (this.#host.needsData === false) return false;
    return this.#host.loading !== 'lazy' || this.#visible;
  }

  #observeVisibility() {
    if (this.#host.loading !== 'lazy' || this.#visible || this.#observer) return;
    if (typeof IntersectionObserver === 'undefined') {
      this.#visible = true;
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#visible = true;
        this.#observer?.disconnect();
        this.#observer = undefined;
        this.#host.requestUpdate();
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(this.#host);
  }
}
