/**
 * The built one-script-tag bundle on a host page under the README's strict
 * Content-Security-Policy with Trusted Types, in every engine: cards render
 * every state, the edit dialog opens and closes with Escape, the form
 * validates and sends, the grid searches, and the page records no violation.
 * (The page is test/e2e/fixtures/csp.html, served by test/support/host-pages.mjs.)
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

type HostWindow = Window & { __violations: string[] };

let frame: HTMLIFrameElement;
const win = () => frame.contentWindow as HostWindow;
const doc = () => frame.contentDocument!;
const shadowOf = (selector: string) => doc().querySelector(selector)?.shadowRoot ?? null;
const text = (root: ParentNode | null | undefined) => (root as Element | null)?.textContent?.replace(/\s+/g, ' ') ?? '';
const heading = (root: ShadowRoot | null, name: string) =>
  [...(root?.querySelectorAll('[role="heading"], h1, h2, h3, h4, h5, h6') ?? [])].some((h) => text(h).includes(name));
const buttonNamed = (root: ParentNode, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => text(button).trim() === name);

describe('the built bundle on a host page under a strict CSP', function () {
  this.timeout(30000);

  before(async () => {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 2000px; border: 0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/host/csp.html';
    document.body.append(frame);
    await loaded;
  });

  after(() => frame.remove());

  it('is really under the policy', async () => {
    const refused = (probe: () => void) => {
      try {
        probe();
        return false;
      } catch {
        return true;
      }
    };
    if ('trustedTypes' in win()) {
      expect(refused(() => (doc().createElement('div').innerHTML = '<b>x</b>')), 'Trusted Types block innerHTML').to.equal(true);
    }
    // An inline script never runs (script-src 'self'), in every engine.
    refused(() => {
      const script = doc().createElement('script');
      script.textContent = 'window.__inlineRan = true';
      doc().head.append(script);
    });
    expect((win() as unknown as { __inlineRan?: boolean }).__inlineRan).to.equal(undefined);
    // The probes' own reports arrive as events a little later: let them, then start clean.
    await waitUntil(() => win().__violations.length > 0, 'the probes were reported as violations');
    await new Promise((resolve) => setTimeout(resolve, 200));
    win().__violations.length = 0;
  });

  it('cards render every state', async () => {
    await waitUntil(() => heading(shadowOf('persona-card[persona-id="APP-074"]'), 'The Segment Data Engineer'), 'APP-074', { timeout: 10000 });
    await waitUntil(() => heading(shadowOf('persona-card[persona-id="GLUE-001"]'), 'Frustrations'), 'GLUE-001 full', { timeout: 10000 });
    await waitUntil(() => text(shadowOf('persona-card[persona-id="APP-999"]')).includes('No persona APP-999 at this endpoint.'), 'not found', { timeout: 10000 });
    frame.contentWindow!.scrollTo(0, doc().body.scrollHeight);
    await waitUntil(() => heading(shadowOf('persona-card[persona-id="APP-153"]'), 'The Segment Data Architect'), 'lazy card in a provider', { timeout: 10000 });
    await waitUntil(() => heading(shadowOf('persona-card[persona-id="APP-116"]'), 'The Stripe Platform Builder'), 'slow endpoint', { timeout: 10000 });
    expect(win().__violations).to.deep.equal([]);
  });

  it('the suggest-an-edit dialog opens, and Escape closes it', async () => {
    const card = shadowOf('persona-card[persona-id="APP-074"]')!;
    // Through the actions menu: its items arrive with its code, asked for when the pointer reaches it.
    const actions = card.querySelector<HTMLButtonElement>('[part~="menu-button"]')!;
    actions.dispatchEvent(new PointerEvent('pointerenter'));
    actions.focus();
    actions.click();
    await waitUntil(() => buttonNamed(card, 'Suggest an edit'), 'the actions menu', { timeout: 10000 });
    buttonNamed(card, 'Suggest an edit')!.click();
    const dialog = () => card.querySelector('dialog');
    await waitUntil(() => dialog()?.open && dialog()!.querySelector('contribute-form')?.shadowRoot?.querySelector('textarea'), 'dialog with the form', { timeout: 10000 });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog()?.open, 'closed by Escape');
    expect(win().__violations).to.deep.equal([]);
  });

  it('the form validates and sends', async () => {
    const form = shadowOf('body > contribute-form')!;
    buttonNamed(form, 'Send contribution')!.click();
    await waitUntil(() => form.querySelector('[part~="error"]:not([hidden])'), 'validation messages');
    const textarea = form.querySelector<HTMLTextAreaElement>('textarea[name="text"]')!;
    textarea.value = 'They also review the tracking plan every sprint.';
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    buttonNamed(form, 'Send contribution')!.click();
    await waitUntil(() => text(form).includes('Thank you'), 'thanks', { timeout: 10000 });
    const received = (await (await fetch('/host-api/received')).json()) as { text: string }[];
    expect(received.map((entry) => entry.text)).to.include('They also review the tracking plan every sprint.');
    expect(win().__violations).to.deep.equal([]);
  });

  it('the grid renders and searches', async () => {
    const grid = shadowOf('persona-grid')!;
    await waitUntil(() => grid.querySelector('persona-card'), 'grid cards', { timeout: 10000 });
    const search = grid.querySelector<HTMLInputElement>('[type="search"]')!;
    search.value = 'stripe';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(
      () => heading(grid.querySelector('persona-card')?.shadowRoot ?? null, 'Stripe'),
      'first result about Stripe',
      { timeout: 5000 },
    );
    expect(win().__violations).to.deep.equal([]);
  });
});
