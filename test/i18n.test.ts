import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { PersonaCard } from '../src/components/persona-card/persona-card.js';
import type { PersonaGrid } from '../src/components/persona-grid/persona-grid.js';
import type { ContributeForm } from '../src/components/contribute-form/contribute-form.js';
import { personaClient } from '../src/data/client.js';
import { PersonaError } from '../src/data/errors.js';
import { describePersonaError, formatWait } from '../src/i18n/errors.js';
import { personaToMarkdown } from '../src/data/export.js';
import { parsePersona } from '../src/data/parse.js';
import type { Persona } from '../src/data/types.js';
import { defaultStrings, setDefaultStrings, type PersonaStrings, type PersonaStringsOverride } from '../src/index.js';
import { endpoint, uniqueKey } from './support/helpers.js';
import { prepareActions } from './support/card.js';

const persona = {
  pid: 'GLUE-001',
  name: 'Account Manager',
  identity: 'Day-to-day relationship management and account growth.',
  app: 'Glue',
  aha_moment: 'The first renewal I saw coming.',
  comment_count: 1,
  validation_count: 1234,
  updated_at: '2026-03-05',
  goals: [{ title: 'Grow', quote: 'Every account, every quarter' }],
  profile: { role: 'CSM', team_size: '5' },
};

const clean = (text?: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const shadow = (element: Element) => element.shadowRoot!;
const part = (element: Element, name: string) => shadow(element).querySelector<HTMLElement>(`[part~="${name}"]`);
const partText = (element: Element, name: string) => clean(part(element, name)?.textContent);
const buttons = (element: Element) => [...shadow(element).querySelectorAll('button')].map((b) => clean(b.textContent));
/** Counts (in the header) and the date (at the foot). */
const metaFacts = (card: PersonaCard) =>
  [...(part(card, 'counts')?.children ?? []), ...(part(card, 'meta')?.children ?? [])].map((fact) => clean(fact.textContent));

/** Counts `new Intl.DateTimeFormat(…)` and `new Intl.NumberFormat(…)` calls until `restore()`. */
function spyOnIntl() {
  const originals = { DateTimeFormat: Intl.DateTimeFormat, NumberFormat: Intl.NumberFormat };
  let count = 0;
  for (const name of ['DateTimeFormat', 'NumberFormat'] as const) {
    const Original = originals[name] as unknown as new (...args: unknown[]) => object;
    const Counting = function (...args: unknown[]) {
      count++;
      return new Original(...args);
    };
    Object.assign(Counting, Original);
    (Intl as unknown as Record<string, unknown>)[name] = Counting;
  }
  return Object.assign(() => count, { restore: () => void Object.assign(Intl, originals) });
}

async function cardIn(template: ReturnType<typeof html>, selector = 'persona-card') {
  const host = await fixture<HTMLElement>(template);
  const card = (host.matches(selector) ? host : host.querySelector(selector)) as PersonaCard;
  await waitUntil(() => part(card, 'title') || part(card, 'problem'), 'card never settled', { timeout: 5000 });
  await card.updateComplete;
  if (part(card, 'menu-button')) await prepareActions(card);
  return card;
}

async function gridIn(template: ReturnType<typeof html>) {
  const host = await fixture<HTMLElement>(template);
  const grid = (host.matches('persona-grid') ? host : host.querySelector('persona-grid')) as PersonaGrid;
  await waitUntil(() => shadow(grid).querySelector('.item, [part~="empty"], [part~="problem"]'), 'grid never settled', {
    timeout: 5000,
  });
  await grid.updateComplete;
  return grid;
}

async function formIn(template: ReturnType<typeof html>) {
  const host = await fixture<HTMLElement>(template);
  const form = (host.matches('contribute-form') ? host : host.querySelector('contribute-form')) as ContributeForm;
  await form.updateComplete;
  return form;
}

/** Renders of an element caused by anything after this call. */
function countUpdates(element: PersonaCard) {
  let count = 0;
  const original = element.requestUpdate.bind(element);
  element.requestUpdate = (...args: Parameters<PersonaCard['requestUpdate']>) => {
    count++;
    original(...args);
  };
  return () => count;
}

const german: PersonaStringsOverride = {
  lang: 'de',
  common: { retry: 'Erneut versuchen' },
  fields: { aha_moment: 'Aha-Moment', goals: 'Ziele' },
  card: {
    copyMarkdown: 'Als Markdown kopieren',
    comments: (n, num) => `${num(n)} ${n === 1 ? 'Kommentar' : 'Kommentare'}`,
    validations: (n, num) => `${num(n)} ${n === 1 ? 'Bestätigung' : 'Bestätigungen'}`,
    updated: 'Aktualisiert am',
    quote: (text) => `„${text}“`,
  },
  grid: { search: 'Personas durchsuchen', personas: (n, num) => `${num(n)} Personas` },
  form: { send: 'Beitrag senden', invalid: { textEmpty: 'Schreib mindestens ein Zeichen.' } },
};

const arabic: PersonaStringsOverride = {
  lang: 'ar',
  common: { retry: 'أعد المحاولة' },
  fields: { aha_moment: 'لحظة الإدراك' },
  card: { copyMarkdown: 'انسخ بصيغة Markdown', downloadJson: 'نزّل JSON', updated: 'حُدّث' },
  grid: { search: 'ابحث في الشخصيات', sortBy: 'رتّب حسب', apps: 'التطبيقات', allApps: 'كل التطبيقات' },
  form: { kindLegend: 'ماذا تريد أن تفعل؟', send: 'أرسل المساهمة', about: 'عنك' },
};

describe('strings and languages', () => {
  before(() => personaClient.configure({ retryDelay: 5, timeout: 1500, retries: 0 }));
  afterEach(() => setDefaultStrings());

  describe('the strings table', () => {
    it('holds the English the elements show by default', async () => {
      expect(defaultStrings.lang).to.equal('en');
      expect(defaultStrings.card.copyMarkdown).to.equal('Copy as Markdown');
      expect(defaultStrings.grid.countOf(12, 1000, (n) => n.toLocaleString('en'))).to.equal('12 of 1,000 personas');
      const card = await cardIn(html`<persona-card .persona=${persona}></persona-card>`);
      expect(metaFacts(card)).to.deep.equal(['1 comment', '1,234 validations', 'Updated Mar 5, 2026']);
    });

    it('writes American English dates and whole numbers as Intl does, without creating Intl formatters', async () => {
      // A card's first paint and a grid's first keystroke must not wait for Intl's setup (10–25 ms).
      const dates = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
      const numbers = new Intl.NumberFormat('en-US');
      const cases: [string, number][] = [
        ['2026-01-31T23:30:00', 1000],
        ['2025-02-01', 1234567],
        ['2024-02-29T12:00:00Z', 999],
        ['1999-12-31T00:00:00+02:00', 50000],
      ];
      for (let month = 1; month <= 12; month++) cases.push([`2026-${String(month).padStart(2, '0')}-15T08:00:00`, 10 ** month]);
      const created = spyOnIntl();
      try {
        for (const lang of ['en', 'en-US', 'EN-us']) {
          const host = await fixture<HTMLElement>(html`<div lang=${lang}></div>`);
          for (const [updated_at, validation_count] of cases) {
            const card = document.createElement('persona-card') as PersonaCard;
            card.persona = { ...persona, updated_at, validation_count };
            host.replaceChildren(card);
            await card.updateComplete;
            expect(metaFacts(card), `${lang} ${updated_at} ${validation_count}`).to.deep.equal([
              '1 comment',
              `${numbers.format(validation_count)} validations`,
              // A date without a time is that calendar day in any time zone (the suite runs west of UTC).
              `Updated ${dates.format(new Date(/T/.test(updated_at) ? updated_at : `${updated_at}T00:00:00`))}`,
            ]);
          }
        }
        expect(created()).to.equal(0);
      } finally {
        created.restore();
      }
    });

    it('describePersonaError and formatWait speak English unless given strings', () => {
      const busy = new PersonaError('http', 'busy', { status: 429, retryAfter: 1 });
      expect(describePersonaError(busy)).to.equal('The persona endpoint is busy. Try again in 1 second.');
      expect(formatWait(120)).to.equal('2 minutes');
      const common: PersonaStrings['common'] = {
        ...defaultStrings.common,
        busy: (wait) => `Der Server ist ausgelastet. Versuch es ${wait ? `in ${wait}` : 'gleich'} noch einmal.`,
        wait: (seconds) => `${seconds} Sekunden`,
      };
      expect(describePersonaError(busy, common)).to.equal('Der Server ist ausgelastet. Versuch es in 1 Sekunden noch einmal.');
    });

    it('the Markdown export uses the given field labels', () => {
      const parsed = parsePersona(persona) as Persona;
      const markdown = personaToMarkdown(parsed, {
        fields: { ...defaultStrings.fields, aha_moment: 'Aha-Moment', profile: 'Profil' },
        profile: { ...defaultStrings.profile, role: 'Rolle' },
      });
      expect(markdown).to.contain('> **Aha-Moment:**');
      expect(markdown).to.contain('## Profil');
      expect(markdown).to.contain('- **Rolle:** CSM');
      expect(personaToMarkdown(parsed, defaultStrings)).to.contain('## Profile');
    });
  });

  describe('a strings property', () => {
    it('replaces some of a card’s words and leaves the rest English', async () => {
      const card = await cardIn(html`<persona-card variant="full" .persona=${persona} .strings=${german}></persona-card>`);
      expect(buttons(card)).to.include.members(['Als Markdown kopieren', 'Download JSON']);
      expect(clean(shadow(card).querySelector('.aha-label')!.textContent)).to.equal('Aha-Moment');
      expect(partText(card, 'section-heading')).to.equal('Profile');
      expect(clean(shadow(card).querySelector('section[data-field="goals"] .item-quote')!.textContent)).to.equal(
        '„Every account, every quarter“',
      );
      // Strings in German, no lang on the page: numbers and dates follow the strings.
      expect(metaFacts(card)).to.deep.equal(['1 Kommentar', '1.234 Bestätigungen', 'Aktualisiert am 5. März 2026']);
    });

    it('re-renders when the strings change, and goes back to English without them', async () => {
      const card = await cardIn(html`<persona-card .persona=${persona}></persona-card>`);
      card.strings = { card: { downloadJson: 'JSON herunterladen' } };
      await card.updateComplete;
      expect(buttons(card)).to.include('JSON herunterladen');
      card.strings = undefined;
      await card.updateComplete;
      expect(buttons(card)).to.include('Download JSON');
    });

    it('accepts JSON in the strings attribute and ignores what does not fit', async () => {
      const card = await cardIn(
        html`<persona-card
          .persona=${persona}
          strings='{"card":{"copyMarkdown":"Kopieren","comments":"not a function","nope":"x"},"__proto__":{"x":1}}'
        ></persona-card>`,
      );
      expect(buttons(card)).to.include('Kopieren');
      expect(metaFacts(card)[0]).to.equal('1 comment');
      card.setAttribute('strings', '{not json');
      await card.updateComplete;
      expect(buttons(card)).to.include('Copy as Markdown');
      expect(({} as Record<string, unknown>)['x']).to.equal(undefined);
    });

    it('localises the error a card shows, not the error it reports', async () => {
      const src = endpoint({ key: uniqueKey(), status: 404 });
      let reported = '';
      const card = await cardIn(
        html`<persona-card
          src=${src}
          persona-id="T-001"
          .strings=${{ ...german, common: { notFound404: 'Endpunkt nicht gefunden (HTTP 404).', retry: 'Nochmal' } }}
          @persona-error=${(event: CustomEvent<{ error: PersonaError }>) => (reported = event.detail.error.message)}
        ></persona-card>`,
      );
      expect(partText(card, 'problem')).to.contain('Endpunkt nicht gefunden (HTTP 404).');
      expect(partText(card, 'retry-button')).to.equal('Nochmal');
      expect(reported).not.to.contain('Endpunkt');
    });

    it('a grid’s strings reach its toolbar and its cards', async () => {
      const grid = await gridIn(
        html`<persona-grid theme="light" .personas=${[persona, { ...persona, pid: 'GLUE-002' }]} .strings=${german}></persona-grid>`,
      );
      expect(clean(shadow(grid).querySelector('label[for="q"]')!.textContent)).to.equal('Personas durchsuchen');
      expect(partText(grid, 'count')).to.equal('2 Personas');
      const card = shadow(grid).querySelector('persona-card')!;
      await card.updateComplete;
      await prepareActions(card);
      expect(buttons(card)).to.include('Als Markdown kopieren');
    });

    it('a form’s strings name its controls and its own validation messages', async () => {
      const form = await formIn(html`<contribute-form kind="new" .strings=${german}></contribute-form>`);
      const submit = part(form, 'submit-button')!;
      expect(clean(submit.textContent)).to.equal('Beitrag senden');
      expect(part(form, 'base')!.getAttribute('lang')).to.equal('de');
      submit.click();
      await waitUntil(() => !shadow(form).querySelector<HTMLElement>('#error-text')!.hidden, 'no validation message');
      expect(clean(shadow(form).querySelector('#error-text')!.textContent)).to.equal('Schreib mindestens ein Zeichen.');
    });

    it('the form marks its words English by default, and as the page’s language when overridden without lang', async () => {
      const english = await formIn(html`<contribute-form kind="new"></contribute-form>`);
      expect(part(english, 'base')!.getAttribute('lang')).to.equal('en');
      const mixed = await formIn(html`<contribute-form kind="new" .strings=${{ form: { send: 'Senden' } }}></contribute-form>`);
      expect(part(mixed, 'base')!.hasAttribute('lang')).to.equal(false);
    });
  });

  describe('a provider’s strings', () => {
    it('reach every element inside; an element’s own strings win', async () => {
      const host = await fixture<HTMLElement>(html`<persona-provider .strings=${german}>
        <persona-card id="plain" .persona=${persona}></persona-card>
        <persona-card id="own" .persona=${persona} .strings=${{ card: { copyMarkdown: 'Markdown kopieren' } }}></persona-card>
        <contribute-form kind="new"></contribute-form>
      </persona-provider>`);
      const [plain, own] = [...host.querySelectorAll('persona-card')] as PersonaCard[];
      const form = host.querySelector('contribute-form')!;
      await Promise.all([plain!.updateComplete, own!.updateComplete, form.updateComplete, prepareActions(plain!), prepareActions(own!)]);
      expect(buttons(plain!)).to.include('Als Markdown kopieren');
      expect(buttons(own!)).to.include('Markdown kopieren');
      expect(metaFacts(own!)[0]).to.equal('1 Kommentar');
      expect(partText(form, 'submit-button')).to.equal('Beitrag senden');
    });

    it('re-renders the subtree when they change', async () => {
      const host = await fixture<HTMLElement>(html`<persona-provider>
        <persona-card .persona=${persona}></persona-card>
      </persona-provider>`);
      const card = host.querySelector('persona-card')!;
      await card.updateComplete;
      await prepareActions(card);
      expect(buttons(card)).to.include('Copy as Markdown');
      (host as HTMLElement & { strings?: PersonaStringsOverride }).strings = german;
      await waitUntil(() => buttons(card).includes('Als Markdown kopieren'), 'the card kept its strings');
    });
  });

  describe('setDefaultStrings', () => {
    it('localises every element on the page, under providers’ and elements’ own strings', async () => {
      const host = await fixture<HTMLElement>(html`<div>
        <persona-card id="page" .persona=${persona}></persona-card>
        <persona-provider .strings=${{ card: { downloadJson: 'JSON (Anbieter)' } }}>
          <persona-card id="provided" .persona=${persona}></persona-card>
        </persona-provider>
      </div>`);
      const page = host.querySelector<PersonaCard>('#page')!;
      const provided = host.querySelector<PersonaCard>('#provided')!;
      await Promise.all([page.updateComplete, provided.updateComplete, prepareActions(page), prepareActions(provided)]);

      setDefaultStrings({ card: { downloadJson: 'JSON herunterladen', copyMarkdown: 'Als Markdown kopieren' } });
      await Promise.all([page.updateComplete, provided.updateComplete]);
      expect(buttons(page)).to.include.members(['JSON herunterladen', 'Als Markdown kopieren']);
      expect(buttons(provided)).to.include.members(['JSON (Anbieter)', 'Als Markdown kopieren']);

      setDefaultStrings();
      await Promise.all([page.updateComplete, provided.updateComplete]);
      expect(buttons(page)).to.include.members(['Download JSON', 'Copy as Markdown']);
      expect(buttons(provided)).to.include.members(['JSON (Anbieter)', 'Copy as Markdown']);
    });

    it('reaches a fetched grid, its count in the page’s language', async () => {
      const src = endpoint({ key: uniqueKey(), count: 1200 });
      setDefaultStrings(german);
      const grid = await gridIn(html`<div lang="de"><persona-grid theme="light" src=${src} page-size="2"></persona-grid></div>`);
      await waitUntil(() => partText(grid, 'count') === '1.200 Personas', `count was "${partText(grid, 'count')}"`);
      expect(clean(shadow(grid).querySelector('.footer .muted')!.textContent)).to.equal('Showing 2 of 1.200');
    });

    it('leaves removed elements alone', async () => {
      const card = await cardIn(html`<persona-card .persona=${persona}></persona-card>`);
      card.remove();
      const updates = countUpdates(card);
      setDefaultStrings(german);
      expect(updates()).to.equal(0);
    });
  });

  describe('lang', () => {
    it('dates and numbers follow the closest ancestor’s lang, through shadow roots', async () => {
      const card = await cardIn(html`<div lang="de"><persona-card .persona=${persona}></persona-card></div>`);
      expect(metaFacts(card)).to.deep.equal(['1 comment', '1.234 validations', 'Updated 5. März 2026']);
      const grid = await gridIn(html`<section lang="fr"><persona-grid .personas=${[persona]}></persona-grid></section>`);
      const inner = shadow(grid).querySelector('persona-card')!;
      await inner.updateComplete;
      expect(clean(part(inner, 'meta')!.querySelector('time')!.textContent)).to.equal('5 mars 2026');
    });

    it('follows a change of lang on the page', async () => {
      const host = await fixture<HTMLElement>(html`<div lang="de"><persona-card .persona=${persona}></persona-card></div>`);
      const card = host.querySelector('persona-card')!;
      await card.updateComplete;
      host.lang = 'en-GB';
      await waitUntil(() => metaFacts(card)[2] === 'Updated 5 Mar 2026', `still "${metaFacts(card)[2]}"`);
    });

    it('an invalid lang falls back instead of breaking', async () => {
      const card = await cardIn(html`<div lang="not a language!"><persona-card .persona=${persona}></persona-card></div>`);
      expect(metaFacts(card)[2]).to.equal('Updated Mar 5, 2026');
    });
  });

  describe('right to left', () => {
    const rect = (element: Element) => element.getBoundingClientRect();

    it('the card’s quote rule is on the right', async () => {
      const ltr = await cardIn(html`<div style="width: 480px"><persona-card .persona=${persona}></persona-card></div>`);
      const rtl = await cardIn(
        html`<div dir="rtl" lang="ar" style="width: 480px"><persona-card .persona=${persona} .strings=${arabic}></persona-card></div>`,
      );
      for (const [card, rule] of [
        [ltr, 'left'],
        [rtl, 'right'],
      ] as const) {
        const aha = part(card, 'aha')!;
        const quote = rect(aha.querySelector('.aha-label')!);
        const box = rect(aha);
        const [start, end] = rule === 'right' ? [box.right - quote.right, quote.left - box.left] : [quote.left - box.left, box.right - quote.right];
        expect(start, `${rule}: the rule's side has border + padding`).to.be.closeTo(15, 1);
        expect(end, `${rule}: the other side padding only`).to.be.closeTo(12, 1);
        expect(getComputedStyle(aha).getPropertyValue(`border-${rule}-width`)).to.equal('3px');
      }
    });

    it('the grid’s toolbar mirrors', async () => {
      const layout = async (dir: 'ltr' | 'rtl') => {
        const grid = await gridIn(
          html`<div dir=${dir} style="width: 900px"><persona-grid theme="light" .personas=${[persona]}></persona-grid></div>`,
        );
        const search = rect(shadow(grid).querySelector('.search')!);
        const sort = rect(shadow(grid).querySelector('#sort')!.parentElement!);
        const count = rect(part(grid, 'count')!);
        const exported = rect(part(grid, 'export')!);
        return { grid, search, sort, count, exported };
      };
      const ltr = await layout('ltr');
      const rtl = await layout('rtl');
      expect(ltr.search.top).to.equal(ltr.sort.top);
      expect(rtl.search.top).to.equal(rtl.sort.top);
      expect(ltr.search.left).to.be.lessThan(ltr.sort.left);
      expect(rtl.search.left).to.be.greaterThan(rtl.sort.left);
      expect(ltr.count.left).to.be.lessThan(ltr.exported.left);
      expect(rtl.count.left).to.be.greaterThan(rtl.exported.left);
      // Mirror images: the search box starts as far from the right edge as it does from the left.
      const base = (grid: PersonaGrid) => rect(part(grid, 'base')!);
      expect(base(rtl.grid).right - rtl.search.right).to.be.closeTo(ltr.search.left - base(ltr.grid).left, 1);
    });

    it('the form’s labels align right', async () => {
      const form = await formIn(
        html`<div dir="rtl" lang="ar" style="width: 600px"><contribute-form kind="new" .strings=${arabic}></contribute-form></div>`,
      );
      const labels = [...shadow(form).querySelectorAll<HTMLLabelElement>('.about label')];
      expect(labels).to.have.length(3);
      for (const label of labels) {
        const control = shadow(form).getElementById(label.htmlFor)!;
        const range = document.createRange();
        range.selectNodeContents(label);
        const text = range.getBoundingClientRect();
        expect(text.right, label.htmlFor).to.be.closeTo(rect(control).right, 1);
        expect(text.left, label.htmlFor).to.be.greaterThan(rect(control).left + 20);
      }
      expect(getComputedStyle(part(form, 'submit-button')!).direction).to.equal('rtl');
    });

    it('is accessible in Arabic, right to left', async () => {
      const host = await fixture<HTMLElement>(html`<div dir="rtl" lang="ar" style="width: 900px">
        <persona-card variant="full" .persona=${persona} .strings=${arabic}></persona-card>
        <persona-grid theme="light" .personas=${[persona]} .strings=${arabic}></persona-grid>
        <contribute-form kind="new" .strings=${arabic}></contribute-form>
      </div>`);
      const elements = [...host.children] as (PersonaCard | PersonaGrid | ContributeForm)[];
      await Promise.all(elements.map((element) => element.updateComplete));
      for (const element of elements) await expect(element).to.be.accessible();
    });
  });
});
