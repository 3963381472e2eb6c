import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { personaClient } from '../../data/client.js';
import { submitJson } from '../../data/submit.js';
import { isHoneypotFilled, type Contribution, type ContributionErrors } from '../../data/contribution.js';
import type { ContributionKind, PersonaField } from '../../data/contribution.js';
import { toPersonaError } from '../../data/errors.js';
import type { Persona } from '../../data/types.js';
import { fieldToText } from '../../data/export.js';
import { parsePersona } from '../../data/parse.js';
import { PERSONA_FIELD_MODEL } from '../../data/schema.js';
import { PersonaDataController } from '../../controllers/persona-data.js';
import { LocalizeController, stringsConverter } from '../../controllers/localize.js';
import { ThemeController } from '../../controllers/theme.js';
import { formStrings } from '../../i18n/form-strings.js';
import type { PersonaStringsOverride } from '../../i18n/strings.js';
import { VERSION } from '../../version.js';
import { hostStyles, themeTokens, selectStyles } from '../../styles/shared.js';
import { draftKey, type DraftValues } from './contribute-draft.js';
import { ContributeError, type ContributeErrorDetail } from './contribute-error.js';
import type { ContributeSubmitDetail, ContributeSuccessDetail } from './contribute-error.js';
import { formStyles } from './contribute-form.styles.js';
import { formTemplate, type FormHandlers } from './contribute-form.templates.js';
import { DraftController } from './draft-controller.js';
import { counterBucket, counterMessage, sendFailure } from './format.js';
import { INPUT_ORDER, focusInput, focusIsIn, isField, isKind, resolvePid } from './inputs.js';
import { revalidated, serverErrors, splitErrors, validateInputs, visibleInputs, type InputName } from './inputs.js';

export { ContributeError, type ContributeErrorDetail, type ContributeErrorKind } from './contribute-error.js';
export type { ContributeFormValues, ContributeSubmitDetail, ContributeSuccessDetail } from './contribute-error.js';

type Phase =
  | { name: 'editing' }
  | { name: 'sending'; by: 'server' | 'host' }
  | { name: 'failed'; error: ContributeError }
  | { name: 'sent'; contribution: Contribution; persona?: Persona };

/**
 * A form to confirm, correct or extend a field of a persona, or to propose a
 * missing persona. It validates with the same contract as the server, sends
 * JSON with an `Idempotency-Key`, and never loses what was typed: a draft is
 * kept in localStorage until the server accepts it.
 *
 * Without `action` the form still works when the page handles
 * `contribute-submit` itself (calling `preventDefault()`, sending, then
 * `markSubmitted()` or `markFailed()`); with neither it says that it is not
 * configured.
 *
 * Privacy: `page_url` is the page's address without query string and
 * fragment, which often carry personal data. The draft is kept only in this
 * browser's localStorage, for at most 7 days, and removed once the server
 * accepts it or the user discards it. The email address is never stored: it
 * stays in memory only (it survives a failed send and Retry, not a reload).
 * On shared or public computers set `no-draft-storage`: then nothing is
 * written to localStorage or sessionStorage at all, and what was typed lives
 * only as long as the page.
 *
 * @summary Confirm, correct or extend a persona, or propose a new one.
 * @tag contribute-form
 *
 * @fires contribute-submit - Before sending; cancelable. Detail: `{ contribution, idempotencyKey }`.
 *   Call `preventDefault()` to send it yourself, then `markSubmitted(response?)` or `markFailed(message)`.
 * @fires contribute-success - The contribution was accepted (2xx or `markSubmitted()`).
 *   Detail: `{ contribution, response }`.
 * @fires contribute-error - It was not accepted. Detail: `{ contribution, error }`, `error.kind` one of
 *   `invalid`, `http`, `timeout`, `offline`, `network`, `host`, `config`.
 *
 * @csspart base - The form's box.
 * @csspart form - The `<form>`.
 * @csspart field - Each field: label, hint, control and error.
 * @csspart label - Each label and legend.
 * @csspart hint - Help text under a label.
 * @csspart input - Each control (radio, text input, select, textarea).
 * @csspart error - The message under an invalid field.
 * @csspart summary - The list of problems shown when sending fails validation.
 * @csspart current - The read-only current value of the chosen field.
 * @csspart fixed-persona - The persona, as text, with `fixed-persona`.
 * @csspart counter - The "123 / 5000" character counter.
 * @csspart submit-button - The Send button.
 * @csspart button - Every button.
 * @csspart retry-button - The Retry button after a failure.
 * @csspart discard-button - The "Discard draft" button.
 * @csspart status - Failure, not-configured and thank-you messages.
 * @csspart success - The thank-you message with what was sent.
 * @csspart notice - The "Draft restored" notice.
 *
 * @cssprop [--persona-bg=#ffffff] - Background (dark: #0d1117).
 * @cssprop [--persona-fg=#1f2328] - Text colour (dark: #f0f6fc).
 * @cssprop [--persona-muted=#59636e] - Hints and secondary text (dark: #9198a1).
 * @cssprop [--persona-accent=#0969da] - Focus ring, selection, Send button (dark: #4493f8).
 * @cssprop [--persona-border=#d1d9e0] - Decorative borders (dark: #3d444d).
 * @cssprop [--persona-control-border=#818b98] - Borders of inputs and buttons, 3:1 on the background (dark: #656c76).
 * @cssprop [--persona-subtle=#f6f8fa] - Message and current-value background (dark: #151b23).
 * @cssprop [--persona-danger=#d1242f] - Errors (dark: #f85149).
 * @cssprop [--persona-success=#1a7f37] - The thank-you accent (dark: #3fb950).
 * @cssprop [--persona-font=system-ui] - Font family.
 * @cssprop [--persona-radius=12px] - Corner radius.
 * @cssprop [--persona-space=16px] - Inner padding.
 */
export class ContributeForm extends LitElement {
  static version = VERSION;
  static {
    this.addInitializer((element) => new ThemeController(element as ContributeForm));
  }
  static override styles = [themeTokens, hostStyles, formStyles, selectStyles];

  /**
   * URL contributions are POSTed to. Falls back to the enclosing `<persona-provider contribute-action>`,
   * then `<meta name="persona-widgets:contribute-action">`.
   * @attr action
   */
  @property() action?: string;

  /**
   * URL of the persona collection for the persona picker. Falls back to the enclosing
   * `<persona-provider>`, then `<meta name="persona-widgets:src">`.
   * @attr src
   */
  @property() src?: string;

  /**
   * Preset persona, e.g. `APP-074` (when opened from a card).
   * @attr persona-id
   */
  @property({ attribute: 'persona-id' }) personaId?: string;

  /**
   * Preset field, one of the contract's field names, e.g. `aha_moment`.
   * @attr field
   */
  @property() field?: PersonaField;

  /**
   * Preset kind: `confirm`, `correct` (default), `extend` or `new`.
   * @attr kind
   */
  @property() kind: ContributionKind = 'correct';

  /**
   * The persona is the one of `persona-id` and cannot be changed: it is shown as text, not as an
   * input, and "New persona" is not offered. The card's suggest-an-edit dialog sets it.
   * @attr fixed-persona
   */
  @property({ attribute: 'fixed-persona', type: Boolean }) fixedPersona = false;

  /**
   * The persona of `persona-id` as an object (a card passes its own), so its name and current
   * values are there without fetching. Validated like endpoint data.
   * @prop persona
   */
  @property({ attribute: false }) persona?: unknown;

  /**
   * `light`, `dark`, or `auto` (default): as the page around it is painted (its `color-scheme`, else
   * its background, else the system's preference), followed live when the page switches.
   * @attr theme
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /**
   * Milliseconds to wait for the server before saying it did not answer.
   * @attr timeout
   */
  @property({ type: Number }) timeout = 15_000;

  /**
   * Keeps no draft in this browser's storage: nothing is written to localStorage or
   * sessionStorage, and no stored draft is restored. What was typed (email included)
   * still survives a failed send and Retry, as long as the page stays open. Use it on
   * shared or public computers. Default `false`: drafts without the email are kept for
   * up to 7 days.
   * @attr no-draft-storage
   */
  @property({ attribute: 'no-draft-storage', type: Boolean }) noDraftStorage = false;

  /**
   * Replaces any of the form's words: any part of the `PersonaStrings` table (e.g.
   * `{ form: { send: 'Beitrag senden' } }`), nested groups may be partial. Wins over the
   * provider's `strings` and `setDefaultStrings()`. As an attribute: JSON of plain-text keys only.
   * @prop strings
   * @attr strings
   */
  @property({ attribute: 'strings', converter: stringsConverter }) strings?: PersonaStringsOverride;

  @state() private values: DraftValues = { kind: 'correct', pid: '', field: '', text: '', role: '', experience: '', email: '' };
  /** Messages by input name (only inputs on screen). */
  @state() private errors: ContributionErrors = {};
  /** Messages not tied to an input on screen. */
  @state() private general: string[] = [];
  @state() private summaryTitle = '';
  @state() private phase: Phase = { name: 'editing' };
  @state() private notice?: { kind: 'restored'; savedAt: string } | { kind: 'discarded' };
  @state() private counterMessage = '';

  #data = new PersonaDataController(this);
  #l10n = new LocalizeController(this, { form: formStrings });
  #draft = new DraftController(this, {
    values: () => this.values,
    pristine: () =>
      INPUT_ORDER.every((name) => this.values[name] === this.#presets()[name] || (name === 'text' && this.values.text === this.#prefilled)),
  });
  /** `persona`, validated. */
  #given?: Persona;
  /** The text the form last started "Correct" from (the field's current items), '' when none. */
  #prefilled = '';
  /** A send is in progress (set synchronously: a double click sends once). */
  #busy = false;
  /** A contribution the host took over with preventDefault(), until it reports back. */
  #hostPending?: { contribution: Contribution };
  #request?: AbortController;
  /** Bumped whenever an answer must be ignored (reset, new send). */
  #round = 0;
  #summaryRound = 0;
  #failureRound = 0;
  #enterInInput = false;
  #counterBucket = '';
  #morePages = 0;
  #on: FormHandlers = {
    submit: (event) => {
      event.preventDefault();
      if (!this.#enterInInput) void this.#submit();
    },
    keydown: (event) => this.#onKeydown(event),
    edit: (event) => this.#onEdit(event),
    discard: () => {
      this.reset();
      this.notice = { kind: 'discarded' };
      void this.updateComplete.then(() => this.#focusInput('kind'));
    },
    retry: () => void this.#submit(),
    another: () => {
      this.phase = { name: 'editing' };
      void this.updateComplete.then(() => this.#focusInput('kind'));
    },
    focus: (name) => this.#focusInput(name),
  };

  /** @internal Read by the data controller: a new persona needs no collection. */
  get needsData(): boolean {
    return (this.#draft.key === undefined ? this.kind : this.values.kind) !== 'new';
  }

  /** Empties the form back to its presets, forgets the draft, and stops any send in progress. */
  reset(): void {
    this.#round++;
    this.#request?.abort();
    this.#request = undefined;
    this.#hostPending = undefined;
    this.#busy = false;
    this.#draft.discard();
    this.values = this.#presets();
    this.errors = {};
    this.general = [];
    this.phase = { name: 'editing' };
    this.notice = undefined;
  }

  /**
   * Reports that the host, which called `preventDefault()` on `contribute-submit`, sent the
   * contribution successfully. `response` is passed on in `contribute-success`.
   */
  markSubmitted(response?: unknown): void {
    const pending = this.#takePending('markSubmitted');
    if (pending) this.#succeed(pending.contribution, response);
  }

  /**
   * Reports that the host could not send the contribution. `message` is shown to the user as is;
   * `errors` (by input name) are shown under the fields. Everything typed is kept and Retry offered.
   */
  markFailed(message?: string, errors?: ContributionErrors): void {
    const pending = this.#takePending('markFailed');
    if (!pending) return;
    const text = message?.trim() || this.#l10n.strings.form.hostFailed;
    if (errors && Object.keys(errors).length) {
      this.#rejected(pending.contribution, errors, new ContributeError('invalid', text, { errors }));
    } else {
      this.#fail(pending.contribution, new ContributeError('host', text));
    }
  }

  #takePending(method: string): { contribution: Contribution } | undefined {
    const pending = this.#hostPending;
    if (!pending) console.warn(`persona-widgets: <contribute-form> ${method}() called with no submission pending.`);
    this.#hostPending = undefined;
    return pending;
  }

  #presets(): DraftValues {
    const kind = isKind(this.kind) ? this.kind : 'correct';
    const field = isField(this.field) ? this.field : '';
    return { kind, pid: this.personaId?.trim() ?? '', field, text: '', role: '', experience: '', email: '' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('persona')) {
      const given = this.persona == null ? undefined : parsePersona(this.persona);
      this.#given = given && !('skipped' in given) ? given : undefined;
    }
    const key = draftKey(this.#data.contributeAction(this.action), this.personaId);
    if (key !== this.#draft.key) {
      // A different action or persona has its own draft; this one is saved first.
      const draft = this.#draft.open(key, !this.#busy);
      if (!this.#busy) {
        this.phase = { name: 'editing' };
        this.errors = {};
        this.general = [];
        this.values = draft ? draft.values : this.#presets();
        this.notice = draft ? { kind: 'restored', savedAt: draft.savedAt } : undefined;
      }
    } else if ((changed.has('kind') || changed.has('personaId') || changed.has('field')) && !this.#draft.touched) {
      this.values = this.#presets();
    }
    this.#keepFixed();
    this.#prefill();
    if ((changed as PropertyValues).has('values')) this.#updateCounterMessage();
  }

  /** With `fixed-persona`, what is sent is always about that persona (also from an older draft). */
  #keepFixed(): void {
    const pid = this.personaId?.trim() ?? '';
    if (!this.fixedPersona || !pid) return;
    const { values } = this;
    if (values.pid !== pid || values.kind === 'new') {
      this.values = { ...values, pid, kind: values.kind === 'new' ? 'correct' : values.kind };
    }
  }

  /**
   * What "Correct" on a list starts from: the current items, one per line, so nobody retypes
   * the list. Filled when the choice (or the data) changes and the text is empty or still the
   * previous start; never over anything typed, nor again after the user emptied it.
   */
  #prefill(): void {
    const start = this.#startingText(this.values);
    const { text } = this.values;
    const empty = text === '' && start !== '' && (start !== this.#prefilled || !this.#draft.touched);
    if (text !== start && (empty || (text !== '' && text === this.#prefilled))) this.values = { ...this.values, text: start };
    this.#prefilled = start;
  }

  #startingText({ kind, pid, field }: DraftValues): string {
    if (kind !== 'correct' || !field) return '';
    const type = PERSONA_FIELD_MODEL[field].kind;
    const persona = type === 'text' || type === 'profile' ? undefined : this.#persona(pid);
    if (!persona) return '';
    if (type === 'tags') return persona.tags?.join('\n') ?? '';
    return fieldToText(persona, field, this.#l10n.strings)?.replace(/^• /gm, '') ?? '';
  }

  /**
   * Focuses the first input that still needs something: with persona and field preset (as from
   * a card), the text.
   */
  override focus(options?: FocusOptions): void {
    const { values } = this;
    const needed = visibleInputs(values.kind).find((name) => (name === 'pid' || name === 'field') && !values[name].trim());
    focusInput(this.renderRoot, needed ?? 'text', options);
  }

  protected override updated(): void {
    // The picker lists the whole collection: follow `next` pages (bounded).
    const state = this.#data.state;
    if (this.needsData && state.status === 'ready' && state.collection.next && !state.loadingMore && !state.moreError && this.#morePages < 50) {
      this.#morePages++;
      this.#data.loadMore();
    }
  }

  /** Announces the length only when it crosses a threshold, not on every keystroke. */
  #updateCounterMessage(): void {
    const bucket = counterBucket(this.values.text.length);
    if (bucket === this.#counterBucket) return;
    this.#counterBucket = bucket;
    this.counterMessage = counterMessage(this.values.text.length, this.#l10n.strings.form, this.#l10n.num);
  }

  #personas(): readonly Persona[] {
    const state = this.#data.state;
    return state.status === 'ready' ? state.collection.personas : [];
  }

  /** The persona with that pid, also while its page is still being validated (the source looks ahead). */
  #persona = (pid: string): Persona | undefined => {
    const wanted = pid.trim();
    if (!wanted) return undefined;
    return this.#given?.pid === wanted ? this.#given : this.#data.source?.persona(wanted);
  };

  #onEdit(event: Event): void {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
    const name = target.name as InputName;
    if (!INPUT_ORDER.includes(name)) return; // the honeypot is read when sending
    if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return;
    let value = target.value;
    if (name === 'pid' && event.type === 'change') value = resolvePid(this.#personas(), value);
    if (this.values[name] === value) return;
    this.values = { ...this.values, [name]: value } as DraftValues;
    this.#draft.touched = true;
    if (this.notice?.kind === 'discarded') this.notice = undefined;
    this.#revalidate(name);
    this.#draft.schedule();
  }

  /** Updates the messages already shown (a fixed field loses its message); never adds new ones. */
  #revalidate(changed: InputName): void {
    if (!Object.keys(this.errors).length) return;
    const now = this.#validate(new Date().toISOString()).errors;
    this.errors = revalidated(this.errors, now, changed, this.values.kind);
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      // Ctrl+Enter (⌘+Enter) sends from anywhere, including the text box.
      event.preventDefault();
      void this.#submit();
      return;
    }
    // Enter in a one-line input would submit half a form (implicit submission): ignore that submit.
    if (event.composedPath()[0] instanceof HTMLInputElement) {
      this.#enterInInput = true;
      setTimeout(() => (this.#enterInInput = false));
    }
  }

  #validate(submittedAt: string) {
    const website = this.renderRoot?.querySelector<HTMLInputElement>('input[name="website"]')?.value ?? '';
    const state = this.#data.state;
    const complete =
      state.status === 'ready' && !state.collection.next && !state.collection.validating && state.collection.personas.length > 0;
    const known = complete ? this.#persona : undefined;
    const checked = validateInputs(this.values, website, submittedAt, this.#l10n.strings, this.#l10n.num, known);
    // "Correct" with the list as it is would change nothing: say so rather than send it.
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    const start = flat(this.#startingText(this.values));
    if (checked.errors['text'] || !start || flat(this.values.text) !== start) return checked;
    return { errors: { ...checked.errors, text: this.#l10n.strings.form.invalid.textUnchanged }, input: checked.input };
  }

  async #submit(): Promise<void> {
    if (this.#busy || this.phase.name === 'sent') return;
    const now = new Date().toISOString();
    const { contribution: valid, errors, input } = this.#validate(now);
    const s = this.#l10n.strings.form;
    if (!valid) {
      const count = Object.keys(errors).length;
      this.#showErrors(errors, count === 1 ? s.fixOne : s.fixMany(count, this.#l10n.num));
      return;
    }
    // A bot filled the invisible field: look accepted, send nothing, tell no one.
    if (isHoneypotFilled(input)) return this.#succeed(valid, undefined, true);

    // Same content as the last try: same key and time, so the server can recognise a retry.
    const attempt = this.#draft.attemptFor(valid, now);
    const contribution = { ...valid, submitted_at: attempt.submittedAt } as Contribution;
    this.#busy = true;
    this.errors = {};
    this.general = [];
    this.phase = { name: 'sending', by: 'host' };
    this.#draft.touched = true;
    this.#draft.save(); // the key travels with the draft, so a retry after a reload reuses it

    const pending = { contribution };
    this.#hostPending = pending;
    const detail = { contribution, idempotencyKey: attempt.key };
    const notCanceled = this.#emit<ContributeSubmitDetail>('contribute-submit', detail, true);
    if (this.#hostPending !== pending) return; // the host already reported back
    if (!notCanceled) return; // the host sends it and calls markSubmitted()/markFailed()
    this.#hostPending = undefined;
    const action = this.#data.contributeAction(this.action);
    if (!action) return this.#fail(contribution, new ContributeError('config', s.noAction));
    this.phase = { name: 'sending', by: 'server' };
    await this.#post(action, contribution, attempt.key);
  }

  /** Sends through the shared client, so the host's `personaClient.configure({ fetch })` applies. */
  async #post(action: string, contribution: Contribution, idempotencyKey: string): Promise<void> {
    const round = ++this.#round;
    const request = (this.#request = new AbortController());
    const timeout = Number(this.timeout) || 15_000;
    const { strings, num } = this.#l10n;
    let answer: unknown;
    try {
      ({ body: answer } = await submitJson(personaClient, action, contribution, {
        idempotencyKey,
        signal: request.signal,
        timeout: Math.max(0, timeout),
      }));
    } catch (thrown) {
      if (round !== this.#round) return;
      const cause = toPersonaError(thrown, action);
      const { status, retryAfter } = cause;
      const errors = status === 400 || status === 422 ? cause.details?.errors : undefined;
      // Which inputs the server refused, in the form's own words: its messages are never shown.
      const shown = errors ? serverErrors(errors, this.values, strings, num) : {};
      if (errors && Object.keys(shown).length) {
        // The event keeps the server's own messages for the host's code (never rendered).
        const error = new ContributeError('invalid', strings.form.notAccepted(status!), { status, errors: { ...errors }, cause });
        return this.#rejected(contribution, shown, error);
      }
      const { kind, message } = sendFailure(cause, strings, num, timeout);
      return this.#fail(contribution, new ContributeError(kind, message, { status, retryAfter, cause }));
    }
    if (round === this.#round) this.#succeed(contribution, answer);
  }

  #succeed(contribution: Contribution, response: unknown, quiet = false): void {
    this.#busy = false;
    this.#request = undefined;
    const focusWasHere = focusIsIn(this);
    const persona = 'pid' in contribution ? this.#persona(contribution.pid) : undefined;
    this.#draft.discard();
    this.values = this.#presets();
    this.errors = {};
    this.general = [];
    this.notice = undefined;
    this.phase = { name: 'sent', contribution, ...(persona ? { persona } : {}) };
    if (!quiet) this.#emit<ContributeSuccessDetail>('contribute-success', { contribution, response });
    void this.updateComplete.then(() => {
      if (focusWasHere) this.renderRoot.querySelector<HTMLElement>('#success')?.focus();
    });
  }

  #fail(contribution: Contribution, error: ContributeError): void {
    this.#busy = false;
    this.#request = undefined;
    const focusWasHere = focusIsIn(this);
    this.#failureRound++;
    this.phase = { name: 'failed', error };
    this.#draft.save();
    this.#emit<ContributeErrorDetail>('contribute-error', { contribution, error });
    void this.updateComplete.then(() => {
      if (!focusWasHere) return;
      const root = this.renderRoot;
      (root.querySelector<HTMLElement>('[part~="retry-button"]') ?? root.querySelector<HTMLElement>('#failure'))?.focus();
    });
  }

  /** Field errors from the server or the host: shown like the form's own. */
  #rejected(contribution: Contribution, errors: ContributionErrors, error: ContributeError): void {
    this.#busy = false;
    this.#request = undefined;
    this.phase = { name: 'editing' };
    this.#draft.save();
    this.#showErrors(errors, this.#l10n.strings.form.serverRejected);
    this.#emit<ContributeErrorDetail>('contribute-error', { contribution, error });
  }

  #showErrors(errors: ContributionErrors, title: string): void {
    const visible = visibleInputs(this.values.kind);
    const { fields: fieldErrors, general } = splitErrors(errors, this.values.kind);
    this.errors = fieldErrors;
    this.general = general;
    this.summaryTitle = title;
    this.#summaryRound++;
    if (this.phase.name === 'failed') this.phase = { name: 'editing' };
    void this.updateComplete.then(() => {
      const first = visible.find((name) => fieldErrors[name]);
      if (first) this.#focusInput(first);
      else this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
    });
  }

  #focusInput(name: InputName): void {
    focusInput(this.renderRoot, name);
  }

  #emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  protected override render(): TemplateResult<1> {
    const { strings, num, locale } = this.#l10n;
    const { phase, values, errors, general, summaryTitle, counterMessage } = this;
    // prettier-ignore
    return formTemplate({
      strings, num, locale, values, errors, general, summaryTitle, counterMessage,
      summaryRound: this.#summaryRound, failureRound: this.#failureRound, phase: phase.name,
      ...(phase.name === 'failed' ? { failure: phase.error } : phase.name === 'sent' ? { sent: phase } : {}),
      ...(this.notice ? { notice: this.notice } : {}),
      draftState: this.#draft.state, data: this.#data.state, personas: this.#personas(),
      persona: this.#persona, on: this.#on, fixed: this.fixedPersona && Boolean(this.personaId?.trim()),
    });
  }
}
