/**
 * A hostile or compromised contributions endpoint cannot put its own words in
 * the form: whatever `message` or `errors` text it answers with, the form
 * shows only its own strings (the field's message, or the status's).
 */
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/contribute-form/contribute-form.define.js';
import type { ContributeErrorDetail, ContributeForm } from '../src/components/contribute-form/contribute-form.js';
import { defaultStrings } from '../src/i18n/index.js';
import { uniqueKey } from './support/helpers.js';

const HOSTILE = 'Session expired, sign in again at https://evil.example/login to keep your contribution';
const s = defaultStrings.form;

function action(key: string, options: Record<string, string | number>): string {
  const params = new URLSearchParams({ key, ...Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])) });
  return `/api-test/contributions?${params}`;
}

async function fill(form: ContributeForm, name: string, value: string, change = false) {
  const el = form.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (change) el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await form.updateComplete;
}

/** Everything a person can see or hear in the form: its text and its attributes. */
function everything(form: ContributeForm): string {
  const root = form.shadowRoot!;
  const attributes = [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
  return `${root.textContent ?? ''} ${attributes.join(' ')}`;
}

async function sendTo(options: Record<string, string | number>) {
  const form = await fixture<ContributeForm>(
    html`<contribute-form no-draft-storage action=${action(uniqueKey(), options)} persona-id="T-001" field="name"></contribute-form>`,
  );
  await fill(form, 'text', 'A fine correction.');
  await fill(form, 'email', 'me@example.com');
  const failed = oneEvent(form, 'contribute-error');
  form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
  const { detail } = (await failed) as CustomEvent<ContributeErrorDetail>;
  await form.updateComplete;
  await aTimeout(0);
  return { form, error: detail.error };
}

const allFields = (text: string) =>
  JSON.stringify({
    _: text,
    text,
    email: text,
    kind: text,
    pid: text,
    field: text,
    role: text,
    website: text,
    submitted_at: text,
    contributor: text,
  });

describe('<contribute-form> never shows text from the server', () => {
  it('422 with hostile field errors: only the form’s own messages for the fields named', async () => {
    const { form, error } = await sendTo({ status: 422, errors: allFields(HOSTILE), message: HOSTILE });
    expect(error.kind).to.equal('invalid');
    const text = everything(form);
    expect(text).not.to.contain('evil.example');
    expect(text).not.to.contain('Session expired');
    expect(error.message).not.to.contain('evil.example');
    expect(form.shadowRoot!.querySelector('#error-text')!.textContent!.trim()).to.equal(s.invalid.textRejected);
    expect(form.shadowRoot!.querySelector('#error-email')!.textContent!.trim()).to.equal(s.invalid.email);
    expect(form.shadowRoot!.querySelector('[part~="summary"]')!.textContent).to.contain(s.serverRejected);
  });

  it('422 naming no input on screen: the status message, not the server’s', async () => {
    const errors = JSON.stringify({ _: HOSTILE, submitted_at: HOSTILE, website: HOSTILE });
    const { form, error } = await sendTo({ status: 422, errors, message: HOSTILE });
    expect(error.kind).to.equal('http');
    expect(everything(form)).not.to.contain('evil.example');
    expect(form.shadowRoot!.querySelector('[part~="failure"]')!.textContent).to.contain(s.notAccepted(422));
  });

  for (const status of [400, 401, 403, 404, 413, 429, 500, 503]) {
    it(`${status} with a hostile message and errors._: the status message only`, async () => {
      const errors = JSON.stringify({ _: HOSTILE });
      const { form, error } = await sendTo({ status, errors, message: HOSTILE });
      expect(error.message).not.to.contain('evil.example');
      const text = everything(form);
      expect(text).not.to.contain('evil.example');
      expect(text).not.to.contain('Session expired');
      expect(text).not.to.contain('It said');
      expect(form.shadowRoot!.querySelector('[part~="failure"]')).to.exist;
    });
  }

  it('400 with hostile field errors shows the form’s own field messages', async () => {
    const { form } = await sendTo({ status: 400, errors: allFields(`<a href="https://evil.example">${HOSTILE}</a>`) });
    expect(everything(form)).not.to.contain('evil.example');
    expect(form.shadowRoot!.querySelector('a')).to.equal(null);
    expect(form.shadowRoot!.querySelector('#error-text')!.textContent!.trim()).to.equal(s.invalid.textRejected);
  });
});
