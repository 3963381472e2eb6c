import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { parseRetryAfter } from '../../data/client.js';
import {
  CONTRIBUTION_KINDS,
  MAX_CONTRIBUTOR_LENGTH,
  MAX_PAGE_URL_LENGTH,
  MAX_CONTRIBUTION_LENGTH,
  PERSONA_FIELDS,
  isHoneypotFilled,
  validateContribution,
  type Contribution,
  type ContributionErrors,
  type ContributionKind,
  type PersonaField,
} from '../../data/contribution.js';
import { PersonaDataController } from '../../controllers/persona-data.js';
import { appLabel, fieldToText } from '../../data/export.js';
import { PERSONA_FIELD_MODEL } from '../../data/schema.js';
import type { Persona } from '../../data/types.js';
import { LocalizeController, stringsConverter } from '../../controllers/localize.js';
import {
  type FormatNumber,
  type PersonaStrings,
  type PersonaStringsOverride,
} from '../../i18n/strings.js';
import { VERSION } from '../../version.js';
import { hostStyles, themeTokens, selectStyles } from '../../styles/shared.js';
import {
  draftKey,
  readDraft,
  removeDraft,
  writeDraft,
  type DraftAttempt,
  type DraftValues,
} from './contribute-draft.js';
import { formStyles } from './contribute-form.styles.js';

/** Why a contribution was not accepted. */
export type ContributeErrorKind =
  /** The server answered 400/422 with field errors (see `errors`), or the host reported them. */
  | 'invalid'
  /** The server answered another non-2xx status (see `status`, and `retryAfter` for 429/503). */
  | 'http'
  /** No answer within the form's `timeout`. */
  | 'timeout'
  /** The request failed and the browser reports being offline. */
  | 'offline'
  /** The request never got an answer (unreachable, DNS, CORS, connection reset). */
  | 'network'
  /** The host handled `contribute-submit` and called `markFailed()`. */
  | 'host'
  /** No `action` and no host handling `contribute-submit`. */
  | 'config';

/** The error in `contribute-error`'s detail. */
export class ContributeError extends Error {
  override readonly name = 'ContributeError';
  readonly kind: ContributeErrorKind;
  /** HTTP status, for `http` and server-side `invalid`. */
  readonly status?: number;
  /** Seconds the server asked to wait (`Retry-After`). */
  readonly retryAfter?: number;
  /** Messages by input name, for `invalid`. */
  readonly errors?: ContributionErrors;

  constructor(
    kind: ContributeErrorKind,
    message: string,
    options: { status?: number; retryAfter?: number; errors?: ContributionErrors; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryAfter = options.retryAfter;
    this.errors = options.errors;
  }
}

/** Detail of `contribute-submit`. */
export interface ContributeSubmitDetail {
  /** The validated, normalised payload, exactly as it would be POSTed. */
  contribution: Contribution;
  /** The `Idempotency-Key` of this draft: the same for every retry of the same content. */
  idempotencyKey: string;
}

/** Detail of `contribute-success`. */
export interface ContributeSuccessDetail {
  contribution: Contribution;
  /** The server's JSON answer (undefined when it sent none), or what the host passed to `markSubmitted()`. */
  response: unknown;
}

/** Detail of `contribute-error`. */
export interface ContributeErrorDetail {
  contribution: Contribution;
  error: ContributeError;
}

/** Values of the form's inputs, by input name. */
export type ContributeFormValues = DraftValues;

type InputName = keyof DraftValues;

type Phase =
  | { name: 'editing' }
  | { name: 'sending'; by: 'server' | 'host' }
  | { name: 'failed'; error: ContributeError }
  | { name: 'sent'; contribution: Contribution; persona?: Persona };

/** The fields people describe (the card's summary and sections, in reading order); the rest are listed as details. */
const STORY_FIELDS = PERSONA_FIELDS.filter((field) => PERSONA_FIELD_MODEL[field].group !== 'detail');
const DETAIL_FIELDS = PERSONA_FIELDS.filter((field) => PERSONA_FIELD_MODEL[field].group === 'detail');

/** Inputs in the order they appear, which is the order errors are listed and focused in. */
const INPUT_ORDER: readonly InputName[] = ['kind', 'pid', 'field', 'text', 'role', 'experience', 'email'];

const DRAFT_SAVE_DELAY = 400;
const SHORTCUT =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘+Enter' : 'Ctrl+Enter';

const isKind = (value: unknown): value is ContributionKind =>
  (CONTRIBUTION_KINDS as readonly unknown[]).includes(value);
const isField = (value: unknown): value is PersonaField => (PERSONA_FIELDS as readonly unknown[]).includes(value);

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, and wikis are not always served over https. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The page the form is on, without query and fragment: those often carry
 * personal data (search terms, tokens, email addresses) that has no place in
 * a contribution. Only http(s) pages are reported.
 */
function pageUrl(): string | undefined {
  try {
    const url = new URL(location.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.search = '';
    url.hash = '';
    url.username = '';
    url.password = '';
    return url.href.length <= MAX_PAGE_URL_LENGTH ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What identifies a draft's content: everything but the time, the page and the
 * email. It is stored with the draft, so it must not hold the email either;
 * the form compares the email of a retry in memory.
 */
function fingerprint(contribution: Contribution): string {
  const { email: _email, ...contributor } = contribution.contributor;
  return JSON.stringify({ ...contribution, contributor, submitted_at: undefined, page_url: undefined });
}

function formatSavedAt(iso: string, strings: PersonaStrings['form'], locale: string | undefined): string {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? strings.todayAt(date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' }))
    : date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}


async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** `{ errors: { name: message } }` from a 400/422 answer, or undefined. */
function errorsOf(body: unknown): ContributionErrors | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as Record<string, unknown>)['errors'];
  if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) return undefined;
  const out: ContributionErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (typeof message === 'string' && message.trim()) out[key] = message.trim();
  }
  return Object.keys(out).length ? out : undefined;
}

function httpError(
  status: number,
  retryAfter: number | undefined,
  { common, form: s }: PersonaStrings,
  num: FormatNumber,
): ContributeError {
  // The body's text is never shown: on the form's origin it would look like the site's own words.
  let message: string;
  if (status === 429 || (status === 503 && retryAfter !== undefined)) {
    message = s.busy(retryAfter !== undefined ? common.wait(retryAfter, num) : undefined);
  } else if (status === 401 || status === 403) {
    message = s.refused(status);
  } else if (status === 404 || status === 405) {
    message = s.badAddress(status);
  } else if (status === 413) {
    message = s.tooLarge;
  } else if (status >= 500) {
    message = s.serverError(status);
  } else {
    message = s.notAccepted(status);
  }
  return new ContributeError('http', message, { status, retryAfter });
}

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
   * `light`, `dark`, or `auto` (default) to follow `prefers-color-scheme`.
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

  @state() private values: DraftValues = {
    kind: 'correct',
    pid: '',
    field: '',
    text: '',
    role: '',
    experience: '',
    email: '',
  };
  /** Messages by input name (only inputs on screen). */
  @state() private errors: ContributionErrors = {};
  /** Messages not tied to an input on screen. */
  @state() private general: string[] = [];
  @state() private summaryTitle = '';
  @state() private phase: Phase = { name: 'editing' };
  @state() private notice?: { kind: 'restored'; savedAt: string } | { kind: 'discarded' };
  /** `off`: `no-draft-storage` is set, nothing is stored. */
  @state() private draftState: 'none' | 'saved' | 'unavailable' | 'off' = 'none';
  @state() private counterMessage = '';

  #data = new PersonaDataController(this);
  #l10n = new LocalizeController(this);
  #storageKey?: string;
  /** The user (or a restored draft) changed something since the presets were applied. */
  #touched = false;
  #saveTimer?: ReturnType<typeof setTimeout>;
  /** Key and time of the current draft's sends; kept for retries of the same content. */
  #attempt?: DraftAttempt;
  /** The email the attempt was sent with: in memory only (undefined for an attempt restored from storage). */
  #attemptEmail?: string;
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
  #onPageHide = () => this.#flushDraft();
  #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.#flushDraft();
  };

  /** @internal Read by the data controller: a new persona needs no collection. */
  get needsData(): boolean {
    return (this.#storageKey === undefined ? this.kind : this.values.kind) !== 'new';
  }

  /** Empties the form back to its presets, forgets the draft, and stops any send in progress. */
  reset(): void {
    this.#round++;
    this.#request?.abort();
    this.#request = undefined;
    this.#hostPending = undefined;
    this.#busy = false;
    clearTimeout(this.#saveTimer);
    if (this.#storageKey) removeDraft(this.#storageKey);
    this.#attempt = undefined;
    this.#attemptEmail = undefined;
    this.#touched = false;
    this.values = this.#presets();
    this.errors = {};
    this.general = [];
    this.phase = { name: 'editing' };
    this.notice = undefined;
    this.draftState = 'none';
  }

  /**
   * Reports that the host, which called `preventDefault()` on `contribute-submit`, sent the
   * contribution successfully. `response` is passed on in `contribute-success`.
   */
  markSubmitted(response?: unknown): void {
    const pending = this.#hostPending;
    if (!pending) {
      console.warn('persona-widgets: <contribute-form> markSubmitted() called with no submission pending.');
      return;
    }
    this.#hostPending = undefined;
    this.#succeed(pending.contribution, response);
  }

  /**
   * Reports that the host could not send the contribution. `message` is shown to the user as is;
   * `errors` (by input name) are shown under the fields. Everything typed is kept and Retry offered.
   */
  markFailed(message?: string, errors?: ContributionErrors): void {
    const pending = this.#hostPending;
    if (!pending) {
      console.warn('persona-widgets: <contribute-form> markFailed() called with no submission pending.');
      return;
    }
    this.#hostPending = undefined;
    const text = message?.trim() || this.#l10n.strings.form.hostFailed;
    if (errors && Object.keys(errors).length) {
      this.#rejected(pending.contribution, errors, new ContributeError('invalid', text, { errors }));
    } else {
      this.#fail(pending.contribution, new ContributeError('host', text));
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.#onPageHide);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#flushDraft();
  }

  // ---- presets and drafts ----------------------------------------------------------------

  get #action(): string | undefined {
    return this.#data.contributeAction(this.action);
  }

  #presets(): DraftValues {
    const kind = isKind(this.kind) ? this.kind : 'correct';
    return {
      kind,
      pid: this.personaId?.trim() ?? '',
      field: isField(this.field) ? this.field : '',
      text: '',
      role: '',
      experience: '',
      email: '',
    };
  }

  #load(): void {
    const draft = this.#storageKey && !this.noDraftStorage ? readDraft(this.#storageKey) : undefined;
    this.#attemptEmail = undefined;
    this.errors = {};
    this.general = [];
    if (draft) {
      this.values = draft.values;
      this.#attempt = draft.attempt;
      this.#touched = true;
      this.notice = { kind: 'restored', savedAt: draft.savedAt };
      this.draftState = 'saved';
    } else {
      this.values = this.#presets();
      this.#attempt = undefined;
      this.#touched = false;
      this.notice = undefined;
      this.draftState = 'none';
    }
  }

  #isPristine(): boolean {
    const presets = this.#presets();
    return INPUT_ORDER.every((name) => this.values[name] === presets[name]);
  }

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#saveNow(), DRAFT_SAVE_DELAY);
  }

  #flushDraft(): void {
    if (this.#saveTimer === undefined) return;
    this.#saveNow();
  }

  #saveNow(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const key = this.#storageKey;
    if (this.noDraftStorage) {
      // Nothing is written; what was typed stays in memory for this page only.
      this.draftState = 'off';
      return;
    }
    if (!key || !this.#touched) return;
    if (this.#isPristine() && !this.#attempt) {
      removeDraft(key);
      this.draftState = 'none';
      return;
    }
    const saved = writeDraft(key, {
      values: this.values,
      savedAt: new Date().toISOString(),
      ...(this.#attempt ? { attempt: this.#attempt } : {}),
    });
    this.draftState = saved ? 'saved' : 'unavailable';
  }

  #discard(): void {
    this.reset();
    this.notice = { kind: 'discarded' };
    void this.updateComplete.then(() => this.#focusInput('kind'));
  }

  // ---- lifecycle --------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = draftKey(this.#action, this.personaId);
    if (key !== this.#storageKey) {
      // A different action or persona has its own draft; this one is saved first.
      this.#flushDraft();
      this.#storageKey = key;
      if (!this.#busy) {
        this.phase = { name: 'editing' };
        this.#load();
      }
    } else if ((changed.has('kind') || changed.has('personaId') || changed.has('field')) && !this.#touched) {
      this.values = this.#presets();
    }
    if ((changed as PropertyValues).has('values')) this.#updateCounterMessage();
  }

  protected override updated(): void {
    // The picker lists the whole collection: follow `next` pages (bounded).
    const state = this.#data.state;
    if (
      this.needsData &&
      state.status === 'ready' &&
      state.collection.next &&
      !state.loadingMore &&
      !state.moreError &&
      this.#morePages < 50
    ) {
      this.#morePages++;
      this.#data.loadMore();
    }
  }

  /** Announces the length only when it crosses a threshold, not on every keystroke. */
  #updateCounterMessage(): void {
    const left = MAX_CONTRIBUTION_LENGTH - this.values.text.length;
    const bucket = left < 0 ? 'over' : left === 0 ? 'full' : left <= 100 ? '100' : left <= 500 ? '500' : '';
    if (bucket === this.#counterBucket) return;
    this.#counterBucket = bucket;
    const s = this.#l10n.strings.form;
    const num = this.#l10n.num;
    this.counterMessage =
      bucket === ''
        ? ''
        : left < 0
          ? s.counterOver(-left, MAX_CONTRIBUTION_LENGTH, num)
          : left === 0
            ? s.counterFull(MAX_CONTRIBUTION_LENGTH, num)
            : s.counterLeft(left, num);
  }

  // ---- personas ---------------------------------------------------------------------------

  #personas(): readonly Persona[] {
    const state = this.#data.state;
    return state.status === 'ready' ? state.collection.personas : [];
  }

  #persona(pid: string): Persona | undefined {
    const wanted = pid.trim();
    return wanted ? this.#personas().find((persona) => persona.pid === wanted) : undefined;
  }

  /** A typed name or differently-cased id becomes the persona's pid. */
  #resolvePid(typed: string): string {
    const value = typed.trim();
    if (!value) return typed;
    const lower = value.toLowerCase();
    const personas = this.#personas();
    const match =
      personas.find((persona) => persona.pid === value) ??
      personas.find((persona) => persona.pid.toLowerCase() === lower) ??
      personas.find((persona) => persona.name.trim().toLowerCase() === lower);
    return match ? match.pid : typed;
  }

  /** Whether the whole collection is loaded, so an unknown pid is really unknown. */
  #collectionComplete(): boolean {
    const state = this.#data.state;
    return state.status === 'ready' && !state.collection.next && state.collection.personas.length > 0;
  }

  // ---- editing ----------------------------------------------------------------------------

  #onEdit(event: Event): void {
    const target = event.composedPath()[0];
    if (
      !(target instanceof HTMLInputElement) &&
      !(target instanceof HTMLTextAreaElement) &&
      !(target instanceof HTMLSelectElement)
    ) {
      return;
    }
    const name = target.name as InputName;
    if (!INPUT_ORDER.includes(name)) return; // the honeypot is read when sending
    if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return;
    let value = target.value;
    if (name === 'pid' && event.type === 'change') value = this.#resolvePid(value);
    if (this.values[name] === value) return;
    this.values = { ...this.values, [name]: value } as DraftValues;
    this.#touched = true;
    if (this.notice?.kind === 'discarded') this.notice = undefined;
    this.#revalidate(name);
    this.#scheduleSave();
  }

  /** Updates the messages already shown (a fixed field loses its message); never adds new ones. */
  #revalidate(changed: InputName): void {
    const shown = Object.keys(this.errors) as InputName[];
    if (!shown.length) return;
    const now = this.#validate(new Date().toISOString()).errors;
    const next: ContributionErrors = {};
    for (const name of shown) {
      if (name !== changed && changed !== 'kind') {
        next[name] = this.errors[name]!;
      } else if (now[name] && this.#visibleInputs().includes(name)) {
        next[name] = now[name]!;
      }
    }
    this.errors = next;
  }

  #visibleInputs(kind = this.values.kind): readonly InputName[] {
    return kind === 'new' ? INPUT_ORDER.filter((name) => name !== 'pid' && name !== 'field') : INPUT_ORDER;
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
      setTimeout(() => {
        this.#enterInInput = false;
      });
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.#enterInInput) return;
    void this.#submit();
  }

  // ---- sending ----------------------------------------------------------------------------

  /** The body as the inputs say; `pid` and `field` are left out for a new persona. */
  #input(submittedAt: string): Record<string, unknown> {
    const v = this.values;
    const website = this.renderRoot?.querySelector<HTMLInputElement>('input[name="website"]')?.value ?? '';
    const page = pageUrl();
    return {
      kind: v.kind,
      ...(v.kind === 'new' ? {} : { pid: v.pid, ...(v.field ? { field: v.field } : {}) }),
      text: v.text,
      contributor: { role: v.role, experience: v.experience, email: v.email },
      submitted_at: submittedAt,
      ...(page ? { page_url: page } : {}),
      ...(website ? { website } : {}),
    };
  }

  #validate(submittedAt: string): { contribution?: Contribution; errors: ContributionErrors; input: unknown } {
    const input = this.#input(submittedAt);
    const checked = validateContribution(input);
    const errors: ContributionErrors = checked.ok ? {} : this.#localErrors(checked.errors);
    const pid = this.values.pid.trim();
    if (this.values.kind !== 'new' && !errors['pid'] && pid && this.#collectionComplete() && !this.#persona(pid)) {
      errors['pid'] = this.#l10n.strings.form.unknownPid(pid);
    }
    return Object.keys(errors).length || !checked.ok ? { errors, input } : { contribution: checked.contribution, errors, input };
  }

  /**
   * The server's field errors as the form's own messages: one per input on screen the
   * server named; everything else it said (other names, `_`, the text of each message)
   * is dropped, since it could carry a link or an instruction.
   */
  #serverErrors(errors: ContributionErrors): ContributionErrors {
    const visible = this.#visibleInputs();
    const named = Object.keys(errors).filter((name): name is InputName => visible.includes(name as InputName));
    const own = this.#localErrors(Object.fromEntries(named.map((name) => [name, ''])));
    const s = this.#l10n.strings.form.invalid;
    const text = this.values.text.trim();
    // Text the form accepts but the server refused: neither "empty" nor "too long" is true.
    if (own['text'] !== undefined && text && text.length <= MAX_CONTRIBUTION_LENGTH) own['text'] = s.textRejected;
    return own;
  }

  /** The contract's messages for the inputs, in the form's strings (each input has one problem it can have). */
  #localErrors(errors: ContributionErrors): ContributionErrors {
    const s = this.#l10n.strings.form.invalid;
    const num = this.#l10n.num;
    const out = { ...errors };
    const messages: Partial<Record<string, string>> = {
      kind: s.kind,
      pid: s.pid,
      field: s.field,
      text: this.values.text.trim().length > MAX_CONTRIBUTION_LENGTH ? s.textLong(MAX_CONTRIBUTION_LENGTH, num) : s.textEmpty,
      role: s.role(MAX_CONTRIBUTOR_LENGTH, num),
      experience: s.experience(MAX_CONTRIBUTOR_LENGTH, num),
      email: s.email,
    };
    for (const name of Object.keys(out)) out[name] = messages[name] ?? out[name]!;
    return out;
  }

  async #submit(): Promise<void> {
    if (this.#busy || this.phase.name === 'sent') return;
    const now = new Date().toISOString();
    const { contribution: valid, errors, input } = this.#validate(now);
    if (!valid) {
      const count = Object.keys(errors).length;
      const s = this.#l10n.strings.form;
      this.#showErrors(errors, count === 1 ? s.fixOne : s.fixMany(count, this.#l10n.num));
      return;
    }
    if (isHoneypotFilled(input)) {
      // A bot filled the invisible field: look accepted, send nothing, tell no one.
      this.#succeed(valid, undefined, { quiet: true });
      return;
    }

    // Same content as the last try: same key and time, so the server can recognise a retry.
    const print = fingerprint(valid);
    const email = valid.contributor.email ?? '';
    // The email is not in the (stored) fingerprint: a changed email is compared in memory. An
    // attempt restored after a reload has no email on record; it takes the one sent now.
    if (this.#attempt?.fingerprint !== print || (this.#attemptEmail !== undefined && this.#attemptEmail !== email)) {
      this.#attempt = { key: uuid(), fingerprint: print, submittedAt: now };
    }
    this.#attemptEmail = email;
    const key = this.#attempt.key;
    const contribution = { ...valid, submitted_at: this.#attempt.submittedAt } as Contribution;

    this.#busy = true;
    this.errors = {};
    this.general = [];
    this.phase = { name: 'sending', by: 'host' };
    this.#touched = true;
    this.#saveNow(); // the key travels with the draft, so a retry after a reload reuses it

    const pending = { contribution };
    this.#hostPending = pending;
    const notCanceled = this.#emit<ContributeSubmitDetail>(
      'contribute-submit',
      { contribution, idempotencyKey: key },
      true,
    );
    if (this.#hostPending !== pending) return; // the host already reported back
    if (!notCanceled) return; // the host sends it and calls markSubmitted()/markFailed()
    this.#hostPending = undefined;

    const action = this.#action;
    if (!action) {
      this.#fail(
        contribution,
        new ContributeError('config', this.#l10n.strings.form.noAction),
      );
      return;
    }
    this.phase = { name: 'sending', by: 'server' };
    await this.#post(action, contribution, key);
  }

  async #post(action: string, contribution: Contribution, key: string): Promise<void> {
    const round = ++this.#round;
    const controller = new AbortController();
    this.#request = controller;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, Math.max(0, Number(this.timeout) || 15_000));
    let status: number;
    let retryAfter: number | undefined;
    let body: unknown;
    try {
      const response = await fetch(action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(contribution),
        signal: controller.signal,
        credentials: 'same-origin',
      });
      status = response.status;
      retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      body = await readJson(response);
    } catch (cause) {
      if (round !== this.#round) return;
      const seconds = Math.round((Number(this.timeout) || 15_000) / 1000);
      const s = this.#l10n.strings.form;
      const error = timedOut
        ? new ContributeError('timeout', s.timeout(seconds, this.#l10n.num), { cause })
        : navigator.onLine === false
          ? new ContributeError('offline', s.offline, { cause })
          : new ContributeError('network', s.network, { cause });
      this.#fail(contribution, error);
      return;
    } finally {
      clearTimeout(timer);
    }
    if (round !== this.#round) return;
    this.#request = undefined;
    if (status >= 200 && status < 300) {
      this.#succeed(contribution, body);
      return;
    }
    const errors = status === 400 || status === 422 ? errorsOf(body) : undefined;
    // Which inputs the server refused, in the form's own words: its messages are never shown.
    const shown = errors ? this.#serverErrors(errors) : {};
    if (errors && Object.keys(shown).length) {
      this.#rejected(
        contribution,
        shown,
        // The event keeps the server's own messages for the host's code (never rendered).
        new ContributeError('invalid', this.#l10n.strings.form.notAccepted(status), {
          status,
          errors,
        }),
      );
      return;
    }
    this.#fail(contribution, httpError(status, retryAfter, this.#l10n.strings, this.#l10n.num));
  }

  #succeed(contribution: Contribution, response: unknown, options: { quiet?: boolean } = {}): void {
    this.#busy = false;
    this.#request = undefined;
    const focusWasHere = this.#focusIsOurs();
    const persona = 'pid' in contribution ? this.#persona(contribution.pid) : undefined;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (this.#storageKey) removeDraft(this.#storageKey);
    this.#attempt = undefined;
    this.#attemptEmail = undefined;
    this.#touched = false;
    this.values = this.#presets();
    this.errors = {};
    this.general = [];
    this.notice = undefined;
    this.draftState = 'none';
    this.phase = { name: 'sent', contribution, ...(persona ? { persona } : {}) };
    if (!options.quiet) this.#emit<ContributeSuccessDetail>('contribute-success', { contribution, response });
    void this.updateComplete.then(() => {
      if (focusWasHere) this.renderRoot.querySelector<HTMLElement>('#success')?.focus();
    });
  }

  #fail(contribution: Contribution, error: ContributeError): void {
    this.#busy = false;
    this.#request = undefined;
    const focusWasHere = this.#focusIsOurs();
    this.#failureRound++;
    this.phase = { name: 'failed', error };
    this.#saveNow();
    this.#emit<ContributeErrorDetail>('contribute-error', { contribution, error });
    void this.updateComplete.then(() => {
      if (!focusWasHere) return;
      const target =
        this.renderRoot.querySelector<HTMLElement>('[part~="retry-button"]') ??
        this.renderRoot.querySelector<HTMLElement>('#failure');
      target?.focus();
    });
  }

  /** Field errors from the server or the host: shown like the form's own. */
  #rejected(contribution: Contribution, errors: ContributionErrors, error: ContributeError): void {
    this.#busy = false;
    this.#request = undefined;
    this.phase = { name: 'editing' };
    this.#saveNow();
    this.#showErrors(errors, this.#l10n.strings.form.serverRejected);
    this.#emit<ContributeErrorDetail>('contribute-error', { contribution, error });
  }

  #showErrors(errors: ContributionErrors, title: string): void {
    const visible = this.#visibleInputs();
    const fieldErrors: ContributionErrors = {};
    const general: string[] = [];
    for (const [name, message] of Object.entries(errors)) {
      if (visible.includes(name as InputName)) fieldErrors[name] = message;
      else general.push(message);
    }
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
    const root = this.renderRoot;
    const target =
      name === 'kind'
        ? (root.querySelector<HTMLElement>('input[name="kind"]:checked') ?? root.querySelector<HTMLElement>('input[name="kind"]'))
        : root.querySelector<HTMLElement>(`[name="${name}"]`);
    target?.focus();
  }

  /** Whether focus is inside this form, or nowhere (it was on a button that went away). */
  #focusIsOurs(): boolean {
    const active = document.activeElement;
    return Boolean(this.shadowRoot?.activeElement) || !active || active === document.body || active === this;
  }

  #emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  #another(): void {
    this.phase = { name: 'editing' };
    void this.updateComplete.then(() => this.#focusInput('kind'));
  }

  // ---- rendering --------------------------------------------------------------------------

  protected override render() {
    const strings = this.#l10n.strings;
    const announcement =
      this.phase.name === 'sending'
        ? strings.form.announceSending
        : this.phase.name === 'sent'
          ? strings.form.announceSent
          : '';
    // The form's words are in the strings' language (English unless the host says otherwise).
    return html`<div part="base" class="base" lang=${strings.lang || nothing}>
      ${this.#renderNotice()}
      ${this.phase.name === 'sent' ? this.#renderSuccess(this.phase) : this.#renderForm()}
      <p class="visually-hidden" role="status">${announcement}</p>
    </div>`;
  }

  #renderNotice() {
    const s = this.#l10n.strings.form;
    const notice = this.notice;
    const content =
      notice?.kind === 'restored'
        ? html`<span>${s.draftRestored(formatSavedAt(notice.savedAt, s, this.#l10n.locale))}</span>
            <button type="button" part="button discard-button" @click=${this.#discard}>${s.discardDraft}</button>`
        : notice?.kind === 'discarded'
          ? html`<span>${s.draftDiscarded}</span>`
          : nothing;
    return html`<div part="notice" class="notice" role="status">${content}</div>`;
  }

  #describedBy(name: string, hint: boolean): string {
    return [hint ? `hint-${name}` : '', this.errors[name] ? `error-${name}` : ''].filter(Boolean).join(' ') || '';
  }

  #error(name: InputName) {
    const message = this.errors[name];
    return html`<p part="error" class="error" id=${`error-${name}`} ?hidden=${!message}>${message ?? ''}</p>`;
  }

  #renderForm() {
    const s = this.#l10n.strings.form;
    const v = this.values;
    const busy = this.phase.name === 'sending';
    return html`<form
      part="form"
      novalidate
      aria-label=${s.label}
      aria-busy=${busy ? 'true' : 'false'}
      @submit=${this.#onSubmit}
      @keydown=${this.#onKeydown}
      @input=${this.#onEdit}
      @change=${this.#onEdit}
    >
      ${this.#renderSummary()} ${this.#renderKind()}
      ${v.kind === 'new' ? nothing : html`<div class="pair">${this.#renderPersonaPicker()} ${this.#renderFieldSelect()}</div>`}
      ${this.#renderText()} ${this.#renderAbout()} ${this.#renderHoneypot()}
      <div class="actions">
        <button
          type="submit"
          part="button submit-button"
          class="primary"
          ?disabled=${busy}
          aria-busy=${busy ? 'true' : 'false'}
        >
          ${busy ? s.sending : s.send}
        </button>
        <span class="shortcut">${s.shortcut(SHORTCUT)}</span>
        ${this.draftState === 'saved'
          ? html`<span part="draft-state" class="draft-state">${s.draftSaved}</span>`
          : this.draftState === 'unavailable'
            ? html`<span part="draft-state" class="draft-state">${s.draftUnavailable}</span>`
            : nothing}
      </div>
      ${this.#renderFailure()}
    </form>`;
  }

  #renderSummary() {
    const names = INPUT_ORDER.filter((name) => this.errors[name]);
    if (!names.length && !this.general.length) return nothing;
    return keyed(
      this.#summaryRound,
      html`<div part="summary" class="summary" id="summary" role="alert" tabindex="-1">
        <p class="summary-title">${this.summaryTitle}</p>
        <ul>
          ${names.map(
            (name) =>
              html`<li>
                <button type="button" class="link" @click=${() => this.#focusInput(name)}>
                  ${this.#inputLabel(name)}: ${this.errors[name]}
                </button>
              </li>`,
          )}
          ${this.general.map((message) => html`<li>${message}</li>`)}
        </ul>
      </div>`,
    );
  }

  #inputLabel(name: InputName): string {
    return this.#l10n.strings.form.inputs[name];
  }

  #renderKind() {
    const s = this.#l10n.strings.form;
    const invalid = Boolean(this.errors['kind']);
    return html`<fieldset
      part="field"
      class="field"
      role="radiogroup"
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${this.#describedBy('kind', false) || nothing}
    >
      <legend part="label">${s.kindLegend}</legend>
      <div class="kinds">
        ${CONTRIBUTION_KINDS.map(
          (kind) => html`<label class="kind">
            <input
              part="input"
              type="radio"
              name="kind"
              .value=${kind}
              .checked=${live(this.values.kind === kind)}
            />
            <span>
              <span class="kind-title">${s.kinds[kind].title}</span>
              <span class="kind-desc">${s.kinds[kind].description}</span>
            </span>
          </label>`,
        )}
      </div>
      ${this.#error('kind')}
    </fieldset>`;
  }

  #renderPersonaPicker() {
    const s = this.#l10n.strings.form;
    const state = this.#data.state;
    const personas = this.#personas();
    const pid = this.values.pid.trim();
    const picked = pid ? this.#persona(pid) : undefined;
    let hint: string;
    if (picked) {
      const app = appLabel(picked);
      hint = `${picked.name}${app ? ` · ${app}` : ''}`;
    } else if (state.status === 'loading' || state.status === 'idle') {
      hint = s.loadingList;
    } else if (state.status === 'error') {
      hint = s.listFailed;
    } else if (state.status === 'unconfigured') {
      hint = s.typeId;
    } else {
      hint = s.typeOrChoose;
    }
    const invalid = Boolean(this.errors['pid']);
    return html`<div part="field" class="field">
      <label part="label" class="label" for="input-pid">${s.inputs.pid}</label>
      <input
        part="input"
        class="control"
        id="input-pid"
        name="pid"
        type="text"
        list=${personas.length ? 'personas' : nothing}
        autocomplete="off"
        spellcheck="false"
        aria-required="true"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${this.#describedBy('pid', true)}
        .value=${live(this.values.pid)}
      />
      ${personas.length
        ? html`<datalist id="personas">
            ${personas.map((persona) => {
              const app = appLabel(persona);
              return html`<option value=${persona.pid} label=${`${persona.name}${app ? ` · ${app}` : ''}`}></option>`;
            })}
          </datalist>`
        : nothing}
      <p part="hint" class="picked" id="hint-pid">${hint}</p>
      ${this.#error('pid')}
    </div>`;
  }

  #renderFieldSelect() {
    const { fields, form: s } = this.#l10n.strings;
    const invalid = Boolean(this.errors['field']);
    const option = (field: PersonaField) =>
      html`<option value=${field} ?selected=${this.values.field === field}>${fields[field]}</option>`;
    return html`<div part="field" class="field">
      <label part="label" class="label" for="input-field">${s.inputs.field}</label>
      <select
        part="input"
        class="control"
        id="input-field"
        name="field"
        aria-required="true"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${this.#describedBy('field', false) || nothing}
        .value=${live(this.values.field)}
      >
        <option value="" ?selected=${this.values.field === ''}>${s.chooseField}</option>
        <optgroup label=${s.storyFields}>${STORY_FIELDS.map(option)}</optgroup>
        <optgroup label=${s.detailFields}>${DETAIL_FIELDS.map(option)}</optgroup>
      </select>
      ${this.#error('field')}
    </div>`;
  }

  #renderCurrent(): TemplateResult | typeof nothing {
    const v = this.values;
    if (v.kind === 'new' || !v.field) return nothing;
    const persona = this.#persona(v.pid);
    if (!persona) return nothing;
    const { fields, form: s } = this.#l10n.strings;
    const value = fieldToText(persona, v.field, this.#l10n.strings);
    return html`<figure part="current" class="current">
      <figcaption class="label" id="current-label">
        ${s.now} ${fields[v.field]} <span class="optional">${s.ofPersona(persona.name)}</span>
      </figcaption>
      <div
        class="current-value ${value ? '' : 'empty'}"
        role="region"
        aria-labelledby="current-label"
        tabindex="0"
        dir="auto"
      >${value ?? s.notFilled}</div>
    </figure>`;
  }

  #renderText() {
    const s = this.#l10n.strings.form;
    const kind = this.values.kind;
    const copy = s.text[kind];
    const required = kind !== 'confirm';
    const length = this.values.text.length;
    const invalid = Boolean(this.errors['text']);
    const current = this.#renderCurrent();
    return html`<div class="compose ${current === nothing ? '' : 'with-current'}">
      ${current}
      <div part="field" class="field">
        <label part="label" class="label" for="input-text">
          ${copy.label} ${required ? nothing : html`<span class="optional">${s.optional}</span>`}
        </label>
        <span part="hint" class="hint" id="hint-text">${copy.hint} ${s.maxLength(MAX_CONTRIBUTION_LENGTH, this.#l10n.num)}</span>
        <textarea
          part="input"
          class="control"
          id="input-text"
          name="text"
          rows="6"
          dir="auto"
          aria-required=${required ? 'true' : 'false'}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('text', true)}
          .value=${live(this.values.text)}
        ></textarea>
        <div class="counter-row">
          ${this.#error('text')}
          <span part="counter" class="counter ${length > MAX_CONTRIBUTION_LENGTH ? 'over' : ''}" aria-hidden="true"
            >${s.counter(length, MAX_CONTRIBUTION_LENGTH, this.#l10n.num)}</span
          >
        </div>
        <span class="visually-hidden" role="status">${this.counterMessage}</span>
      </div>
    </div>`;
  }

  #renderAbout() {
    const s = this.#l10n.strings.form;
    const input = (
      name: 'role' | 'experience' | 'email',
      label: string,
      hint: string,
      extra: { type?: string; autocomplete?: string } = {},
    ) => {
      const invalid = Boolean(this.errors[name]);
      return html`<div part="field" class="field">
        <label part="label" class="label" for=${`input-${name}`}>
          ${label} <span class="optional">${s.optional}</span>
        </label>
        <span part="hint" class="hint" id=${`hint-${name}`}>${hint}</span>
        <input
          part="input"
          class="control"
          id=${`input-${name}`}
          name=${name}
          type=${extra.type ?? 'text'}
          autocomplete=${extra.autocomplete ?? 'off'}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${this.#describedBy(name, true)}
          .value=${live(this.values[name])}
        />
        ${this.#error(name)}
      </div>`;
    };
    return html`<fieldset class="about">
      <legend part="label">${s.about}</legend>
      ${input('role', s.inputs.role, s.roleHint, { autocomplete: 'organization-title' })}
      ${input('experience', s.inputs.experience, s.experienceHint)}
      ${input('email', s.inputs.email, s.emailHint, { type: 'email', autocomplete: 'email' })}
    </fieldset>`;
  }

  #renderHoneypot() {
    return html`<div class="hp" aria-hidden="true">
      <label for="input-website">${this.#l10n.strings.form.honeypot}</label>
      <input id="input-website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
    </div>`;
  }

  #renderFailure() {
    if (this.phase.name !== 'failed') return nothing;
    const { common, form: s } = this.#l10n.strings;
    const error = this.phase.error;
    const title = error.kind === 'config' ? s.notConfigured : s.notSent;
    const kept = this.draftState === 'unavailable' || this.draftState === 'off' ? s.keptOpen : s.keptDraft;
    const detail = error.kind === 'config' ? s.notConfiguredHelp : undefined;
    return keyed(
      this.#failureRound,
      html`<div part="status failure" class="failure" id="failure" role="alert" tabindex="-1">
        <p class="failure-title">${title}</p>
        <p>${error.message}</p>
        ${detail ? html`<p>${detail}</p>` : nothing}
        <p>${kept}</p>
        ${error.kind === 'config'
          ? nothing
          : html`<div class="actions">
              <button type="button" part="button retry-button" @click=${() => void this.#submit()}
                >${common.retry}</button
              >
            </div>`}
      </div>`,
    );
  }

  #renderSuccess(phase: Extract<Phase, { name: 'sent' }>) {
    const { fields, form: s } = this.#l10n.strings;
    const c = phase.contribution;
    const rows: [string, string][] = [[s.sent.what, `${s.kinds[c.kind].title}: ${s.kinds[c.kind].description}`]];
    if (c.kind !== 'new') {
      rows.push([s.sent.persona, phase.persona ? `${phase.persona.name} (${c.pid})` : c.pid]);
      rows.push([s.sent.part, fields[c.field]]);
    }
    if (c.text) rows.push([s.sent.text, c.text]);
    if (c.contributor.role) rows.push([s.sent.role, c.contributor.role]);
    if (c.contributor.experience) rows.push([s.sent.experience, c.contributor.experience]);
    if (c.contributor.email) rows.push([s.sent.email, c.contributor.email]);
    return html`<div
      part="status success"
      class="success"
      id="success"
      role="region"
      aria-labelledby="success-title"
      tabindex="-1"
    >
      <p class="success-title" id="success-title">${s.thanks}</p>
      <p>${s.whatSent}</p>
      <dl class="sent">
        ${rows.map(([label, value]) => html`<dt>${label}</dt><dd dir="auto">${value}</dd>`)}
      </dl>
      <button type="button" part="button another-button" @click=${this.#another}>${s.sendAnother}</button>
    </div>`;
  }
}
