/**
 * Drafts on shared computers: the email is never written to storage, drafts
 * expire after 7 days, and `no-draft-storage` keeps storage untouched, while
 * what was typed still survives a failed send within the page.
 */
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/components/contribute-form/contribute-form.define.js';
import type { ContributeForm } from '../src/components/contribute-form/contribute-form.js';
import { DRAFT_MAX_AGE_MS, draftKey } from '../src/components/contribute-form/contribute-draft.js';
import { personaClient } from '../src/data/client.js';
import { uniqueKey } from './support/helpers.js';

const DAY = 24 * 60 * 60 * 1000;
const EMAIL = 'previous.person@shared-computer.example';

function action(key: string, options: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ key, ...Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])) });
  return `/api-test/contributions?${params}`;
}

async function requests(key: string): Promise<{ idempotencyKey?: string; body: Record<string, any> }[]> {
  const response = await fetch(`/api-test/contributions/log?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { requests: { idempotencyKey?: string; body: Record<string, any> }[] }).requests;
}

const control = (form: ContributeForm, name: string) =>
  form.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
const part = (form: ContributeForm, name: string) =>
  form.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function fill(form: ContributeForm, name: string, value: string) {
  const el = control(form, name);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function send(form: ContributeForm) {
  const settled = Promise.race([oneEvent(form, 'contribute-error'), oneEvent(form, 'contribute-success')]);
  form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
  return settled;
}

/** Every key and value of both storages. */
function storageDump(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [prefix, store] of [['local:', localStorage], ['session:', sessionStorage]] as const) {
    for (let i = 0; i < store.length; i++) {
      const name = store.key(i)!;
      out[prefix + name] = store.getItem(name) ?? '';
    }
  }
  return out;
}

const storageText = () => JSON.stringify(storageDump());
const abs = (url: string) => new URL(url, location.href).href;

async function makeForm(template: ReturnType<typeof html>) {
  const form = await fixture<ContributeForm>(template);
  await form.updateComplete;
  return form;
}

describe('<contribute-form> drafts on shared computers', () => {
  before(() => personaClient.configure({ retryDelay: 5, timeout: 1500, retries: 0 }));
  afterEach(() => {
    for (const name of Object.keys(localStorage)) {
      if (name.startsWith('persona-widgets:contribute-draft:')) localStorage.removeItem(name);
    }
  });

  it('stores the text but never the email, also after a failed send; the email survives Retry in memory', async () => {
    const key = uniqueKey();
    const url = action(key, { status: 503, fail: 1 });
    const form = await makeForm(html`<contribute-form action=${url} persona-id="T-001" field="name"></contribute-form>`);
    await fill(form, 'text', 'A shared-computer draft');
    await fill(form, 'role', 'Analyst');
    await fill(form, 'email', EMAIL);
    await aTimeout(500); // the draft is saved as the user types
    expect(storageText()).to.contain('A shared-computer draft');
    expect(storageText()).not.to.contain(EMAIL);
    expect(storageText()).not.to.contain('shared-computer.example');

    await send(form); // 503
    await form.updateComplete;
    expect(control(form, 'email').value).to.equal(EMAIL);
    expect(storageText()).not.to.contain(EMAIL);

    const retried = oneEvent(form, 'contribute-success');
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await retried;
    const [first, second] = await requests(key);
    expect(second!.body['contributor']).to.deep.include({ email: EMAIL });
    expect(second!.idempotencyKey).to.equal(first!.idempotencyKey);
    expect(storageText()).not.to.contain(EMAIL);
  });

  it('restores a draft without the email after a reload, and scrubs an email an older version stored', async () => {
    const url = action(uniqueKey());
    const first = await makeForm(html`<contribute-form action=${url}></contribute-form>`);
    await fill(first, 'text', 'Before the restart');
    await fill(first, 'email', EMAIL);
    first.remove(); // the pending save is flushed
    expect(storageText()).not.to.contain(EMAIL);
    const second = await makeForm(html`<contribute-form action=${url}></contribute-form>`);
    expect(part(second, 'notice')).to.contain('Draft restored');
    expect(control(second, 'text').value).to.equal('Before the restart');
    expect(control(second, 'email').value).to.equal('');

    const oldUrl = action(uniqueKey());
    const values = { kind: 'new', pid: '', field: '', text: 'Old version', role: '', experience: '', email: EMAIL };
    localStorage.setItem(draftKey(abs(oldUrl), undefined), JSON.stringify({ values, savedAt: new Date().toISOString() }));
    const old = await makeForm(html`<contribute-form action=${oldUrl}></contribute-form>`);
    expect(control(old, 'text').value).to.equal('Old version');
    expect(control(old, 'email').value).to.equal('');
    expect(storageText()).not.to.contain(EMAIL);
  });

  it('drops a draft saved 8 days ago, and keeps one saved 6 days ago (7-day limit)', async () => {
    expect(DRAFT_MAX_AGE_MS).to.equal(7 * DAY);
    const oldUrl = action(uniqueKey());
    const oldKey = draftKey(abs(oldUrl), undefined);
    const values = { kind: 'new', pid: '', field: '', text: 'Eight days old', role: '', experience: '' };
    localStorage.setItem(oldKey, JSON.stringify({ values, savedAt: new Date(Date.now() - 8 * DAY).toISOString() }));
    const old = await makeForm(html`<contribute-form action=${oldUrl}></contribute-form>`);
    expect(control(old, 'text').value).to.equal('');
    expect(part(old, 'notice')).to.equal('');
    expect(localStorage.getItem(oldKey)).to.equal(null);

    const recentUrl = action(uniqueKey());
    const recent = { ...values, text: 'Six days old' };
    localStorage.setItem(
      draftKey(abs(recentUrl), undefined),
      JSON.stringify({ values: recent, savedAt: new Date(Date.now() - 6 * DAY).toISOString() }),
    );
    const kept = await makeForm(html`<contribute-form action=${recentUrl}></contribute-form>`);
    expect(control(kept, 'text').value).to.equal('Six days old');
  });

  it('with no-draft-storage writes nothing to storage, restores nothing, and keeps what was typed across a failed send', async () => {
    const key = uniqueKey();
    const url = action(key, { status: 500, fail: 1 });
    // A draft left by someone else before the attribute was set is not shown.
    localStorage.setItem(
      draftKey(abs(url), 'T-001'),
      JSON.stringify({
        values: { kind: 'correct', pid: 'T-001', field: 'name', text: 'Someone else', role: '', experience: '' },
        savedAt: new Date().toISOString(),
      }),
    );
    const before = storageDump();
    const form = await makeForm(
      html`<contribute-form no-draft-storage action=${url} persona-id="T-001" field="name"></contribute-form>`,
    );
    expect(form.noDraftStorage).to.equal(true);
    expect(control(form, 'text').value).to.equal('');
    expect(part(form, 'notice')).to.equal('');

    await fill(form, 'text', 'Only in memory');
    await fill(form, 'email', EMAIL);
    await aTimeout(500);
    expect(storageDump()).to.deep.equal(before);

    await send(form); // 500
    await form.updateComplete;
    expect(storageDump()).to.deep.equal(before);
    expect(control(form, 'text').value).to.equal('Only in memory');
    expect(control(form, 'email').value).to.equal(EMAIL);
    expect(part(form, 'failure')).to.contain('keep this page open');
    expect(part(form, 'draft-state')).to.equal('');

    form.remove(); // pagehide-like flush: still nothing written
    expect(storageDump()).to.deep.equal(before);
  });
});
