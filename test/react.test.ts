/**
 * persona-widgets/react in a real React 19 tree (react-dom/client): props reach
 * the elements as properties, the typed event callbacks fire with their
 * details, updates and removed callbacks behave, refs give the elements, and
 * the HTML a server rendered hydrates.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createElement, createRef, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import {
  ContributeForm,
  PersonaCard,
  PersonaGrid,
  PersonaProvider,
  type ContributeErrorDetail,
  type ContributeFormElement,
  type ContributeSubmitDetail,
  type ContributeSuccessDetail,
  type PersonaCardElement,
  type PersonaCardProps,
  type PersonaErrorDetail,
  type PersonaGridChangeDetail,
  type PersonaGridElement,
  type PersonaGridLoadDetail,
  type PersonaLoadDetail,
  type PersonaSelectDetail,
} from '../src/react/index.js';
import { PersonaCard as PersonaCardClass } from '../src/components/persona-card/persona-card.js';
import { PersonaGrid as PersonaGridClass } from '../src/components/persona-grid/persona-grid.js';
import { ContributeForm as ContributeFormClass } from '../src/components/contribute-form/contribute-form.js';
import { PersonaProvider as PersonaProviderClass } from '../src/components/persona-provider/persona-provider.js';
import { personaClient } from '../src/data/client.js';
import { endpoint, uniqueKey } from './support/helpers.js';
import { prepareActions } from './support/card.js';

const persona = (pid: string, name: string, app = 'Segment') => ({
  pid,
  name,
  identity: `Identity of ${name}.`,
  app,
  aha_moment: `Aha of ${name}.`,
});

let container: HTMLElement;
let root: Root;

function render(element: ReactElement): void {
  flushSync(() => root.render(element));
}

const card = () => container.querySelector('persona-card') as PersonaCardElement;
const shadowText = (el: Element, part: string) =>
  el.shadowRoot?.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('persona-widgets/react', () => {
  before(() => personaClient.configure({ retryDelay: 5, timeout: 1500, retries: 1 }));

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    flushSync(() => root.unmount());
    container.remove();
  });

  it('registers the four elements on import', () => {
    expect(customElements.get('persona-card')).to.equal(PersonaCardClass);
    expect(customElements.get('persona-grid')).to.equal(PersonaGridClass);
    expect(customElements.get('contribute-form')).to.equal(ContributeFormClass);
    expect(customElements.get('persona-provider')).to.equal(PersonaProviderClass);
    expect(PersonaCard.displayName).to.equal('PersonaCard');
  });

  describe('<PersonaCard>', () => {
    it('sets props as properties (objects too), forwards the ref and HTML props', async () => {
      const ref = createRef<PersonaCardElement>();
      const given = persona('R-001', 'React Persona');
      const strings = { card: { copyMarkdown: 'Als Markdown kopieren' } };
      render(
        createElement(PersonaCard, {
          ref,
          persona: given,
          variant: 'full',
          theme: 'dark',
          headingLevel: 2,
          strings,
          className: 'mine',
          id: 'the-card',
          'aria-label': 'A persona',
        }),
      );
      const el = card();
      expect(el).to.be.instanceOf(PersonaCardClass);
      expect(ref.current).to.equal(el);
      expect(el.persona).to.equal(given);
      expect(el.strings).to.equal(strings);
      expect(el.variant).to.equal('full');
      expect(el.headingLevel).to.equal(2);
      expect(el.theme).to.equal('dark');
      expect(el.className).to.equal('mine');
      expect(el.id).to.equal('the-card');
      expect(el.getAttribute('aria-label')).to.equal('A persona');
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('dark'); // reflected by the element
      // The full profile's code loads on demand: the skeleton first.
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="title"]'), 'the full card did not render');
      expect(shadowText(el, 'title')).to.equal('React Persona');
      expect(el.shadowRoot!.querySelector('[part~="title"]')!.getAttribute('aria-level')).to.equal('2');
      const items = (await prepareActions(el)).map((b) => b.textContent?.trim());
      expect(items).to.include('Als Markdown kopieren');
    });

    it('calls onPersonaLoad with the detail, again after a prop change, and not once removed', async () => {
      const loads: PersonaLoadDetail[] = [];
      const onPersonaLoad = (event: CustomEvent<PersonaLoadDetail>) => loads.push(event.detail);
      render(createElement(PersonaCard, { persona: persona('R-002', 'First'), onPersonaLoad }));
      await waitUntil(() => loads.length === 1, 'no persona-load');
      expect(loads[0]!.persona.name).to.equal('First');
      expect(loads[0]!.skipped).to.deep.equal([]);

      render(createElement(PersonaCard, { persona: persona('R-003', 'Second'), onPersonaLoad }));
      await waitUntil(() => loads.length === 2, 'no second persona-load');
      expect(loads[1]!.persona.pid).to.equal('R-003');
      expect(shadowText(card(), 'title')).to.equal('Second');

      render(createElement(PersonaCard, { persona: persona('R-004', 'Third') }));
      await waitUntil(() => shadowText(card(), 'title') === 'Third');
      await card().updateComplete;
      expect(loads).to.have.length(2);
    });

    it('fetches by src and personaId (attributes), and calls onPersonaError with the error', async () => {
      const loads: PersonaLoadDetail[] = [];
      const errors: PersonaErrorDetail[] = [];
      const src = endpoint({ key: uniqueKey(), count: 3 });
      const props: PersonaCardProps = {
        src,
        personaId: 'T-002',
        onPersonaLoad: (e) => loads.push(e.detail),
        onPersonaError: (e) => errors.push(e.detail),
      };
      render(createElement(PersonaCard, props));
      expect(card().personaId).to.equal('T-002');
      expect(card().src).to.equal(src);
      await waitUntil(() => loads.length === 1, 'no persona-load', { timeout: 5000 });
      expect(loads[0]!.persona.name).to.equal('The Test Persona 002');

      render(createElement(PersonaCard, { ...props, personaId: 'NOPE-1' }));
      await waitUntil(() => errors.length === 1, 'no persona-error', { timeout: 5000 });
      expect(errors[0]!.error.kind).to.equal('not-found');
      expect(card().shadowRoot!.querySelector('[part~="problem"]')).to.exist;
    });

    it('hydrates the HTML the server rendered: the same element, no mismatch reported, then live props', async () => {
      // The HTML renderToString writes for these props on the server (test/node/react-ssr.test.ts).
      const src = endpoint({ key: uniqueKey(), count: 3 });
      const server = document.createElement('div');
      const tag = document.createElement('persona-card');
      Object.entries({ 'persona-id': 'T-002', src, variant: 'full' }).forEach(([name, value]) => tag.setAttribute(name, value));
      server.append(tag);
      document.body.append(server);
      const problems: string[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => problems.push(args.map(String).join(' '));
      let hydrated: Root | undefined;
      try {
        const props: PersonaCardProps = { src, personaId: 'T-002', variant: 'full' };
        flushSync(() => {
          hydrated = hydrateRoot(server, createElement(PersonaCard, props), {
            onRecoverableError: (error) => problems.push(String(error)),
          });
        });
        await waitUntil(() => shadowText(tag, 'title') === 'The Test Persona 002', 'no persona', { timeout: 5000 });
        expect(server.querySelector('persona-card')).to.equal(tag);
        expect(tag.variant).to.equal('full');
        flushSync(() => hydrated!.render(createElement(PersonaCard, { ...props, personaId: 'T-003' })));
        await waitUntil(() => shadowText(tag, 'title') === 'The Test Persona 003', 'the new personaId was not applied', { timeout: 5000 });
        expect(problems).to.deep.equal([]);
      } finally {
        console.error = consoleError;
        flushSync(() => hydrated?.unmount());
        server.remove();
      }
    });
  });

  describe('<PersonaGrid>', () => {
    const library = [
      persona('G-001', 'Data Engineer', 'Segment'),
      persona('G-002', 'Product Manager', 'Notion AI'),
      persona('G-003', 'Support Lead', 'Segment'),
    ];

    it('passes personas and options, and calls onPersonaGridLoad, onPersonaSelect and onPersonaGridChange', async () => {
      const loads: PersonaGridLoadDetail[] = [];
      const selects: PersonaSelectDetail[] = [];
      const changes: PersonaGridChangeDetail[] = [];
      const ref = createRef<PersonaGridElement>();
      render(
        createElement(PersonaGrid, {
          ref,
          personas: library,
          theme: 'light',
          pageSize: 2,
          sort: 'name',
          onPersonaGridLoad: (e) => loads.push(e.detail),
          onPersonaSelect: (e) => selects.push(e.detail),
          onPersonaGridChange: (e) => changes.push(e.detail),
        }),
      );
      const grid = ref.current!;
      expect(grid).to.be.instanceOf(PersonaGridClass);
      expect(grid.pageSize).to.equal(2);
      expect(grid.sort).to.equal('name');
      await waitUntil(() => loads.length > 0, 'no persona-grid-load');
      expect(loads[0]!.personas.map((p) => p.pid)).to.deep.equal(['G-001', 'G-002', 'G-003']);
      await waitUntil(() => grid.shadowRoot!.querySelectorAll('persona-card').length === 2, 'no cards');

      const cards = grid.shadowRoot!.querySelectorAll<PersonaCardElement>('persona-card');
      await cards[0]!.updateComplete;
      cards[0]!.shadowRoot!.querySelector<HTMLElement>('[part~="identity"]')!.click();
      expect(selects.map((d) => d.persona.pid)).to.deep.equal(['G-001']);
      // The card opened its profile (a modal dialog): Escape closes it before typing in the grid.
      await waitUntil(() => grid.shadowRoot!.querySelector('dialog')?.open, 'no profile');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !grid.shadowRoot!.querySelector('dialog'), 'the profile stayed open');

      const input = grid.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"], #q')!;
      input.focus();
      await sendKeys({ type: 'support' });
      await waitUntil(() => changes.some((c) => c.query === 'support'), 'no persona-grid-change', { timeout: 5000 });
      expect(changes.at(-1)).to.include({ query: 'support', sort: 'name', count: 1 });
    });

    it('calls onPersonaError when the endpoint fails', async () => {
      const errors: PersonaErrorDetail[] = [];
      render(
        createElement(PersonaGrid, {
          src: endpoint({ key: uniqueKey(), status: 404, fail: 9 }),
          onPersonaError: (e) => errors.push(e.detail),
        }),
      );
      await waitUntil(() => errors.length === 1, 'no persona-error', { timeout: 5000 });
      expect(errors[0]!.error.kind).to.equal('http');
    });
  });

  describe('<ContributeForm>', () => {
    it('passes props and calls onContributeSubmit, onContributeError and onContributeSuccess', async () => {
      const submits: ContributeSubmitDetail[] = [];
      const successes: ContributeSuccessDetail[] = [];
      const failures: ContributeErrorDetail[] = [];
      const ref = createRef<ContributeFormElement>();
      render(
        createElement(ContributeForm, {
          ref,
          personaId: `R-${uniqueKey()}`,
          field: 'name',
          kind: 'correct',
          timeout: 5000,
          onContributeSubmit: (e) => {
            e.preventDefault(); // the host sends it itself
            submits.push(e.detail);
          },
          onContributeSuccess: (e) => successes.push(e.detail),
          onContributeError: (e) => failures.push(e.detail),
        }),
      );
      const form = ref.current!;
      expect(form).to.be.instanceOf(ContributeFormClass);
      expect(form.kind).to.equal('correct');
      expect(form.timeout).to.equal(5000);
      await form.updateComplete;
      const text = form.shadowRoot!.querySelector<HTMLTextAreaElement>('[name="text"]')!;
      text.value = 'A better name';
      text.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await form.updateComplete;
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
      await form.updateComplete;
      expect(submits).to.have.length(1);
      expect(submits[0]!.contribution).to.include({ kind: 'correct', field: 'name', text: 'A better name' });
      expect(submits[0]!.idempotencyKey).to.be.a('string');

      form.markFailed('Try again later.');
      expect(failures).to.have.length(1);
      expect(failures[0]!.error.kind).to.equal('host');

      await form.updateComplete;
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await form.updateComplete;
      expect(submits).to.have.length(2);
      form.markSubmitted({ id: 'react-1' });
      expect(successes).to.have.length(1);
      expect(successes[0]!.response).to.deep.equal({ id: 'react-1' });
      form.reset();
    });
  });

  describe('<PersonaProvider>', () => {
    it('gives its src to the cards inside', async () => {
      const loads: string[] = [];
      const src = endpoint({ key: uniqueKey(), count: 2 });
      render(
        createElement(
          PersonaProvider,
          { src },
          createElement(PersonaCard, { personaId: 'T-001', onPersonaLoad: (e) => loads.push(e.detail.persona.pid) }),
          createElement(PersonaCard, { personaId: 'T-002', onPersonaLoad: (e) => loads.push(e.detail.persona.pid) }),
        ),
      );
      const provider = container.querySelector('persona-provider')!;
      expect(provider).to.be.instanceOf(PersonaProviderClass);
      expect(provider.src).to.equal(src);
      await waitUntil(() => loads.length === 2, 'cards did not load through the provider', { timeout: 5000 });
      expect(loads.sort()).to.deep.equal(['T-001', 'T-002']);
    });
  });
});
