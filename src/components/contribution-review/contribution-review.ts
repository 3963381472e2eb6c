import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VERSION } from '../../version.js';
import { ThemeController } from '../../controllers/theme.js';
import { hostStyles, themeTokens } from '../../styles/shared.js';
import { reviewStyles } from './contribution-review.styles.js';

/** One contribution as the review API lists it (`GET …/review/contributions`). */
export interface ReviewEntry {
  id: string;
  received_at: string;
  status: 'pending' | 'approved' | 'rejected';
  persona_name?: string;
  /** The field's current value (absent for `new`). */
  current?: unknown;
  contribution: {
    kind: 'confirm' | 'correct' | 'extend' | 'new';
    pid?: string;
    field?: string;
    text?: string;
    contributor: { role?: string; experience?: string };
    submitted_at: string;
  };
}

/** Detail of `review-decision`: what was decided and, for an approval, the recorded change. */
export interface ReviewDecisionDetail {
  id: string;
  decision: 'approve' | 'reject';
  /** The server's answer: `{ contribution, change? }`. */
  response: unknown;
}

/** Detail of `review-error`: the HTTP status (0 when the server did not answer) and the message shown. */
export interface ReviewErrorDetail {
  status: number;
  message: string;
  id?: string;
}

/** The element's words; set `strings` to replace any of them. */
export interface ReviewStrings {
  heading: string;
  loading: string;
  empty: string;
  noToken: string;
  unauthorized: string;
  failed: string;
  current: string;
  proposed: string;
  approve: string;
  reject: string;
  approved: string;
  rejected: string;
  newPersona: string;
  confirms: string;
  kinds: Record<'confirm' | 'correct' | 'extend' | 'new', string>;
}

const DEFAULT_STRINGS: ReviewStrings = {
  heading: 'Contributions to review',
  loading: 'Loading contributions…',
  empty: 'Nothing to review.',
  noToken: 'Set a review token to see contributions.',
  unauthorized: 'The review token was refused.',
  failed: 'The review endpoint did not answer as expected; try again.',
  current: 'Now',
  proposed: 'Proposed',
  approve: 'Approve',
  reject: 'Reject',
  approved: 'Approved.',
  rejected: 'Rejected.',
  newPersona: 'New persona',
  confirms: 'Confirms the current value.',
  kinds: { confirm: 'Confirm', correct: 'Correction', extend: 'Extension', new: 'New persona' },
};

/** A field value as readable text: lists one item per line, objects as JSON. */
function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === 'string' ? `• ${item}` : item && typeof item === 'object' && 'title' in item ? `• ${String(item.title)}` : `• ${JSON.stringify(item)}`,
      )
      .join('\n');
  }
  return JSON.stringify(value, null, 2);
}

/**
 * The moderators' side of the contribution loop: lists pending contributions
 * from a persona endpoint's review API (`persona-widgets serve`,
 * `createPersonaHandler`), each beside the current value of its field, with
 * Approve and Reject. Approving applies the contribution on the server.
 *
 * The review token is a property only (`el.token = …`), never an attribute, so
 * it does not sit in the page's markup. Not part of the card, grid or form
 * bundles: load `persona-widgets/contribution-review.js` where moderators work.
 *
 * @summary Review pending contributions: approve or reject each, beside the current value.
 * @tag contribution-review
 *
 * @fires review-decision - A contribution was approved or rejected. Detail: `{ id, decision, response }`.
 * @fires review-error - Loading or a decision failed. Detail: `{ status, message, id? }`.
 *
 * @csspart base - The element's box.
 * @csspart heading - The heading.
 * @csspart status - Loading, empty, success and error messages.
 * @csspart item - One contribution.
 * @csspart meta - Kind, persona, field, contributor and date of a contribution.
 * @csspart current - The field's current value.
 * @csspart proposed - The contribution's text.
 * @csspart button - Every button.
 * @csspart approve-button - The Approve button.
 * @csspart reject-button - The Reject button.
 *
 * @cssprop [--persona-bg=#ffffff] - Background (dark: #0d1117).
 * @cssprop [--persona-fg=#1f2328] - Text colour (dark: #f0f6fc).
 * @cssprop [--persona-muted=#59636e] - Secondary text (dark: #9198a1).
 * @cssprop [--persona-accent=#0969da] - Focus ring, proposed-value marker, Approve button (dark: #4493f8).
 * @cssprop [--persona-border=#d1d9e0] - Borders (dark: #3d444d).
 * @cssprop [--persona-control-border=#818b98] - Button borders.
 * @cssprop [--persona-subtle=#f6f8fa] - Value backgrounds (dark: #151b23).
 * @cssprop [--persona-danger=#d1242f] - Errors (dark: #f85149).
 * @cssprop [--persona-font=system-ui] - Font family.
 * @cssprop [--persona-radius=12px] - Corner radius.
 * @cssprop [--persona-space=16px] - Inner padding.
 */
export class ContributionReview extends LitElement {
  static version = VERSION;
  static {
    this.addInitializer((element) => new ThemeController(element as ContributionReview));
  }
  static override styles = [themeTokens, hostStyles, reviewStyles];

  /**
   * Base URL of the persona API (the one serving `/api/personas`), e.g. `/api` or
   * `https://personas.example.com/api`.
   * @attr endpoint
   */
  @property() endpoint = '/api';

  /**
   * `light`, `dark`, or `auto` (default): as the page around it is painted (its `color-scheme`, else
   * its background, else the system's preference), followed live when the page switches.
   * @attr theme
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /** The review API's bearer token. A property only: never reflected to an attribute. */
  @property({ attribute: false }) token?: string;

  /** Replaces any of the element's words (`{ approve: 'Freigeben' }`). */
  @property({ attribute: false }) strings?: Partial<ReviewStrings>;

  /**
   * The one way out to the network: replace it to add credentials or headers. Default: the global `fetch`.
   */
  @property({ attribute: false }) fetcher: typeof fetch = (input, init) => fetch(input, init);

  @state() private entries: ReviewEntry[] = [];
  @state() private phase: 'idle' | 'loading' | 'ready' = 'idle';
  @state() private message?: { kind: 'info' | 'error'; text: string };
  @state() private busy = new Set<string>();

  #round = 0;

  get #t(): ReviewStrings {
    return { ...DEFAULT_STRINGS, ...this.strings, kinds: { ...DEFAULT_STRINGS.kinds, ...this.strings?.kinds } };
  }

  #url(path: string): string {
    return `${this.endpoint.replace(/\/+$/, '')}/review${path}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('token') || changed.has('endpoint')) void this.reload();
  }

  /** Loads the pending contributions again. */
  async reload(): Promise<void> {
    const round = ++this.#round;
    if (!this.token) {
      this.entries = [];
      this.phase = 'ready';
      this.message = { kind: 'info', text: this.#t.noToken };
      return;
    }
    this.phase = 'loading';
    this.message = undefined;
    try {
      const res = await this.fetcher(this.#url('/contributions?status=pending'), {
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' },
      });
      if (round !== this.#round) return;
      if (!res.ok) {
        this.#fail(res.status);
        this.entries = [];
        return;
      }
      const body = (await res.json()) as { contributions?: ReviewEntry[] };
      if (round !== this.#round) return;
      this.entries = Array.isArray(body.contributions) ? body.contributions : [];
    } catch {
      if (round !== this.#round) return;
      this.#fail(0);
      this.entries = [];
    } finally {
      if (round === this.#round) this.phase = 'ready';
    }
  }

  #fail(status: number, id?: string, text?: string): void {
    const message = text ?? (status === 401 ? this.#t.unauthorized : this.#t.failed);
    this.message = { kind: 'error', text: message };
    this.dispatchEvent(
      new CustomEvent<ReviewErrorDetail>('review-error', { detail: { status, message, ...(id ? { id } : {}) }, bubbles: true, composed: true }),
    );
  }

  async #decide(entry: ReviewEntry, decision: 'approve' | 'reject'): Promise<void> {
    if (this.busy.has(entry.id) || !this.token) return;
    this.busy = new Set(this.busy).add(entry.id);
    try {
      const res = await this.fetcher(this.#url(`/contributions/${encodeURIComponent(entry.id)}/${decision}`), {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' },
      });
      const body = (await res.json().catch(() => undefined)) as { errors?: Record<string, string> } | undefined;
      if (!res.ok) {
        const reason = body?.errors ? Object.values(body.errors)[0] : undefined;
        this.#fail(res.status, entry.id, res.status === 401 ? undefined : reason);
        return;
      }
      this.entries = this.entries.filter((item) => item.id !== entry.id);
      this.message = { kind: 'info', text: decision === 'approve' ? this.#t.approved : this.#t.rejected };
      this.dispatchEvent(
        new CustomEvent<ReviewDecisionDetail>('review-decision', {
          detail: { id: entry.id, decision, response: body },
          bubbles: true,
          composed: true,
        }),
      );
    } catch {
      this.#fail(0, entry.id);
    } finally {
      const busy = new Set(this.busy);
      busy.delete(entry.id);
      this.busy = busy;
    }
  }

  #item(entry: ReviewEntry): TemplateResult {
    const t = this.#t;
    const { contribution: c } = entry;
    const who = [c.contributor.role, c.contributor.experience].filter(Boolean).join(', ');
    const target = c.kind === 'new' ? t.newPersona : `${entry.persona_name ?? c.pid ?? ''} (${c.pid ?? ''}) · ${c.field ?? ''}`;
    const headingId = `h-${entry.id}`;
    const busy = this.busy.has(entry.id);
    return html`<li part="item" aria-labelledby=${headingId}>
      <p part="meta">
        <strong id=${headingId}>${t.kinds[c.kind]}: ${target}</strong><br />
        ${who ? html`${who} · ` : nothing}<time datetime=${entry.received_at}>${new Date(entry.received_at).toLocaleString()}</time>
      </p>
      <div class="compare">
        ${c.kind === 'new'
          ? nothing
          : html`<div>
              <h3>${t.current}</h3>
              <pre part="current">${show(entry.current)}</pre>
            </div>`}
        <div>
          <h3>${t.proposed}</h3>
          <pre part="proposed">${c.kind === 'confirm' ? (c.text ? `${t.confirms}\n${c.text}` : t.confirms) : show(c.text)}</pre>
        </div>
      </div>
      <div class="actions">
        <button part="button approve-button" ?disabled=${busy} aria-describedby=${headingId} @click=${() => void this.#decide(entry, 'approve')}>
          ${t.approve}
        </button>
        <button part="button reject-button" ?disabled=${busy} aria-describedby=${headingId} @click=${() => void this.#decide(entry, 'reject')}>
          ${t.reject}
        </button>
      </div>
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.#t;
    return html`<section part="base" aria-labelledby="heading" aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>
      <h2 part="heading" id="heading">${t.heading}</h2>
      <p part="status" role="status" aria-live="polite" data-kind=${this.message?.kind ?? 'info'}>
        ${this.phase === 'loading' ? t.loading : this.message?.text ?? (this.phase === 'ready' && this.entries.length === 0 ? t.empty : '')}
      </p>
      ${this.entries.length ? html`<ol>${this.entries.map((entry) => this.#item(entry))}</ol>` : nothing}
    </section>`;
  }
}
