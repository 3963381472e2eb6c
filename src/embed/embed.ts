/**
 * Iframe mode, for hosts that run no scripts of their own (Notion, GitBook,
 * Confluence Cloud): dist/embed.html?view=card&src=…&persona-id=… renders one
 * element from the query string and tells the parent page its height.
 *
 * Only known views and attributes are read from the URL, and values are set
 * as attributes (never parsed as HTML). The page sets no cookies.
 */
import '../define.js';

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

/** Builds the element the query string asks for; an unknown view falls back to a card. */
export function createEmbeddedElement(search: string): HTMLElement {
  const params = new URLSearchParams(search);
  const requested = params.get('view') ?? 'card';
  const view = VIEWS[(Object.hasOwn(VIEWS, requested) ? requested : 'card') as View];
  const element = document.createElement(view.tag);
  for (const name of view.attributes) {
    const value = params.get(name);
    if (value !== null) element.setAttribute(name, value);
  }
  return element;
}

/** Posts the document's height to the parent on every change (iframe auto-resize). */
export function reportHeight(target: Window = window.parent): () => void {
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is not secret, so any parent may read it; parents must check our origin.
    target.postMessage({ type: 'persona-widgets:resize', height } satisfies EmbedResizeMessage, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(document.documentElement);
  post();
  return () => observer.disconnect();
}

if (document.body?.dataset.personaEmbed !== undefined) {
  const element = createEmbeddedElement(location.search);
  const theme = element.getAttribute('theme');
  if (theme) document.documentElement.dataset.theme = theme;
  document.body.append(element);
  if (window.parent !== window) reportHeight();
}
