/**
 * The code of some actions loads on demand: the grid's export, a card's copy and download. When
 * it cannot be fetched (the page went offline), the person who clicked is told so, not left with
 * nothing. A file of its own: a module that failed to load stays failed in its page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/components/persona-grid/persona-grid.define.js';
import type { PersonaCard } from '../src/components/persona-card/persona-card.js';
import type { PersonaGrid } from '../src/components/persona-grid/persona-grid.js';
import { skipIn } from './support/engine.js';

const personas = [
  { pid: 'A-1', name: 'The First Persona', identity: 'Uses it daily.', app: 'Segment' },
  { pid: 'A-2', name: 'The Second Persona', identity: 'Uses it weekly.', app: 'Glue' },
];
const MESSAGE = 'This action could not be loaded. Reload the page to try again.';

/** From now on this page's browser refuses the module (test/support/offline-modules.mjs). */
async function offline(name: string) {
  expect(await executeServerCommand('offline-module', { name })).to.equal(true);
}

/** Counts the file downloads started while `run` runs (and stops them). */
async function downloadsDuring(run: () => Promise<void>): Promise<number> {
  let downloads = 0;
  const count = (event: Event) => {
    if (!(event.target as HTMLAnchorElement).download) return;
    downloads += 1;
    event.preventDefault();
  };
  document.addEventListener('click', count, true);
  try {
    await run();
  } finally {
    document.removeEventListener('click', count, true);
  }
  return downloads;
}

const text = (element: Element | null | undefined) => element?.textContent?.trim() ?? '';

describe('actions whose code cannot be loaded', () => {
  beforeEach(async function () {
    await skipIn(this, ['webkit'], "WebKit's WebDriver cannot refuse one request of the page");
  });
  // The browser page runs the next test file after this one: back online for it.
  after(() => executeServerCommand('online-modules'));

  it("the grid's export says so, and keeps its buttons", async () => {
    const grid = await fixture<PersonaGrid>(html`<persona-grid .personas=${personas}></persona-grid>`);
    const root = grid.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~="export"] button'), 'no export buttons', { timeout: 5000 });
    await offline('grid-export');
    const downloads = await downloadsDuring(async () => {
      [...root.querySelectorAll<HTMLButtonElement>('[part~="export"] button')].find((b) => text(b) === 'JSON')!.click();
      await waitUntil(() => text(root.querySelector('.status')), 'no message', { timeout: 5000 });
    });
    expect(text(root.querySelector('.status'))).to.equal(MESSAGE);
    expect(downloads).to.equal(0);
    expect(root.querySelectorAll('[part~="export"] button')).to.have.length(3);
  });

  it("a card's Download JSON says so", async () => {
    const card = await fixture<PersonaCard>(html`<persona-card .persona=${personas[0]}></persona-card>`);
    const root = card.shadowRoot!;
    await offline('persona-card.exports');
    const downloads = await downloadsDuring(async () => {
      root.querySelector<HTMLButtonElement>('[part~="menu-button"]')!.click();
      await waitUntil(() => root.querySelector('[role="menuitem"]'), 'no menu', { timeout: 5000 });
      [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((item) => text(item) === 'Download JSON')!.click();
      await waitUntil(() => text(root.querySelector('[part~="status"]')), 'no message', { timeout: 5000 });
    });
    expect(text(root.querySelector('[part~="status"]'))).to.equal(MESSAGE);
    expect(downloads).to.equal(0);
  });
});
