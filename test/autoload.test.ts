/**
 * The one-script-tag autoloader (src/autoload/autoloader.ts) in a page of its own: it loads
 * the card's code once, and every card's data request starts before that code has arrived.
 */
import { expect } from '@open-wc/testing';
import { endpoint, requestCount, uniqueKey } from './support/helpers.js';

/** The early requests, by absolute URL (shared through the global object, see src/data/prefetch.ts). */
const earlyRequests = () => (globalThis as Record<symbol, unknown>)[Symbol.for('persona-widgets:prefetch')] as Map<string, unknown>;

function card(key: string): HTMLElement {
  const element = document.createElement('persona-card');
  element.setAttribute('src', endpoint({ key, count: 3 }));
  element.setAttribute('persona-id', 'T-2');
  return element;
}

describe('the autoloader', () => {
  it("starts the data request of a card added while the card's code is on its way", async () => {
    const first = uniqueKey();
    const later = uniqueKey();
    document.body.append(card(first));
    await import('../src/autoload/autoloader.js');
    // The first card's code is requested; a second card, on another endpoint, arrives meanwhile.
    const second = card(later);
    document.body.append(second);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the autoloader's observer has run
    expect(customElements.get('persona-card'), 'the card code must still be on its way').to.equal(undefined);
    expect([...earlyRequests().keys()]).to.include(new URL(second.getAttribute('src')!, document.baseURI).href);

    // Once defined, both cards show their persona from one request each: the card adopted the early one.
    await customElements.whenDefined('persona-card');
    for (const element of document.querySelectorAll('persona-card')) {
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await requestCount(first)).to.equal(1);
    expect(await requestCount(later)).to.equal(1);
  });
});
