/**
 * The one-script-tag entry, `dist/persona-widgets.js`: defines each element the
 * first time the page has one, loading its code from the chunks next to this
 * file (resolved from this file's own URL), so a page of cards never downloads
 * the grid or the form. Before that code arrives, the cards' and grids' data
 * requests are already on their way (early.ts).
 *
 * Elements added later are found by a MutationObserver on the document. Elements
 * inside another component's shadow root are not: call `discover(shadowRoot)`.
 * Exports: `configure` (the client's settings), `setDefaultStrings`, `load`,
 * `discover`. Classes and the data API are in the npm entries and the classic script.
 */
import type { PersonaClientOptions } from '../data/client.js';
import { configureShared } from '../data/shared-client.js';
import { ALONGSIDE } from './alongside.js';
import { CARD_FETCHES_AT_ONCE, prefetchFor, type FetchesAtOnce } from './early.js';

/** What the early requests look for: cards, and grids (one with search-param asks per search: nothing to guess). */
const FETCHES_AT_ONCE: FetchesAtOnce = {
  ...CARD_FETCHES_AT_ONCE,
  'persona-grid': ':not([search-param]):not([loading="lazy"])',
};

export { setDefaultStrings } from '../i18n/page-strings.js';

/**
 * Changes the page's persona client (`personaClient.configure()` of the npm package),
 * also before any element's code has arrived: call it in the module that loads this
 * file, e.g. `configure({ credentials: 'include' })` or `configure({ maxBytes })`.
 * The cards' and grids' first requests start early with the default `fetch` and
 * `credentials`; with others set here, the client makes its own request instead.
 */
export function configure(options: Partial<PersonaClientOptions>): void {
  configureShared(options);
}

const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'persona-card': () => import('../components/persona-card/persona-card.define.js'),
  'persona-grid': () => import('../components/persona-grid/persona-grid.define.js'),
  'contribute-form': () => import('../components/contribute-form/contribute-form.define.js'),
  'persona-provider': () => import('../components/persona-provider/persona-provider.define.js'),
  'contribution-review': () => import('../components/contribution-review/contribution-review.define.js'),
};
const TAGS = Object.keys(ELEMENTS);
const requested = new Set<string>();

/**
 * Loads the code of one element (`persona-card`, `persona-grid`, `contribute-form`,
 * `persona-provider`, `contribution-review`) now, before the page has one; resolves once it is defined.
 * For code that creates elements after awaiting `customElements.whenDefined()`.
 */
export function load(tag: string): Promise<void> {
  const module = ELEMENTS[tag];
  if (!module) return Promise.reject(new Error(`persona-widgets has no <${tag}>`));
  if (!requested.has(tag)) {
    requested.add(tag);
    // The core chunk (Lit, zod, the client), which every element's chunk imports, and the other
    // chunks this one imports, alongside it rather than after it. A failure among them shows
    // below: the element's chunk fails with it.
    void import('../data/client.js').catch(() => {});
    void ALONGSIDE[tag]?.().catch(() => {});
    module().catch((error: unknown) => {
      // Let a later element try again (the network may be back by then).
      requested.delete(tag);
      console.error(`persona-widgets: the code of <${tag}> could not be loaded from next to ${import.meta.url}.`, error);
    });
  }
  return customElements.whenDefined(tag).then(() => {});
}

/**
 * Loads the code of every persona-widgets element under `root` (and `root`
 * itself) that is not defined yet. The document is watched already; call this
 * for shadow roots of your own components.
 */
export function discover(root: ParentNode): void {
  const waiting = TAGS.filter(
    (tag) => !customElements.get(tag) && ((root as Element).localName === tag || root.querySelector(tag)),
  );
  if (!waiting.length) return;
  // Also for elements whose code is already on its way: their data travels alongside it.
  prefetchFor(FETCHES_AT_ONCE, waiting, root);
  const found = waiting.filter((tag) => !requested.has(tag));
  for (const tag of found) void load(tag);
}

discover(document);
const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
  if (requested.size === TAGS.length) observer.disconnect();
});
observer.observe(document.documentElement, { childList: true, subtree: true });
