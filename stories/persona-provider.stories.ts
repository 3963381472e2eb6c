import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/define.js';
import { findInShadow, fixture, inShadow } from '../.storybook/helpers.js';
import { mockUrl, requestsFor } from '../.storybook/mock-endpoints.js';

interface ProviderArgs {
  src?: string;
  'contribute-action'?: string;
}

const meta = {
  title: 'Elements/persona-provider',
  component: 'persona-provider',
  args: {
    src: mockUrl('personas', { key: 'provider' }),
    'contribute-action': mockUrl('contributions', { key: 'provider-contributions' }),
  },
  parameters: {
    docs: {
      description: {
        component:
          'One `src` (and `contribute-action`) for every persona element inside, at any depth. The stories count the requests the endpoint receives: one, however many elements read it.',
      },
    },
  },
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const layout = 'display:grid;gap:16px;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));align-items:start';

/** Two cards, a grid and a contribute form, none with a `src` of its own: one request for all of them. */
export const WrappingSeveralElements: Story = {
  render: (args) => html`<persona-provider src=${ifDefined(args.src)} contribute-action=${ifDefined(args['contribute-action'])}>
    <div style=${layout}>
      <persona-card persona-id="APP-074"></persona-card>
      <persona-card persona-id="GLUE-003" variant="full"></persona-card>
      <contribute-form persona-id="APP-187" field="identity" kind="confirm"></contribute-form>
    </div>
    <h2 style="font:600 1.1rem system-ui;margin:24px 0 8px">Notion personas</h2>
    <persona-grid app="notion,notion-ai,notion-calendar" page-size="3"></persona-grid>
  </persona-provider>`,
  play: async ({ canvasElement, step }) => {
    const [compact, full] = [...canvasElement.querySelectorAll('persona-card')];
    const grid = canvasElement.querySelector('persona-grid')!;
    const form = canvasElement.querySelector('contribute-form')!;
    await findInShadow(compact!, 'article');
    await findInShadow(full!, 'article');
    await waitFor(() => expect(inShadow(grid, '[part~="count"]')?.textContent).toContain('5 of 83 personas'));
    await waitFor(() => expect(inShadow(form, '#hint-pid')?.textContent).toContain('·'));
    await expect(requestsFor('provider')).toHaveLength(1);
    await step('The provider’s contribute-action reaches the cards', async () => {
      await userEvent.click(inShadow<HTMLButtonElement>(compact!, '[part~="menu-button"]')!);
      const suggest = await findInShadow<HTMLButtonElement>(compact!, '[part~="menu-item"]:last-child');
      await expect(suggest.textContent).toBe('Suggest an edit');
      await userEvent.click(suggest);
      const dialog = await findInShadow<HTMLDialogElement>(compact!, 'dialog[open]');
      await findInShadow(dialog.querySelector('contribute-form')!, 'form');
      dialog.close();
    });
  },
};

/** An inner provider overrides the outer one for its own subtree. */
export const NestedProviders: Story = {
  render: (args) => html`<persona-provider src=${ifDefined(args.src)}>
    <div style=${layout}>
      <persona-card persona-id="APP-074"></persona-card>
      <persona-provider src=${fixture('long-text.json')}>
        <persona-card persona-id="LONG-002"></persona-card>
      </persona-provider>
    </div>
  </persona-provider>`,
  play: async ({ canvasElement }) => {
    const [outer, inner] = [...canvasElement.querySelectorAll('persona-card')];
    await expect((await findInShadow(outer!, '[part~="title"]')).textContent).toContain('The Segment Data Engineer');
    await expect((await findInShadow(inner!, '[part~="title"]')).textContent).toContain('مهندسة البيانات');
  },
};

/** Without `src` the elements inside say they are not configured. */
export const WithoutSrc: Story = {
  args: { src: undefined },
  render: (args) => html`<persona-provider src=${ifDefined(args.src)}>
    <persona-card persona-id="APP-074"></persona-card>
  </persona-provider>`,
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('persona-card')!;
    await expect((await findInShadow(card, '[part~="problem"]')).textContent).toContain('No persona endpoint is configured.');
  },
};

export const WrappingSeveralElementsDark: Story = {
  ...WrappingSeveralElements,
  globals: { theme: 'dark' },
};
