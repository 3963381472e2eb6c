/**
 * `<persona-grid>`'s export loads its code on demand. When that code cannot be fetched (the page
 * went offline), the person who clicked gets a message, not nothing. A file of its own: a module
 * that failed to load stays failed in its page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/components/persona-grid/persona-grid.define.js';
import type { PersonaGrid } from '../src/components/persona-grid/persona-grid.js';
import { skipIn } from './support/engine.js';

const personas = [
  { pid: 'A-1', name: 'The First Persona', identity: 'Uses it daily.', app: 'Segment' },
  { pid: 'A-2', name: 'The Second Persona', identity: 'Uses it weekly.', app: 'Glue' },
];

describe('persona-grid export, offline', () => {
  it('says the export could not be loaded, and keeps its buttons', async function () {
    await skipIn(this, ['webkit'], "WebKit's WebDriver cannot refuse one request of the page");
    const grid = await fixture<PersonaGrid>(html`<persona-grid .personas=${personas}></persona-grid>`);
    const root = grid.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~="export"] button'), 'no export buttons', { timeout: 5000 });
    // This page's browser refuses the module from now on (test/support/offline-modules.mjs).
    expect(await executeServerCommand('offline-module', { name: 'grid-export' })).to.equal(true);
    let downloads = 0;
    const count = (event: Event) => (event.target as HTMLAnchorElement).download && (downloads += 1, event.preventDefault());
    document.addEventListener('click', count, true);
    try {
      const json = [...root.querySelectorAll<HTMLButtonElement>('[part~="export"] button')].find((b) => b.textContent?.trim() === 'JSON')!;
      json.click();
      const status = () => root.querySelector('.status')?.textContent?.trim();
      await waitUntil(() => status(), 'no message', { timeout: 5000 });
      expect(status()).to.equal('The export could not be loaded. Reload the page to try again.');
      expect(downloads).to.equal(0);
      expect(root.querySelectorAll('[part~="export"] button')).to.have.length(3);
    } finally {
      document.removeEventListener('click', count, true);
    }
  });
});
