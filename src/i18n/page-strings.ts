/**
 * The page's strings (`setDefaultStrings()`), shared through the global object, so a
 * second copy of the library on the page (wikis load scripts twice) reads the same page
 * defaults as the copy whose elements are registered, and the one-script-tag autoloader
 * can set them before any element's code has arrived.
 */
import type { PersonaStringsOverride } from './strings.js';

type Listener = () => void;
interface PageStrings {
  override?: PersonaStringsOverride;
  listeners: Set<Listener>;
}

export const page: PageStrings = ((globalThis as Record<symbol, unknown>)[Symbol.for('persona-widgets:strings')] ??= {
  listeners: new Set<Listener>(),
}) as PageStrings;

/** Tells every element on the page that its strings may have changed. */
export function notify() {
  for (const listener of [...page.listeners]) listener();
}

/**
 * Sets the strings of every element on the page (those with their own or a
 * provider's strings keep them). Pass only what differs from English; nested
 * groups may be partial. Replaces what an earlier call set; `setDefaultStrings()`
 * goes back to English. Elements already on the page re-render.
 *
 * ```js
 * setDefaultStrings({ lang: 'de', card: { copyMarkdown: 'Als Markdown kopieren' } });
 * ```
 */
export function setDefaultStrings(strings?: PersonaStringsOverride | null): void {
  page.override = strings ?? undefined;
  notify();
}

