import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/persona-grid/persona-grid.define.js';
import type { PersonaGrid } from '../src/components/persona-grid/persona-grid.js';
import { allInShadow, deepActiveElement, findInShadow, fixture, host, inShadow } from '../.storybook/helpers.js';
import { mockUrl, requestsFor } from '../.storybook/mock-endpoints.js';

interface GridArgs {
  src?: string;
  query?: string;
  app?: string;
  sort?: string;
  'page-size'?: number;
  variant?: 'compact' | 'full';
  'contribute-action'?: string;
  'heading-level'?: number;
  'no-controls'?: boolean;
  'search-param'?: string;
  'href-template'?: string;
  personas?: unknown;
  /** Not bound by the stories: the toolbar's Theme switch sets it. */
  theme?: 'light' | 'dark' | 'auto';
  'sync-url'?: string;
  onPersonaSelect?: (event: Event) => void;
  onPersonaGridChange?: (event: Event) => void;
  onPersonaGridLoad?: (event: Event) => void;
  onPersonaError?: (event: Event) => void;
}

const meta = {
  title: 'Elements/persona-grid',
  component: 'persona-grid',
  render: (args) => html`<persona-grid
    src=${ifDefined(args.src)}
    query=${ifDefined(args.query)}
    app=${ifDefined(args.app)}
    sort=${ifDefined(args.sort)}
    page-size=${ifDefined(args['page-size'])}
    variant=${ifDefined(args.variant)}
    contribute-action=${ifDefined(args['contribute-action'])}
    heading-level=${ifDefined(args['heading-level'])}
    ?no-controls=${args['no-controls']}
    search-param=${ifDefined(args['search-param'])}
    href-template=${ifDefined(args['href-template'])}
    .personas=${args.personas}
    @persona-select=${args.onPersonaSelect}
    @persona-grid-change=${args.onPersonaGridChange}
    @persona-grid-load=${args.onPersonaGridLoad}
    @persona-error=${args.onPersonaError}
  ></persona-grid>`,
  args: { src: fixture('personas.json'), 'page-size': 12 },
  argTypes: {
    sort: { control: 'select', options: ['relevance', 'name', 'comments', 'validations', 'updated'] },
    variant: { control: 'inline-radio', options: ['compact', 'full'] },
    'no-controls': { control: 'boolean' },
    'page-size': { control: { type: 'number', min: 1 } },
    theme: { control: false, description: 'Set by the Theme switch in the toolbar for every story.' },
    'sync-url': { control: false, description: 'Not shown here: it rewrites the page URL.' },
    personas: { control: 'object' },
  },
  parameters: {
    docs: {
      description: {
        component:
          '`fixtures/personas.json` holds the 83 real personas. The large, paged, server-search and failing endpoints are answered in the browser by `.storybook/mock-endpoints.ts`.',
      },
    },
  },
} satisfies Meta<GridArgs>;

export default meta;
type Story = StoryObj<GridArgs>;

const countText = (grid: PersonaGrid) => inShadow(grid, '[part~="count"]')?.textContent?.trim() ?? '';
const items = (grid: PersonaGrid) => allInShadow(grid, '[part~="item"]');

/** The grid once it shows cards (or its empty / problem box), and the count line once it is final. */
async function loadedGrid(canvas: HTMLElement, count?: RegExp | string): Promise<PersonaGrid> {
  const grid = host(canvas, 'persona-grid');
  await findInShadow(grid, '[part~="grid"], [part~="empty"], [part~="problem"]', 8000);
  if (count) await waitFor(() => expect(countText(grid)).toMatch(count), { timeout: 8000 });
  return grid;
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const grid = await loadedGrid(canvasElement, '83 personas');
    await expect(items(grid)).toHaveLength(12);
  },
};

/**
 * A card opens the persona's profile: a side sheet (a modal dialog; the whole width on phones)
 * with the full card, the persona's name as its title and a Close button. Escape or Close shuts
 * it and focus returns to the card. Under `sync-url` the open profile is in the page URL.
 */
export const Profile: Story = {
  play: async ({ canvasElement, step }) => {
    const grid = await loadedGrid(canvasElement, '83 personas');
    const second = items(grid)[1]!;
    await step('Click the second card', async () => second.click());
    const dialog = await findInShadow<HTMLDialogElement>(grid, '[part~="profile"]');
    await waitFor(() => expect(dialog.open).toBe(true));
    await expect(inShadow(grid, '[part~="profile-title"]')!.textContent).toBe(second.getAttribute('aria-label'));
    await expect(deepActiveElement()).toBe(inShadow(grid, '[part~="profile-close"]'));
    await expect(dialog.querySelector('persona-card')?.getAttribute('variant')).toBe('full');
  },
};

/**
 * With `href-template` every card is a real link to the host's own page for its persona
 * (`{pid}` URL-encoded: middle-click and "open in new tab" work); no profile opens in the grid.
 */
export const LinksToHostPages: Story = {
  args: { 'href-template': '/personas/{pid}' },
  parameters: {
    // Each link is named by its persona's name, the card's visible title (WCAG 2.5.3 holds: "click
    // The Segment Data Engineer" works by voice). axe's heuristic takes the whole card's text as the
    // link's label; naming the link with all of it would make screen readers read every card twice.
    a11y: { config: { rules: [{ id: 'label-content-name-mismatch', enabled: false }] } },
  },
  play: async ({ canvasElement }) => {
    const grid = await loadedGrid(canvasElement, '83 personas');
    const first = items(grid)[0] as HTMLAnchorElement;
    await expect(first.tagName).toBe('A');
    await expect(new URL(first.href).pathname).toMatch(/^\/personas\/APP-\d+$/);
  },
};

/** Typing searches the loaded personas (ranked: name and app matches first). */
export const Search: Story = {
  play: async ({ canvasElement, step }) => {
    const grid = await loadedGrid(canvasElement, '83 personas');
    await step('Type "segment"', async () => {
      await userEvent.type(inShadow<HTMLInputElement>(grid, '[part~="search"]')!, 'segment');
    });
    await waitFor(() => expect(countText(grid)).toMatch(/^\d+ of 83 personas$/));
    const first = inShadow(grid, '[part~="item"]')!;
    await expect(first.getAttribute('aria-label')).toMatch(/Segment/);
  },
};

/** A search set by the `query` attribute. */
export const PresetSearch: Story = {
  args: { query: 'research' },
  play: async ({ canvasElement }) => {
    await loadedGrid(canvasElement, /of 83 personas/);
  },
};

/** Filtering by app: the Apps button opens a list of checkboxes with counts. */
export const FilterByApp: Story = {
  play: async ({ canvasElement, step }) => {
    const grid = await loadedGrid(canvasElement, '83 personas');
    await step('Open Apps and tick Glue', async () => {
      await userEvent.click(inShadow<HTMLButtonElement>(grid, '[part~="apps-button"]')!);
      const glue = allInShadow<HTMLLabelElement>(grid, '[part~="apps"] label').find((label) =>
        label.textContent?.includes('Glue'),
      )!;
      await userEvent.click(glue.querySelector('input')!);
    });
    await waitFor(() => expect(countText(grid)).toBe('5 of 83 personas'));
    await expect(items(grid)).toHaveLength(5);
  },
};

/** Apps preset with the `app` attribute, sorted by name. */
export const PresetFilterAndSort: Story = {
  args: { app: 'notion,notion-ai,notion-calendar', sort: 'name' },
  play: async ({ canvasElement }) => {
    const grid = await loadedGrid(canvasElement, '5 of 83 personas');
    const names = items(grid).map((item) => item.getAttribute('aria-label') ?? '');
    await expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
  },
};

/** Nothing matches: a message and "Clear filters", which brings everything back. */
export const NoMatches: Story = {
  args: { query: 'zzzz-nothing-matches' },
  play: async ({ canvasElement, step }) => {
    const grid = await loadedGrid(canvasElement);
    const empty = await findInShadow(grid, '[part~="empty"]');
    await expect(empty.textContent).toContain('No personas match “zzzz-nothing-matches”.');
    await step('Clear filters', async () => {
      await userEvent.click(inShadow<HTMLButtonElement>(grid, '[part~="clear-button"]')!);
    });
    await waitFor(() => expect(countText(grid)).toBe('83 personas'));
  },
};

/** The endpoint has no personas at all. */
export const EmptyEndpoint: Story = {
  args: { src: fixture('empty.json') },
  play: async ({ canvasElement }) => {
    const grid = await loadedGrid(canvasElement);
    await expect(inShadow(grid, '[part~="empty"]')?.textContent).toContain('There are no personas here yet.');
  },
};

/** 1,000 personas (the 83 real ones, repeated with their own ids): search stays instant, only a page is in the DOM. */
export const Large: Story = {
  args: { src: mockUrl('personas', { key: 'grid-large', set: 'generated', count: 1000 }), 'page-size': 24 },
  play: async ({ canvasElement, step }) => {
    const grid = await loadedGrid(canvasElement, '1,000 personas');
    await expect(items(grid)).toHaveLength(24);
    await step('Search the 1,000', async () => {
      await userEvent.type(inShadow<HTMLInputElement>(grid, '[part~="search"]')!, 'data engineer');
    });
    await waitFor(() => expect(countText(grid)).toMatch(/^\d+ of 1,000 personas$/));
  },
};

/** `page-size` cards at a time; "Show more" adds a page and moves focus to its first card. */
export const Paged: Story = {
  args: { 'page-size': 6 },
  play: async ({ canvasElement, step }) => {
    const grid = await loadedGrid(canvasElement, '83 personas');
    await expect(items(grid)).toHaveLength(6);
    await step('Show more', async () => {
      await userEvent.click(inShadow<HTMLButtonElement>(grid, '[part~="more-button"]')!);
    });
    await waitFor(() => expect(items(grid)).toHaveLength(12));
    await waitFor(() => expect(deepActiveElement()).toBe(items(grid)[6]));
  },
};

/** The endpoint serves its collection in pages (`{ personas, total, next }`): "Show more" fetches the next page. */
export const EndpointPages: Story = {
  args: { src: mockUrl('personas', { key: 'grid-pages', pages: 7 }), 'page-size': 12 },
  play: async ({ canvasElement, step }) => {
    const grid = await loadedGrid(canvasElement, '83 personas');
    await expect(requestsFor('grid-pages')).toHaveLength(1);
    await step('Show more', async () => {
      await userEvent.click(inShadow<HTMLButtonElement>(grid, '[part~="more-button"]')!);
    });
    await waitFor(() => expect(items(grid)).toHaveLength(24));
    await expect(requestsFor('grid-pages').length).toBeGreaterThan(1);
  },
};

/** Server mode (`search-param="q"`): the endpoint searches, filters, sorts and pages. */
export const ServerSearch: Story = {
  args: { src: mockUrl('personas', { key: 'grid-server' }), 'search-param': 'q' },
  play: async ({ canvasElement, step }) => {
    const grid = await loadedGrid(canvasElement, '83 personas');
    await step('Type "glue"', async () => {
      await userEvent.type(inShadow<HTMLInputElement>(grid, '[part~="search"]')!, 'glue');
    });
    await waitFor(() => expect(countText(grid)).toBe('5 of 83 personas'));
    await expect(requestsFor('grid-server').some((request) => request.url.searchParams.get('q') === 'glue')).toBe(true);
  },
};

/** Cards in the full variant, with contributions enabled. */
export const FullCardsWithContributions: Story = {
  args: {
    app: 'glue',
    'page-size': 2,
    variant: 'full',
    'contribute-action': mockUrl('contributions', { key: 'grid-contribute' }),
  },
  play: async ({ canvasElement }) => {
    await loadedGrid(canvasElement, '5 of 83 personas');
  },
};

/** A curated grid: no toolbar, preset query. */
export const NoControls: Story = {
  args: { 'no-controls': true, query: 'notion', 'page-size': 3 },
  play: async ({ canvasElement }) => {
    const grid = await loadedGrid(canvasElement);
    await expect(inShadow(grid, '[part~="toolbar"]')).toBeNull();
  },
};

/** The endpoint never answers: skeleton cards (the client's timeout is raised for this story). */
export const Loading: Story = {
  args: { src: mockUrl('personas', { key: 'grid-loading', hang: 1 }) },
  parameters: { personaClient: { timeout: 24 * 60 * 60 * 1000 } },
  play: async ({ canvasElement }) => {
    const grid = host(canvasElement, 'persona-grid');
    await findInShadow(grid, '[part~="skeleton"]');
    await expect(countText(grid)).toBe('Loading personas…');
  },
};

/** The endpoint fails three times (first load and two automatic retries), then works: Retry recovers. */
export const ErrorThenRetry: Story = {
  args: { src: mockUrl('personas', { key: 'grid-retry', status: 503, fail: 3 }) },
  parameters: { personaClient: { retryDelay: 10 } },
  play: async ({ canvasElement, step }) => {
    const grid = await loadedGrid(canvasElement);
    const problem = await findInShadow(grid, '[part~="problem"]');
    await expect(problem.textContent).toContain('HTTP 503');
    await step('Retry', async () => {
      await userEvent.click(problem.querySelector<HTMLButtonElement>('[part~="retry-button"]')!);
    });
    await waitFor(() => expect(countText(grid)).toBe('83 personas'));
  },
};

/** HTTP 500 every time: the error stays, with Retry. */
export const FetchError: Story = {
  name: 'Error',
  args: { src: mockUrl('personas', { key: 'grid-error', status: 500 }) },
  parameters: { personaClient: { retryDelay: 10 } },
  play: async ({ canvasElement }) => {
    const grid = await loadedGrid(canvasElement);
    const problem = await findInShadow(grid, '[part~="problem"]');
    await expect(problem.querySelector('[part~="retry-button"]')).not.toBeNull();
  },
};

export const NotConfigured: Story = {
  args: { src: undefined },
  play: async ({ canvasElement }) => {
    const grid = await loadedGrid(canvasElement);
    await expect(inShadow(grid, '[part~="problem"]')?.textContent).toContain('No persona endpoint is configured.');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const grid = await loadedGrid(canvasElement, '83 personas');
    await expect(grid.getAttribute('theme')).toBe('dark');
  },
};

export const NoMatchesDark: Story = {
  ...NoMatches,
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await findInShadow(await loadedGrid(canvasElement), '[part~="empty"]');
  },
};
