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
import { notify, page } from '../i18n/page-strings.js';
import { coreStrings, type FormatNumber, type PersonaStrings, type PersonaStringsOverride } from '../i18n/strings.js';

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

export { setDefaultStrings } from '../i18n/page-strings.js';

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

/**
 * Whether `locale` is American English, whose dates and whole numbers need no `Intl` ("Mar 4,
 * 2026", "50,000"). Not an unknown one (an invalid or empty `lang`): `Intl` then takes the browser's.
 */
const american = (locale: string | undefined) => locale !== undefined && /^en(-US)?$/i.test(locale);

/**
 * Formats numbers in `locale`. `Intl.NumberFormat` costs 10–20 ms to create the first time on
 * a page (in the task of a grid's first keystroke, "12 of 50,000 personas"), so it is created
 * on the first number that needs it: in American English whole numbers are grouped by hand,
 * and in any English a whole number under 1,000 (a card's counts, mostly) reads the same without it.
 */
function numberFormat(locale: string | undefined): FormatNumber {
  const key = locale ?? '';
  let format = formatters.get(key);
  if (!format) {
    let intl: Intl.NumberFormat | undefined;
    const english = locale !== undefined && /^en(-|$)/i.test(locale);
    const grouped = american(locale);
    format = (n) =>
      Number.isSafeInteger(n) && (grouped || (english && Math.abs(n) < 1000))
        ? String(n).replace(/\B(?=(\d{3})+$)/g, ',')
        : (intl ??= new Intl.NumberFormat(locale)).format(n);
    formatters.set(key, format);
  }
  return format;
}

/** Formats a date for people: "Mar 4, 2026" in American English. */
type FormatDate = (date: Date) => string;

const dateFormats = new Map<string, FormatDate>();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Formats dates in `locale`. `Intl.DateTimeFormat` is slow to create (10–20 ms the first
 * time on a page, on the card's way to its first paint), so American English, what
 * most pages get, is written out by hand; other languages get one formatter, made once.
 */
function dateFormat(locale: string | undefined): FormatDate {
  const key = locale ?? '';
  let format = dateFormats.get(key);
  if (!format) {
    if (american(locale)) {
      format = (date) => `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
    } else {
      const intl = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
      format = (date) => intl.format(date);
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** `text` as a `Date`; an ISO date without a time ("2026-03-04") as local midnight of that day (the spec reads "…T00:00" as local). */
const calendarDate = (text: string) => new Date(/^\d{4}-\d\d-\d\d$/.test(text) ? `${text}T00:00` : text);

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

  /**
   * Formats a date ("Mar 4, 2026") in {@link locale}. A date without a time ("2026-03-04") is
   * that calendar day wherever the reader is (`Date` reads it as UTC midnight: the day before,
   * west of UTC); a date-time is shown in the reader's time zone.
   */
  date(date: Date | string): string {
    const value = typeof date === 'string' ? calendarDate(date) : date;
    // An invalid date says nothing (Intl would throw).
    return Number.isNaN(value.getTime()) ? '' : dateFormat(this.locale)(value);
  }

  /**
   * Creates the date formatter while the page is idle (e.g. while the data is on its
   * way), so formatting the first date does not delay the first paint.
   */
  prepareDates(): void {
    if (american(this.locale)) return;
    const prepare = () => void dateFormat(this.locale);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(prepare, { timeout: 1000 });
    else setTimeout(prepare, 0);
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
