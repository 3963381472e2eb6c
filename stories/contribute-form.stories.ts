import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/contribute-form/contribute-form.define.js';
import type { ContributeForm } from '../src/components/contribute-form/contribute-form.js';
import { draftKey, writeDraft } from '../src/components/contribute-form/contribute-draft.js';
import { resolveUrl } from '../src/data/url.js';
import { defaultStrings } from '../src/i18n/index.js';
import { deepActiveElement, findInShadow, fixture, host, inShadow, shadowText, typeInto } from '../.storybook/helpers.js';
import { mockUrl, requestsFor } from '../.storybook/mock-endpoints.js';

interface FormArgs {
  action?: string;
  src?: string;
  'persona-id'?: string;
  field?: string;
  kind?: 'confirm' | 'correct' | 'extend' | 'new';
  timeout?: number;
  /** Not bound by the stories: the toolbar's Theme switch sets it. */
  theme?: 'light' | 'dark' | 'auto';
  onContributeSubmit?: (event: Event) => void;
  onContributeSuccess?: (event: Event) => void;
  onContributeError?: (event: Event) => void;
}

const meta = {
  title: 'Elements/contribute-form',
  component: 'contribute-form',
  render: (args) => html`<contribute-form
    action=${ifDefined(args.action)}
    src=${ifDefined(args.src)}
    persona-id=${ifDefined(args['persona-id'])}
    field=${ifDefined(args.field)}
    kind=${ifDefined(args.kind)}
    timeout=${ifDefined(args.timeout)}
    @contribute-submit=${args.onContributeSubmit}
    @contribute-success=${args.onContributeSuccess}
    @contribute-error=${args.onContributeError}
  ></contribute-form>`,
  args: {
    action: mockUrl('contributions', { key: 'form' }),
    src: fixture('personas.json'),
    'persona-id': 'APP-074',
    field: 'aha_moment',
    kind: 'correct',
  },
  argTypes: {
    kind: { control: 'inline-radio', options: ['confirm', 'correct', 'extend', 'new'] },
    theme: { control: false, description: 'Set by the Theme switch in the toolbar for every story.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The `action` of these stories is an in-browser contribution endpoint (`.storybook/mock-endpoints.ts`): it accepts, fails, hangs or rejects fields depending on its query. The persona picker reads `fixtures/personas.json`.',
      },
    },
  },
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

/** The form, once it shows its `<form>`, and the persona list has loaded (the picker's hint names the persona). */
async function readyForm(canvas: HTMLElement, loaded = true): Promise<ContributeForm> {
  const form = host(canvas, 'contribute-form');
  await findInShadow(form, 'form');
  if (loaded) {
    await waitFor(() => expect(inShadow(form, '#hint-pid')?.textContent).not.toMatch(/Loading/));
  }
  return form;
}

const textarea = (form: ContributeForm) => inShadow<HTMLTextAreaElement>(form, 'textarea[name="text"]')!;
const sendButton = (form: ContributeForm) => inShadow<HTMLButtonElement>(form, '[part~="submit-button"]')!;

async function writeAndSend(form: ContributeForm, text: string) {
  await userEvent.type(textarea(form), text);
  await expect(textarea(form).value).toBe(text);
  await userEvent.click(sendButton(form));
}

/** Correct a field: the current value is shown next to the text box. */
export const Correct: Story = {
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await expect(inShadow(form, '[part~="current"]')?.textContent).toContain('Aha moment');
    await expect(inShadow<HTMLInputElement>(form, 'input[name="kind"]:checked')?.value).toBe('correct');
  },
};

/** Confirm: the text is optional. */
export const Confirm: Story = {
  args: { kind: 'confirm', field: 'identity' },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await expect(textarea(form)).toHaveAttribute('aria-required', 'false');
  },
};

export const Extend: Story = {
  args: { kind: 'extend', 'persona-id': 'GLUE-001', field: 'frustrations' },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await expect(inShadow(form, '[part~="current"]')?.textContent).toContain('Data Fragmentation');
  },
};

/** Propose a missing persona: no persona picker, no field. */
export const NewPersona: Story = {
  args: { kind: 'new', 'persona-id': undefined, field: undefined },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement, false);
    await expect(inShadow(form, 'input[name="pid"]')).toBeNull();
    await expect(inShadow(form, 'select[name="field"]')).toBeNull();
  },
};

/** Sent empty: every problem is listed at the top and under its field, and the first invalid field has focus. */
export const ValidationErrors: Story = {
  args: { field: undefined },
  play: async ({ canvasElement, step }) => {
    const form = await readyForm(canvasElement);
    await step('Send the empty form', async () => {
      await userEvent.click(sendButton(form));
    });
    const summary = await findInShadow(form, '[part~="summary"]');
    await expect(summary).toHaveAttribute('role', 'alert');
    await expect(summary.querySelectorAll('li')).toHaveLength(2);
    await expect(inShadow(form, 'select[name="field"]')).toHaveAttribute('aria-invalid', 'true');
    await expect(textarea(form)).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(deepActiveElement()).toBe(inShadow(form, 'select[name="field"]')));
    await expect(requestsFor('form')).toHaveLength(0);
  },
};

/** An invalid email, and text over the 5,000-character limit. */
export const ValidationTooLongAndEmail: Story = {
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    const text = textarea(form);
    // Pasted, not typed: 5,001 characters.
    typeInto(text, 'x'.repeat(5001));
    await userEvent.type(inShadow<HTMLInputElement>(form, 'input[name="email"]')!, 'not an email');
    await userEvent.click(sendButton(form));
    await findInShadow(form, '[part~="summary"]');
    await expect(inShadow(form, '#error-text')?.textContent).toContain('5000 characters or fewer');
    await expect(inShadow(form, '#error-email')?.textContent).toContain('valid email');
    await waitFor(() => expect(deepActiveElement()).toBe(text));
    await expect(inShadow(form, '[part~="counter"]')?.classList.contains('over')).toBe(true);
  },
};

/** In flight: the server never answers (the form's `timeout` is raised), so "Sending…" stays. */
export const Submitting: Story = {
  args: { action: mockUrl('contributions', { key: 'form-hang', hang: 1 }), timeout: 24 * 60 * 60 * 1000 },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await writeAndSend(form, 'They inherited the tracking plan; they did not design it.');
    await waitFor(() => expect(sendButton(form)).toBeDisabled());
    await expect(sendButton(form).textContent).toContain('Sending…');
    await expect(inShadow(form, 'form')).toHaveAttribute('aria-busy', 'true');
    await expect(requestsFor('form-hang')).toHaveLength(1);
  },
};

/** Accepted: the thank-you message shows exactly what was sent. */
export const Submitted: Story = {
  args: { action: mockUrl('contributions', { key: 'form-ok' }) },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await writeAndSend(form, 'They inherited the tracking plan; they did not design it.');
    const success = await findInShadow(form, '[part~="success"]');
    await expect(success.textContent).toContain('Thank you! Your contribution was sent.');
    await expect(success.textContent).toContain('The Segment Data Engineer (APP-074)');
    const [request] = requestsFor('form-ok');
    await expect(request?.method).toBe('POST');
    await expect(request?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    await expect(request?.body).toMatchObject({ kind: 'correct', pid: 'APP-074', field: 'aha_moment' });
  },
};

/** The server fails (HTTP 500 every time): everything typed is kept, with Retry. */
export const Failed: Story = {
  args: { action: mockUrl('contributions', { key: 'form-500', status: 500 }) },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await writeAndSend(form, 'They inherited the tracking plan; they did not design it.');
    const failure = await findInShadow(form, '[part~="failure"]');
    await expect(failure.textContent).toContain('HTTP 500');
    await expect(failure.querySelector('[part~="retry-button"]')).not.toBeNull();
    await expect(textarea(form).value).toContain('inherited');
  },
};

/** The first send fails with 503; Retry sends the same contribution again (same Idempotency-Key) and it is accepted. */
export const FailedThenRetry: Story = {
  args: { action: mockUrl('contributions', { key: 'form-retry', status: 503, fail: 1 }) },
  play: async ({ canvasElement, step }) => {
    const form = await readyForm(canvasElement);
    await writeAndSend(form, 'They inherited the tracking plan; they did not design it.');
    const failure = await findInShadow(form, '[part~="failure"]');
    const retry = failure.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    await waitFor(() => expect(deepActiveElement()).toBe(retry));
    await step('Retry', async () => {
      await userEvent.click(retry);
    });
    await findInShadow(form, '[part~="success"]');
    const [first, second] = requestsFor('form-retry');
    await expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'));
  },
};

/** The server rejects a field (HTTP 422 with `errors`): the form marks that field in its own words (server text is never shown). */
export const RejectedByServer: Story = {
  args: {
    action: mockUrl('contributions', {
      key: 'form-422',
      status: 422,
      errors: JSON.stringify({ text: 'Please say how you know this.' }),
    }),
  },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await writeAndSend(form, 'Trust me.');
    const summary = await findInShadow(form, '[part~="summary"]');
    // The form's own words for the field the server named, never the server's free text.
    await expect(summary.textContent).not.toContain('Please say how you know this.');
    await expect(summary.textContent).toContain(defaultStrings.form.invalid.textRejected);
    await waitFor(() => expect(deepActiveElement()).toBe(textarea(form)));
  },
};

/** The server cannot be reached at all. */
export const NetworkError: Story = {
  args: { action: mockUrl('contributions', { key: 'form-network', network: 1 }) },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await writeAndSend(form, 'They inherited the tracking plan; they did not design it.');
    const failure = await findInShadow(form, '[part~="failure"]');
    await expect(failure.textContent).toContain('could not be reached');
  },
};

/** No `action` and no page script handling `contribute-submit`: sending says the form is not configured. */
export const NotConfigured: Story = {
  args: { action: undefined },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await writeAndSend(form, 'They inherited the tracking plan; they did not design it.');
    const failure = await findInShadow(form, '[part~="failure"]');
    await expect(failure.textContent).toContain('This form is not configured.');
    await expect(failure.querySelector('[part~="retry-button"]')).toBeNull();
  },
};

/** The page sends the contribution itself: it cancels `contribute-submit`, then calls `markSubmitted()`. */
export const HandledByThePage: Story = {
  args: { action: undefined },
  render: (args) => html`<contribute-form
    src=${ifDefined(args.src)}
    persona-id=${ifDefined(args['persona-id'])}
    field=${ifDefined(args.field)}
    kind=${ifDefined(args.kind)}
    @contribute-submit=${(event: CustomEvent) => {
      event.preventDefault();
      const form = event.currentTarget as ContributeForm;
      setTimeout(() => form.markSubmitted({ id: 'from-the-page' }), 300);
    }}
  ></contribute-form>`,
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await writeAndSend(form, 'Sent by the host page.');
    await findInShadow(form, '[part~="success"]');
  },
};

/** A draft saved earlier in this browser is restored, with a way to discard it. */
export const DraftRestored: Story = {
  args: { action: mockUrl('contributions', { key: 'form-draft' }) },
  beforeEach: () => {
    writeDraft(draftKey(resolveUrl(mockUrl('contributions', { key: 'form-draft' })), 'APP-074'), {
      values: {
        kind: 'extend',
        pid: 'APP-074',
        field: 'frustrations',
        text: 'Half-written before the tab was closed…',
        role: 'Analytics engineer',
        experience: '3 years',
        email: '',
      },
      savedAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
    });
  },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await expect(shadowText(form)).toContain('Draft restored from');
    await expect(textarea(form).value).toBe('Half-written before the tab was closed…');
    await expect(inShadow(form, '[part~="discard-button"]')).not.toBeNull();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { field: undefined },
  play: async ({ canvasElement }) => {
    const form = await readyForm(canvasElement);
    await userEvent.click(sendButton(form));
    await findInShadow(form, '[part~="summary"]');
  },
};

export const SubmittedDark: Story = {
  ...Submitted,
  globals: { theme: 'dark' },
};

export const FailedDark: Story = {
  ...Failed,
  globals: { theme: 'dark' },
};
