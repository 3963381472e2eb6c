/**
 * The hostile data corpus, through the real path (fetch → parse → render) of
 * every element: nothing a remote party sends can run code, change globals,
 * or break the rest of the page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import { personaClient } from '../src/data/client.js';
import type { PersonaCard } from '../src/components/persona-card/persona-card.js';
import type { PersonaGridLoadDetail } from '../src/components/persona-grid/persona-grid.js';
import { HOSTILE_SENTINEL, hostileStrings } from './support/hostile-strings.js';

const SENTINEL = HOSTILE_SENTINEL;

/** URLs that must never reach an href or src. */
export const hostileUrls = [
  `javascript:${run}`,
  ` javascript:${run}`,
  `JaVaScRiPt:${run}`,
  `java\nscript:${run}`,
  `java\tscript:${run}`,
  `&#106;avascript:${run}`,
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '//evil.test/x.png',
  '\\\\evil.test\\x',
  '/relative/x.png',
];

const STRING_FIELDS = ['name', 'identity', 'app', 'app_id', 'category', 'aha_moment', 'jtbd', 'intention', 'outcome', 'scenario', 'context', 'composability'];

function corpus(): unknown[] {
  const records: unknown[] = [];
  hostileStrings.forEach((text, i) => {
    const record: Record<string, unknown> = { pid: `S-${i}`, url: hostileUrls[i % hostileUrls.length], image: hostileUrls[(i + 1) % hostileUrls.length] };
    for (const field of STRING_FIELDS) record[field] = text;
    record.tags = [text, text];
    record.goals = [text, { title: text, detail: text, quote: text }];
    record.profile = { role: text, experience: text, team_size: text, technical_skill: text };
    record.workflow = [{ when: text, activities: [text] }];
    record.tools = [{ name: text, frequency: text, duration: text, use_cases: [text], features: [text] }];
    record.metrics = [{ name: text, target: text }];
    records.push(record);
  });
  const base = { name: 'n', identity: 'i' };
  records.push(
    { ...base, pid: 'BIG', identity: 'i'.repeat(1024 * 1024), goals: Array.from({ length: 100_000 }, (_, i) => `g${i}`) },
    { ...base, pid: 'DEEP', profile: JSON.parse(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`) as unknown },
    { ...base, pid: 'COUNTS', comment_count: '4', validation_count: -2 },
    { ...base, pid: 'FLOAT', comment_count: 2.5, validation_count: 1e308 },
    { ...base, pid: 'BIG' } /* duplicate */,
    JSON.parse('{"pid":"PROTO","name":"n","identity":"i","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1}}') as unknown,
    { pid: { toString: 'x' }, name: 'object pid', identity: 'i' },
    null,
    'a string',
    [],
  );
  return records;
}

/** Every element inside every shadow root, to search for anything the data created. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...deepElements(element.shadowRoot));
  }
  return out;
}

describe('hostile data corpus', () => {
  const url = 'https://hostile.test/personas.json';
  let globalsBefore: Set<string>;
  const original = personaClient.options.fetch;

  before(() => {
    personaClient.clear();
    personaClient.configure({
      fetch: async (input, init) =>
        String(input) === url ? new Response(JSON.stringify(corpus())) : original(input, init),
    });
    globalsBefore = new Set(Object.getOwnPropertyNames(window));
  });
  after(() => {
    personaClient.configure({ fetch: original });
    personaClient.clear();
  });

  afterEach(() => {
    expect((window as unknown as Record<string, unknown>)[SENTINEL], 'a payload ran').to.equal(undefined);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype changed').to.equal(undefined);
    const added = Object.getOwnPropertyNames(window).filter((name) => !globalsBefore.has(name));
    expect(added.filter((name) => !/^(__wtr|__WTR|mocha|chai)/.test(name)), 'new globals').to.deep.equal([]);
  });

  it('the grid renders the valid records, explains the skipped ones, and creates no active content', async () => {
    const grid = await fixture<HTMLElement>(html`<persona-grid src=${url} page-size="50" variant="full"></persona-grid>`);
    const loaded = await new Promise<PersonaGridLoadDetail>((resolve) =>
      grid.addEventListener('persona-grid-load', (event) => resolve((event as unknown as CustomEvent<PersonaGridLoadDetail>).detail), { once: true }),
    );
    // 13 hostile-string personas + BIG, DEEP, COUNTS, FLOAT, PROTO; the rest skipped with reasons.
    expect(loaded.personas.map((p) => p.pid)).to.deep.equal([
      ...hostileStrings.map((_, i) => `S-${i}`),
      'BIG',
      'DEEP',
      'COUNTS',
      'FLOAT',
      'PROTO',
    ]);
    expect(loaded.skipped.map((s) => s.reason)).to.have.length(5);
    for (const skip of loaded.skipped) expect(skip.reason).to.be.a('string').and.not.equal('');

    await waitUntil(() => grid.shadowRoot!.querySelectorAll('persona-card').length === 18, 'cards did not render');
    const cards = [...grid.shadowRoot!.querySelectorAll('persona-card')];
    await Promise.all(cards.map((card) => card.updateComplete));
    // Full profiles: their sections' code loads on demand; look once every card shows its persona.
    await waitUntil(() => cards.every((card) => card.shadowRoot!.querySelector('[part~="title"]')), 'cards did not render');
    const elements = deepElements(grid.shadowRoot!);
    expect(elements.filter((e) => ['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED'].includes(e.tagName)).length).to.equal(0);
    // The only SVG is the card's own drawn "⋯" (three circles in the actions button), none from the data.
    const svg = elements.filter((e) => e.namespaceURI === 'http://www.w3.org/2000/svg' && e.closest('[part~="base"]'));
    expect(svg.filter((e) => !e.closest('[part~="menu-button"]') || !['svg', 'circle'].includes(e.localName))).to.deep.equal([]);
    for (const element of elements) {
      for (const attribute of ['href', 'src', 'action', 'formaction']) {
        const value = element.getAttribute(attribute);
        if (value !== null) expect(value, `${element.tagName} ${attribute}`).not.to.match(/^\s*(javascript|data|vbscript):/i);
      }
      for (const { name } of element.attributes) expect(name, element.tagName).not.to.match(/^on/i);
    }
    // The hostile strings are there, as text.
    expect(cards[0]!.shadowRoot!.textContent).to.contain(hostileStrings[0]);
  });

  it('a card of each hostile persona, in full, stays inert and within its box', async () => {
    for (let i = 0; i < hostileStrings.length; i++) {
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 320px">
        <persona-card src=${url} persona-id=${`S-${i}`} variant="full"></persona-card>
      </div>`);
      const card = wrapper.querySelector<PersonaCard>('persona-card')!;
      await waitUntil(() => card.shadowRoot!.querySelector('[part~="title"]'), `S-${i} did not render`);
      const base = card.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      expect(base.getBoundingClientRect().width, `S-${i} width`).to.be.at.most(320);
      expect(base.scrollWidth, `S-${i} overflow`).to.be.at.most(322);
      // No link, image or script from the data (the contents list's jump links are the card's own).
      const fromData = card.shadowRoot!.querySelectorAll('a:not([part~="contents-link"]), img, script, iframe');
      expect(fromData.length, `S-${i}`).to.equal(0);
    }
  });

  it('a 1 MB identity and a 100,000-item list are capped, not frozen on', async () => {
    const started = performance.now();
    const card = await fixture<PersonaCard>(html`<persona-card src=${url} persona-id="BIG" variant="full"></persona-card>`);
    await waitUntil(() => card.shadowRoot!.querySelector('[part~="title"]'), 'BIG did not render');
    expect(performance.now() - started).to.be.below(3000);
    const goals = () => card.shadowRoot!.querySelectorAll('section[data-field="goals"] li').length;
    await waitUntil(() => goals() > 0, 'no goals');
    expect(goals(), 'a long list shows its first 5').to.equal(5);
    card.shadowRoot!.querySelector<HTMLButtonElement>('section[data-field="goals"] [part~="show-all-button"]')!.click();
    await waitUntil(() => goals() > 5, 'Show all did nothing');
    expect(goals(), 'the list is capped at 200 items').to.equal(200);
  });
});
