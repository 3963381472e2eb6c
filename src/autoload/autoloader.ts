/**
 * The one-script-tag entry, `dist/persona-widgets.js`: defines each element the
 * first time the page has one, loading its code from the chunks next to this
 * file (resolved from this file's own URL), so a page of cards never downloads
 * the grid or the form. Before that code arrives, the cards' and grids' data
 * requests are already on their way (early.ts).
 *
 * Elements added later are found by a MutationObserver on the document. Elements
 * inside another component's shadow root are not: call `discover(shadowRoot)`.
 */
import { prefetchFor } from './early.js';

const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'persona-card': () => import('../components/persona-card/persona-card.define.js'),
  'persona-grid': () => import('../components/persona-grid/persona-grid.define.js'),
  'contribute-form': () => import('../components/contribute-form/contribute-form.define.js'),
  'persona-provider': () => import('../components/persona-provider/persona-provider.define.js'),
};
const TAGS = Object.keys(ELEMENTS);
const requested = new Set<string>();

/**
 * Loads the code of one element (`persona-card`, `persona-grid`, `contribute-form`,
 * `persona-provider`) now, before the page has one; resolves once it is defined.
 * For code that creates elements after awaiting `customElements.whenDefined()`.
 */
export function load(tag: string): Promise<void> {
  const module = ELEMENTS[tag];
  if (!module) return Promise.reject(new Error(`persona-widgets has no <${tag}>`));
  if (!requested.has(tag)) {
    requested.add(tag);
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
  const found = TAGS.filter(
    (tag) =>
      !requested.has(tag) && !customElements.get(tag) && ((root as Element).localName === tag || root.querySelector(tag)),
  );
  if (!found.length) return;
  prefetchFor(found, root);
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
