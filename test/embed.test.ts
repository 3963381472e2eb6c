/**
 * The embed's allow-list: the link chooses the view, the deployer of
 * embed.html chooses where it may fetch from and post to.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { PersonaCard } from '../src/components/persona-card/persona-card.js';
import type { ContributeForm } from '../src/components/contribute-form/contribute-form.js';
import { embedStrings } from '../src/i18n/embed-strings.js';
import { setDefaultStrings } from '../src/i18n/page-strings.js';
import {
  EMBED_MIN_HEIGHT,
  reportHeight,
  type EmbedResizeMessage,
  EMBED_ALLOW_META,
  EMBED_REFUSED_MESSAGE,
  createEmbeddedElement,
  embedAllowList,
  isEmbedAllowed,
  parseEmbedAllowList,
} from '../src/embed/embed.js';

const BASE = 'https://embed.example/widgets/embed.html?view=card';

describe('embed allow-list', () => {
  it('allows only the embed’s own origin when no list is set', () => {
    const list = parseEmbedAllowList(undefined, BASE);
    expect(list).to.deep.equal([{ origin: 'https://embed.example', path: '/' }]);
    expect(parseEmbedAllowList('   ', BASE)).to.deep.equal(list);
    expect(isEmbedAllowed('/api/personas.json', BASE, list)).to.equal(true);
    expect(isEmbedAllowed('../data/p.json', BASE, list)).to.equal(true);
    expect(isEmbedAllowed('https://embed.example/anything', BASE, list)).to.equal(true);
    for (const foreign of [
      'http://evil.example/collect',
      '//evil.example/collect',
      'https://embed.example.evil.example/',
      'http://embed.example/api', // another scheme is another origin
      'https://embed.example:8443/api',
      'https://user:pass@embed.example/api',
      'javascript:alert(1)',
      'data:application/json,[]',
      'java\tscript:alert(1)',
    ]) {
      expect(isEmbedAllowed(foreign, BASE, list), foreign).to.equal(false);
    }
  });

  it('reads origins, URL prefixes and self from the deployer’s list', () => {
    const list = parseEmbedAllowList('https://a.example  https://b.example/api/ self not-a-url ftp://c.example', BASE);
    expect(list).to.deep.equal([
      { origin: 'https://a.example', path: '/' },
      { origin: 'https://b.example', path: '/api/' },
      { origin: 'https://embed.example', path: '/' },
      // "not-a-url" is relative: it resolves against the embed's location, like a link.
      { origin: 'https://embed.example', path: '/widgets/not-a-url' },
    ]);
    expect(isEmbedAllowed('https://a.example/x/personas.json', BASE, list)).to.equal(true);
    expect(isEmbedAllowed('https://b.example/api/personas.json', BASE, list)).to.equal(true);
    expect(isEmbedAllowed('https://b.example/api/../admin/collect', BASE, list)).to.equal(false);
    expect(isEmbedAllowed('https://b.example/apix/collect', BASE, list)).to.equal(false);
    expect(isEmbedAllowed('https://b.example/other', BASE, list)).to.equal(false);
    expect(isEmbedAllowed('ftp://c.example/x', BASE, list)).to.equal(false);
  });

  it('a list that names only other origins does not allow the embed’s own', () => {
    const list = parseEmbedAllowList('https://a.example', BASE);
    expect(isEmbedAllowed('/api/personas.json', BASE, list)).to.equal(false);
    expect(parseEmbedAllowList('ftp://only.bad', BASE)).to.deep.equal([]);
  });

  it('reads the list from the page’s meta', () => {
    const meta = document.createElement('meta');
    meta.name = EMBED_ALLOW_META;
    meta.content = 'https://a.example';
    document.head.append(meta);
    try {
      expect(embedAllowList()).to.deep.equal([{ origin: 'https://a.example', path: '/' }]);
    } finally {
      meta.remove();
    }
    expect(embedAllowList()).to.deep.equal([{ origin: location.origin, path: '/' }]);
  });

  describe('createEmbeddedElement', () => {
    const own = parseEmbedAllowList(undefined, BASE);

    it('builds the element with allowed addresses made absolute', () => {
      const form = createEmbeddedElement('?view=form&action=/api/contributions&src=p.json&persona-id=A-1', own, BASE);
      expect(form.localName).to.equal('contribute-form');
      expect(form.getAttribute('action')).to.equal('https://embed.example/api/contributions');
      expect(form.getAttribute('src')).to.equal('https://embed.example/widgets/p.json');
      expect(form.getAttribute('persona-id')).to.equal('A-1');
    });

    for (const query of [
      '?view=form&action=http://evil.example/collect',
      '?view=form&action=/api/contributions&src=http://evil.example/personas.json',
      '?view=card&src=/api/p.json&persona-id=A-1&contribute-action=http://evil.example/collect',
      '?view=card&src=http://evil.example/p.json&persona-id=A-1',
      '?view=grid&src=http://evil.example/p.json',
      '?view=grid&src=/p.json&contribute-action=https://embed.example.evil.example/c',
      '?view=card&src=javascript:alert(1)',
    ]) {
      it(`refuses ${query}`, () => {
        const element = createEmbeddedElement(query, own, BASE);
        expect(element.localName).to.equal('p');
        expect(element.hasAttribute('data-persona-embed-refused')).to.equal(true);
        expect(element.getAttribute('role')).to.equal('alert');
        expect(element.textContent).to.equal(EMBED_REFUSED_MESSAGE);
        expect(element.textContent).not.to.contain('evil');
      });
    }
  });
});

describe('embed height and words', () => {
  /** A parent window that records what it is told. */
  function parent() {
    const messages: EmbedResizeMessage[] = [];
    return { messages, target: { postMessage: (message: EmbedResizeMessage) => messages.push(message) } as unknown as Window };
  }

  it('reports no height before the element has rendered, then its real height', async () => {
    const { messages, target } = parent();
    let render!: () => void;
    const rendered = new Promise<void>((resolve) => (render = resolve));
    const stop = reportHeight(target, rendered);
    try {
      await aTimeout(100);
      expect(messages).to.deep.equal([]);
      const card = await fixture<PersonaCard>(
        html`<persona-card .persona=${{ pid: 'E-1', name: 'Embedded', identity: 'Shown in an iframe.' }}></persona-card>`,
      );
      render();
      await waitUntil(() => messages.length > 0, 'no height reported');
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      expect(messages[0]).to.deep.equal({ type: 'persona-widgets:resize', height: Math.max(height, EMBED_MIN_HEIGHT) });
      expect(messages[0]!.height).to.be.at.least(card.getBoundingClientRect().height);
    } finally {
      stop();
    }
  });

  it('never reports less than a sensible minimum', async () => {
    const { messages, target } = parent();
    // The test page is taller than that; the smallest embed (a one-line refusal) is not.
    const tiny = document.createElement('style');
    tiny.textContent = 'html { height: 2px; overflow: hidden } body { display: none }';
    document.head.append(tiny);
    const stop = reportHeight(target);
    try {
      await waitUntil(() => messages.length > 0, 'no height reported');
      expect(messages[0]!.height).to.equal(EMBED_MIN_HEIGHT);
    } finally {
      stop();
      tiny.remove();
    }
  });

  it('tells the reader to fix the embed URL, not to add a provider or a meta', async () => {
    setDefaultStrings(embedStrings);
    try {
      const card = await fixture<PersonaCard>(html`<persona-card persona-id="APP-074"></persona-card>`);
      await waitUntil(() => card.shadowRoot!.querySelector('[part~="problem"]'), 'no problem shown');
      const text = card.shadowRoot!.querySelector('[part~="problem"]')!.textContent!;
      expect(text).to.contain('src= to the embed URL');
      expect(text).not.to.contain('persona-provider');
      expect(text).not.to.contain('<meta');
      const form = await fixture<ContributeForm>(html`<contribute-form kind="new" no-draft-storage></contribute-form>`);
      const send = form.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[name="text"]')!;
      send.value = 'A persona for embed tests.';
      send.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await form.updateComplete;
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
      await waitUntil(() => form.shadowRoot!.querySelector('#failure'), 'no failure shown');
      expect(form.shadowRoot!.querySelector('#failure')!.textContent).to.contain('action=');
    } finally {
      setDefaultStrings();
    }
  });
});
