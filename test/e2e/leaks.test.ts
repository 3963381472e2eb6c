/**
 * Mounting and removing 1,000 cards, five times over, leaves nothing behind:
 * DOM nodes, event listeners and JS heap come back to where they were.
 * Measured through the DevTools protocol after forced garbage collection.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CDPSession, Page } from 'playwright-core';
import { personasRoute, useBrowser } from './browser.js';

let page: Page;
let cdp: CDPSession;
const e2e = useBrowser({ routes: [personasRoute] }, async () => {
  page = await e2e.browser.newPage();
  await page.goto(`${e2e.server.url}/test/e2e/fixtures/empty.html`);
  // The autoloader loads the card's code when a card appears; load() asks for it ahead.
  await page.evaluate(async (bundle) => {
    const { load } = (await import(bundle)) as { load: (tag: string) => Promise<void> };
    await load('persona-card');
  }, '/dist/persona-widgets.js');
  cdp = await page.context().newCDPSession(page);
});

interface Counters {
  nodes: number;
  listeners: number;
  heap: number;
}

async function counters(): Promise<Counters> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { nodes: dom.nodes, listeners: dom.jsEventListeners, heap: heap.usedSize };
}

/** Mounts 1,000 cards in the given mode, waits until all have rendered, removes them. */
async function cycle(mode: 'endpoint' | 'property' | 'lazy') {
  await page.evaluate(async (mode) => {
    const ids = ['APP-074', 'APP-153', 'APP-116', 'GLUE-001', 'APP-999'];
    const host = document.createElement('div');
    document.body.append(host);
    const cards = Array.from({ length: 1000 }, (_, i) => {
      // (Typed by hand: this file is compiled for Node, without the library's tag map.)
      const card = document.createElement('persona-card') as HTMLElement &
        Record<'src' | 'personaId' | 'loading' | 'variant', string> & { persona: unknown };
      if (mode === 'property') {
        card.persona = { pid: `P-${i}`, name: `Persona ${i}`, identity: 'Someone.', aha_moment: 'It clicked.' };
      } else {
        card.src = '/api/personas.json';
        card.personaId = ids[i % ids.length]!;
        if (mode === 'lazy') card.loading = 'lazy';
        if (i % 10 === 0) card.variant = 'full';
      }
      return card;
    });
    host.append(...cards);
    // Wait until the cards show their persona (lazy ones: those in view), not just a skeleton.
    const settled = mode === 'lazy' ? cards.slice(0, 3) : cards;
    const started = Date.now();
    // (No named helper functions in here: the test's compiler would wrap them in a helper the page lacks.)
    while (!settled.every((card) => card.shadowRoot?.querySelector('[part~="base"]:not([part~="skeleton"])'))) {
      if (Date.now() - started > 10_000) throw new Error('cards did not settle');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    host.remove();
  }, mode);
}

for (const mode of ['endpoint', 'property', 'lazy'] as const) {
  test(`1,000 cards (${mode}) mounted and removed 5 times leave no nodes, listeners or heap behind`, async () => {
    await cycle(mode); // warm-up: code, styles and the shared collection are loaded once
    const start = await counters();
    for (let i = 0; i < 5; i++) await cycle(mode);
    const end = await counters();
    assert.ok(end.nodes - start.nodes <= 50, `DOM nodes grew from ${start.nodes} to ${end.nodes}`);
    assert.ok(end.listeners - start.listeners <= 5, `listeners grew from ${start.listeners} to ${end.listeners}`);
    const growth = (end.heap - start.heap) / start.heap;
    assert.ok(growth < 0.1, `heap grew ${(growth * 100).toFixed(1)}% (${start.heap} → ${end.heap} bytes)`);
    console.log(`${mode}: nodes ${start.nodes}→${end.nodes}, listeners ${start.listeners}→${end.listeners}, heap ${(start.heap / 1e6).toFixed(2)}→${(end.heap / 1e6).toFixed(2)} MB`);
  });
}
