/**
 * The card's suggest-an-edit dialog as a user meets it, also on a phone:
 * header in view, the form's inputs using the width, focus where typing
 * starts, the persona fixed, a list to correct already filled in.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { actionItem } from './support/card.js';
import { setViewport } from '@web/test-runner-commands';
import { engine } from './support/engine.js';
import '../src/define.js';
import type { PersonaCard } from '../src/components/persona-card/persona-card.js';
import type { ContributeForm } from '../src/components/contribute-form/contribute-form.js';
import { uniqueKey } from './support/helpers.js';

const persona = {
  pid: 'GLUE-001',
  name: 'Account Manager',
  identity: 'Day-to-day relationship management and account growth.',
  app: 'Glue',
  goals: ['Drive expansion revenue', 'Prevent churn'],
  tags: ['b2b', 'revenue'],
  jtbd: 'Grow accounts.',
};

const action = (key: string, options: Record<string, string> = {}) =>
  `/api-test/contributions?${new URLSearchParams({ key, ...options })}`;

async function requests(key: string): Promise<unknown[]> {
  const response = await fetch(`/api-test/contributions/log?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { requests: unknown[] }).requests;
}

const dialogOf = (card: PersonaCard) => card.shadowRoot!.querySelector('dialog')!;
/** The dialog is there once its code has loaded (on first use). */
const isOpen = (card: PersonaCard) => Boolean(card.shadowRoot!.querySelector('dialog')?.open);
const formOf = (card: PersonaCard) => dialogOf(card).querySelector<ContributeForm>('contribute-form')!;
const inForm = <T extends Element = HTMLElement>(card: PersonaCard, selector: string) =>
  formOf(card).shadowRoot!.querySelector<T>(selector);

/** Opens the dialog from the button with that label and waits until focus has settled in the form. */
async function open(card: PersonaCard, label: RegExp) {
  // A section's button (the full profile's sections load on demand), else the actions menu's item.
  const sectionButton = () =>
    [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="suggest-button"]')].find((b) =>
      label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
    );
  if (card.variant === 'full') await waitUntil(sectionButton, `no section button ${label}`);
  const button = sectionButton() ?? (await actionItem(card, 'Suggest an edit'));
  button.focus();
  button.click();
  await waitUntil(() => isOpen(card) && customElements.get('contribute-form'), 'dialog did not open');
  await waitUntil(() => card.shadowRoot!.activeElement === formOf(card), 'focus did not reach the form', { timeout: 3000 });
  return formOf(card);
}

function inViewport(el: Element) {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
}

describe('suggest-an-edit dialog', () => {
  afterEach(() => localStorage.clear());

  it('focuses the text, fixes the persona, starts from the list’s items; unchanged is refused', async () => {
    const key = uniqueKey();
    const card = await fixture<PersonaCard>(
      html`<persona-card variant="full" contribute-action=${action(key)} .persona=${persona}></persona-card>`,
    );
    const form = await open(card, /Goals/);
    expect(form.shadowRoot!.activeElement?.getAttribute('name')).to.equal('text');
    // The persona is shown, not asked for; "New persona" is not offered.
    expect(inForm(card, '[name="pid"]')).to.equal(null);
    expect(inForm(card, '[part~="fixed-persona"]')!.textContent).to.contain('Account Manager').and.to.contain('GLUE-001');
    const kinds = [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="kind"]')].map((r) => r.value);
    expect(kinds).to.deep.equal(['confirm', 'correct', 'extend']);
    // "Correct" on a list starts from its items, one per line.
    const text = inForm<HTMLTextAreaElement>(card, 'textarea[name="text"]')!;
    expect(text.value).to.equal('Drive expansion revenue\nPrevent churn');
    // Sending it unchanged would change nothing: refused with a message, nothing sent.
    inForm<HTMLButtonElement>(card, '[part~="submit-button"]')!.click();
    await waitUntil(() => !inForm(card, '#error-text')!.hidden, 'no message for an unchanged list');
    expect(inForm(card, '#error-text')!.textContent).to.contain('current text');
    expect(await requests(key)).to.have.length(0);
    // Switching to "Extend" empties the untouched text; back to "Correct" fills it again.
    const radio = (value: string) => inForm<HTMLInputElement>(card, `input[name="kind"][value="${value}"]`)!;
    radio('extend').click();
    await form.updateComplete;
    expect(text.value).to.equal('');
    radio('correct').click();
    await form.updateComplete;
    expect(text.value).to.equal('Drive expansion revenue\nPrevent churn');
    await expect(card).to.be.accessible();
  });

  it('what the user typed is never replaced, and it survives a failed send', async () => {
    const key = uniqueKey();
    const card = await fixture<PersonaCard>(
      html`<persona-card variant="full" contribute-action=${action(key, { status: '500' })} .persona=${persona}></persona-card>`,
    );
    const form = await open(card, /Goals/);
    const text = inForm<HTMLTextAreaElement>(card, 'textarea[name="text"]')!;
    expect(text.value).to.equal('Drive expansion revenue\nPrevent churn');
    text.value = 'Drive expansion revenue\nPrevent churn\nGrow usage';
    text.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await form.updateComplete;
    inForm<HTMLButtonElement>(card, '[part~="submit-button"]')!.click();
    await waitUntil(() => inForm(card, '#failure'), 'the send did not fail', { timeout: 5000 });
    expect(await requests(key)).to.have.length(1);
    expect(text.value).to.equal('Drive expansion revenue\nPrevent churn\nGrow usage');
    // Closed and opened again: the draft comes back, not the list as it was.
    dialogOf(card).close();
    await waitUntil(() => !dialogOf(card).querySelector('contribute-form'));
    await open(card, /Goals/);
    expect(inForm<HTMLTextAreaElement>(card, 'textarea[name="text"]')!.value).to.equal('Drive expansion revenue\nPrevent churn\nGrow usage');
  });

  it('the compact card’s edit starts at the field choice, not at ×', async () => {
    const card = await fixture<PersonaCard>(
      html`<persona-card contribute-action=${action(uniqueKey())} .persona=${persona}></persona-card>`,
    );
    const form = await open(card, /Suggest/);
    expect(form.shadowRoot!.activeElement?.getAttribute('name')).to.equal('field');
  });

  describe('on a 375×667 phone', () => {
    let before: { width: number; height: number } | undefined;
    beforeEach(async () => {
      // WebKitWebDriver cannot resize the viewport: there the same checks run at the window's size.
      if ((await engine()) === 'webkit') return;
      before = { width: innerWidth, height: innerHeight };
      await setViewport({ width: 375, height: 667 });
    });
    afterEach(async () => {
      if (before) await setViewport(before);
      before = undefined;
    });

    it('keeps title and × in view after a failed send; only the body scrolls; the inputs use the width', async () => {
      const key = uniqueKey();
      const card = await fixture<PersonaCard>(
        html`<persona-card variant="full" contribute-action=${action(key, { status: '503' })} .persona=${persona}></persona-card>`,
      );
      const form = await open(card, /Job to be done/);
      const dialog = dialogOf(card);
      const text = inForm<HTMLTextAreaElement>(card, 'textarea[name="text"]')!;
      text.value = 'Grow and keep accounts.';
      text.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await form.updateComplete;
      inForm<HTMLButtonElement>(card, '[part~="submit-button"]')!.click();
      await waitUntil(() => inForm(card, '#failure'), 'the send did not fail', { timeout: 5000 });
      await form.updateComplete;
      // The failure got focus, which scrolled it into view: the header is still there.
      expect(inViewport(dialog)).to.equal(true);
      expect(inViewport(dialog.querySelector('.dialog-title')!)).to.equal(true);
      expect(inViewport(dialog.querySelector('button.close')!)).to.equal(true);
      const body = dialog.querySelector<HTMLElement>('.dialog-body')!;
      if (innerHeight <= 667) expect(body.scrollHeight).to.be.greaterThan(body.clientHeight);
      expect(dialog.scrollTop).to.equal(0);
      // No box inside the box: the form's own border and padding are gone.
      const base = formOf(card).shadowRoot!.querySelector('[part~="base"]')!;
      expect(getComputedStyle(base).borderTopWidth).to.equal('0px');
      // The text box is as wide as the dialog's body (its padding aside); it was ~270 px inside the form's box.
      const padding = parseFloat(getComputedStyle(body).paddingInlineStart) * 2;
      expect(text.getBoundingClientRect().width).to.be.closeTo(body.clientWidth - padding, 1);
      // (Firefox's classic scrollbar takes ~12 px of the 375 px: still well over the ~270 px of old.)
      expect(text.getBoundingClientRect().width).to.be.greaterThan(278);
      expect(text.value).to.equal('Grow and keep accounts.');
      await expect(card).to.be.accessible();
    });
  });
});
