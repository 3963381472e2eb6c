import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import { skipIn } from './support/engine.js';
import '../src/define.js';
import { PersonaCard } from '../src/components/persona-card/persona-card.js';
import { personaClient } from '../src/data/client.js';
import type { PersonaErrorDetail, PersonaLoadDetail } from '../src/components/persona-card/persona-card.js';
import { endpoint, requestCount, uniqueKey } from './support/helpers.js';
import { intersectionsReported } from './support/intersections.js';
import { actionItem, menuButton, menuItems, prepareActions } from './support/card.js';

const deep = {
  pid: 'GLUE-001',
  name: 'Account Manager',
  identity: 'Day-to-day relationship management and account growth.',
  app: 'Glue',
  aha_moment: 'The first renewal I saw coming.',
  comment_count: 1,
  validation_count: 4,
  updated_at: '2026-03-05',
  url: 'https://example.test/personas/GLUE-001',
  image: 'https://example.test/avatar.png',
  jtbd: 'Grow accounts.',
  profile: { role: 'CSM', experience: '2-8 years', team_size: '20-150 accounts', technical_skill: 'Moderate' },
  goals: ['Drive expansion revenue', 'Prevent churn'],
  frustrations: [{ title: 'Data Fragmentation', quote: 'I spend 2 hours every morning gathering data' }],
  workflow: [{ when: 'Morning', activities: ['Check alerts'] }],
  tools: [{ name: 'Whitespace Visualizer', frequency: '3-5 times per week', use_cases: ['Quarterly reviews'] }],
  metrics: [{ name: 'Expansion revenue', target: '$50K per quarter' }],
  principles: [{ title: 'Speed over depth', detail: 'Quick insights' }],
};

const root = (card: PersonaCard) => card.shadowRoot!;
const part = (card: PersonaCard, name: string) => root(card).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (card: PersonaCard, name: string) => part(card, name)?.textContent?.replace(/\s+/g, ' ').trim();

async function settled(card: PersonaCard) {
  await waitUntil(() => part(card, 'title') || part(card, 'problem'), 'card never settled', { timeout: 5000 });
  await card.updateComplete;
  return card;
}

async function withPersona(persona: unknown, variant: 'compact' | 'full' = 'compact') {
  const card = await fixture<PersonaCard>(html`<persona-card variant=${variant} .persona=${persona}></persona-card>`);
  return settled(card);
}

/** The sections of `deep` in the full profile, in reading order. */
const DEEP_SECTIONS = ['Profile', 'Job to be done', 'Goals', 'Frustrations', 'Daily workflow', 'Tools', 'Success metrics', 'Principles'];

describe('<persona-card>', () => {
  before(() => personaClient.configure({ retryDelay: 5, timeout: 1500, retries: 1 }));

  it('registers once and survives a second registration', async () => {
    expect(customElements.get('persona-card')).to.equal(PersonaCard);
    class Other extends PersonaCard {}
    const { defineElement } = await import('../src/internal/define-element.js');
    expect(() => defineElement('persona-card', Other)).not.to.throw();
    expect(customElements.get('persona-card')).to.equal(PersonaCard);
  });

  describe('compact (default)', () => {
    it('shows app, pid and counts in the header, name, identity, aha as a quote, link, image and date', async () => {
      const card = await withPersona(deep);
      expect(text(card, 'app')).to.equal('Glue · GLUE-001');
      expect(part(card, 'header')!.contains(part(card, 'counts'))).to.equal(true);
      expect(text(card, 'title')).to.equal('Account Manager');
      expect(part(card, 'title')!.getAttribute('role')).to.equal('heading');
      expect(part(card, 'title')!.getAttribute('aria-level')).to.equal('3');
      expect(text(card, 'identity')).to.equal(deep.identity);
      expect(part(card, 'aha')!.querySelector('blockquote')!.textContent).to.equal(deep.aha_moment);
      const facts = [...part(card, 'counts')!.children].map((fact) => fact.textContent!.replace(/\s+/g, ' ').trim());
      expect(facts).to.deep.equal(['1 comment', '4 validations']);
      expect(text(card, 'meta')).to.equal('Updated Mar 5, 2026');
      const link = part(card, 'title')!.querySelector('a')!;
      expect(link.href).to.equal(deep.url);
      expect(link.rel).to.equal('noopener noreferrer');
      const image = part(card, 'image') as HTMLImageElement;
      expect(image.src).to.equal(deep.image);
      expect(image.alt).to.equal('Avatar of Account Manager');
      expect(image.loading).to.equal('lazy');
    });

    it('leaves out the deep fields and empty ones', async () => {
      const card = await withPersona({ ...deep, aha_moment: '—', comment_count: undefined });
      expect(root(card).querySelectorAll('[part~="section"]')).to.have.length(0);
      expect(part(card, 'aha')).to.equal(null);
      expect(text(card, 'counts')).not.to.contain('comment');
    });

    it('uses a readable app_id when there is no app name', async () => {
      const card = await withPersona({ pid: 'P', name: 'n', identity: 'i', app_id: 'notion-ai' });
      expect(text(card, 'app')).to.equal('Notion Ai · P');
    });

    it('pluralises counts and leaves out a count of 0, keeping the others', async () => {
      const card = await withPersona({ ...deep, comment_count: 0, validation_count: 1 });
      expect(text(card, 'counts')).to.equal('1 validation');
      const none = await withPersona({ ...deep, comment_count: 0, validation_count: 0 });
      expect(part(none, 'counts')).to.equal(null);
      expect(text(none, 'app')).to.equal('Glue · GLUE-001');
      const noApp = await withPersona({ pid: 'P-1', name: 'n', identity: 'i', comment_count: 2 });
      expect(text(noApp, 'app')).to.equal('P-1');
      expect(text(noApp, 'counts')).to.equal('2 comments');
    });

    it('links the comment count to the discussion when the data has one (http(s) only)', async () => {
      const discussed = await withPersona({ pid: 'P-1', name: 'n', identity: 'i', comment_count: 4, discussion_url: 'https://example.com/p/GLUE-001#comments' });
      const link = part(discussed, 'discussion-link') as HTMLAnchorElement;
      expect(link, 'the comment count is a link').to.be.instanceOf(HTMLAnchorElement);
      expect(link.textContent!.trim()).to.equal('4 comments');
      expect(link.href).to.equal('https://example.com/p/GLUE-001#comments');
      expect(link.rel).to.equal('noopener noreferrer');
      // No comments yet: the link still invites to the discussion.
      const quiet = await withPersona({ pid: 'P-2', name: 'n', identity: 'i', comment_count: 0, discussion_url: 'https://example.com/d' });
      expect(part(quiet, 'discussion-link')!.textContent!.trim()).to.equal('Discuss');
      // Not an http(s) URL: dropped by the parser, the count stays plain text.
      const hostile = await withPersona({ pid: 'P-3', name: 'n', identity: 'i', comment_count: 4, discussion_url: 'javascript:alert(1)' });
      expect(part(hostile, 'discussion-link') === null, 'no link to a javascript: URL').to.equal(true);
      expect(text(hostile, 'counts')).to.contain('4 comments');
      // Out of the Tab order in a container with its own keys.
      discussed.tabbable = false;
      await discussed.updateComplete;
      expect(link.tabIndex).to.equal(-1);
    });
  });

  describe('out of view', () => {
    it('re-renders a task after a change while out of view, at once in view; updateComplete waits for it', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <persona-card .persona=${deep}></persona-card>
        <persona-card style="position: absolute; top: 300vh" .persona=${deep}></persona-card>
      </div>`);
      const [inView, below] = [...wrapper.querySelectorAll<PersonaCard>('persona-card')] as [PersonaCard, PersonaCard];
      await Promise.all([settled(inView), settled(below)]);
      await intersectionsReported(below);

      let taskPassed = false;
      setTimeout(() => (taskPassed = true));
      inView.persona = { ...deep, name: 'Renamed in view' };
      below.persona = { ...deep, name: 'Renamed below' };
      await inView.updateComplete;
      expect(taskPassed, 'the card in view rendered in the task that changed it').to.equal(false);
      expect(text(inView, 'title')).to.equal('Renamed in view');
      expect(text(below, 'title')).to.equal('Account Manager');
      await below.updateComplete;
      expect(taskPassed, 'the card out of view rendered in a later task').to.equal(true);
      expect(text(below, 'title')).to.equal('Renamed below');

      // Only another persona waits: any other change renders at once, in view or not.
      taskPassed = false;
      setTimeout(() => (taskPassed = true));
      below.headingLevel = 2;
      await below.updateComplete;
      expect(taskPassed, 'a change of heading level rendered in its own task').to.equal(false);
      expect(part(below, 'title')!.getAttribute('aria-level')).to.equal('2');
    });
  });

  describe('full', () => {
    it('shows every present field under headings, in reading order, one level deeper', async () => {
      const card = await withPersona(deep, 'full');
      const headings = [...root(card).querySelectorAll('[part~="section-heading"]')];
      expect(headings.map((h) => h.textContent)).to.deep.equal(DEEP_SECTIONS);
      expect(headings.every((h) => h.getAttribute('aria-level') === '4')).to.equal(true);
      const frustrations = root(card).querySelector('section[data-field="frustrations"]')!;
      expect(frustrations.querySelector('blockquote')!.textContent).to.equal('“I spend 2 hours every morning gathering data”');
      expect(root(card).querySelector('section[data-field="profile"] dl')!.textContent).to.contain('20-150 accounts');
    });

    it('follows heading-level', async () => {
      const card = await fixture<PersonaCard>(
        html`<persona-card heading-level="2" variant="full" .persona=${deep}></persona-card>`,
      );
      expect(part(card, 'title')!.getAttribute('aria-level')).to.equal('2');
      expect(part(card, 'section-heading')!.getAttribute('aria-level')).to.equal('3');
    });
  });

  describe('from an endpoint', () => {
    it('shows a skeleton that reserves space, then the persona, then fires persona-load', async () => {
      const src = endpoint({ key: uniqueKey(), count: 3, delay: 200 });
      const card = await fixture<PersonaCard>(html`<persona-card src=${src} persona-id="T-002"></persona-card>`);
      const skeleton = part(card, 'skeleton')!;
      expect(skeleton).to.exist;
      expect(skeleton.getAttribute('role')).to.equal('status');
      const reserved = card.getBoundingClientRect().height;
      expect(reserved).to.be.at.least(200);
      const { detail } = (await oneEvent(card, 'persona-load')) as CustomEvent<PersonaLoadDetail>;
      expect(detail.persona.pid).to.equal('T-002');
      expect(detail.skipped).to.deep.equal([]);
      expect(text(card, 'title')).to.equal('The Test Persona 002');
      // The short persona keeps the skeleton's height: nothing below the card moves.
      await card.updateComplete;
      expect(card.getBoundingClientRect().height).to.equal(reserved);
    });

    it("takes only its content's height when given its persona (it never showed a skeleton) or told so", async () => {
      const persona = { pid: 'S-1', name: 'Short', identity: 'One line.' };
      const given = await withPersona(persona);
      expect(given.getBoundingClientRect().height).to.be.below(200);
      const src = endpoint({ key: uniqueKey(), count: 3 });
      const unreserved = await settled(
        await fixture<PersonaCard>(
          html`<persona-card style="--persona-skeleton-height: 0px" src=${src} persona-id="T-001"></persona-card>`,
        ),
      );
      expect(unreserved.getBoundingClientRect().height).to.be.below(300);
    });

    it('says which persona is missing, and fires persona-error with kind not-found', async () => {
      const src = endpoint({ key: uniqueKey(), count: 3 });
      const card = document.createElement('persona-card');
      const event = oneEvent(card, 'persona-error');
      card.src = src;
      card.personaId = 'APP-999';
      document.body.append(card);
      try {
        const { detail } = (await event) as CustomEvent<PersonaErrorDetail>;
        expect(detail.error.kind).to.equal('not-found');
        await card.updateComplete;
        expect(text(card, 'problem')).to.contain('No persona APP-999 at this endpoint.');
      } finally {
        card.remove();
      }
    });

    it('bubbles its events out of shadow roots to the host page', async () => {
      const wrapper = await fixture(html`<div></div>`);
      const shadow = wrapper.attachShadow({ mode: 'open' });
      const card = document.createElement('persona-card');
      card.persona = deep;
      const heard = oneEvent(wrapper, 'persona-load');
      shadow.append(card);
      expect(((await heard) as CustomEvent<PersonaLoadDetail>).detail.persona.pid).to.equal('GLUE-001');
    });

    it('explains an HTTP failure and recovers with Retry', async () => {
      const key = uniqueKey();
      const src = endpoint({ key, count: 2, status: 500, fail: 2 });
      const card = await settled(
        await fixture<PersonaCard>(html`<persona-card src=${src} persona-id="T-001"></persona-card>`),
      );
      expect(text(card, 'problem')).to.contain('This persona could not be loaded.');
      expect(text(card, 'problem')).to.contain('HTTP 500');
      expect(part(card, 'problem')!.getAttribute('role')).to.equal('alert');
      part(card, 'retry-button')!.click();
      await waitUntil(() => text(card, 'title') === 'The Test Persona 001', 'retry did not recover');
      expect(await requestCount(key)).to.equal(3);
    });

    for (const [body, message] of [
      ['not-json', 'This endpoint did not return persona data.'],
      ['wrong-shape', 'This endpoint did not return persona data.'],
    ] as const) {
      it(`explains a ${body} answer`, async () => {
        const card = await fixture<PersonaCard>(
          html`<persona-card src=${endpoint({ key: uniqueKey(), body })} persona-id="T-001"></persona-card>`,
        );
        const { detail } = (await oneEvent(card, 'persona-error')) as CustomEvent<PersonaErrorDetail>;
        expect(detail.error.kind).to.equal('data');
        await card.updateComplete;
        expect(text(card, 'problem')).to.contain(message);
        expect(part(card, 'retry-button')).to.exist;
      });
    }

    it('finds a persona on a later page of the endpoint', async () => {
      const key = uniqueKey();
      const card = await fixture<PersonaCard>(
        html`<persona-card src=${endpoint({ key, count: 9, pages: 3 })} persona-id="T-009"></persona-card>`,
      );
      await waitUntil(() => text(card, 'title') === 'The Test Persona 009', 'later page never loaded');
      expect(await requestCount(key)).to.equal(3);
    });

    it('with loading="lazy" fetches only when near the viewport', async () => {
      const key = uniqueKey();
      const src = endpoint({ key, count: 1 });
      const page = await fixture<HTMLElement>(html`<div>
        <div style="height: 4000px"></div>
        <persona-card loading="lazy" src=${src} persona-id="T-001"></persona-card>
      </div>`);
      const card = page.querySelector('persona-card')!;
      await aTimeout(150);
      expect(await requestCount(key)).to.equal(0);
      expect(part(card, 'skeleton')).to.exist;
      card.scrollIntoView();
      await waitUntil(() => text(card, 'title') === 'The Test Persona 001', 'lazy card never loaded');
      expect(await requestCount(key)).to.equal(1);
    });

    it('prefers a persona set from JavaScript and makes no request', async () => {
      const key = uniqueKey();
      const card = await fixture<PersonaCard>(
        html`<persona-card loading="lazy" src=${endpoint({ key })} persona-id="T-001" .persona=${deep}></persona-card>`,
      );
      expect(text(card, 'title')).to.equal('Account Manager');
      await aTimeout(50);
      expect(await requestCount(key)).to.equal(0);
    });

    it('explains an invalid persona object', async () => {
      const card = await fixture<PersonaCard>(html`<persona-card .persona=${{ pid: 'X' }}></persona-card>`);
      expect(text(card, 'problem')).to.contain('This persona is not valid: missing or invalid "name".');
    });
  });

  describe('hostile and odd data', () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

    it('renders markup in every string field as inert text', async () => {
      const hostile = {
        pid: payload,
        name: payload,
        identity: payload,
        app: payload,
        aha_moment: payload,
        jtbd: payload,
        goals: [payload, { title: payload, detail: payload, quote: payload }],
        profile: { role: payload },
        workflow: [{ when: payload, activities: [payload] }],
        tools: [{ name: payload, use_cases: [payload], features: [payload] }],
        metrics: [{ name: payload, target: payload }],
        url: 'javascript:window.__pwned=1',
        image: 'javascript:window.__pwned=1',
      };
      const card = await withPersona(hostile, 'full');
      await aTimeout(50);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(root(card).querySelectorAll('script, img, a:not([part~="contents-link"])')).to.have.length(0);
      for (const link of root(card).querySelectorAll('a')) expect(link.getAttribute('href')).to.match(/^#section-[a-z_]+$/);
      expect(text(card, 'title')).to.equal(payload);
      expect(root(card).textContent).to.contain(payload);
    });

    it('clamps long text behind a More toggle and wraps unbroken words', async () => {
      const long = `${'word '.repeat(2000)}${'x'.repeat(200)}`;
      const card = await fixture<PersonaCard>(
        html`<div style="width: 260px"><persona-card .persona=${{ ...deep, identity: long }}></persona-card></div>`,
      ).then((wrapper) => settled(wrapper.querySelector('persona-card')!));
      const identity = part(card, 'identity')!;
      const clampedHeight = identity.getBoundingClientRect().height;
      expect(clampedHeight).to.be.below(200);
      expect(card.getBoundingClientRect().width).to.equal(260);
      expect(part(card, 'base')!.scrollWidth).to.be.at.most(260);
      const more = part(card, 'more-button')!;
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(more.getAttribute('aria-controls')).to.equal(identity.id);
      more.click();
      await card.updateComplete;
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(identity.getBoundingClientRect().height).to.be.above(clampedHeight * 5);
    });

    it('offers "More" only when the text is really cut off', async () => {
      const identity = 'A data engineer who inherited the tracking plan and is cleaning it up. '.repeat(6);
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 1000px">
        <persona-card .persona=${{ ...deep, identity }}></persona-card>
      </div>`);
      const card = await settled(wrapper.querySelector('persona-card')!);
      await waitUntil(() => !part(card, 'more-button'), 'a fitting text kept its "More"');
      expect(part(card, 'identity')!.classList.contains('clamped')).to.equal(false);
      wrapper.style.width = '260px';
      await waitUntil(() => part(card, 'more-button'), 'a cut-off text got no "More"');
      expect(part(card, 'identity')!.classList.contains('clamped')).to.equal(true);
    });

    it('starts another persona shown in the same card closed, measured again', async () => {
      const long = 'A data engineer who inherited the tracking plan and is cleaning it up. '.repeat(8);
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 260px">
        <persona-card .persona=${{ ...deep, identity: long }}></persona-card>
      </div>`);
      const card = await settled(wrapper.querySelector('persona-card')!);
      await waitUntil(() => part(card, 'more-button'), 'a cut-off text got no "More"');
      part(card, 'more-button')!.click();
      await card.updateComplete;
      expect(part(card, 'more-button')!.getAttribute('aria-expanded')).to.equal('true');
      // A grid reuses its cards: the next persona's text starts clamped, with its own "More".
      card.persona = { ...deep, pid: 'OTHER-1', identity: `${long} Another one.` };
      await card.updateComplete;
      expect(part(card, 'more-button')!.getAttribute('aria-expanded')).to.equal('false');
      expect(part(card, 'identity')!.classList.contains('clamped')).to.equal(true);
      // Wide enough to fit: its "More" goes.
      wrapper.style.width = '4000px';
      await waitUntil(() => !part(card, 'more-button'), 'a fitting text kept its "More"');
    });

    it('sets text direction per field for right-to-left text and keeps emoji', async () => {
      const card = await withPersona({ ...deep, name: 'مهندس البيانات 👩‍💻', identity: 'هذا نص عربي طويل.' });
      expect(text(card, 'title')).to.equal('مهندس البيانات 👩‍💻');
      expect(part(card, 'identity')!.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(part(card, 'identity')!).direction).to.equal('rtl');
    });
  });

  describe('export', () => {
    it('copies the persona as Markdown', async () => {
      const card = await withPersona(deep, 'full');
      let copied = '';
      const original = navigator.clipboard.writeText;
      navigator.clipboard.writeText = async (value: string) => {
        copied = value;
      };
      try {
        (await actionItem(card, 'Copy as Markdown')).click();
        await waitUntil(() => copied);
      } finally {
        navigator.clipboard.writeText = original;
      }
      expect(copied).to.match(/^# Account Manager\n/);
      expect(copied).to.contain('*Glue · GLUE-001*');
      expect(copied).to.contain('> **Aha moment:** The first renewal I saw coming.');
      expect(copied).to.contain('## Frustrations\n\n- **Data Fragmentation**\n  > “I spend 2 hours every morning gathering data”');
      expect(copied).to.contain('- Expansion revenue: $50K per quarter');
      await card.updateComplete;
      expect(text(card, 'base')).to.contain('Copied as Markdown.');
    });

    it('downloads the persona as JSON', async () => {
      const card = await withPersona(deep);
      const clicked = new Promise<HTMLAnchorElement>((resolve) => {
        const onClick = (event: Event) => {
          const target = event.target as HTMLAnchorElement;
          if (!target.download) return;
          event.preventDefault();
          document.removeEventListener('click', onClick, true);
          resolve(target);
        };
        document.addEventListener('click', onClick, true);
      });
      (await actionItem(card, 'Download JSON')).click();
      const link = await clicked;
      expect(link.download).to.equal('GLUE-001.json');
      const json = (await (await fetch(link.href)).json()) as Record<string, unknown>;
      expect(json.pid).to.equal('GLUE-001');
      expect(json.app_id).to.equal('glue');
      expect(json.frustrations).to.deep.equal(deep.frustrations);
    });
  });

  describe('actions menu', () => {
    const menu = (card: PersonaCard) => part(card, 'menu')!;
    const isOpen = (card: PersonaCard) => menu(card).matches(':popover-open');
    const focused = (card: PersonaCard) => root(card).activeElement;

    it('is one button named for the persona, a menu button by ARIA', async () => {
      const card = await withPersona(deep);
      const button = menuButton(card);
      expect(root(card).querySelectorAll('[part~="button"]:not([part~="more-button"])')).to.have.length(1);
      expect(button.getAttribute('aria-label')).to.equal('Actions for Account Manager');
      expect(button.getAttribute('aria-haspopup')).to.equal('menu');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(menu(card).getAttribute('role')).to.equal('menu');
      expect(isOpen(card)).to.equal(false);
    });

    it('opens with Enter, Space or ArrowDown on the first item; arrows, Home and End move; Escape returns focus', async () => {
      const card = await withPersona(deep);
      const button = menuButton(card);
      button.focus();
      await prepareActions(card);
      expect(menuItems(card).every((item) => item.getAttribute('role') === 'menuitem')).to.equal(true);
      for (const key of ['Enter', ' ', 'ArrowDown']) {
        await sendKeys({ press: key });
        await waitUntil(() => isOpen(card) && focused(card) === menuItems(card)[0], `${key} did not open the menu on its first item`);
        await card.updateComplete;
        expect(button.getAttribute('aria-expanded')).to.equal('true');
        await sendKeys({ press: 'ArrowDown' });
        expect(focused(card)).to.equal(menuItems(card)[1]);
        await sendKeys({ press: 'ArrowUp' });
        await sendKeys({ press: 'ArrowUp' });
        expect(focused(card), 'ArrowUp wraps to the last item').to.equal(menuItems(card).at(-1));
        await sendKeys({ press: 'Home' });
        expect(focused(card)).to.equal(menuItems(card)[0]);
        await sendKeys({ press: 'End' });
        expect(focused(card)).to.equal(menuItems(card).at(-1));
        await sendKeys({ press: 'Escape' });
        await waitUntil(() => !isOpen(card) && focused(card) === button, `Escape after ${key}: menu still open or focus lost`);
        await card.updateComplete;
        expect(button.getAttribute('aria-expanded')).to.equal('false');
      }
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => isOpen(card) && focused(card) === menuItems(card).at(-1), 'ArrowUp did not open on the last item');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !isOpen(card));
    });

    it('closes on a click outside, and on Tab', async () => {
      const card = await withPersona(deep);
      await actionItem(card, 'Copy as Markdown');
      expect(isOpen(card)).to.equal(true);
      const box = part(card, 'base')!.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + 8), Math.round(box.bottom - 8)] });
      await waitUntil(() => !isOpen(card), 'a click outside did not close the menu');

      menuButton(card).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => isOpen(card) && focused(card) === menuItems(card)[0]);
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => !isOpen(card), 'Tab did not close the menu');
    });

    it('opens without changing the card’s size, and is not clipped by it', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="overflow: hidden; width: 320px">
        <persona-card .persona=${deep}></persona-card>
      </div>`);
      const card = await settled(wrapper.querySelector('persona-card')!);
      const before = card.getBoundingClientRect();
      await actionItem(card, 'Download JSON');
      await card.updateComplete;
      const after = card.getBoundingClientRect();
      expect([after.width, after.height]).to.deep.equal([before.width, before.height]);
      const items = menuItems(card).map((item) => item.getBoundingClientRect());
      expect(items.every((box) => box.width > 0 && box.height > 0)).to.equal(true);
      // Drawn in the top layer: what is under the items' centre is the item, not the page.
      const first = items[0]!;
      const hit = root(card).elementFromPoint(first.left + first.width / 2, first.top + first.height / 2);
      expect(hit).to.equal(menuItems(card)[0]);
      menu(card).hidePopover();
    });
  });

  describe('confirmations', () => {
    it('announce what an action did over the card, without changing its size, then go away', async function () {
      this.timeout(12000);
      const card = await withPersona(deep);
      const status = part(card, 'status')!;
      expect(status.getAttribute('role')).to.equal('status');
      const before = card.getBoundingClientRect().height;
      const original = navigator.clipboard.writeText;
      navigator.clipboard.writeText = async () => {};
      try {
        (await actionItem(card, 'Copy as Markdown')).click();
        await waitUntil(() => status.textContent === 'Copied as Markdown.', 'no confirmation');
      } finally {
        navigator.clipboard.writeText = original;
      }
      await card.updateComplete;
      expect(card.getBoundingClientRect().height).to.equal(before);
      expect(status.getBoundingClientRect().height).to.be.greaterThan(0);
      await waitUntil(() => status.textContent === '', 'the confirmation stayed', { timeout: 8000 });
      expect(card.getBoundingClientRect().height).to.equal(before);
    });
  });

  describe('tabbable', () => {
    const busy = {
      ...deep,
      identity: 'Long. '.repeat(120),
      goals: ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'],
    };

    it('is true by default and not an attribute', async () => {
      const card = await withPersona(deep);
      expect(card.tabbable).to.equal(true);
      card.setAttribute('tabbable', 'false');
      await card.updateComplete;
      expect(card.tabbable).to.equal(true);
    });

    it('false: Tab goes past the whole card, whose controls still work by pointer', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <button id="before">before</button>
        <persona-card variant="full" contribute-action="/api-test/contributions" .tabbable=${false} .persona=${busy}></persona-card>
        <button id="after">after</button>
      </div>`);
      const card = await settled(wrapper.querySelector('persona-card')!);
      for (const name of ['link', 'more-button', 'suggest-button', 'contents-link', 'show-all-button', 'menu-button']) {
        expect(part(card, name), `a ${name} to skip`).to.exist;
      }
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id).to.equal('after');

      // Still usable: the menu by pointer, "Show all" by click.
      expect((await prepareActions(card)).length).to.equal(3);
      part(card, 'show-all-button')!.click();
      await card.updateComplete;
      expect(root(card).querySelectorAll('section[data-field="goals"] li')).to.have.length(7);

      card.tabbable = true;
      await card.updateComplete;
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(card);
    });
  });

  describe('full, as a document', () => {
    it('lists its sections; a jump scrolls to the section and moves focus to its heading', async () => {
      const card = await withPersona(deep, 'full');
      const links = [...root(card).querySelectorAll<HTMLAnchorElement>('[part~="contents-link"]')];
      expect(part(card, 'contents')!.tagName).to.equal('NAV');
      expect(links.map((a) => a.textContent)).to.deep.equal(DEEP_SECTIONS);
      const hash = location.hash;
      links.find((a) => a.textContent === 'Tools')!.click();
      const heading = root(card).querySelector('section[data-field="tools"] [part~="section-heading"]');
      await waitUntil(() => root(card).activeElement === heading, 'focus did not move to the Tools heading');
      expect(location.hash).to.equal(hash);
      await card.updateComplete;
      expect(links.find((a) => a.textContent === 'Tools')!.getAttribute('aria-current')).to.equal('location');
    });

    it('has no contents list for a persona of one or two sections', async () => {
      const card = await withPersona({ pid: 'P', name: 'n', identity: 'i', goals: ['g'] }, 'full');
      expect(part(card, 'contents')).to.equal(null);
    });

    it('puts each section’s "Suggest an edit" right beside its heading', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 1200px">
        <persona-card variant="full" contribute-action="/api-test/contributions" .persona=${deep}></persona-card>
      </div>`);
      const card = await settled(wrapper.querySelector('persona-card')!);
      const section = root(card).querySelector('section[data-field="goals"]')!;
      const heading = section.querySelector('[part~="section-heading"]')!.getBoundingClientRect();
      const suggest = section.querySelector('[part~="suggest-button"]')!.getBoundingClientRect();
      expect(suggest.left - heading.right).to.be.lessThan(40);
    });

    it('shows 5 entries of a longer list and "Show all N", a toggle', async () => {
      const goals = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'];
      const card = await withPersona({ ...deep, goals }, 'full');
      const items = () => [...root(card).querySelectorAll('section[data-field="goals"] li')].map((li) => li.textContent!.trim());
      const button = root(card).querySelector<HTMLButtonElement>('section[data-field="goals"] [part~="show-all-button"]')!;
      expect(items()).to.deep.equal(goals.slice(0, 5));
      expect(button.textContent!.trim()).to.equal('Show all 7');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(root(card).getElementById(button.getAttribute('aria-controls')!)).to.exist;
      button.click();
      await card.updateComplete;
      expect(items()).to.deep.equal(goals);
      expect(button.textContent!.trim()).to.equal('Show fewer');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      button.click();
      await card.updateComplete;
      expect(items()).to.have.length(5);
      // Five or fewer: no button.
      expect(root(card).querySelector('section[data-field="principles"] [part~="show-all-button"]')).to.equal(null);
    });

    it('shows the workflow as time slots, each with its own steps; slots with activities alone still render', async () => {
      const workflow = [
        { when: 'Morning (8-10 AM): Account Health Check' },
        { when: '9:00 AM', activities: ['Dashboard review'], steps: ['Check alerts', 'Triage'] },
        { when: '9:20 AM', activities: ['Prioritise'], steps: ['Renewals first'] },
        { when: 'Afternoon', activities: ['Calls', 'Follow-ups'] },
      ];
      const card = await withPersona({ ...deep, workflow }, 'full');
      const slots = [...root(card).querySelectorAll('section[data-field="workflow"] .timeline > li')];
      expect(slots.map((slot) => slot.querySelector('.when')!.textContent)).to.deep.equal(workflow.map((slot) => slot.when));
      expect(slots[0]!.classList.contains('period')).to.equal(true);
      const steps = (slot: Element) => [...slot.querySelectorAll('ol.steps > li')].map((li) => li.textContent);
      expect(steps(slots[1]!)).to.deep.equal(['Check alerts', 'Triage']);
      expect(slots[1]!.querySelector('ol.steps')!.getAttribute('aria-label')).to.equal('Steps');
      expect(steps(slots[2]!)).to.deep.equal(['Renewals first']);
      expect(slots[1]!.textContent).to.contain('Dashboard review');
      expect([...slots[3]!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['Calls', 'Follow-ups']);
      expect(steps(slots[3]!)).to.deep.equal([]);
    });

    it('shows each tool as labelled groups', async () => {
      const tools = [
        {
          name: 'Whitespace Visualizer',
          frequency: '3-5 times per week',
          duration: '15-30 minutes',
          use_cases: ['Quarterly reviews', 'Meeting prep'],
          features: ['Matrix view', 'Scoring'],
        },
        { name: 'Health Dashboard', use_cases: ['Morning check'] },
      ];
      const card = await withPersona({ ...deep, tools }, 'full');
      const groups = [...root(card).querySelectorAll('section[data-field="tools"] .tool')];
      expect(groups).to.have.length(2);
      const rows = (tool: Element) =>
        [...tool.querySelectorAll('dt')].map((dt) => [
          dt.textContent,
          [...(dt.nextElementSibling!.querySelectorAll('li') ?? [])].map((li) => li.textContent).join('|') ||
            dt.nextElementSibling!.textContent,
        ]);
      expect(rows(groups[0]!)).to.deep.equal([
        ['Frequency', '3-5 times per week'],
        ['Session length', '15-30 minutes'],
        ['Use cases', 'Quarterly reviews|Meeting prep'],
        ['Key features', 'Matrix view|Scoring'],
      ]);
      expect(rows(groups[1]!)).to.deep.equal([['Use cases', 'Morning check']]);
    });
  });

  describe('suggest an edit', () => {
    const buttons = (card: PersonaCard) => [...root(card).querySelectorAll<HTMLButtonElement>('[part~="suggest-button"]')];
    const dialog = (card: PersonaCard) => root(card).querySelector('dialog')!;
    const form = (card: PersonaCard) => dialog(card).querySelector('contribute-form')!;

    it('offers nothing to edit when no contribution endpoint is set', async () => {
      const card = await withPersona(deep, 'full');
      expect(buttons(card)).to.have.length(0);
      expect((await prepareActions(card)).map((b) => b.textContent)).to.deep.equal(['Copy as Markdown', 'Download JSON']);
      expect(root(card).querySelector('dialog')).to.equal(null);
      expect(root(card).textContent).not.to.contain('Help complete');
    });

    it('opens a prefilled form in a modal dialog; Escape closes it and focus returns', async () => {
      const card = await fixture<PersonaCard>(
        html`<persona-card contribute-action="/api-test/contributions" .persona=${deep}></persona-card>`,
      );
      const button = menuButton(card);
      button.focus();
      const item = await actionItem(card, 'Suggest an edit');
      expect(buttons(card)).to.have.length(0);
      item.click();
      await waitUntil(() => dialog(card)?.open, 'dialog did not open');
      expect(dialog(card).matches(':modal')).to.equal(true);
      expect(form(card).getAttribute('persona-id')).to.equal('GLUE-001');
      expect(form(card).getAttribute('kind')).to.equal('correct');
      expect(form(card).getAttribute('action')).to.equal(new URL('/api-test/contributions', location.href).href);
      expect(customElements.get('contribute-form')).to.exist;
      await expect(card).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(card).open, 'Escape did not close the dialog');
      await waitUntil(() => root(card).activeElement === button, 'focus did not return to the button');
      await card.updateComplete;
      expect(dialog(card).querySelector('contribute-form')).to.equal(null);
    });

    it('in full, offers one edit per field and invites help for missing fields', async () => {
      const sparse = { pid: 'APP-074', name: 'The Segment Data Engineer', identity: 'A data engineer.', goals: ['Clean data'] };
      const wrapper = await fixture<HTMLElement>(html`<persona-provider contribute-action="/api-test/contributions">
        <persona-card variant="full" .persona=${sparse}></persona-card>
      </persona-provider>`);
      const card = wrapper.querySelector('persona-card')!;
      await card.updateComplete;
      expect(buttons(card).map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Suggest an edit to Goals']);
      buttons(card)[0]!.click();
      await waitUntil(() => dialog(card)?.open);
      expect(form(card).getAttribute('field')).to.equal('goals');
      dialog(card).close();
      await waitUntil(() => !dialog(card).querySelector('contribute-form'), 'form stayed after closing');

      expect(part(card, 'invitations')!.tagName).to.equal('SECTION');
      const invitations = [...root(card).querySelectorAll<HTMLButtonElement>('[part~="invitation-button"]')];
      expect(invitations.map((b) => b.textContent!.trim())).to.include.members(['Profile', 'Job to be done', 'Frustrations']);
      expect(invitations.map((b) => b.textContent!.trim())).not.to.include('Goals');
      invitations.find((b) => b.textContent!.trim() === 'Frustrations')!.click();
      await waitUntil(() => dialog(card)?.open);
      expect(form(card).getAttribute('field')).to.equal('frustrations');
      expect(form(card).getAttribute('kind')).to.equal('extend');
    });
  });

  describe('theming and accessibility', () => {
    it('switches theme live without re-rendering the content', async () => {
      const card = await withPersona(deep);
      const base = part(card, 'base')!;
      card.theme = 'light';
      await card.updateComplete;
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(255, 255, 255)');
      card.setAttribute('theme', 'dark');
      await card.updateComplete;
      expect(part(card, 'base')).to.equal(base);
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(13, 17, 23)');
    });

    it('with theme="auto" (the default) on a `light dark` page follows prefers-color-scheme', async function () {
      await skipIn(this, ['firefox', 'webkit'], 'media emulation needs CDP, which only Chromium has');
      // A page that paints nothing of its own and lets the system choose (test/theme.test.ts has the rest).
      document.documentElement.style.colorScheme = 'light dark';
      const card = await withPersona(deep);
      expect(card.theme).to.equal('auto');
      try {
        const background = () => getComputedStyle(part(card, 'base')!).backgroundColor;
        await emulateMedia({ colorScheme: 'dark' });
        await waitUntil(() => background() === 'rgb(13, 17, 23)', 'did not turn dark');
        await emulateMedia({ colorScheme: 'light' });
        await waitUntil(() => background() === 'rgb(255, 255, 255)', 'did not turn light');
      } finally {
        await emulateMedia({ colorScheme: 'light' });
        document.documentElement.style.colorScheme = '';
      }
    });

    it('lets the host restyle through custom properties and parts', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <style>
          .themed persona-card { --persona-bg: rgb(1, 2, 3); }
          .themed persona-card::part(title) { text-transform: uppercase; }
        </style>
        <div class="themed"><persona-card theme="light" .persona=${deep}></persona-card></div>
      </div>`);
      const card = await settled(wrapper.querySelector('persona-card')!);
      expect(getComputedStyle(part(card, 'base')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(part(card, 'title')!).textTransform).to.equal('uppercase');
    });

    it('is not restyled by the host page’s element selectors', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <style>.hostile p, .hostile blockquote { display: none !important; color: red !important; }</style>
        <div class="hostile"><persona-card theme="light" .persona=${deep}></persona-card></div>
      </div>`);
      const card = await settled(wrapper.querySelector('persona-card')!);
      expect(getComputedStyle(part(card, 'identity')!).display).to.equal('block');
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`passes axe in the ${theme} theme, compact and full`, async () => {
        for (const variant of ['compact', 'full'] as const) {
          const card = await settled(
            await fixture<PersonaCard>(html`<persona-card theme=${theme} variant=${variant} .persona=${deep}></persona-card>`),
          );
          await expect(card).to.be.accessible();
        }
        const card = await fixture<PersonaCard>(
          html`<persona-card theme=${theme} contribute-action="/api-test/contributions" .persona=${deep}></persona-card>`,
        );
        await settled(card);
        await actionItem(card, 'Copy as Markdown');
        await expect(card).to.be.accessible();
        part(card, 'menu')!.hidePopover();
      });

      it(`passes axe in the ${theme} theme for loading and error states`, async () => {
        const loading = await fixture<PersonaCard>(
          html`<persona-card theme=${theme} src=${endpoint({ key: uniqueKey(), delay: 500 })} persona-id="T-001"></persona-card>`,
        );
        await expect(loading).to.be.accessible();
        const failed = await settled(
          await fixture<PersonaCard>(
            html`<persona-card theme=${theme} src=${endpoint({ key: uniqueKey(), status: 404 })} persona-id="T-001"></persona-card>`,
          ),
        );
        await expect(failed).to.be.accessible();
      });
    }
  });
});
