/**
 * Drafts of `<contribute-form>` in localStorage, so nothing typed is lost to a
 * reload, a crash or a closed tab. Every storage call is guarded: storage can
 * be disabled (privacy modes, sandboxed iframes throw on access), full
 * (quota) or hold junk from another version; then drafts are simply not kept.
 *
 * Shared computers: the email address is personal, so it is never written
 * (`writeDraft` leaves it out, `readDraft` ignores one an older version
 * stored and scrubs it); drafts expire after `DRAFT_MAX_AGE_MS` (7 days).
 */
import { CONTRIBUTION_KINDS, PERSONA_FIELDS, type ContributionKind, type PersonaField } from '../../data/contribution.js';

/** What the user typed, one string per input (the honeypot and the email are never stored). */
export interface DraftValues {
  kind: ContributionKind;
  pid: string;
  field: PersonaField | '';
  text: string;
  role: string;
  experience: string;
  email: string;
}

/** Inputs that are personal data: kept in memory only, never written to storage. */
export const PERSONAL_INPUTS = ['email'] as const;

/** A send that did not complete: retries of the same content reuse its key and time. */
export interface DraftAttempt {
  /** The Idempotency-Key sent. */
  key: string;
  /** The content the key belongs to, without personal inputs (see the form's `fingerprint`). */
  fingerprint: string;
  /** `submitted_at` of the first try, so a retry sends the very same body. */
  submittedAt: string;
}

export interface StoredDraft {
  /** As stored: personal inputs (the email) are always empty. */
  values: DraftValues;
  /** ISO time of the last save. */
  savedAt: string;
  attempt?: DraftAttempt;
}

const PREFIX = 'persona-widgets:contribute-draft:v1:';
/** Drafts older than this (7 days) are dropped: a shared computer should not keep them for long. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** The storage key: one draft per action URL and preset persona. */
export function draftKey(action: string | undefined, personaId: string | undefined): string {
  return `${PREFIX}${action ?? ''}#${personaId?.trim() ?? ''}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

function parseValues(value: unknown): DraftValues | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const strings = ['pid', 'text', 'role', 'experience'] as const;
  if (!strings.every((key) => isString(v[key]))) return undefined;
  if (!(CONTRIBUTION_KINDS as readonly unknown[]).includes(v['kind'])) return undefined;
  const field = v['field'];
  if (field !== '' && !(PERSONA_FIELDS as readonly unknown[]).includes(field)) return undefined;
  return {
    kind: v['kind'] as ContributionKind,
    pid: v['pid'] as string,
    field: field as PersonaField | '',
    text: v['text'] as string,
    role: v['role'] as string,
    experience: v['experience'] as string,
    email: '',
  };
}

/** The values without personal inputs: what may be written to storage. */
function storable(values: DraftValues): Omit<DraftValues, (typeof PERSONAL_INPUTS)[number]> {
  const { email: _email, ...rest } = values;
  return rest;
}

function parseAttempt(value: unknown): DraftAttempt | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, fingerprint, submittedAt } = value as Record<string, unknown>;
  if (!isString(key) || !key || !isString(fingerprint) || !isString(submittedAt)) return undefined;
  return { key, fingerprint, submittedAt };
}

/** The saved draft, or undefined when there is none, it is unreadable, or too old. */
export function readDraft(key: string, now = Date.now()): StoredDraft | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const data = JSON.parse(raw) as Record<string, unknown>;
    const values = parseValues(data['values']);
    const savedAt = data['savedAt'];
    if (!values || !isString(savedAt)) return undefined;
    const saved = Date.parse(savedAt);
    if (Number.isNaN(saved) || now - saved > DRAFT_MAX_AGE_MS) {
      removeDraft(key);
      return undefined;
    }
    const attempt = parseAttempt(data['attempt']);
    const draft = { values, savedAt, ...(attempt ? { attempt } : {}) };
    // An older version stored the email: rewrite the draft without it.
    const stored = data['values'] as Record<string, unknown>;
    if (PERSONAL_INPUTS.some((name) => Object.hasOwn(stored, name))) writeDraft(key, draft);
    return draft;
  } catch {
    return undefined;
  }
}

/** Saves the draft; false when storage refused (disabled, full). */
export function writeDraft(key: string, draft: StoredDraft): boolean {
  try {
    const store = storage();
    if (!store) return false;
    const { values, savedAt, attempt } = draft;
    // Only known keys, and never the email: a shared computer must not show it to the next person.
    const record = { values: storable(values), savedAt, ...(attempt ? { attempt: parseAttempt(attempt) } : {}) };
    store.setItem(key, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the draft; never throws. */
export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Storage unavailable: there is nothing to remove.
  }
}
