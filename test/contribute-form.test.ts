import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { skipIn } from './support/engine.js';
import '../src/components/contribute-form/contribute-form.define.js';
import {
  ContributeForm,
  type ContributeErrorDetail,
  type ContributeSubmitDetail,
  type ContributeSuccessDetail,
} from '../src/components/contribute-form/contribute-form.js';
import { DRAFT_MAX_AGE_MS, draftKey } from '../src/components/contribute-form/contribute-draft.js';
import { personaClient } from '../src/data/client.js';
import { fieldToText } from '../src/data/export.js';
import { defaultStrings } from '../src/i18n/index.js';
import { PERSONA_FIELDS } from '../src/data/contribution.js';
import { endpoint, uniqueKey } from './support/helpers.js';

interface LoggedRequest {
  method: string;
  contentType: string;
  idempotencyKey?: string;
  /** The `X-Test-Header` the request carried, if any. */
  testHeader?: string;
  body: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** URL of the test contributions endpoint with the given behaviour. */
function action(key: string, options: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ key, ...Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])) });
  return `/api-test/contributions?${params}`;
}

async function requests(key: string): Promise<LoggedRequest[]> {
  const response = await fetch(`/api-test/contributions/log?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

const root = (form: ContributeForm) => form.shadowRoot!;
const $ = <T extends Element = HTMLElement>(form: ContributeForm, selector: string) =>
  root(form).querySelector<T>(selector);
const control = (form: ContributeForm, name: string) =>
  $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(form, `[name="${name}"]`)!;
const partText = (form: ContributeForm, name: string) =>
  $(form, `[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const submitButton = (form: ContributeForm) => $<HTMLButtonElement>(form, '[part~="submit-button"]')!;
const errorFor = (form: ContributeForm, name: string) => {
  const text = $(form, `#error-${name}`);
  return text && !text.hidden ? text.textContent!.trim() : '';
};

/** Types into an input as a user would: value, then `input` (and `change` on request). */
async function fill(form: ContributeForm, name: string, value: string, change = false) {
  const el = control(form, name);
  el.focus();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (change) el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function chooseKind(form: ContributeForm, kind: string) {
  $<HTMLInputElement>(form, `input[name="kind"][value="${kind}"]`)!.click();
  await form.updateComplete;
}

async function chooseField(form: ContributeForm, field: string) {
  await fill(form, 'field', field, true);
}

async function send(form: ContributeForm) {
  submitButton(form).click();
  await form.updateComplete;
}

async function withPersonas(form: ContributeForm) {
  // The whole list: a large page is validated in slices, and the hint says "Loading" until it is done.
  await waitUntil(
    () => root(form).querySelectorAll('datalist option').length > 0 && !/Loading/.test($(form, '#hint-pid')?.textContent ?? ''),
    'personas never loaded',
    { timeout: 4000 },
  );
  await form.updateComplete;
  return form;
}

async function makeForm(template: ReturnType<typeof html>) {
  const form = await fixture<ContributeForm>(template);
  await form.updateComplete;
  return form;
}

describe('<contribute-form>', () => {
  const forgetDrafts = () => {
    for (const name of Object.keys(localStorage)) {
      if (name.startsWith('persona-widgets:contribute-draft:')) localStorage.removeItem(name);
    }
  };
  before(() => {
    personaClient.configure({ retryDelay: 5, timeout: 1500, retries: 0 });
    forgetDrafts();
  });
  after(forgetDrafts);

  it('registers as contribute-form', () => {
    expect(customElements.get('contribute-form')).to.equal(ContributeForm);
  });

  describe('the form', () => {
    it('is a real form with labelled native inputs carrying the public names', async () => {
      const form = await makeForm(html`<contribute-form action=${action(uniqueKey())}></contribute-form>`);
      const formEl = $<HTMLFormElement>(form, 'form[part~="form"]')!;
      expect(formEl).to.exist;
      for (const name of ['kind', 'pid', 'field', 'text', 'role', 'experience', 'email', 'website']) {
        expect(formEl.querySelector(`[name="${name}"]`), name).to.exist;
      }
      // Every visible control has a visible <label for>.
      for (const name of ['pid', 'field', 'text', 'role', 'experience', 'email']) {
        const el = control(form, name);
        const label = $<HTMLLabelElement>(form, `label[for="${el.id}"]`)!;
        expect(label, name).to.exist;
        expect(label.textContent!.trim(), name).not.to.equal('');
        expect(label.getBoundingClientRect().height, name).to.be.greaterThan(0);
      }
      // The kinds are a radio group in a fieldset with a legend.
      const radios = [...root(form).querySelectorAll<HTMLInputElement>('input[name="kind"]')];
      expect(radios.map((radio) => radio.value)).to.deep.equal(['confirm', 'correct', 'extend', 'new']);
      expect(radios.every((radio) => radio.type === 'radio' && radio.closest('label'))).to.equal(true);
      const fieldset = radios[0]!.closest('fieldset')!;
      expect(fieldset.querySelector('legend')!.textContent).to.equal('What would you like to do?');
      expect(radios.find((radio) => radio.checked)!.value).to.equal('correct');
      expect(partText(form, 'counter')).to.equal('0 / 5000');
      expect(control(form, 'email').getAttribute('type')).to.equal('email');
    });

    it('hides the honeypot from people, screen readers and the tab order', async () => {
      const form = await makeForm(html`<contribute-form action=${action(uniqueKey())}></contribute-form>`);
      const honeypot = control(form, 'website') as HTMLInputElement;
      expect(honeypot.tabIndex).to.equal(-1);
      expect(honeypot.getAttribute('autocomplete')).to.equal('off');
      expect(honeypot.closest('[aria-hidden="true"]')).to.exist;
      const box = honeypot.getBoundingClientRect();
      const base = $(form, '[part~="base"]')!.getBoundingClientRect();
      expect(box.right <= base.left || box.width <= 1).to.equal(true);
      expect(box.right).to.be.lessThan(0);
    });

    it('lists every field of the contract with a human label', async () => {
      const form = await makeForm(html`<contribute-form action=${action(uniqueKey())}></contribute-form>`);
      const options = [...(control(form, 'field') as HTMLSelectElement).options].filter((option) => option.value);
      expect(options.map((option) => option.value).sort()).to.deep.equal([...PERSONA_FIELDS].sort());
      const label = (value: string) => options.find((option) => option.value === value)!.textContent!.trim();
      expect(label('aha_moment')).to.equal('Aha moment');
      expect(label('jtbd')).to.equal('Job to be done');
      expect(label('name')).to.equal('Name');
    });

    it('applies the persona-id, field and kind presets', async () => {
      const form = await makeForm(
        html`<contribute-form action=${action(uniqueKey())} persona-id="T-002" field="goals" kind="extend"></contribute-form>`,
      );
      expect(control(form, 'pid').value).to.equal('T-002');
      expect(control(form, 'field').value).to.equal('goals');
      expect($<HTMLInputElement>(form, 'input[value="extend"]')!.checked).to.equal(true);
      expect($(form, 'label[for="input-text"]')!.textContent).to.contain('What should be added?');
    });

    it('offers the collection in a searchable picker showing name and pid, hidden for a new persona', async () => {
      const src = endpoint({ key: uniqueKey(), count: 3 });
      const form = await withPersonas(
        await makeForm(html`<contribute-form action=${action(uniqueKey())} src=${src}></contribute-form>`),
      );
      const pid = control(form, 'pid') as HTMLInputElement;
      expect(pid.list?.id).to.equal('personas');
      const options = [...root(form).querySelectorAll('datalist option')].map((option) => [
        option.getAttribute('value'),
        option.getAttribute('label'),
      ]);
      expect(options[0]).to.deep.equal(['T-001', 'The Test Persona 001 · Segment']);
      expect(options).to.have.length(3);

      // A typed name becomes the pid; the hint names the persona.
      await fill(form, 'pid', 'the test persona 002', true);
      expect(pid.value).to.equal('T-002');
      expect($(form, '#hint-pid')!.textContent).to.equal('The Test Persona 002 · Notion AI');

      await chooseKind(form, 'new');
      expect($(form, '[name="pid"]')).to.equal(null);
      expect($(form, '[name="field"]')).to.equal(null);
      await chooseKind(form, 'correct');
      expect(control(form, 'pid').value).to.equal('T-002');
    });

    it('shows the chosen field’s current value read-only beside the text box', async () => {
      const src = endpoint({ key: uniqueKey(), count: 3 });
      const form = await withPersonas(
        await makeForm(html`<contribute-form action=${action(uniqueKey())} src=${src} persona-id="T-001"></contribute-form>`),
      );
      expect($(form, '[part~="current"]')).to.equal(null);
      await chooseField(form, 'aha_moment');
      const current = $(form, '[part~="current"]')!;
      expect(current.textContent).to.contain('Aha 001');
      expect(current.querySelector('[role="region"]')!.getAttribute('aria-labelledby')).to.equal('current-label');
      expect(current.querySelector('input, textarea')).to.equal(null);
      await chooseField(form, 'goals');
      expect(partText(form, 'current')).to.contain('Not filled in yet.');
    });

    it('counts characters live and announces only near the limit', async () => {
      const form = await makeForm(html`<contribute-form action=${action(uniqueKey())}></contribute-form>`);
      const live = () => $(form, '.field [role="status"]')!.textContent!.trim();
      await fill(form, 'text', 'Hello');
      expect(partText(form, 'counter')).to.equal('5 / 5000');
      expect($(form, '[part~="counter"]')!.getAttribute('aria-hidden')).to.equal('true');
      expect(live()).to.equal('');
      await fill(form, 'text', 'x'.repeat(4600));
      expect(live()).to.equal('400 characters left.');
      await fill(form, 'text', 'x'.repeat(4601));
      expect(live()).to.equal('400 characters left.'); // unchanged: no announcement per keystroke
      await fill(form, 'text', 'x'.repeat(5003));
      expect(partText(form, 'counter')).to.equal('5003 / 5000');
      expect(live()).to.equal('3 characters over the limit of 5000.');
      // Never truncated: the text stays as typed.
      expect(control(form, 'text').value).to.have.length(5003);
    });
  });

  describe('validation', () => {
    it('puts a message under each invalid field, moves focus to the first, and announces a summary', async () => {
      const key = uniqueKey();
      const form = await makeForm(html`<contribute-form action=${action(key)}></contribute-form>`);
      await send(form);
      await aTimeout(0);

      for (const name of ['pid', 'field', 'text']) {
        const el = control(form, name);
        expect(errorFor(form, name), name).not.to.equal('');
        expect(el.getAttribute('aria-invalid'), name).to.equal('true');
        expect(el.getAttribute('aria-describedby')!.split(' '), name).to.include(`error-${name}`);
      }
      expect(errorFor(form, 'pid')).to.equal('Choose the persona this is about.');
      expect(errorFor(form, 'text')).to.equal('Write at least one character.');
      expect(control(form, 'role').getAttribute('aria-invalid')).to.equal('false');
      expect(root(form).activeElement).to.equal(control(form, 'pid'));

      const summary = $(form, '[part~="summary"]')!;
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(summary.textContent).to.contain('Fix these 3 things before sending');
      expect(summary.querySelectorAll('li')).to.have.length(3);
      // A summary entry takes you to its field.
      summary.querySelectorAll('button')[2]!.click();
      expect(root(form).activeElement).to.equal(control(form, 'text'));

      // Fixing a field removes its message; nothing was sent.
      await fill(form, 'text', 'Something true');
      expect(errorFor(form, 'text')).to.equal('');
      expect(control(form, 'text').getAttribute('aria-invalid')).to.equal('false');
      expect($(form, '[part~="summary"]')!.querySelectorAll('li')).to.have.length(2);
      expect(await requests(key)).to.have.length(0);
    });

    it('checks the email and the text length', async () => {
      const form = await makeForm(
        html`<contribute-form action=${action(uniqueKey())} persona-id="T-001" field="name"></contribute-form>`,
      );
      await fill(form, 'text', 'x'.repeat(5001));
      await fill(form, 'email', 'not-an-email');
      await send(form);
      await aTimeout(0);
      expect(errorFor(form, 'text')).to.equal('Keep it to 5000 characters or fewer.');
      expect(errorFor(form, 'email')).to.equal('Enter a valid email address, or leave it empty.');
      expect(root(form).activeElement).to.equal(control(form, 'text'));
    });

    it('asks for a persona from the list when the whole collection is loaded', async () => {
      const src = endpoint({ key: uniqueKey(), count: 3 });
      const form = await withPersonas(
        await makeForm(html`<contribute-form action=${action(uniqueKey())} src=${src} field="name"></contribute-form>`),
      );
      await fill(form, 'pid', 'NOPE-1', true);
      await fill(form, 'text', 'x');
      await send(form);
      expect(errorFor(form, 'pid')).to.equal('There is no persona NOPE-1 here. Choose one from the list.');
    });
  });

  describe('sending', () => {
    const fillCorrect = async (form: ContributeForm) => {
      await fill(form, 'pid', 'T-001', true);
      await chooseField(form, 'aha_moment');
      await fill(form, 'text', '  The real aha moment.  ');
      await fill(form, 'role', 'Data engineer');
      await fill(form, 'experience', '3 years');
      await fill(form, 'email', 'ada@example.test');
    };

    for (const kind of ['confirm', 'correct', 'extend', 'new'] as const) {
      it(`sends a "${kind}" contribution as JSON with an Idempotency-Key`, async () => {
        const key = uniqueKey();
        const form = await makeForm(html`<contribute-form action=${action(key)}></contribute-form>`);
        await chooseKind(form, kind);
        if (kind !== 'new') {
          await fill(form, 'pid', 'T-003', true);
          await chooseField(form, 'goals');
        }
        if (kind !== 'confirm') await fill(form, 'text', `A ${kind} text`);
        await fill(form, 'role', 'PM');
        const success = oneEvent(form, 'contribute-success');
        await send(form);
        const { detail } = (await success) as CustomEvent<ContributeSuccessDetail>;

        const [request, ...more] = await requests(key);
        expect(more).to.have.length(0);
        expect(request!.method).to.equal('POST');
        expect(request!.contentType).to.equal('application/json');
        expect(request!.idempotencyKey).to.match(UUID);
        const body = request!.body;
        expect(body['kind']).to.equal(kind);
        expect(body['contributor']).to.deep.equal({ role: 'PM' });
        expect(new Date(body['submitted_at'] as string).toISOString()).to.equal(body['submitted_at']);
        expect(body['page_url']).to.equal(`${location.origin}${location.pathname}`);
        expect(body).not.to.have.property('website');
        if (kind === 'new') {
          expect(body).not.to.have.property('pid');
          expect(body).not.to.have.property('field');
        } else {
          expect(body['pid']).to.equal('T-003');
          expect(body['field']).to.equal('goals');
        }
        if (kind === 'confirm') expect(body).not.to.have.property('text');
        else expect(body['text']).to.equal(`A ${kind} text`);
        expect(detail.contribution).to.deep.equal(body);
        expect((detail.response as { id: string }).id).to.equal('c-1');
      });
    }

    it('thanks the user on 2xx, shows what was sent, and clears the draft', async () => {
      const key = uniqueKey();
      const form = await makeForm(html`<contribute-form action=${action(key)}></contribute-form>`);
      await fillCorrect(form);
      await aTimeout(500); // the draft is saved as the user types
      const storageKey = draftKey(new URL(action(key), location.href).href, undefined);
      expect(localStorage.getItem(storageKey)).to.contain('The real aha moment.');

      const success = oneEvent(form, 'contribute-success');
      await send(form);
      await success;
      await form.updateComplete;
      const panel = $(form, '[part~="success"]')!;
      expect(panel.textContent).to.contain('Thank you! Your contribution was sent.');
      const sent = [...panel.querySelectorAll('dd')].map((dd) => dd.textContent);
      expect(sent).to.include.members(['T-001', 'Aha moment', 'The real aha moment.', 'Data engineer', '3 years', 'ada@example.test']);
      expect(root(form).activeElement).to.equal(panel);
      expect($(form, 'form')).to.equal(null);
      expect(localStorage.getItem(storageKey)).to.equal(null);

      // Another one starts empty, with a new key.
      $<HTMLButtonElement>(form, '[part~="another-button"]')!.click();
      await form.updateComplete;
      expect(control(form, 'text').value).to.equal('');
      await fillCorrect(form);
      const again = oneEvent(form, 'contribute-success');
      await send(form);
      await again;
      const [first, second] = await requests(key);
      expect(second!.idempotencyKey).to.match(UUID);
      expect(second!.idempotencyKey).not.to.equal(first!.idempotencyKey);
    });

    it('maps 422 field errors onto the fields, in the form’s own words, and keeps everything', async () => {
      const key = uniqueKey();
      const errors = JSON.stringify({ text: 'Say a little more.', email: 'This address bounces.', _: 'Check two things.' });
      const form = await makeForm(html`<contribute-form action=${action(key, { status: 422, errors })}></contribute-form>`);
      await fillCorrect(form);
      const failed = oneEvent(form, 'contribute-error');
      await send(form);
      const { detail } = (await failed) as CustomEvent<ContributeErrorDetail>;
      expect(detail.error.kind).to.equal('invalid');
      expect(detail.error.status).to.equal(422);
      await form.updateComplete;
      await aTimeout(0);
      // The server's own text is never shown (it could carry a link or an instruction).
      expect(errorFor(form, 'text')).to.equal('The server did not accept this text. Check it, then send it again.');
      expect(errorFor(form, 'email')).to.equal('Enter a valid email address, or leave it empty.');
      expect(control(form, 'email').getAttribute('aria-invalid')).to.equal('true');
      expect(partText(form, 'summary')).not.to.contain('Check two things.');
      expect(detail.error.errors).to.deep.include({ text: 'Say a little more.' }); // the host's code still gets it
      expect(root(form).activeElement).to.equal(control(form, 'text'));
      expect(control(form, 'text').value).to.equal('  The real aha moment.  ');
      expect(control(form, 'role').value).to.equal('Data engineer');
    });

    it('keeps everything on a 500, and Retry sends again with the same Idempotency-Key', async () => {
      const key = uniqueKey();
      const form = await makeForm(html`<contribute-form action=${action(key, { status: 500, fail: 1 })}></contribute-form>`);
      await fillCorrect(form);
      const failed = oneEvent(form, 'contribute-error');
      await send(form);
      const { detail } = (await failed) as CustomEvent<ContributeErrorDetail>;
      expect(detail.error.kind).to.equal('http');
      expect(detail.error.status).to.equal(500);
      await form.updateComplete;
      const status = $(form, '[part~="status"]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.textContent).to.contain('The server had a problem (HTTP 500)');
      expect(status.textContent).to.contain('Everything you wrote is still here');
      expect(control(form, 'text').value).to.equal('  The real aha moment.  ');
      const retry = $<HTMLButtonElement>(form, '[part~="retry-button"]')!;
      expect(root(form).activeElement).to.equal(retry);

      const success = oneEvent(form, 'contribute-success');
      retry.click();
      await success;
      const [first, second, ...more] = await requests(key);
      expect(more).to.have.length(0);
      expect(second!.idempotencyKey).to.equal(first!.idempotencyKey);
      expect(second!.body).to.deep.equal(first!.body);
    });

    it('writes no personal data to the console, and none into URLs', async () => {
      const key = uniqueKey();
      const logged: string[] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
      const originals = methods.map((method) => console[method]);
      for (const method of methods) console[method] = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      const visited: string[] = [];
      const originalFetch = window.fetch;
      window.fetch = (input, init) => {
        visited.push(String(input instanceof Request ? input.url : input));
        return originalFetch(input, init);
      };
      try {
        history.replaceState(null, '', `${location.pathname}?email=ada@example.test#ada@example.test`);
        const form = await makeForm(html`<contribute-form action=${action(key, { status: 500, fail: 1 })}></contribute-form>`);
        await fillCorrect(form);
        const failed = oneEvent(form, 'contribute-error');
        await send(form);
        await failed;
        const sent = oneEvent(form, 'contribute-success');
        $<HTMLButtonElement>(form, '[part~="retry-button"]')!.click();
        await sent;
      } finally {
        methods.forEach((method, i) => (console[method] = originals[i]!));
        window.fetch = originalFetch;
        history.replaceState(null, '', location.pathname);
      }
      expect(logged.filter((line) => line.includes('ada@example.test'))).to.deep.equal([]);
      expect(visited.filter((url) => url.includes('ada@example.test'))).to.deep.equal([]);
      const [first] = await requests(key);
      expect(first!.body['page_url']).not.to.contain('ada@');
      expect((first!.body['contributor'] as Record<string, unknown>)['email']).to.equal('ada@example.test');
    });

    it('says when to retry after a 429 with Retry-After', async () => {
      const key = uniqueKey();
      const form = await makeForm(
        html`<contribute-form action=${action(key, { status: 429, 'retry-after': 30 })}></contribute-form>`,
      );
      await fillCorrect(form);
      const failed = oneEvent(form, 'contribute-error');
      await send(form);
      const { detail } = (await failed) as CustomEvent<ContributeErrorDetail>;
      expect(detail.error.retryAfter).to.equal(30);
      await form.updateComplete;
      expect(partText(form, 'status')).to.contain('The server is busy. Try again in 30 seconds.');
    });

    it('gives up after the timeout, keeps everything and offers Retry', async () => {
      const key = uniqueKey();
      const form = await makeForm(
        html`<contribute-form action=${action(key, { delay: 1500 })} .timeout=${200}></contribute-form>`,
      );
      await fillCorrect(form);
      const failed = oneEvent(form, 'contribute-error');
      await send(form);
      const { detail } = (await failed) as CustomEvent<ContributeErrorDetail>;
      expect(detail.error.kind).to.equal('timeout');
      await form.updateComplete;
      expect(partText(form, 'status')).to.contain('did not answer within');
      expect($(form, '[part~="retry-button"]')).to.exist;
      expect(control(form, 'role').value).to.equal('Data engineer');
      expect(submitButton(form).disabled).to.equal(false);
    });

    it('says the server could not be reached when offline, and keeps everything', async () => {
      const form = await makeForm(html`<contribute-form action="http://127.0.0.1:9/contributions"></contribute-form>`);
      await fillCorrect(form);
      const failed = oneEvent(form, 'contribute-error');
      await send(form);
      const { detail } = (await failed) as CustomEvent<ContributeErrorDetail>;
      expect(['network', 'offline']).to.include(detail.error.kind);
      await form.updateComplete;
      expect(partText(form, 'status')).to.contain('could not be reached');
      expect($(form, '[part~="retry-button"]')).to.exist;
      expect(control(form, 'email').value).to.equal('ada@example.test');
    });

    it('sends once on a double click, disabled and aria-busy while in flight', async () => {
      const key = uniqueKey();
      const form = await makeForm(html`<contribute-form action=${action(key, { delay: 300 })}></contribute-form>`);
      await fillCorrect(form);
      const success = oneEvent(form, 'contribute-success');
      const button = submitButton(form);
      button.click();
      button.click();
      button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await form.updateComplete;
      expect(button.disabled).to.equal(true);
      expect(button.textContent!.trim()).to.equal('Sending…');
      expect($(form, 'form')!.getAttribute('aria-busy')).to.equal('true');
      expect(button.getAttribute('aria-busy')).to.equal('true');
      $<HTMLFormElement>(form, 'form')!.requestSubmit();
      await success;
      expect(await requests(key)).to.have.length(1);
    });

    it('does not send on Enter in a one-line input', async () => {
      const key = uniqueKey();
      const form = await makeForm(html`<contribute-form action=${action(key)}></contribute-form>`);
      await fillCorrect(form);
      let submits = 0;
      form.addEventListener('contribute-submit', () => submits++);
      control(form, 'role').focus();
      await sendKeys({ press: 'Enter' });
      await aTimeout(50);
      expect(submits).to.equal(0);
      expect($(form, '[part~="summary"]')).to.equal(null);
      expect(await requests(key)).to.have.length(0);
    });

    it('sends on Ctrl+Enter in the text', async function () {
      await skipIn(this, ['webkit'], 'the WebDriver key command cannot hold a modifier key down');
      const key = uniqueKey();
      const form = await makeForm(html`<contribute-form action=${action(key)}></contribute-form>`);
      await fillCorrect(form);
      let submits = 0;
      form.addEventListener('contribute-submit', () => submits++);
      control(form, 'text').focus();
      const success = oneEvent(form, 'contribute-success');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await success;
      expect(submits).to.equal(1);
      expect(await requests(key)).to.have.length(1);
    });

    it('drops a bot submission (honeypot filled): looks sent, sends nothing', async () => {
      const key = uniqueKey();
      const form = await makeForm(html`<contribute-form action=${action(key)}></contribute-form>`);
      await fillCorrect(form);
      (control(form, 'website') as HTMLInputElement).value = 'https://spam.example';
      const events: string[] = [];
      for (const type of ['contribute-submit', 'contribute-success', 'contribute-error']) {
        form.addEventListener(type, () => events.push(type));
      }
      await send(form);
      await form.updateComplete;
      expect(partText(form, 'success')).to.contain('Thank you!');
      await aTimeout(100);
      expect(events).to.deep.equal([]);
      expect(await requests(key)).to.have.length(0);
    });

    it('renders what people typed as text, never as markup', async () => {
      const key = uniqueKey();
      const form = await makeForm(html`<contribute-form action=${action(key)}></contribute-form>`);
      await fillCorrect(form);
      await fill(form, 'text', '<img src=x onerror="window.__pwned = 1"><b>bold</b>');
      const success = oneEvent(form, 'contribute-success');
      await send(form);
      await success;
      await form.updateComplete;
      const panel = $(form, '[part~="success"]')!;
      expect(panel.querySelector('img, b')).to.equal(null);
      expect(panel.textContent).to.contain('<b>bold</b>');
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
    it('sends through personaClient.configure({ fetch }), the same fetch that loads the persona list', async () => {
      const key = uniqueKey();
      const seen: { url: string; method: string; idempotencyKey: string | null }[] = [];
      const original = personaClient.options.fetch;
      const spy: typeof fetch = (input, init) => {
        const headers = new Headers(init?.headers);
        seen.push({ url: String(input), method: init?.method ?? 'GET', idempotencyKey: headers.get('Idempotency-Key') });
        headers.set('X-Test-Header', 'added-by-the-host');
        return original(input, { ...init, headers });
      };
      personaClient.configure({ fetch: spy });
      try {
        const src = endpoint({ key: uniqueKey(), count: 3 });
        const form = await makeForm(html`<contribute-form src=${src} action=${action(key)}></contribute-form>`);
        await withPersonas(form);
        await fillCorrect(form);
        const success = oneEvent(form, 'contribute-success');
        await send(form);
        await success;
      } finally {
        personaClient.configure({ fetch: original });
      }
      const get = seen.find((request) => request.url.includes('/api-test/personas'));
      expect(get, 'the persona list').to.include({ method: 'GET', idempotencyKey: null });
      const posts = seen.filter((request) => request.url.includes('/api-test/contributions'));
      expect(posts).to.have.length(1);
      expect(posts[0]!.url).to.equal(new URL(action(key), document.baseURI).href);
      expect(posts[0]!.method).to.equal('POST');
      expect(posts[0]!.idempotencyKey).to.match(UUID);
      const [received, ...more] = await requests(key);
      expect(more).to.have.length(0);
      expect(received!.idempotencyKey).to.equal(posts[0]!.idempotencyKey);
      expect(received!.testHeader).to.equal('added-by-the-host');
      expect(personaClient.options.fetch).to.equal(original);
    });
  });

  describe('a host that sends it itself', () => {
    it('takes over with preventDefault and reports back with markFailed, then markSubmitted', async () => {
      const key = uniqueKey();
      const form = await makeForm(html`<contribute-form action=${action(key)} persona-id="T-001" field="name"></contribute-form>`);
      await fill(form, 'text', 'Better name');
      const keys: string[] = [];
      form.addEventListener('contribute-submit', (event) => {
        event.preventDefault();
        keys.push(event.detail.idempotencyKey);
      });
      await send(form);
      expect(submitButton(form).disabled).to.equal(true);
      expect($(form, 'form')!.getAttribute('aria-busy')).to.equal('true');

      const failed = oneEvent(form, 'contribute-error');
      form.markFailed('Your session expired. Sign in again, then retry.');
      const { detail } = (await failed) as CustomEvent<ContributeErrorDetail>;
      expect(detail.error.kind).to.equal('host');
      await form.updateComplete;
      expect(partText(form, 'status')).to.contain('Your session expired. Sign in again, then retry.');
      expect(control(form, 'text').value).to.equal('Better name');

      $<HTMLButtonElement>(form, '[part~="retry-button"]')!.click();
      await form.updateComplete;
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      const success = oneEvent(form, 'contribute-success');
      form.markSubmitted({ id: 'host-1' });
      const done = (await success) as CustomEvent<ContributeSuccessDetail>;
      expect(done.detail.response).to.deep.equal({ id: 'host-1' });
      expect(done.detail.contribution).to.include({ kind: 'correct', pid: 'T-001', field: 'name', text: 'Better name' });
      expect(await requests(key)).to.have.length(0);
    });

    it('maps field errors the host reports, and ignores reports with nothing pending', async () => {
      const form = await makeForm(html`<contribute-form persona-id=${`F-${uniqueKey()}`} field="name"></contribute-form>`);
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        form.markSubmitted();
        form.markFailed('nothing pending');
      } finally {
        console.warn = warn;
      }
      expect(warnings).to.have.length(2);
      await fill(form, 'text', 'x');
      form.addEventListener('contribute-submit', (event) => event.preventDefault());
      await send(form);
      const failed = oneEvent(form, 'contribute-error');
      form.markFailed('Check the persona.', { pid: 'This persona is archived.' });
      const { detail } = (await failed) as CustomEvent<ContributeErrorDetail>;
      expect(detail.error.kind).to.equal('invalid');
      await form.updateComplete;
      await aTimeout(0);
      expect(errorFor(form, 'pid')).to.equal('This persona is archived.');
      expect(root(form).activeElement).to.equal(control(form, 'pid'));
    });

    it('works without an action, also when the host answers at once', async () => {
      const form = await makeForm(html`<contribute-form persona-id=${`H-${uniqueKey()}`} field="name"></contribute-form>`);
      await fill(form, 'pid', 'T-001');
      await fill(form, 'text', 'Sync host');
      const events: string[] = [];
      form.addEventListener('contribute-submit', (event: CustomEvent<ContributeSubmitDetail>) => {
        event.preventDefault();
        events.push(event.type);
        form.markSubmitted();
      });
      form.addEventListener('contribute-success', (event) => events.push(event.type));
      await send(form);
      await form.updateComplete;
      expect(events).to.deep.equal(['contribute-submit', 'contribute-success']);
      expect(partText(form, 'success')).to.contain('Thank you!');
    });

    it('says it is not configured, without an action or a host, and keeps the draft', async () => {
      const personaId = `N-${uniqueKey()}`;
      const form = await makeForm(html`<contribute-form persona-id=${personaId} field="name"></contribute-form>`);
      await fill(form, 'text', 'Nowhere to go');
      const failed = oneEvent(form, 'contribute-error');
      await send(form);
      const { detail } = (await failed) as CustomEvent<ContributeErrorDetail>;
      expect(detail.error.kind).to.equal('config');
      await form.updateComplete;
      const status = $(form, '[part~="status"]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.textContent).to.contain('This form is not configured.');
      expect(status.textContent).to.contain('no address to send contributions to');
      expect(localStorage.getItem(draftKey(undefined, personaId))).to.contain('Nowhere to go');
      expect(control(form, 'text').value).to.equal('Nowhere to go');
    });
  });

  describe('drafts', () => {
    it('ignores junk and drops drafts older than the limit (7 days)', async () => {
      const junkUrl = action(uniqueKey());
      localStorage.setItem(draftKey(new URL(junkUrl, location.href).href, undefined), '{"values": {"kind": "nope"');
      const junk = await makeForm(html`<contribute-form action=${junkUrl}></contribute-form>`);
      expect(partText(junk, 'notice')).to.equal('');

      const oldUrl = action(uniqueKey());
      const oldKey = draftKey(new URL(oldUrl, location.href).href, undefined);
      const values = { kind: 'new', pid: '', field: '', text: 'Old', role: '', experience: '', email: '' };
      localStorage.setItem(
        oldKey,
        JSON.stringify({ values, savedAt: new Date(Date.now() - DRAFT_MAX_AGE_MS - 1000).toISOString() }),
      );
      const old = await makeForm(html`<contribute-form action=${oldUrl}></contribute-form>`);
      expect(control(old, 'text').value).to.equal('');
      expect(localStorage.getItem(oldKey)).to.equal(null);
    });


    it('restores the draft after a reload, and Discard forgets it', async () => {
      const key = uniqueKey();
      const url = action(key);
      const first = await makeForm(html`<contribute-form action=${url} persona-id="T-002"></contribute-form>`);
      await chooseKind(first, 'extend');
      await chooseField(first, 'frustrations');
      await fill(first, 'text', 'Half a thought');
      await fill(first, 'role', 'Analyst');
      first.remove(); // a reload: the pending save is flushed

      const form = await makeForm(html`<contribute-form action=${url} persona-id="T-002"></contribute-form>`);
      const notice = $(form, '[part~="notice"]')!;
      expect(notice.textContent).to.contain('Draft restored');
      expect(control(form, 'text').value).to.equal('Half a thought');
      expect(control(form, 'role').value).to.equal('Analyst');
      expect(control(form, 'field').value).to.equal('frustrations');
      expect($<HTMLInputElement>(form, 'input[value="extend"]')!.checked).to.equal(true);

      $<HTMLButtonElement>(form, '[part~="discard-button"]')!.click();
      await form.updateComplete;
      expect(control(form, 'text').value).to.equal('');
      expect($<HTMLInputElement>(form, 'input[value="correct"]')!.checked).to.equal(true);
      expect(partText(form, 'notice')).to.equal('Draft discarded.');
      const storageKey = draftKey(new URL(url, location.href).href, 'T-002');
      expect(localStorage.getItem(storageKey)).to.equal(null);
      form.remove();
      const third = await makeForm(html`<contribute-form action=${url} persona-id="T-002"></contribute-form>`);
      expect(partText(third, 'notice')).to.equal('');
    });

    it('keeps a different draft per persona', async () => {
      const url = action(uniqueKey());
      const a = await makeForm(html`<contribute-form action=${url} persona-id="T-001"></contribute-form>`);
      await fill(a, 'text', 'About one');
      a.remove();
      const b = await makeForm(html`<contribute-form action=${url} persona-id="T-003"></contribute-form>`);
      expect(control(b, 'text').value).to.equal('');
    });

    it('reuses the Idempotency-Key after a reload for the same content', async () => {
      const key = uniqueKey();
      const url = action(key, { status: 503, fail: 1 });
      const first = await makeForm(html`<contribute-form action=${url} persona-id="T-001" field="name"></contribute-form>`);
      await fill(first, 'text', 'Survives a reload');
      const failed = oneEvent(first, 'contribute-error');
      await send(first);
      await failed;
      first.remove();

      const form = await makeForm(html`<contribute-form action=${url} persona-id="T-001" field="name"></contribute-form>`);
      expect(control(form, 'text').value).to.equal('Survives a reload');
      const success = oneEvent(form, 'contribute-success');
      await send(form);
      await success;
      const [a, b] = await requests(key);
      expect(b!.idempotencyKey).to.equal(a!.idempotencyKey);
      expect(b!.body['submitted_at']).to.equal(a!.body['submitted_at']);
    });

    it('tolerates storage that refuses to save', async () => {
      const key = uniqueKey();
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const form = await makeForm(html`<contribute-form action=${action(key)} persona-id="T-001" field="name"></contribute-form>`);
        await fill(form, 'text', 'No room');
        await aTimeout(500);
        expect(partText(form, 'draft-state')).to.contain('cannot keep a draft');
        const success = oneEvent(form, 'contribute-success');
        await send(form);
        await success;
        expect(await requests(key)).to.have.length(1);
      } finally {
        Storage.prototype.setItem = original;
      }
    });

    it('reset() empties the form, forgets the draft and starts a new key', async () => {
      const key = uniqueKey();
      const url = action(key, { status: 500, fail: 1 });
      const form = await makeForm(html`<contribute-form action=${url} persona-id="T-001" field="name"></contribute-form>`);
      await fill(form, 'text', 'Same words');
      const failed = oneEvent(form, 'contribute-error');
      await send(form);
      await failed;
      form.reset();
      await form.updateComplete;
      expect(control(form, 'text').value).to.equal('');
      expect($(form, '[part~="status"]')).to.equal(null);
      expect(localStorage.getItem(draftKey(new URL(url, location.href).href, 'T-001'))).to.equal(null);
      await fill(form, 'text', 'Same words');
      const success = oneEvent(form, 'contribute-success');
      await send(form);
      await success;
      const [a, b] = await requests(key);
      expect(b!.idempotencyKey).not.to.equal(a!.idempotencyKey);
    });
  });

  describe('fieldToText (the current value)', () => {
    it('turns every kind of field into plain text', () => {
      const persona = {
        pid: 'P-1',
        name: 'N',
        identity: 'I',
        tags: ['a', 'b'],
        comment_count: 0,
        profile: { role: 'CSM', team_size: '5' },
        goals: [{ title: 'Grow', detail: 'fast', quote: 'now' }],
        workflow: [{ when: 'Morning', activities: ['Check', 'Plan'] }],
        tools: [{ name: 'Sheet', frequency: 'daily', use_cases: [], features: [] }, { name: 'Bare', use_cases: [], features: [] }],
        metrics: [{ name: 'NPS', target: '50' }, { name: 'Churn' }],
      };
      expect(fieldToText(persona, 'name', defaultStrings)).to.equal('N');
      expect(fieldToText(persona, 'comment_count', defaultStrings)).to.equal('0');
      expect(fieldToText(persona, 'tags', defaultStrings)).to.equal('a, b');
      expect(fieldToText(persona, 'profile', defaultStrings)).to.equal('Role: CSM\nTeam size: 5');
      expect(fieldToText(persona, 'goals', defaultStrings)).to.equal('• Grow: fast\n  “now”');
      expect(fieldToText(persona, 'workflow', defaultStrings)).to.equal('• Morning: Check; Plan');
      expect(fieldToText(persona, 'tools', defaultStrings)).to.equal('• Sheet (daily)\n• Bare');
      expect(fieldToText(persona, 'metrics', defaultStrings)).to.equal('• NPS: 50\n• Churn');
      expect(fieldToText(persona, 'frustrations', defaultStrings)).to.equal(undefined);
      expect(fieldToText(persona, 'aha_moment', defaultStrings)).to.equal(undefined);
    });
  });

  describe('looks', () => {
    it('follows the theme attribute', async () => {
      const form = await makeForm(html`<contribute-form theme="dark" action=${action(uniqueKey())}></contribute-form>`);
      expect(getComputedStyle($(form, '[part~="base"]')!).backgroundColor).to.equal('rgb(13, 17, 23)');
      form.theme = 'light';
      await form.updateComplete;
      expect(getComputedStyle($(form, '[part~="base"]')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    });

    it('fits a 260px sidebar without overflowing', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 260px"><contribute-form action=${action(uniqueKey())}></contribute-form></div>`,
      );
      const form = wrapper.querySelector('contribute-form')!;
      await form.updateComplete;
      const base = $(form, '[part~="base"]')!;
      expect(base.getBoundingClientRect().width).to.equal(260);
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      for (const el of root(form).querySelectorAll('.control, button')) {
        expect(el.getBoundingClientRect().right).to.be.at.most(base.getBoundingClientRect().right);
      }
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`is accessible (${theme}), also with errors, current value and draft notice shown`, async () => {
        const src = endpoint({ key: uniqueKey(), count: 3 });
        const url = action(uniqueKey());
        const first = await makeForm(
          html`<contribute-form action=${url} src=${src} persona-id="T-001" field="aha_moment"></contribute-form>`,
        );
        await fill(first, 'role', 'x');
        first.remove();
        const form = await withPersonas(
          await makeForm(
            html`<contribute-form theme=${theme} action=${url} src=${src} persona-id="T-001" field="aha_moment"></contribute-form>`,
          ),
        );
        await expect(form).to.be.accessible();
        await fill(form, 'email', 'nope');
        await send(form);
        await aTimeout(0);
        expect($(form, '[part~="summary"]')).to.exist;
        expect($(form, '[part~="current"]')).to.exist;
        expect($(form, '[part~="notice"]')!.textContent).to.contain('Draft restored');
        await expect(form).to.be.accessible();
      });

      it(`is accessible (${theme}) after a failure and after success`, async () => {
        const key = uniqueKey();
        const form = await makeForm(
          html`<contribute-form theme=${theme} action=${action(key, { status: 500, fail: 1 })} persona-id="T-001" field="name"></contribute-form>`,
        );
        await fill(form, 'text', 'x');
        const failed = oneEvent(form, 'contribute-error');
        await send(form);
        await failed;
        await form.updateComplete;
        await expect(form).to.be.accessible();
        const success = oneEvent(form, 'contribute-success');
        $<HTMLButtonElement>(form, '[part~="retry-button"]')!.click();
        await success;
        await form.updateComplete;
        await expect(form).to.be.accessible();
      });
    }
  });
});
