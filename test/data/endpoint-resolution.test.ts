import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { personaClient } from '../../src/data/client.js';
import type { PersonaCard } from '../../src/components/persona-card/persona-card.js';
import { endpoint, requestCount, uniqueKey } from '../support/helpers.js';

const shown = (card: PersonaCard) => card.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim();
const problem = (card: PersonaCard) => card.shadowRoot!.querySelector('[part~="problem"]')?.textContent ?? '';

async function shownName(card: PersonaCard): Promise<string | undefined> {
  await waitUntil(() => shown(card) || problem(card), 'card never settled');
  return shown(card);
}

describe('where an element gets its endpoint', () => {
  before(() => personaClient.configure({ retryDelay: 5, timeout: 2000 }));
  afterEach(() => document.head.querySelectorAll('meta[name^="persona-widgets:"]').forEach((m) => m.remove()));

  it('uses its own src first', async () => {
    const provider = endpoint({ key: uniqueKey(), count: 1 });
    const own = endpoint({ key: uniqueKey(), count: 2 });
    const root = await fixture(html`<persona-provider src=${provider}>
      <persona-card src=${own} persona-id="T-002"></persona-card>
    </persona-provider>`);
    expect(await shownName(root.querySelector('persona-card')!)).to.equal('The Test Persona 002');
  });

  it('then the nearest enclosing <persona-provider>, at any depth', async () => {
    const outer = endpoint({ key: uniqueKey(), count: 1 });
    const inner = endpoint({ key: uniqueKey(), count: 3 });
    const root = await fixture(html`<persona-provider src=${outer}>
      <div><persona-provider src=${inner}><section><persona-card persona-id="T-003"></persona-card></section></persona-provider></div>
    </persona-provider>`);
    expect(await shownName(root.querySelector('persona-card')!)).to.equal('The Test Persona 003');
  });

  it('then <meta name="persona-widgets:src">', async () => {
    const meta = document.createElement('meta');
    meta.name = 'persona-widgets:src';
    meta.content = endpoint({ key: uniqueKey(), count: 4 });
    document.head.append(meta);
    const card = await fixture<PersonaCard>(html`<persona-card persona-id="T-004"></persona-card>`);
    expect(await shownName(card)).to.equal('The Test Persona 004');
  });

  it('otherwise says plainly that no endpoint is configured', async () => {
    const card = await fixture<PersonaCard>(html`<persona-card persona-id="T-001"></persona-card>`);
    expect(problem(card)).to.contain('No persona endpoint is configured.');
    expect(problem(card)).to.contain('persona-provider');
    expect(card.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
  });

  it('never fetches a non-http(s) src', async () => {
    for (const src of ['javascript:alert(1)', 'data:application/json,[]', 'file:///etc/passwd']) {
      const card = await fixture<PersonaCard>(html`<persona-card src=${src} persona-id="T-001"></persona-card>`);
      expect(problem(card), src).to.contain('No persona endpoint is configured.');
    }
  });

  it('follows a provider whose src changes', async () => {
    const first = endpoint({ key: uniqueKey(), count: 1 });
    const root = await fixture<HTMLElement & { src: string }>(html`<persona-provider src=${first}>
      <persona-card persona-id="T-002"></persona-card>
    </persona-provider>`);
    const card = root.querySelector('persona-card')!;
    await waitUntil(() => problem(card).includes('No persona T-002'));
    root.src = endpoint({ key: uniqueKey(), count: 2 });
    await waitUntil(() => shown(card) === 'The Test Persona 002', 'card did not follow the provider');
  });

  it('makes one request for 20 cards and a provider on one endpoint', async () => {
    const key = uniqueKey();
    const src = endpoint({ key, count: 20, delay: 50 });
    const root = await fixture(html`<div>
      <persona-provider src=${src}>
        ${Array.from({ length: 10 }, (_, i) => html`<persona-card persona-id=${`T-${String(i + 1).padStart(3, '0')}`}></persona-card>`)}
      </persona-provider>
      ${Array.from({ length: 10 }, (_, i) => html`<persona-card src=${src} persona-id=${`T-${String(i + 11).padStart(3, '0')}`}></persona-card>`)}
    </div>`);
    const cards = [...root.querySelectorAll('persona-card')];
    await waitUntil(() => cards.every((card) => shown(card)), 'not every card rendered');
    expect(cards.map(shown)).to.deep.equal(
      Array.from({ length: 20 }, (_, i) => `The Test Persona ${String(i + 1).padStart(3, '0')}`),
    );
    expect(await requestCount(key)).to.equal(1);
  });

  it('does not abort a shared request when one element leaves the page', async () => {
    const key = uniqueKey();
    const src = endpoint({ key, count: 2, delay: 150 });
    const root = await fixture(html`<div>
      <persona-card src=${src} persona-id="T-001"></persona-card>
      <persona-card src=${src} persona-id="T-002"></persona-card>
    </div>`);
    root.querySelector('persona-card')!.remove();
    const remaining = root.querySelector('persona-card')!;
    expect(await shownName(remaining)).to.equal('The Test Persona 002');
    expect(await requestCount(key)).to.equal(1);
  });

  it('an element removed before its first update leaves no subscription or request behind', async () => {
    const key = uniqueKey();
    const src = endpoint({ key, count: 1 });
    const source = personaClient.source(src);
    let active = 0;
    const subscribe = source.subscribe.bind(source);
    source.subscribe = (listener) => {
      active++;
      const unsubscribe = subscribe(listener);
      return () => {
        active--;
        return unsubscribe();
      };
    };
    const host = document.createElement('div');
    document.body.append(host);
    const cards = Array.from({ length: 5 }, () => Object.assign(document.createElement('persona-card'), { src, personaId: 'T-001' }));
    host.append(...cards);
    host.remove(); // before Lit's first update, which is a microtask away
    await Promise.all(cards.map((card) => card.updateComplete));
    expect(active).to.equal(0);
    expect(await requestCount(key)).to.equal(0);

    document.body.append(host); // and they work when they come back
    await waitUntil(() => cards.every((card) => shown(card) === 'The Test Persona 001'), 'cards did not recover');
    expect(active).to.equal(5);
    host.remove();
    expect(active).to.equal(0);
  });
});
