import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import manifest from 'virtual:custom-elements-manifest';
import { defaultClientOptions, personaClient, type PersonaClientOptions } from '../src/data/client.js';
import { tidyManifest, typesFromManifest } from './manifest.js';
import { installMockFetch, resetMocks } from './mock-endpoints.js';

// Controls and the API tables come from dist/custom-elements.json (`npm run analyze`).
setCustomElementsManifest(tidyManifest(manifest));
installMockFetch();

type Theme = 'light' | 'dark';
/** The elements' own background and text tokens, so the canvas matches the theme. */
const CANVAS: Record<Theme, { background: string; color: string }> = {
  light: { background: '#ffffff', color: '#1f2328' },
  dark: { background: '#0d1117', color: '#f0f6fc' },
};
/** Elements that take a `theme` attribute. Elements they render (cards in a grid, the form in a card) inherit it. */
const THEMED = 'persona-card, persona-grid, contribute-form';
const observers = new WeakMap<Element, MutationObserver>();

/** Sets `theme` on every themed element in the story, including ones added later (by a play function). */
function applyTheme(root: Element, theme: Theme) {
  const apply = () => {
    for (const element of root.querySelectorAll(THEMED)) {
      if (element.getAttribute('theme') !== theme) element.setAttribute('theme', theme);
    }
  };
  apply();
  observers.get(root)?.disconnect();
  const observer = new MutationObserver(apply);
  observer.observe(root, { childList: true, subtree: true });
  observers.set(root, observer);
}

/** CSS custom property args (`--persona-accent`, …, Controls from the manifest) as declarations; they inherit into the elements. */
function tokens(args: Record<string, unknown>): string {
  return Object.entries(args)
    .filter(([name, value]) => name.startsWith('--') && typeof value === 'string' && value.trim() && !/[;{}]/.test(value))
    .map(([name, value]) => `${name}:${String(value)};`)
    .join('');
}

/**
 * The toolbar's light/dark switch: the story's elements and the canvas background follow it.
 * Also applies the CSS custom properties set in Controls.
 */
const withTheme: Decorator = (story, context) => {
  const theme: Theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  const { background, color } = CANVAS[theme];
  const standalone = context.viewMode === 'story';
  if (standalone) {
    document.documentElement.style.colorScheme = theme;
    document.body.style.background = background;
    document.body.style.color = color;
  }
  return html`<div
    class="persona-story"
    data-theme=${theme}
    style="background:${background};color:${color};color-scheme:${theme};padding:1rem;${standalone ? 'min-height:100vh;box-sizing:border-box;' : ''}${tokens(context.args)}"
    ${ref((element) => element && applyTheme(element, theme))}
  >
    ${story()}
  </div>`;
};

const DRAFT_PREFIX = 'persona-widgets:contribute-draft:';

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  argTypesEnhancers: [typesFromManifest],
  globalTypes: {
    theme: {
      description: 'Theme of the elements and the canvas',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true },
    // A story with an accessibility violation fails `npm run test:stories`.
    a11y: { test: 'error' },
  },
  /**
   * Every story starts from a clean page state: no cached endpoint, default client
   * options (a story may override some with `parameters.personaClient`), fresh mock
   * counters, no saved contribution drafts.
   */
  beforeEach: ({ parameters }) => {
    resetMocks();
    personaClient.clear();
    personaClient.configure({
      ...defaultClientOptions,
      ...((parameters['personaClient'] as Partial<PersonaClientOptions> | undefined) ?? {}),
    });
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
    }
    delete window.__personaPwned;
  },
};

export default preview;
