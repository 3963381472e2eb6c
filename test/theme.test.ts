/**
 * `theme="auto"` takes the scheme of the page around the element (its
 * `color-scheme`, else its background), not only the system's, and follows
 * the page live.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { skipIn } from './support/engine.js';
import '../src/define.js';
import '../src/components/contribution-review/contribution-review.define.js';

const persona = { pid: 'T-001', name: 'Tester', identity: 'Tests things.', app: 'Test' };

/** One of each element that renders, in auto. */
async function elements(wrapper = html``) {
  const box = await fixture<HTMLElement>(html`<div>
    ${wrapper}
    <persona-card .persona=${persona}></persona-card>
    <persona-grid .personas=${[persona]}></persona-grid>
    <contribute-form></contribute-form>
    <contribution-review></contribution-review>
  </div>`);
  const all = [...box.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>('persona-card, persona-grid, contribute-form, contribution-review')];
  await Promise.all(all.map((el) => el.updateComplete));
  return all;
}

const scheme = (el: Element) => getComputedStyle(el).colorScheme;
const cardBackground = (card: Element) => getComputedStyle(card.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;

/** Waits for every element to show `expected` (the page observer reacts a microtask later). */
async function allAre(els: readonly Element[], expected: 'light' | 'dark') {
  await waitUntil(() => els.every((el) => scheme(el) === expected), `not all ${expected}: ${els.map((el) => `${el.localName} ${scheme(el)}`).join(', ')}`, { timeout: 2000 });
}

/** Counts `getComputedStyle` calls until `restore()`. */
function countComputedStyleReads() {
  const original = window.getComputedStyle;
  let count = 0;
  window.getComputedStyle = (...args: Parameters<typeof getComputedStyle>) => {
    count++;
    return original.apply(window, args);
  };
  return { count: () => count, restore: () => void (window.getComputedStyle = original) };
}

describe('theme="auto" follows the host page', () => {
  const root = document.documentElement;
  let emulated = false;
  const style = document.createElement('style');
  style.textContent = `
    html.night { background: rgb(20, 22, 26); }
    body[data-mode='dark'] { background: #101010; }
  `;
  before(() => document.head.append(style));
  after(() => style.remove());
  afterEach(async () => {
    root.removeAttribute('style');
    root.removeAttribute('class');
    document.body.removeAttribute('data-mode');
    document.body.removeAttribute('style');
    if (emulated) await emulateMedia({ colorScheme: 'light' });
    emulated = false;
  });

  it('a light page without color-scheme gets light elements on a dark system', async function () {
    await skipIn(this, ['firefox', 'webkit'], 'media emulation needs CDP, which only Chromium has');
    emulated = true;
    await emulateMedia({ colorScheme: 'dark' });
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    const els = await elements();
    await allAre(els, 'light');
    expect(cardBackground(els[0]!)).to.equal('rgb(255, 255, 255)');
    // The same with a white background set.
    root.style.background = '#fff';
    await allAre(els, 'light');
  });

  it('a page that says `light dark` and paints no background follows the system, live', async function () {
    await skipIn(this, ['firefox', 'webkit'], 'media emulation needs CDP, which only Chromium has');
    root.style.colorScheme = 'light dark';
    const els = await elements();
    await allAre(els, 'light');
    emulated = true;
    await emulateMedia({ colorScheme: 'dark' });
    await allAre(els, 'dark');
    await emulateMedia({ colorScheme: 'light' });
    await allAre(els, 'light');
  });

  it('a dark page background gives dark elements', async () => {
    root.style.background = 'rgb(13, 13, 13)';
    const els = await elements();
    await allAre(els, 'dark');
    expect(cardBackground(els[0]!)).to.equal('rgb(13, 17, 23)');
    // Chromium, Firefox ESR and WebKitGTK all have custom states: the fallback attribute stays unused.
    expect(els.map((el) => el.matches(':state(dark)'))).to.deep.equal([true, true, true, true]);
    expect(els.some((el) => el.hasAttribute('data-persona-dark'))).to.equal(false);
  });

  it('follows the page when it toggles a class, a data attribute or a style, without re-mount', async () => {
    const els = await elements();
    const card = els[0]!;
    const base = card.shadowRoot!.querySelector('[part~="base"]');
    await allAre(els, 'light');
    root.classList.add('night');
    await allAre(els, 'dark');
    root.classList.remove('night');
    await allAre(els, 'light');
    document.body.dataset.mode = 'dark';
    await allAre(els, 'dark');
    delete document.body.dataset.mode;
    await allAre(els, 'light');
    root.style.background = 'oklch(0.2 0.02 250)';
    await allAre(els, 'dark');
    expect(card.shadowRoot!.querySelector('[part~="base"]')).to.equal(base);
  });

  it("a grid's cards take the grid's scheme, live, without each reading the page's styles", async () => {
    root.style.background = 'rgb(13, 13, 13)';
    const box = await fixture<HTMLElement>(html`<div><persona-grid .personas=${[persona, { ...persona, pid: 'T-002', name: 'Zookeeper' }]}></persona-grid></div>`);
    const grid = box.querySelector('persona-grid')!;
    const cards = () => [...grid.shadowRoot!.querySelectorAll<HTMLElement & { theme: string }>('persona-card')];
    await waitUntil(() => cards().length === 2, 'the grid never showed its cards');
    await allAre([grid, ...cards()], 'dark');
    expect(cards().map((card) => card.theme)).to.deep.equal(['dark', 'dark']);
    // New cards (a search) connect without reading any computed style.
    const read = countComputedStyleReads();
    try {
      (grid as HTMLElement & { query: string }).query = 'zookeeper';
      await waitUntil(() => cards().length === 1, 'the search never narrowed the grid');
      (grid as HTMLElement & { query: string }).query = '';
      await waitUntil(() => cards().length === 2, 'the cards never came back');
      expect(read.count(), 'getComputedStyle calls while cards connected').to.equal(0);
    } finally {
      read.restore();
    }
    root.style.background = '#fff';
    await allAre([grid, ...cards()], 'light');
    expect(cards().map((card) => card.theme)).to.deep.equal(['light', 'light']);
  });

  it('a page color-scheme that names one scheme wins over its background', async () => {
    root.style.colorScheme = 'dark';
    root.style.background = '#fff';
    await allAre(await elements(), 'dark');
  });

  it('takes the nearest background, through shadow roots; see-through ones do not count', async () => {
    const box = await fixture<HTMLElement>(html`<div style="background: #111; padding: 1px">
      <div style="background: rgb(255 255 255 / 0.1)"><div class="host"></div></div>
    </div>`);
    const host = box.querySelector('.host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<div><persona-card></persona-card></div>`;
    const card = shadow.querySelector('persona-card')!;
    await allAre([card], 'dark');
    const light = await fixture<HTMLElement>(html`<div style="background: #fafafa"><persona-card></persona-card></div>`);
    root.style.background = '#000';
    await allAre([light.querySelector('persona-card')!], 'light');
  });

  it('an explicit theme wins, and switching back to auto looks at the page again', async () => {
    root.style.background = '#000';
    const els = await elements();
    await allAre(els, 'dark');
    for (const el of els) el.setAttribute('theme', 'light');
    await allAre(els, 'light');
    root.style.background = '#fff';
    for (const el of els) el.setAttribute('theme', 'dark');
    await allAre(els, 'dark');
    for (const el of els) el.setAttribute('theme', 'auto');
    await allAre(els, 'light');
  });

  it('the grid’s cards and the card’s dialog form take the element’s scheme', async () => {
    root.style.background = '#000';
    const [, grid] = await elements();
    await waitUntil(() => grid!.shadowRoot!.querySelector('persona-card'));
    const inner = grid!.shadowRoot!.querySelector('persona-card')!;
    await allAre([grid!, inner], 'dark');
    root.style.background = '';
    await allAre([grid!, inner], 'light');
  });
});
