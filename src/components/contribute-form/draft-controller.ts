/**
 * The draft of a `<contribute-form>` as a reactive controller: which draft the form
 * edits (one per action URL and preset persona), the debounced save, the save on
 * `pagehide` / hidden tab / disconnect, restore and discard, and the key of the
 * current send. Storage itself, the 7-day expiry and the "never the email" rule
 * are contribute-draft.ts's.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Contribution } from '../../data/contribution.js';
import { readDraft, removeDraft, writeDraft, type DraftAttempt, type DraftValues, type StoredDraft } from './contribute-draft.js';

/** Where the draft is: `off` when `no-draft-storage` is set and nothing is stored. */
export type DraftState = 'none' | 'saved' | 'unavailable' | 'off';

/** The form whose draft the controller keeps. */
export interface DraftHost extends ReactiveControllerHost {
  readonly noDraftStorage: boolean;
}

/** What the controller reads from its form's inputs. */
export interface DraftInputs {
  /** What the inputs hold now. */
  values(): DraftValues;
  /** Whether the inputs hold nothing but the presets. */
  pristine(): boolean;
}

/** Milliseconds of quiet typing before the draft is saved. */
export const DRAFT_SAVE_DELAY = 400;

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, and wikis are not always served over https. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What identifies a draft's content: everything but the time, the page and the
 * email. It is stored with the draft, so it must not hold the email either;
 * the controller compares the email of a retry in memory.
 */
export function fingerprint(contribution: Contribution): string {
  const { email: _email, ...contributor } = contribution.contributor;
  return JSON.stringify({ ...contribution, contributor, submitted_at: undefined, page_url: undefined });
}

export class DraftController implements ReactiveController {
  /** Shown by the form ("Draft saved", "not saved in this browser"). */
  state: DraftState = 'none';
  /** The storage key of the draft being edited; undefined before the first update. */
  key?: string;
  /** The user (or a restored draft) changed something since the presets were applied. */
  touched = false;
  /** Key and time of the current draft's sends; kept for retries of the same content. */
  attempt?: DraftAttempt;
  /** The email the attempt was sent with: in memory only (undefined for an attempt restored from storage). */
  #attemptEmail?: string;
  #timer?: ReturnType<typeof setTimeout>;
  #host: DraftHost;
  #inputs: DraftInputs;
  #onPageHide = () => this.flush();
  #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  constructor(host: DraftHost, inputs: DraftInputs) {
    this.#host = host;
    this.#inputs = inputs;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.flush();
  }

  /**
   * Switches to the draft stored under `key` (the current one is saved first) and
   * returns it, or undefined when there is none or `no-draft-storage` is set.
   * With `restore` false only the key changes (a send is in progress).
   */
  open(key: string, restore: boolean): StoredDraft | undefined {
    this.flush();
    this.key = key;
    if (!restore) return undefined;
    const draft = this.#host.noDraftStorage ? undefined : readDraft(key);
    this.#attemptEmail = undefined;
    this.attempt = draft?.attempt;
    this.touched = Boolean(draft);
    this.#set(draft ? 'saved' : 'none');
    return draft;
  }

  /** Saves after a pause in typing. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.save(), DRAFT_SAVE_DELAY);
  }

  /** Saves now if a save is waiting. */
  flush(): void {
    if (this.#timer === undefined) return;
    this.save();
  }

  /** Saves now (or removes the draft when the form is back to its presets). */
  save(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const key = this.key;
    if (this.#host.noDraftStorage) {
      // Nothing is written; what was typed stays in memory for this page only.
      this.#set('off');
      return;
    }
    if (!key || !this.touched) return;
    if (this.#inputs.pristine() && !this.attempt) {
      removeDraft(key);
      this.#set('none');
      return;
    }
    const saved = writeDraft(key, {
      values: this.#inputs.values(),
      savedAt: new Date().toISOString(),
      ...(this.attempt ? { attempt: this.attempt } : {}),
    });
    this.#set(saved ? 'saved' : 'unavailable');
  }

  /** Forgets the draft: nothing waiting, nothing stored, no attempt. */
  discard(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.key) removeDraft(this.key);
    this.attempt = undefined;
    this.#attemptEmail = undefined;
    this.touched = false;
    this.#set('none');
  }

  /**
   * The attempt for sending `contribution`: the last one again when the content (and the
   * email) are the same, so the server can recognise a retry; else a new key and time.
   */
  attemptFor(contribution: Contribution, now: string): DraftAttempt {
    const print = fingerprint(contribution);
    const email = contribution.contributor.email ?? '';
    // The email is not in the (stored) fingerprint: a changed email is compared in memory. An
    // attempt restored after a reload has no email on record; it takes the one sent now.
    if (this.attempt?.fingerprint !== print || (this.#attemptEmail !== undefined && this.#attemptEmail !== email)) {
      this.attempt = { key: uuid(), fingerprint: print, submittedAt: now };
    }
    this.#attemptEmail = email;
    return this.attempt;
  }

  #set(state: DraftState): void {
    if (state === this.state) return;
    this.state = state;
    this.#host.requestUpdate();
  }
}
