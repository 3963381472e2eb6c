import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/persona-card/persona-card.define.js';
import type { PersonaCard } from '../src/components/persona-card/persona-card.js';
import { absoluteFixture, allInShadow, findInShadow, fixture, host, inShadow, shadowText } from '../.storybook/helpers.js';
import { mockUrl, requestsFor } from '../.storybook/mock-endpoints.js';

const PERSONAS = fixture('personas.json');

interface CardArgs {
  src?: string;
  'persona-id'?: string;
  variant?: 'compact' | 'full';
  'heading-level'?: number;
  'contribute-action'?: string;
  loading?: 'eager' | 'lazy';
  persona?: unknown;
  /** Not bound by the stories: the toolbar's Theme switch sets it. */
  theme?: 'light' | 'dark' | 'auto';
  onPersonaLoad?: (event: Event) => void;
  onPersonaError?: (event: Event) => void;
  /** CSS custom properties (`--persona-accent`, …): applied around the story by the preview's decorator. */
  [token: `--${string}`]: string | undefined;
}

const meta = {
  title: 'Elements/persona-card',
  component: 'persona-card',
  render: (args) => html`<persona-card
    src=${ifDefined(args.src)}
    persona-id=${ifDefined(args['persona-id'])}
    variant=${ifDefined(args.variant)}
    heading-level=${ifDefined(args['heading-level'])}
    contribute-action=${ifDefined(args['contribute-action'])}
    loading=${ifDefined(args.loading)}
    .persona=${args.persona}
    @persona-load=${args.onPersonaLoad}
    @persona-error=${args.onPersonaError}
  ></persona-card>`,
  args: { src: PERSONAS, 'persona-id': 'APP-074', variant: 'compact' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['compact', 'full'] },
    loading: { control: 'inline-radio', options: ['eager', 'lazy'] },
    'heading-level': { control: { type: 'number', min: 1, max: 6 } },
    theme: { control: false, description: 'Set by the Theme switch in the toolbar for every story.' },
    persona: { control: 'object' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Fixtures are served by Storybook from `stories/fixtures/` (`fixtures/personas.json` holds the 83 real personas of the demo). Loading and error states use the in-browser endpoints of `.storybook/mock-endpoints.ts`.',
      },
    },
  },
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** Waits until the card shows a persona (its `<article>`), and returns the card. */
async function shownCard(canvas: HTMLElement): Promise<PersonaCard> {
  const card = host(canvas, 'persona-card');
  await findInShadow(card, 'article[part~="base"]');
  return card;
}

/** Waits until the card shows its problem box (error, not found, not configured). */
async function problemOf(canvas: HTMLElement): Promise<{ card: PersonaCard; problem: HTMLElement }> {
  const card = host(canvas, 'persona-card');
  const problem = await findInShadow(card, '[part~="problem"]');
  return { card, problem };
}

export const Compact: Story = {
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    await expect(inShadow(card, '[part~="title"]')?.textContent).toContain('The Segment Data Engineer');
    await expect(inShadow(card, '[part~="section"]')).toBeNull();
  },
};

/**
 * A deep persona as a document: the contents list (a sticky side column on wide cards,
 * a compact list on narrow ones) jumps to a section and focuses its heading; the workflow
 * is a timeline of time slots with their steps; each tool is a box of labelled rows.
 */
export const Full: Story = {
  args: { 'persona-id': 'GLUE-001', variant: 'full' },
  play: async ({ canvasElement, step }) => {
    const card = await shownCard(canvasElement);
    const headings = allInShadow(card, '[part~="section-heading"]').map((heading) => heading.textContent?.trim());
    await expect(headings.length).toBeGreaterThan(4);
    await expect(allInShadow(card, '.timeline .steps').length).toBeGreaterThan(3);
    await expect(allInShadow(card, '.tool dt').map((dt) => dt.textContent)).toContain('Use cases');
    await step('A contents link moves focus to its section’s heading', async () => {
      const tools = allInShadow<HTMLAnchorElement>(card, '[part~="contents-link"]').find((a) => a.textContent === 'Tools')!;
      await userEvent.click(tools);
      await waitFor(() => expect(card.shadowRoot!.activeElement?.id).toBe('heading-tools'));
    });
  },
};

/** The same deep persona in a wide container: contents as a sticky side column. */
export const FullWide: Story = {
  args: { 'persona-id': 'GLUE-001', variant: 'full' },
  render: (args) => html`<div style="max-width: 1100px">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    const contents = await findInShadow(card, '[part~="contents"]');
    await expect(getComputedStyle(contents).position).toBe('sticky');
  },
};

/**
 * The actions menu: one "⋯" button (named "Actions for …") opening Copy as Markdown,
 * Download JSON and, with a contribution endpoint, Suggest an edit. Arrow keys move,
 * Escape closes and returns focus to the button.
 */
export const ActionsMenu: Story = {
  args: { 'contribute-action': mockUrl('contributions') },
  play: async ({ canvasElement, step }) => {
    const card = await shownCard(canvasElement);
    const button = inShadow<HTMLButtonElement>(card, '[part~="menu-button"]')!;
    await expect(button.getAttribute('aria-label')).toBe('Actions for The Segment Data Engineer');
    await step('Keyboard: Enter opens on the first item, ArrowDown moves, Escape returns', async () => {
      button.focus();
      await userEvent.keyboard('{Enter}');
      const items = () => allInShadow<HTMLButtonElement>(card, '[part~="menu-item"]');
      await waitFor(() => expect(card.shadowRoot!.activeElement).toBe(items()[0]));
      await expect(items().map((item) => item.textContent)).toEqual(['Copy as Markdown', 'Download JSON', 'Suggest an edit']);
      await userEvent.keyboard('{ArrowDown}');
      await expect(card.shadowRoot!.activeElement).toBe(items()[1]);
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(card.shadowRoot!.activeElement).toBe(button));
    });
    await step('Open, for the screenshot', async () => {
      await userEvent.click(button);
      await waitFor(() => expect(inShadow(card, '[part~="menu"]')!.matches(':popover-open')).toBe(true));
    });
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    await expect(card.getAttribute('theme')).toBe('dark');
  },
};

export const FullDark: Story = {
  args: { 'persona-id': 'GLUE-001', variant: 'full' },
  globals: { theme: 'dark' },
};

/** Set from JavaScript (`.persona = {…}`): nothing is fetched. With a local avatar. */
export const FromProperty: Story = {
  args: {
    src: undefined,
    'persona-id': undefined,
    persona: {
      pid: 'LOCAL-1',
      name: 'The Research Ops Lead',
      identity: 'Runs the research repository for a product org of 40 designers and PMs, and wants every study to end up where decisions are made.',
      app: 'Notion',
      image: absoluteFixture('avatar.svg'),
      aha_moment: 'A PM quoted a participant from last quarter without asking where to find the clip.',
      comment_count: 2,
      validation_count: 5,
      updated_at: '2025-11-03',
    },
  },
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    await expect(inShadow<HTMLImageElement>(card, 'img[part~="image"]')?.alt).toBe('Avatar of The Research Ops Lead');
  },
};

/** Restyled by a host page through the documented `--persona-*` custom properties (try them in Controls). */
export const CustomTokens: Story = {
  args: {
    variant: 'full',
    'persona-id': 'GLUE-002',
    '--persona-accent': '#8250df',
    '--persona-subtle': '#fbf7ff',
    '--persona-border': '#c297ff',
    '--persona-radius': '2px',
    '--persona-font': 'Georgia, serif',
  },
  // The colours are chosen for the light theme.
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    const base = inShadow(card, '[part~="base"]')!;
    await expect(getComputedStyle(base).borderTopLeftRadius).toBe('2px');
  },
};

/** A very long name, a multi-paragraph identity with unbroken tokens (clamped, with More), big counts. */
export const LongText: Story = {
  args: { src: fixture('long-text.json'), 'persona-id': 'LONG-001' },
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    const more = await findInShadow<HTMLButtonElement>(card, '[part~="more-button"]');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    await waitFor(() => expect(more).toHaveAttribute('aria-expanded', 'true'));
    // Nothing widens the card beyond the canvas.
    const base = inShadow(card, '[part~="base"]')!;
    await expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth + 1);
  },
};

/** Right-to-left text (`dir="auto"` on every text block). */
export const RightToLeft: Story = {
  args: { src: fixture('long-text.json'), 'persona-id': 'LONG-002' },
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    const identity = inShadow(card, '[part~="identity"]')!;
    await expect(getComputedStyle(identity).direction).toBe('rtl');
  },
};

/** On a right-to-left page (`dir="rtl"` on an ancestor): the card's own layout mirrors too. */
export const RightToLeftPage: Story = {
  args: { src: fixture('long-text.json'), 'persona-id': 'LONG-002' },
  render: (args) => html`<div dir="rtl" lang="ar">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    await expect(getComputedStyle(inShadow(card, '[part~="menu-button"]')!).direction).toBe('rtl');
  },
};

/** Every section, each with many items. */
export const FullLongLists: Story = {
  args: { src: fixture('long-text.json'), 'persona-id': 'LONG-003', variant: 'full' },
};

const expectInert = async (card: PersonaCard) => {
  await expect(window.__personaPwned).toBeUndefined();
  // Markup in the data is text: no element of the data's making exists.
  // (The one SVG is the card's own drawn "⋯" in its actions button.)
  await expect(inShadow(card, 'script, iframe, svg:not([part~="menu-button"] > svg), img, marquee, details, style:not([data-lit])')).toBeNull();
  await expect(inShadow(card, 'a[href^="javascript"], a[href^="data"], [onerror], [onload], [onclick]')).toBeNull();
};

/** HTML and script in every string, `javascript:` URLs: all shown as inert text, no link, no image. */
export const HostileText: Story = {
  args: { src: fixture('hostile.json'), 'persona-id': 'HOSTILE-001', variant: 'full' },
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    await expect(shadowText(card)).toContain('<script>window.__personaPwned');
    await expect(inShadow(card, '[part~="title"] a')).toBeNull(); // the javascript: url was dropped
    await expectInert(card);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(window.__personaPwned).toBeUndefined();
  },
};

/** `java\tscript:` URL, `data:` avatar, bidi override and zero-width characters. */
export const HostileUrls: Story = {
  args: { src: fixture('hostile.json'), 'persona-id': 'HOSTILE-002' },
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    await expect(inShadow(card, '[part~="title"] a')).toBeNull();
    await expectInert(card);
  },
};

/** A real http(s) URL full of quotes stays a link, but cannot break out of its attribute. */
export const HostileQuotes: Story = {
  args: { src: fixture('hostile.json'), 'persona-id': 'HOSTILE-003' },
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    const link = inShadow<HTMLAnchorElement>(card, '[part~="title"] a')!;
    await expect(link.protocol).toBe('https:');
    await expect(link.getAttribute('onmouseover')).toBeNull();
    await expectInert(card);
  },
};

/** The endpoint never answers: the skeleton stays (the client's timeout is raised for this story). */
export const Loading: Story = {
  args: { src: mockUrl('personas', { key: 'card-loading', hang: 1 }) },
  parameters: { personaClient: { timeout: 24 * 60 * 60 * 1000 } },
  play: async ({ canvasElement }) => {
    const card = host(canvasElement, 'persona-card');
    const skeleton = await findInShadow(card, '[part~="skeleton"]');
    await expect(skeleton).toHaveAttribute('role', 'status');
  },
};

/** HTTP 500 on every attempt (the client retried twice): the error, with Retry. */
export const FetchError: Story = {
  name: 'Error',
  args: { src: mockUrl('personas', { key: 'card-error', status: 500 }) },
  parameters: { personaClient: { retryDelay: 10 } },
  play: async ({ canvasElement }) => {
    const { problem } = await problemOf(canvasElement);
    await expect(problem.textContent).toContain('HTTP 500');
    await expect(problem.querySelector('[part~="retry-button"]')).not.toBeNull();
    await expect(requestsFor('card-error')).toHaveLength(3);
  },
};

/** The endpoint fails three times (the first load and its two automatic retries), then works: Retry recovers. */
export const ErrorThenRetry: Story = {
  args: { src: mockUrl('personas', { key: 'card-retry', status: 503, fail: 3 }) },
  parameters: { personaClient: { retryDelay: 10 } },
  play: async ({ canvasElement, step }) => {
    const { card, problem } = await problemOf(canvasElement);
    await step('Retry', async () => {
      await userEvent.click(problem.querySelector<HTMLButtonElement>('[part~="retry-button"]')!);
    });
    await findInShadow(card, 'article[part~="base"]');
    await expect(inShadow(card, '[part~="title"]')?.textContent).toContain('The Segment Data Engineer');
    await expect(requestsFor('card-retry')).toHaveLength(4);
  },
};

/** The endpoint answers, but not with persona data. */
export const ErrorNotPersonaData: Story = {
  args: { src: mockUrl('personas', { key: 'card-html', body: 'not-json' }) },
  play: async ({ canvasElement }) => {
    const { problem } = await problemOf(canvasElement);
    await expect(problem.textContent).toContain('did not return persona data');
  },
};

export const NotFound: Story = {
  args: { 'persona-id': 'APP-999' },
  play: async ({ canvasElement }) => {
    const { problem } = await problemOf(canvasElement);
    await expect(problem.textContent).toContain('No persona APP-999 at this endpoint.');
  },
};

/** No `src`, no `<persona-provider>`, no `<meta>`: the card says how to configure it (no Retry). */
export const NotConfigured: Story = {
  args: { src: undefined },
  play: async ({ canvasElement }) => {
    const { problem } = await problemOf(canvasElement);
    await expect(problem.textContent).toContain('No persona endpoint is configured.');
    await expect(problem.querySelector('[part~="retry-button"]')).toBeNull();
  },
};

/** A persona set from JavaScript that fails validation. */
export const InvalidProperty: Story = {
  args: { src: undefined, 'persona-id': undefined, persona: { pid: 'X-1', name: 'No identity' } },
  play: async ({ canvasElement }) => {
    const { problem } = await problemOf(canvasElement);
    await expect(problem.textContent).toContain('This persona could not be shown.');
  },
};

/** With `contribute-action`: "Suggest an edit" opens the contribute form in a dialog. */
export const WithContributions: Story = {
  args: { 'contribute-action': mockUrl('contributions', { key: 'card-contribute' }) },
  play: async ({ canvasElement, step }) => {
    const card = await shownCard(canvasElement);
    await step('Suggest an edit, from the actions menu', async () => {
      await userEvent.click(inShadow<HTMLButtonElement>(card, '[part~="menu-button"]')!);
      const suggest = await findInShadow<HTMLButtonElement>(card, '[part~="menu-item"]:last-child');
      await expect(suggest.textContent).toBe('Suggest an edit');
      await userEvent.click(suggest);
    });
    const dialog = await findInShadow<HTMLDialogElement>(card, 'dialog[open]');
    const form = dialog.querySelector('contribute-form')!;
    await waitFor(() => expect(customElements.get('contribute-form')).toBeDefined());
    await expect(form.getAttribute('persona-id')).toBe('APP-074');
    await findInShadow(form, 'form');
  },
};

/** Full variant with contributions: a "Suggest an edit" per section, and invitations for the missing ones. */
export const FullWithContributions: Story = {
  args: {
    'persona-id': 'APP-074',
    variant: 'full',
    'contribute-action': mockUrl('contributions', { key: 'card-contribute-full' }),
  },
  play: async ({ canvasElement }) => {
    const card = await shownCard(canvasElement);
    await findInShadow(card, '[part~="invitations"]');
    await expect(allInShadow(card, '[part~="invitation-button"]').length).toBeGreaterThan(3);
  },
};
