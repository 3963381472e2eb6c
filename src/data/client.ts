/**
 * The shared data client: one request per endpoint URL per page, however
 * many elements use it.
 *
 * Each URL gets one `PersonaSource` that holds the loaded collection and
 * tells its subscribers when it changes. Elements subscribe and unsubscribe
 * freely; nothing an element does aborts a request another one waits for.
 */
import { PersonaError, toPersonaError } from './errors.js';
import { PageParser, readPage, type RawPage } from './parse.js';
import { EARLY_REQUEST, takePrefetched } from './prefetch.js';
import { shareClient } from './shared-client.js';
import type { Persona, PersonaPage, SkippedRecord } from './types.js';

/** Settings of a {@link PersonaClient}: `personaClient.configure(options)` changes any of them. */
export interface PersonaClientOptions {
  /** Milliseconds before one attempt counts as timed out. */
  timeout: number;
  /** Extra attempts after a network error, a timeout, a 5xx or a 429. */
  retries: number;
  /** First backoff delay in ms; doubles each attempt, with jitter. */
  retryDelay: number;
  /** Longest wait between attempts, in ms. A longer `Retry-After` ends the retries. */
  maxRetryDelay: number;
  /** Largest response body accepted, in bytes. */
  maxBytes: number;
  /**
   * Most pages fetched from one endpoint URL, the first included (default 20). Paging
   * stops there, the personas loaded so far are shown, and the collection's `stopped`
   * says why. Bounds every element: a card looking for a persona, a grid loading every
   * page for a local search, the form's persona list.
   */
  maxPages: number;
  /**
   * Most personas kept from one endpoint URL, over all its pages (default 10,000).
   * Paging stops once it is reached; personas beyond it are dropped.
   */
  maxPersonas: number;
  /**
   * Origins (e.g. `https://api.example.com`) a `next` link may point to besides the
   * endpoint's own origin (default none). A `next` on any other origin ends paging
   * without being fetched, so the endpoint cannot send the page's requests, or its
   * cookies, anywhere else. Entries that are not http(s) URLs are ignored.
   */
  allowedOrigins: readonly string[];
  /**
   * The `credentials` mode of every request (default `same-origin`, the browser's).
   * Use `include` for an endpoint on another origin that needs its cookies; `next`
   * pages stay on the allowed origins whatever the mode.
   */
  credentials: RequestCredentials;
  /** The fetch to use; replace it to add credentials or headers. */
  fetch: typeof globalThis.fetch;
}

export const defaultClientOptions: PersonaClientOptions = {
  timeout: 10_000,
  retries: 2,
  retryDelay: 400,
  maxRetryDelay: 8_000,
  maxBytes: 10 * 1024 * 1024,
  maxPages: 20,
  maxPersonas: 10_000,
  allowedOrigins: [],
  credentials: 'same-origin',
  fetch: (...args) => globalThis.fetch(...args),
};

/** Everything loaded so far from one endpoint. A new object on every change. */
export interface PersonaCollection {
  url: string;
  personas: readonly Persona[];
  /** Records left out, and why. */
  skipped: readonly SkippedRecord[];
  /** URL of the next page not yet loaded. */
  next?: string;
  /** Total the endpoint reports, else the count loaded once there is no next page. */
  total?: number;
  /**
   * Set when paging ended before the endpoint's last page: `next` repeated a page
   * already loaded (`repeated`), pointed to an origin that is not allowed (`origin`),
   * or the client's `maxPages` / `maxPersonas` was reached (`limit`). The personas
   * loaded so far stay; `next` is then absent.
   */
  stopped?: PagingStop;
  /**
   * Set while the last page's records are still being validated, a slice at a time in
   * idle time so a large page never blocks the page: more personas will be appended,
   * each time in a new collection. `next`, `stopped` and a `total` the endpoint did not
   * report are decided once the page is done. While a later page is validated, the
   * state's `loadingMore` stays set.
   */
  validating?: true;
}

/** Why paging ended early, and the `next` link that was not followed. */
export interface PagingStop {
  reason: 'repeated' | 'origin' | 'limit';
  next: string;
}

/** Where a {@link PersonaSource} is: loading, ready with a collection, or failed. */
export type SourceState =
  | { status: 'loading' }
  | { status: 'ready'; collection: PersonaCollection; loadingMore?: boolean; moreError?: PersonaError }
  | { status: 'error'; error: PersonaError };

/** Called by {@link PersonaSource.subscribe} with the source's state on every change. */
export type PersonaSourceListener = (state: SourceState) => void;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Validation work per task (ms): short enough that input and painting never wait long. */
const SLICE_MS = 8;
/**
 * Records a page's first slice validates, however long they take (while the code is cold, more than
 * {@link SLICE_MS}): a grid's first page of cards (24 by default) then paints whole, not a few cards
 * first and the rest a slice or more later.
 */
const FIRST_SLICE_RECORDS = 24;
/** Runs `callback` when the page is idle (at the latest after 50 ms). */
const whenIdle = (callback: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 50 }) : setTimeout(callback, 0);

/** What the pages before the one being validated contributed. */
type Loaded = Pick<PersonaCollection, 'personas' | 'skipped'>;
const NOTHING_LOADED: Loaded = { personas: [], skipped: [] };

/** One endpoint URL, shared by every element that reads it. */
export class PersonaSource {
  readonly url: string;
  #client: PersonaClient;
  #state: SourceState = { status: 'loading' };
  #started = false;
  /** Bumped by every load(): the work of a superseded load stops. */
  #generation = 0;
  /** The page being validated, if any. */
  #parser?: PageParser;
  #firstPage?: Promise<PersonaCollection>;
  #morePage?: Promise<PersonaCollection>;
  #listeners = new Set<PersonaSourceListener>();
  /** Every page URL requested for this source, the first included: a repeat ends paging. */
  #fetched = new Set<string>();

  constructor(url: string, client: PersonaClient) {
    this.url = url;
    this.#client = client;
  }

  get state(): SourceState {
    return this.#state;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: PersonaSourceListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Loads the first page once; later calls share it. After a failure, loads again.
   * Resolves once every record of the page is validated; the state shows the
   * personas validated so far before that (see {@link PersonaCollection.validating}).
   */
  load(): Promise<PersonaCollection> {
    if (this.#firstPage && this.#state.status !== 'error') return this.#firstPage;
    this.#started = true;
    const generation = ++this.#generation;
    this.#set({ status: 'loading' });
    this.#fetched = new Set([this.url]);
    const pending = this.#client.fetchRecords(this.url).then(
      (page) => this.#validate(NOTHING_LOADED, page, generation),
      (error: unknown) => {
        const personaError = toPersonaError(error, this.url);
        if (generation === this.#generation) this.#set({ status: 'error', error: personaError });
        throw personaError;
      },
    );
    this.#firstPage = pending;
    return pending;
  }

  /**
   * The persona `pid` if it is in what is loaded: among the personas validated so far,
   * or, while a page is being validated, validated alone ahead of the rest of its page
   * (so a card need not wait for the whole page). Undefined while loading.
   */
  persona(pid: string): Persona | undefined {
    if (this.#state.status !== 'ready') return undefined;
    const { collection } = this.#state;
    const found = collection.personas.find((candidate) => candidate.pid === pid);
    if (found || !collection.validating || !this.#parser) return found;
    // Only as far ahead as the persona is sure to be within maxPersonas, whatever comes before it.
    return this.#parser.lookAhead(pid, this.#client.options.maxPersonas - collection.personas.length);
  }

  /** Whether `load()` has been called. */
  get started(): boolean {
    return this.#started;
  }

  /** Loads again, whatever the current state (the user asked for it). */
  retry(): Promise<PersonaCollection> {
    if (this.#state.status === 'ready' && this.#state.moreError) return this.loadMore();
    this.#firstPage = undefined;
    return this.load();
  }

  /** Fetches the `next` page and appends it. Concurrent calls share one request. */
  async loadMore(): Promise<PersonaCollection> {
    await this.load();
    if (this.#morePage) return this.#morePage;
    // The state, not the first page's promise, holds every page loaded so far.
    const current = (this.#state as Extract<SourceState, { status: 'ready' }>).collection;
    if (!current.next) return current;
    this.#set({ status: 'ready', collection: current, loadingMore: true });
    this.#fetched.add(current.next);
    const generation = this.#generation;
    const pending = this.#client
      .fetchRecords(current.next)
      .then(
        (page) => this.#validate(current, page, generation),
        (error: unknown) => {
          const moreError = toPersonaError(error, current.next);
          if (generation === this.#generation) this.#set({ status: 'ready', collection: current, moreError });
          throw moreError;
        },
      )
      .finally(() => {
        if (this.#morePage === pending) this.#morePage = undefined;
      });
    this.#morePage = pending;
    return pending;
  }

  /**
   * Finds one persona, following `next` pages until it turns up.
   * @throws PersonaError of kind `not-found` when the endpoint has no such pid.
   */
  async find(pid: string): Promise<Persona> {
    let collection = await this.load();
    for (let pages = 1; ; pages++) {
      const persona = collection.personas.find((candidate) => candidate.pid === pid);
      if (persona) return persona;
      if (!collection.next || pages >= this.#client.options.maxPages) break;
      collection = await this.loadMore();
    }
    throw new PersonaError('not-found', `No persona ${pid} at this endpoint.`, { url: this.url });
  }

  /**
   * Validates `page` a slice at a time after what was `before` it: the state shows
   * each slice's personas; resolves with the whole collection.
   */
  #validate(before: Loaded, page: RawPage, generation: number): Promise<PersonaCollection> {
    const parser = (this.#parser = new PageParser(page));
    const seenBefore = new Set(before.personas.map((persona) => persona.pid));
    return new Promise((resolve) => {
      const slice = () => {
        // retry() started over: whoever waits on this page gets the new load's collection.
        if (generation !== this.#generation) return resolve(this.load());
        const first = parser.remaining === page.records.length;
        parser.parseUntil(performance.now() + SLICE_MS, first ? FIRST_SLICE_RECORDS : 1);
        const collection = this.#collection(before, seenBefore, parser);
        if (!parser.done) {
          this.#set(this.#ready(collection, before));
          whenIdle(slice);
          return;
        }
        // Done before anyone hears of it: a listener may ask for the next page at once.
        this.#parser = undefined;
        this.#morePage = undefined;
        this.#set(this.#ready(collection, before));
        warnSkipped(this.url, parser.skipped);
        resolve(collection);
      };
      // Say at once that the page is here: a card validates its own persona ahead of the rest.
      if (!parser.done) this.#set(this.#ready(this.#collection(before, seenBefore, parser), before));
      setTimeout(slice, 0);
    });
  }

  /** A later page counts as loading more until all of it is validated. */
  #ready(collection: PersonaCollection, before: Loaded): SourceState {
    return collection.validating && before !== NOTHING_LOADED
      ? { status: 'ready', collection, loadingMore: true }
      : { status: 'ready', collection };
  }

  /** What is loaded: the personas before, then the page's validated so far (first one of each pid wins). */
  #collection(before: Loaded, seenBefore: ReadonlySet<string>, parser: PageParser): PersonaCollection {
    const skipped = [...before.skipped, ...parser.skipped];
    const personas = [...before.personas];
    for (const persona of parser.personas) {
      if (seenBefore.has(persona.pid)) skipped.push({ index: -1, pid: persona.pid, reason: 'duplicate "pid"' });
      else personas.push(persona);
    }
    const { maxPersonas } = this.#client.options;
    if (personas.length > maxPersonas) personas.length = Math.max(0, maxPersonas);
    const collection: PersonaCollection = { url: this.url, personas, skipped };
    const { next, total } = parser.page;
    if (!parser.done) {
      collection.validating = true;
      if (total !== undefined) collection.total = total;
      return collection;
    }
    const stop = next ? this.#pagingStop(next, personas.length) : undefined;
    if (stop) collection.stopped = { reason: stop, next: next! };
    else if (next) collection.next = next;
    const known = total ?? (next ? undefined : personas.length);
    if (known !== undefined) collection.total = known;
    return collection;
  }

  /** Why `next` must not be followed, if it must not. */
  #pagingStop(next: string, loaded: number): PagingStop['reason'] | undefined {
    const { maxPages, maxPersonas } = this.#client.options;
    if (!this.#client.mayFollow(this.url, next)) return 'origin';
    if (this.#fetched.has(next)) return 'repeated';
    if (this.#fetched.size >= maxPages || loaded >= maxPersonas) return 'limit';
    return undefined;
  }

  #set(state: SourceState) {
    this.#state = state;
    for (const listener of [...this.#listeners]) listener(state);
  }
}

/** Fetching with timeout, retries and validation, plus the per-URL source cache. */
export class PersonaClient {
  options: PersonaClientOptions;
  #sources = new Map<string, PersonaSource>();

  constructor(options: Partial<PersonaClientOptions> = {}) {
    this.options = { ...defaultClientOptions, ...options };
  }

  /** Changes options for requests made from now on. */
  configure(options: Partial<PersonaClientOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /**
   * Whether a `next` link of `endpoint` may be fetched: only on the endpoint's own
   * origin, or one of `allowedOrigins`.
   */
  mayFollow(endpoint: string, next: string): boolean {
    const origin = originOf(next);
    if (!origin) return false;
    if (origin === originOf(endpoint)) return true;
    return this.options.allowedOrigins.some((allowed) => originOf(allowed) === origin);
  }

  /** The shared source for an endpoint (relative URLs resolve against the page). */
  source(src: string): PersonaSource {
    const url = new URL(src, document.baseURI).href;
    let source = this.#sources.get(url);
    if (!source) {
      source = new PersonaSource(url, this);
      this.#sources.set(url, source);
    }
    return source;
  }

  /** Forgets every cached source (tests; hosts that swap data in place). */
  clear(): void {
    this.#sources.clear();
  }

  /**
   * GETs one page and checks its shape, retrying transient failures; its records
   * are validated by the caller, a slice at a time (`PageParser`).
   */
  async fetchRecords(url: string): Promise<RawPage> {
    const { retries, retryDelay, maxRetryDelay } = this.options;
    for (let attempt = 0; ; attempt++) {
      try {
        return readPage(await this.#fetchJson(url, attempt === 0), url);
      } catch (error) {
        const personaError = toPersonaError(error, url);
        if (attempt >= retries || !isTransient(personaError)) throw personaError;
        // Exponential backoff with jitter, unless the server said how long to wait.
        const backoff = retryDelay * 2 ** attempt * (0.5 + Math.random() / 2);
        const wait = personaError.retryAfter !== undefined ? personaError.retryAfter * 1000 : backoff;
        if (wait > maxRetryDelay) throw personaError;
        await sleep(wait);
      }
    }
  }

  /** GETs one page and validates all of it, retrying transient failures. */
  async fetchPage(url: string): Promise<PersonaPage> {
    const parser = new PageParser(await this.fetchRecords(url));
    parser.parseUntil(Infinity);
    warnSkipped(url, parser.skipped);
    return parser.result();
  }

  /** GETs `url` as JSON; a `first` attempt adopts the request the page started early, if any (see prefetch.ts). */
  async #fetchJson(url: string, first: boolean): Promise<unknown> {
    const { timeout, maxBytes, fetch, credentials } = this.options;
    const early = first ? takePrefetched(url) : undefined;
    // Only a request made as this client would make it: not with a host's own fetch or credentials.
    const adopt = early && fetch === defaultClientOptions.fetch && credentials === EARLY_REQUEST.credentials;
    const init: RequestInit = { headers: EARLY_REQUEST.headers };
    const send = adopt ? () => early : undefined;
    return request(this.options, url, init, timeout, undefined, async (response, signal) => {
      if (!response.ok) throw httpError(url, response);
      const body = await readText(response, maxBytes, url, signal, timeout);
      try {
        return JSON.parse(body) as unknown;
      } catch (cause) {
        throw new PersonaError('data', 'This endpoint did not return persona data: the response is not JSON.', {
          url,
          cause,
        });
      }
    }, send);
  }

}

/**
 * One request through a client's `fetch` and `credentials`, bounded by
 * `timeout` (and `signal`, when given). No answer is a `timeout` or `network`
 * PersonaError; `read` handles the answer while the timer still runs, so a
 * body that trickles in counts against the same timeout. (Shared with submit.ts, like
 * `httpError` and `readText`; not part of the package's API.)
 */
export async function request<T>(
  options: Pick<PersonaClientOptions, 'fetch' | 'credentials'>,
  url: string,
  init: RequestInit,
  timeout: number,
  signal: AbortSignal | undefined,
  read: (response: Response, signal: AbortSignal) => Promise<T>,
  send?: () => Promise<Response>,
): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort();
  }, timeout);
  try {
    let response: Response;
    try {
      response = await (send
        ? Promise.race([send(), abortion(controller.signal)])
        : options.fetch(url, { ...init, credentials: options.credentials, signal: controller.signal }));
    } catch (cause) {
      throw timedOut
        ? new PersonaError('timeout', `No answer from ${url} within ${timeout} ms.`, { url, cause })
        : new PersonaError('network', `Could not reach ${url}.`, { url, cause });
    }
    return await read(response, controller.signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

/** Rejects when `signal` aborts: bounds a request that was started without it. */
function abortion(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/** A non-2xx answer as a PersonaError: status, `Retry-After`, and the answer's field `errors` if any. */
export function httpError(url: string, response: Response, errors?: Record<string, string>): PersonaError {
  return new PersonaError('http', `${url} answered HTTP ${response.status}.`, {
    url,
    status: response.status,
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
    ...(errors ? { details: { errors } } : {}),
  });
}

/** The origin of an http(s) URL, else undefined. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Tells the developer which records of a page were left out, and why. */
function warnSkipped(url: string, skipped: readonly SkippedRecord[]) {
  if (skipped.length) console.warn(`persona-widgets: skipped ${skipped.length} invalid persona(s) from ${url}:`, skipped);
}

function isTransient(error: PersonaError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && (error.status === 429 || (error.status ?? 0) >= 500);
}

/** `Retry-After` as seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** Reads the body as text, refusing to buffer more than `maxBytes`. */
export async function readText(
  response: Response,
  maxBytes: number,
  url: string,
  signal: AbortSignal,
  timeout: number,
): Promise<string> {
  const tooLarge = () =>
    new PersonaError('data', `This endpoint did not return persona data: the response is over ${maxBytes} bytes.`, {
      url,
    });
  if (Number(response.headers.get('Content-Length')) > maxBytes) throw tooLarge();
  if (!response.body) return response.text();
  // Streamed so the cap holds even when Content-Length is absent or counts compressed bytes;
  // the chunks are decoded once at the end, which is much faster than piece by piece.
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  // A request started early (prefetch.ts) does not carry the signal: stop reading its body by hand.
  const stop = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        void reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof PersonaError) throw cause;
    throw signal.aborted
      ? new PersonaError('timeout', `No complete answer from ${url} within ${timeout} ms.`, { url, cause })
      : new PersonaError('network', `The answer from ${url} was cut off.`, { url, cause });
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (signal.aborted) throw new PersonaError('timeout', `No complete answer from ${url} within ${timeout} ms.`, { url });
  // One copy into a buffer of the known size, then one decode (cheaper than a Blob round trip).
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
}

/**
 * The client every element uses unless told otherwise. Settings made before it
 * existed (the one-script-tag autoloader's `configure`) apply to it.
 */
export const personaClient = shareClient(new PersonaClient());
