/**
 * `<persona-grid>`'s reading path: a card opens the persona's profile (a modal
 * side sheet) or, with `href-template`, links to the host's page; the cards are
 * one Tab stop; the sort control offers what the data can sort by; a shared
 * `sync-url` link round-trips, open profile included.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/components/persona-grid/persona-grid.define.js';
import type { PersonaGrid, PersonaSelectDetail } from '../src/components/persona-grid/persona-grid.js';
import type { PersonaCard } from '../src/components/persona-card/persona-card.js';
import type { Persona } from '../src/data/types.js';
import { skipIn } from './support/engine.js';
import { prepareActions } from './support/card.js';

const raw = [
  { pid: 'SEG-1', name: 'The Segment Data Engineer', app: 'Segment', identity: 'Keeps the event pipeline clean.', comment_count: 4, validation_count: 1, updated_at: '2026-01-10' },
  { pid: 'SEG-2', name: 'The Tracking Plan Owner', app: 'Segment', identity: 'Owns the schema every team sends events to.', comment_count: 1, validation_count: 7, updated_at: '2026-03-01' },
  { pid: 'MIX-1', name: 'The Growth Analyst', app: 'Mixpanel', identity: 'Builds funnels from Segment data every morning.', comment_count: 9 },
  { pid: 'CAFE 1/é', name: 'The Café Owner', app: 'Square', identity: 'Runs a small café.', goals: [{ title: 'Open a second shop' }] },
  { pid: 'OPS-1', name: 'The Platform Engineer', app: 'Fly.io', identity: 'Deploys containers close to users.', tools: [{ name: 'Kubernetes' }] },
];
/** No counts, no dates: only relevance and name sort these. */
const plain = raw.map(({ pid, name, app, identity }) => ({ pid, name, app, identity }));

const root = (grid: PersonaGrid) => grid.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(grid: PersonaGrid, selector: string) => root(grid).querySelector<T>(selector);
const items = (grid: PersonaGrid) => [...root(grid).querySelectorAll<HTMLElement>('[part~="item"]')];
const focused = (grid: PersonaGrid) => items(grid).indexOf(root(grid).activeElement as HTMLElement);
const dialog = (grid: PersonaGrid) => $<HTMLDialogElement>(grid, 'dialog[part~="profile"]');
const isOpen = (grid: PersonaGrid) => Boolean(dialog(grid)?.open);
const profilePid = (grid: PersonaGrid) =>
  (dialog(grid)?.querySelector<PersonaCard>('persona-card')?.persona as Persona | undefined)?.pid;
const more = (grid: PersonaGrid) => $<HTMLButtonElement>(grid, '[part~="more-button"]');

async function settled(grid: PersonaGrid) {
  await waitUntil(() => root(grid).querySelector('[part~="item"]'), 'grid never settled', { timeout: 5000 });
  await grid.updateComplete;
  return grid;
}

async function gridOf(template: ReturnType<typeof html>) {
  const wrapper = await fixture<HTMLElement>(html`<div style="width: 900px">${template}</div>`);
  return settled(wrapper.querySelector('persona-grid')!);
}

const library = (extra = html``) =>
  gridOf(html`<persona-grid theme="light" page-size="3" .personas=${raw}>${extra}</persona-grid>`);

async function opened(grid: PersonaGrid) {
  await waitUntil(() => isOpen(grid), 'the profile never opened');
  await grid.updateComplete;
}

/** Closed and gone (the dialog's `close` event, which the grid acts on, comes a task after it closes). */
async function closed(grid: PersonaGrid) {
  await waitUntil(() => !dialog(grid), 'the profile never closed');
  await grid.updateComplete;
}

describe('persona-grid profile and reading path', () => {
  let resized = false;
  afterEach(async () => {
    if (resized) await setViewport({ width: 1280, height: 900 });
    resized = false;
  });

  describe('profile view', () => {
    it('a click on a card opens its profile; Escape closes it and focus returns to the card', async () => {
      const grid = await library();
      const card = root(grid).querySelectorAll<PersonaCard>('persona-card')[1]!;
      card.shadowRoot!.querySelector<HTMLElement>('[part~="identity"]')!.click();
      await opened(grid);
      expect(profilePid(grid)).to.equal('SEG-2');
      const sheet = dialog(grid)!;
      const label = root(grid).getElementById(sheet.getAttribute('aria-labelledby')!)!;
      expect(label.textContent).to.equal('The Tracking Plan Owner');
      const full = sheet.querySelector<PersonaCard>('persona-card')!;
      expect(full.variant).to.equal('full');
      expect(full.theme).to.equal('light');
      expect(sheet.contains(root(grid).activeElement)).to.equal(true);
      expect($(grid, '[part~="profile-close"]')!.textContent).to.contain('Close');

      await sendKeys({ press: 'Escape' });
      await closed(grid);
      expect(focused(grid)).to.equal(1);
    });

    it('Enter and Space on a focused card open it; the close button closes it', async () => {
      const grid = await library();
      items(grid)[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await opened(grid);
      expect(profilePid(grid)).to.equal('SEG-2');
      $<HTMLButtonElement>(grid, '[part~="profile-close"]')!.click();
      await closed(grid);
      expect(focused(grid)).to.equal(1);

      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: ' ' });
      await opened(grid);
      expect(profilePid(grid)).to.equal('SEG-1');
    });

    it('a click on the backdrop closes it; a text selection dragged out of the sheet does not', async () => {
      const grid = await library();
      items(grid)[0]!.click();
      await opened(grid);
      const sheet = dialog(grid)!;
      const body = sheet.querySelector<HTMLElement>('.profile-body')!;
      // Pressed inside, released outside: the click lands on the dialog element itself.
      body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      sheet.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await aTimeout(50);
      expect(isOpen(grid)).to.equal(true);
      sheet.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      sheet.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await closed(grid);
      expect(focused(grid)).to.equal(0);
    });

    it("inside the profile every action is reachable by Tab (the full card's buttons)", async () => {
      const grid = await library();
      items(grid)[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await opened(grid);
      const full = dialog(grid)!.querySelector<PersonaCard>('persona-card')!;
      // The full profile's code loads on demand.
      await waitUntil(() => full.shadowRoot!.querySelector('[part~="title"]'), 'the full profile did not render', { timeout: 8000 });
      let actions: Element | null = null;
      for (let i = 0; i < 12 && !actions; i++) {
        await sendKeys({ press: 'Tab' });
        const inCard = full.shadowRoot!.activeElement;
        if (inCard?.getAttribute('aria-label')?.startsWith('Actions for ')) actions = inCard;
      }
      expect(actions, 'Tab reaches the actions button').to.not.equal(null);
      // Its menu holds the card's actions (the menu's keys are tested on the card in every engine). Its
      // code is asked for when the button takes focus; a browser window that is not the focused one
      // (the runner's parallel pages in Firefox) gets no focus events, so ask as a pointer would.
      const names = (await prepareActions(full)).map((item) => item.textContent!.trim());
      expect(names).to.include.members(['Copy as Markdown', 'Download JSON']);
    });

    it("a click on a card's own controls does not open it", async () => {
      const grid = await library();
      const selected: PersonaSelectDetail[] = [];
      grid.addEventListener('persona-select', (e) => selected.push(e.detail));
      const card = root(grid).querySelector<PersonaCard>('persona-card')!;
      // The card's actions button: its menu opens, the profile does not.
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="menu-button"]')!.click();
      await aTimeout(50);
      await grid.updateComplete;
      expect(selected).to.have.length(0);
      expect(isOpen(grid)).to.equal(false);
    });

    it('persona-select is cancelable: a host that prevents it routes itself, no profile opens', async () => {
      const grid = await library();
      const selected: string[] = [];
      grid.addEventListener('persona-select', (event) => {
        selected.push(event.detail.persona.pid);
        event.preventDefault();
      });
      items(grid)[2]!.click();
      items(grid)[2]!.focus();
      await sendKeys({ press: 'Enter' });
      await aTimeout(50);
      await grid.updateComplete;
      expect(selected).to.deep.equal(['MIX-1', 'MIX-1']);
      expect(dialog(grid)).to.equal(null);
    });
  });

  describe('href-template', () => {
    let original: string;
    beforeEach(() => (original = location.href));
    afterEach(() => history.replaceState(history.state, '', original));

    it('makes every card a real link to the host page ({pid} encoded), followed on click unless cancelled', async () => {
      const grid = await gridOf(
        html`<persona-grid theme="light" href-template="#/personas/{pid}" .personas=${raw}></persona-grid>`,
      );
      const links = items(grid) as HTMLAnchorElement[];
      expect(links.every((link) => link instanceof HTMLAnchorElement)).to.equal(true);
      const base = location.href.split('#')[0];
      expect(links[3]!.href).to.equal(`${base}#/personas/CAFE%201%2F%C3%A9`);
      expect(links.map((link) => link.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);

      let cancel = true;
      const selected: string[] = [];
      grid.addEventListener('persona-select', (event) => {
        selected.push(event.detail.persona.pid);
        if (cancel) event.preventDefault();
      });
      links[1]!.click();
      await aTimeout(20);
      expect(location.hash).to.equal('');
      cancel = false;
      links[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => location.hash === '#/personas/SEG-1', 'Enter did not follow the link');
      expect(selected).to.deep.equal(['SEG-2', 'SEG-1']);
      expect(dialog(grid)).to.equal(null);
    });

    it('refuses a template that is not http(s): the cards open the profile', async () => {
      const grid = await gridOf(
        html`<persona-grid href-template="javascript:alert('{pid}')" .personas=${raw}></persona-grid>`,
      );
      expect(root(grid).querySelector('a[part~="item"]')).to.equal(null);
      expect(items(grid)[0]!.tagName).to.equal('LI');
      items(grid)[0]!.click();
      await opened(grid);
    });
  });

  describe('keyboard', () => {
    // Needs `<persona-card>`'s `tabbable` property (set to false on the grid's cards): until the card
    // has it, its own buttons are Tab stops and this fails.
    it('the cards are one Tab stop: Tab from the first card reaches "Show more"', async () => {
      const grid = await library();
      const stops: string[] = [];
      $<HTMLInputElement>(grid, '#q')!.focus();
      for (let i = 0; i < 20 && root(grid).activeElement !== more(grid); i++) {
        await sendKeys({ press: 'Tab' });
        const active = root(grid).activeElement;
        stops.push(active?.getAttribute('part') ?? active?.tagName ?? 'outside');
      }
      // Apps, sort, the three export buttons, one card, Show more.
      expect(stops).to.deep.equal(['button apps-button', 'sort', 'button', 'button', 'button', 'item', 'button more-button']);
    });
  });

  describe('layout', () => {
    it('cards in a row keep their own height', async () => {
      const long = raw.map((p, i) => (i === 1 ? { ...p, identity: `${p.identity} `.repeat(12) } : p));
      const grid = await gridOf(html`<persona-grid variant="full" .personas=${long}></persona-grid>`);
      // As painted: cards out of view are sized by a placeholder until the browser finds them in view.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const [a, b, c] = items(grid).map((item) => item.getBoundingClientRect());
      expect(a!.top).to.equal(b!.top);
      expect(b!.height).to.be.above(a!.height + 20);
      expect(Math.abs(a!.height - c!.height)).to.be.below(b!.height - a!.height);
    });
  });

  describe('sort options', () => {
    const options = (grid: PersonaGrid) => [...$<HTMLSelectElement>(grid, '#sort')!.options].map((o) => o.value);

    it('offers counts and dates only when some persona has them', async () => {
      const all = await gridOf(html`<persona-grid .personas=${raw}></persona-grid>`);
      expect(options(all)).to.deep.equal(['relevance', 'name', 'comments', 'validations', 'updated']);
      const none = await gridOf(html`<persona-grid .personas=${plain}></persona-grid>`);
      expect(options(none)).to.deep.equal(['relevance', 'name']);
    });

    it('a sort asked for but not offered falls back to relevance', async () => {
      const grid = await gridOf(html`<persona-grid sort="updated" .personas=${plain}></persona-grid>`);
      expect($<HTMLSelectElement>(grid, '#sort')!.value).to.equal('relevance');
      const pids = [...root(grid).querySelectorAll<PersonaCard>('persona-card')].map((c) => (c.persona as Persona).pid);
      expect(pids).to.deep.equal(plain.map((p) => p.pid));
    });
  });

  describe('sync-url', () => {
    let original: string;
    beforeEach(() => {
      original = location.href;
      history.replaceState(history.state, '', `${location.pathname}?keep=1`);
    });
    afterEach(() => history.replaceState(history.state, '', original));

    it('a shared link round-trips: commas, spaces, unicode, & and #, encoded once', async () => {
      const grid = await gridOf(html`<persona-grid sync-url .personas=${raw}></persona-grid>`);
      grid.query = 'café & crème #1 + 50%;x';
      grid.app = 'glue,stripe';
      grid.sort = 'name';
      await grid.updateComplete;
      const search = location.search;
      expect(search).to.contain('app=glue,stripe');
      expect(search).not.to.contain('%252C');
      expect(search).to.match(/^\?keep=1&persona-grid=q=caf%C3%A9\+%26\+cr%C3%A8me\+%231\+%2B\+50%2525%253Bx;app=glue,stripe;sort=name$/);

      const shared = `${location.origin}${location.pathname}${search}`;
      history.replaceState(history.state, '', '?');
      history.replaceState(history.state, '', new URL(shared).search);
      const restored = await fixture<PersonaGrid>(html`<persona-grid sync-url .personas=${raw}></persona-grid>`);
      await restored.updateComplete;
      expect(restored.query).to.equal('café & crème #1 + 50%;x');
      expect(restored.app).to.equal('glue,stripe');
      expect(restored.sort).to.equal('name');
    });

    it('the open profile is in the URL with a history entry: Back closes it, the link opens it', async () => {
      const grid = await library(html``);
      grid.setAttribute('sync-url', '');
      await grid.updateComplete;
      const length = history.length;
      items(grid)[1]!.click();
      await opened(grid);
      expect(location.search).to.equal('?keep=1&persona-grid=persona=SEG-2');
      expect(history.length).to.equal(length + 1);

      history.back();
      await closed(grid);
      expect(location.search).to.equal('?keep=1');
      expect(focused(grid)).to.equal(1);

      history.replaceState(history.state, '', '?keep=1&persona-grid=q=café;persona=CAFE+1/%C3%A9');
      const shared = await gridOf(html`<persona-grid sync-url .personas=${raw}></persona-grid>`);
      await opened(shared);
      expect(profilePid(shared)).to.equal('CAFE 1/é');
      expect(shared.query).to.equal('café');
      // Not opened here: closing replaces the URL instead of going back.
      await sendKeys({ press: 'Escape' });
      await closed(shared);
      expect(location.search).to.equal('?keep=1&persona-grid=q=caf%C3%A9');
    });

    it('closing a profile opened here goes back (Escape)', async () => {
      const grid = await gridOf(html`<persona-grid sync-url .personas=${raw}></persona-grid>`);
      items(grid)[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await opened(grid);
      expect(location.search).to.equal('?keep=1&persona-grid=persona=SEG-1');
      await sendKeys({ press: 'Escape' });
      await closed(grid);
      // Back to the entry before (the profile's own entry stays ahead, for Forward).
      await waitUntil(() => location.search === '?keep=1', `URL stayed ${location.search}`);
      expect(focused(grid)).to.equal(0);
      history.forward();
      await opened(grid);
      expect(profilePid(grid)).to.equal('SEG-1');
    });
  });

  describe('accessibility of the open profile', () => {
    for (const [width, height] of [
      [375, 740],
      [1280, 900],
    ] as const) {
      for (const theme of ['light', 'dark'] as const) {
        it(`passes axe at ${width}px (${theme}); the sheet is ${width <= 600 ? 'the whole width' : 'a side sheet'}`, async function () {
          await skipIn(this, ['webkit'], 'no viewport control over WebDriver');
          await setViewport({ width, height });
          resized = true;
          const wrapper = await fixture<HTMLElement>(
            html`<div><persona-grid theme=${theme} .personas=${raw}></persona-grid></div>`,
          );
          const grid = await settled(wrapper.querySelector('persona-grid')!);
          items(grid)[3]!.click();
          await opened(grid);
          const box = dialog(grid)!.getBoundingClientRect();
          // The viewport without its scrollbar, if the engine shows one.
          const viewport = document.documentElement.clientWidth;
          expect(box.width).to.equal(width <= 600 ? viewport : 720);
          expect(Math.round(box.right)).to.equal(viewport);
          await expect(grid).to.be.accessible();
        });
      }
    }
  });
});
