/**
 * Which strings and which language an element uses.
 *
 * Strings, first match wins per key: the element's own `strings`, the nearest
 * `<persona-provider strings>`, the page's `setDefaultStrings()`, English.
 * Language (dates, numbers): `lang` of the closest ancestor, through shadow
 * roots, else the strings' own `lang`. Direction needs no code: the styles
 * are logical (inline-start/end), so they follow the inherited `dir`.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { personaProviderContext } from './provider-context.js';
import { coreStrings, type FormatNumber, type PersonaStrings, type PersonaStringsOverride } from '../i18n/strings.js';

type Listener = () => void;
interface PageStrings {
  override?: PersonaStringsOverride;
  listeners: Set<Listener>;
}

// Shared through the global object, so a second copy of the library on the page (wikis load
// scripts twice) reads the same page defaults as the copy whose elements are registered.
const page: PageStrings = ((globalThis as Record<symbol, unknown>)[Symbol.for('persona-widgets:strings')] ??= {
  listeners: new Set<Listener>(),
}) as PageStrings;

let observer: MutationObserver | undefined;

/**
 * The English fallback: the core groups, plus the groups of each element loaded so
 * far (an element brings its own, so a card-only page never downloads the form's
 * words). A new object whenever a group is added.
 */
let english = coreStrings as PersonaStrings;

function addEnglish(groups: Partial<PersonaStrings>) {
  const missing = Object.entries(groups).filter(([key]) => !Object.hasOwn(english, key));
  if (missing.length) english = { ...english, ...Object.fromEntries(missing) };
}

function notify() {
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `base` with what `over` replaces. Only keys `base` has, and only values of
 * the same kind (a string for a string, a function for a function), so bad
 * input (JSON from an attribute, a typo) can never break rendering.
 */
function merge<T>(base: T, over: unknown): T {
  if (!isRecord(over)) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const key of Object.keys(over)) {
    if (!Object.hasOwn(out, key)) continue;
    const was = out[key];
    const value = over[key];
    if (isRecord(was)) out[key] = merge(was, value);
    else if (typeof value === typeof was) out[key] = value;
  }
  return out as T;
}

/** The strings for the given overrides, most specific last. */
export function resolveStrings(...overrides: (PersonaStringsOverride | undefined | null)[]): PersonaStrings {
  let strings = english;
  for (const over of overrides) {
    if (!isRecord(over) || !Object.keys(over).length) continue;
    // Strings given without a language are taken to be in the page's.
    strings = { ...merge(strings, over), lang: typeof over.lang === 'string' ? over.lang : '' };
  }
  return strings;
}

/** Reads the `strings` attribute: a JSON object, anything else is ignored. */
export const stringsConverter = {
  fromAttribute(value: string | null): PersonaStringsOverride | undefined {
    try {
      const parsed: unknown = value ? JSON.parse(value) : undefined;
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  },
};

/** `lang` of the closest element with one, looking through shadow roots; only valid tags. */
export function closestLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang != null) return validLocale(lang);
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

function validLocale(tag: string): string | undefined {
  try {
    return tag ? Intl.getCanonicalLocales(tag)[0] : undefined;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, FormatNumber>();

function numberFormat(locale: string | undefined): FormatNumber {
  const key = locale ?? '';
  let format = formatters.get(key);
  if (!format) {
    const intl = new Intl.NumberFormat(locale);
    format = (n) => intl.format(n);
    formatters.set(key, format);
  }
  return format;
}

/** An element that can be given strings. */
export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  strings?: PersonaStringsOverride;
}

/**
 * Gives an element its strings and locale, and re-renders it when the page's
 * strings or a `lang` attribute change.
 */
export class LocalizeController implements ReactiveController {
  #host: LocalizedHost;
  #provider: ContextConsumer<typeof personaProviderContext, LocalizedHost>;
  #cache?: { key: unknown[]; strings: PersonaStrings };
  #update = () => {
    this.#cache = undefined;
    this.#host.requestUpdate();
  };

  /** `groups`: the English strings of the element's own groups (e.g. `{ grid: gridStrings }`). */
  constructor(host: LocalizedHost, groups: Partial<PersonaStrings> = {}) {
    addEnglish(groups);
    this.#host = host;
    this.#provider = new ContextConsumer(host, { context: personaProviderContext, subscribe: true });
    host.addController(this);
  }

  /** The element's strings: its own, the provider's, the page's, English. */
  get strings(): PersonaStrings {
    const key = [english, page.override, this.#provider.value?.strings, this.#host.strings];
    if (!this.#cache || key.some((part, i) => part !== this.#cache!.key[i])) {
      this.#cache = { key, strings: resolveStrings(...key.slice(1)) };
    }
    return this.#cache.strings;
  }

  /** The language for dates and numbers: the closest `lang`, else the strings' language. */
  get locale(): string | undefined {
    return closestLang(this.#host) ?? validLocale(this.strings.lang);
  }

  /** Formats a number in {@link locale}. */
  get num(): FormatNumber {
    return numberFormat(this.locale);
  }

  hostConnected(): void {
    page.listeners.add(this.#update);
    if (!observer && typeof MutationObserver === 'function') {
      observer = new MutationObserver(notify);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    page.listeners.delete(this.#update);
    if (!page.listeners.size) {
      observer?.disconnect();
      observer = undefined;
    }
  }
}
