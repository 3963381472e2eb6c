/**
 * Iframe mode, for hosts that run no scripts of their own (Notion, GitBook,
 * Confluence Cloud): dist/embed.html?view=card&src=…&persona-id=… renders one
 * element from the query string and tells the parent page its height.
 *
 * Only known views and attributes are read from the URL, and values are set
 * as attributes (never parsed as HTML). The page sets no cookies.
 *
 * Allowed addresses: the link decides what the embed shows, but not where it
 * fetches from or posts to. Every address in the link (`src`, `action`,
 * `contribute-action`) must be on the allow-list of whoever deploys
 * embed.html, set once in the page itself:
 *
 *   <meta name="persona-widgets:embed-allow" content="self https://a.example https://b.example/api/">
 *
 * Entries are separated by spaces: an origin (`https://a.example`: anything on
 * it), a URL prefix (`https://b.example/api/`: that origin, paths under
 * `/api/`), or `self` (the embed's own origin). Without the meta (or with an
 * empty one) only the embed's own origin is allowed. Relative addresses in the
 * link resolve against the embed's location first. When any address is not
 * allowed, the embed renders no element and fetches nothing: it shows a plain
 * refusal instead.
 */
import type { ReactiveElement } from 'lit';
import '../define.js';
import { embedStrings } from '../i18n/embed-strings.js';
import { setDefaultStrings } from '../i18n/page-strings.js';

/** The message the parent receives whenever the content's height changes. */
export interface EmbedResizeMessage {
  type: 'persona-widgets:resize';
  height: number;
}

const VIEWS = {
  card: {
    tag: 'persona-card',
    attributes: ['src', 'persona-id', 'variant', 'theme', 'heading-level', 'contribute-action', 'loading'],
  },
  grid: {
    tag: 'persona-grid',
    attributes: ['src', 'app', 'query', 'sort', 'page-size', 'variant', 'theme', 'contribute-action', 'search-param', 'heading-level', 'no-controls'],
  },
  form: {
    tag: 'contribute-form',
    attributes: ['action', 'src', 'persona-id', 'field', 'kind', 'theme'],
  },
} as const;

type View = keyof typeof VIEWS;

/** Attributes whose value is an address the element fetches from or posts to. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['src', 'action', 'contribute-action']);

/** The meta that holds the deployer's allow-list. */
export const EMBED_ALLOW_META = 'persona-widgets:embed-allow';

/** What the embed shows instead of an element whose addresses are not allowed. */
export const EMBED_REFUSED_MESSAGE =
  'This embed was not shown: the address it was given to load personas from or to send contributions to ' +
  'is not one its owner allows.';

/** One allow-list entry: an origin, and a path prefix on it (`/` for the whole origin). */
export interface EmbedAllowEntry {
  origin: string;
  path: string;
}

/**
 * Reads an allow-list (the meta's `content`): space-separated origins, URL
 * prefixes and `self`, resolved against `base` (the embed's location).
 * Undefined or blank content means the embed's own origin only. Entries that
 * are not http(s) URLs are left out, so a list of only bad entries allows nothing.
 */
export function parseEmbedAllowList(content: string | null | undefined, base: string): EmbedAllowEntry[] {
  const own = new URL(base).origin;
  const tokens = (content ?? '').split(/[\s,]+/).filter(Boolean);
  if (!tokens.length) return [{ origin: own, path: '/' }];
  const entries: EmbedAllowEntry[] = [];
  for (const token of tokens) {
    if (token === 'self' || token === "'self'") {
      entries.push({ origin: own, path: '/' });
      continue;
    }
    const url = httpUrl(token, base);
    if (url) entries.push({ origin: url.origin, path: url.pathname || '/' });
  }
  return entries;
}

/** Whether `url` (relative ones resolve against `base`) is on the allow-list. */
export function isEmbedAllowed(url: string, base: string, allowList: readonly EmbedAllowEntry[]): boolean {
  const target = httpUrl(url, base);
  if (!target) return false;
  return allowList.some(
    ({ origin, path }) =>
      target.origin === origin &&
      (path === '/' || target.pathname === path || target.pathname.startsWith(path.endsWith('/') ? path : `${path}/`)),
  );
}

/** The allow-list of this page: its meta, else its own origin. */
export function embedAllowList(doc: Document = document): EmbedAllowEntry[] {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${EMBED_ALLOW_META}"]`);
  return parseEmbedAllowList(meta?.content, doc.baseURI);
}

/** An absolute http(s) URL without credentials, or undefined. */
function httpUrl(value: string, base: string): URL | undefined {
  const candidate = value.trim();
  // Browsers drop tabs and newlines inside URLs, which can hide a scheme.
  if (!candidate || /[\u0000-\u001f]/.test(candidate)) return undefined;
  try {
    const url = new URL(candidate, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password) return undefined;
    return url;
  } catch {
    return undefined;
  }
}

/**
 * Builds the element the query string asks for; an unknown view falls back to a card.
 * Addresses resolve against `base` (the embed's location) and must be on `allowList`
 * (default: the page's `persona-widgets:embed-allow` meta, else its own origin); if
 * any is not, the result is a refusal message instead, and nothing is fetched.
 */
export function createEmbeddedElement(
  search: string,
  allowList: readonly EmbedAllowEntry[] = embedAllowList(),
  base: string = document.baseURI,
): HTMLElement {
  const params = new URLSearchParams(search);
  const requested = params.get('view') ?? 'card';
  const view = VIEWS[(Object.hasOwn(VIEWS, requested) ? requested : 'card') as View];
  const element = document.createElement(view.tag);
  for (const name of view.attributes) {
    const value = params.get(name);
    if (value === null) continue;
    if (!URL_ATTRIBUTES.has(name)) {
      element.setAttribute(name, value);
    } else if (value.trim()) {
      if (!isEmbedAllowed(value, base, allowList)) return refusal();
      element.setAttribute(name, new URL(value.trim(), base).href);
    }
  }
  return element;
}

/** The plain message shown instead of an element whose addresses are not allowed. */
function refusal(): HTMLElement {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.dataset.personaEmbedRefused = '';
  message.textContent = EMBED_REFUSED_MESSAGE;
  return message;
}

/** The smallest height reported: an iframe never collapses to a sliver. */
export const EMBED_MIN_HEIGHT = 120;

/**
 * Posts the document's height to the parent on every change (iframe auto-resize),
 * starting once `rendered` settles (the element's first render: its content, its
 * skeleton or its error), so the parent never sees the empty page's 2 px.
 */
export function reportHeight(target: Pick<Window, 'postMessage'> = window.parent, rendered: Promise<unknown> = Promise.resolve()): () => void {
  let last = -1;
  let stopped = false;
  const post = () => {
    const height = Math.max(EMBED_MIN_HEIGHT, Math.ceil(document.documentElement.getBoundingClientRect().height));
    if (height === last) return;
    last = height;
    // The height is not secret, so any parent may read it; parents must check our origin.
    target.postMessage({ type: 'persona-widgets:resize', height } satisfies EmbedResizeMessage, '*');
  };
  // Its first callback comes after layout, with the rendered height.
  const observer = new ResizeObserver(post);
  void rendered.finally(() => stopped || observer.observe(document.documentElement));
  return () => {
    stopped = true;
    observer.disconnect();
  };
}

if (document.body?.dataset.personaEmbed !== undefined) {
  // Help in the elements' messages points at the embed URL, the only thing a reader can change.
  setDefaultStrings(embedStrings);
  const element = createEmbeddedElement(location.search);
  const theme = element.getAttribute('theme');
  if (theme) document.documentElement.dataset.theme = theme;
  document.body.append(element);
  const rendered = (element as Partial<ReactiveElement>).updateComplete;
  if (window.parent !== window) reportHeight(window.parent, rendered);
}
