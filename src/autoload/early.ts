/**
 * Starts the data requests of the cards and grids already on the page, before
 * the heavy code that renders them is evaluated: the request and the code then
 * travel side by side instead of one after the other.
 */
import { prefetch } from '../data/prefetch.js';
import { SRC_META, metaContent, resolveUrl } from '../data/url.js';

/**
 * Elements that fetch as soon as they connect, by tag, and what they need for it. Each entry
 * lives with whoever loads that element (a card's entry names only the card: a card-only
 * bundle has no trace of the grid).
 */
export type FetchesAtOnce = Readonly<Record<string, string>>;

/** A card shows one persona of its endpoint's collection. */
export const CARD_FETCHES_AT_ONCE: FetchesAtOnce = { 'persona-card': '[persona-id]:not([loading="lazy"])' };

/** The endpoint an element will read, resolved as the element itself does (own src, provider, meta). */
function endpointOf(element: Element): string | undefined {
  return resolveUrl(
    element.getAttribute('src') || element.closest('persona-provider')?.getAttribute('src') || metaContent(SRC_META),
  );
}

/** Prefetches the endpoints of the `tags` elements under `root` that will fetch once defined. */
export function prefetchFor(fetching: FetchesAtOnce, tags: readonly string[], root?: ParentNode): void {
  if (typeof document === 'undefined') return; // server rendering: nothing to fetch ahead
  root ??= document;
  for (const tag of tags) {
    const ready = fetching[tag];
    if (!ready || customElements.get(tag)) continue; // A defined element fetches by itself.
    const selector = `${tag}${ready}`;
    const elements = [...root.querySelectorAll(selector)];
    if (root instanceof Element && root.matches(selector)) elements.push(root);
    for (const element of elements) {
      const url = endpointOf(element);
      if (url) prefetch(url);
    }
  }
}
