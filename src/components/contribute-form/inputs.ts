/**
 * The inputs of `<contribute-form>`: their names and order, the body they make,
 * and their error messages in the form's own strings.
 */
import {
  CONTRIBUTION_KINDS,
  MAX_CONTRIBUTION_LENGTH,
  MAX_CONTRIBUTOR_LENGTH,
  MAX_PAGE_URL_LENGTH,
  PERSONA_FIELDS,
  validateContribution,
  type Contribution,
  type ContributionErrors,
  type ContributionKind,
  type PersonaField,
} from '../../data/contribution.js';
import type { Persona } from '../../data/types.js';
import type { FormatNumber, PersonaStrings } from '../../i18n/strings.js';
import type { DraftValues } from './contribute-draft.js';

export type InputName = keyof DraftValues;

/** Inputs in the order they appear, which is the order errors are listed and focused in. */
export const INPUT_ORDER: readonly InputName[] = ['kind', 'pid', 'field', 'text', 'role', 'experience', 'email'];

export const isKind = (value: unknown): value is ContributionKind =>
  (CONTRIBUTION_KINDS as readonly unknown[]).includes(value);
export const isField = (value: unknown): value is PersonaField =>
  (PERSONA_FIELDS as readonly unknown[]).includes(value);

/** The inputs on screen for a kind: a new persona has no persona or field to pick. */
export function visibleInputs(kind: ContributionKind): readonly InputName[] {
  return kind === 'new' ? INPUT_ORDER.filter((name) => name !== 'pid' && name !== 'field') : INPUT_ORDER;
}

/**
 * The page the form is on, without query and fragment: those often carry
 * personal data (search terms, tokens, email addresses) that has no place in
 * a contribution. Only http(s) pages are reported.
 */
export function pageUrl(): string | undefined {
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

/** The body as the inputs say; `pid` and `field` are left out for a new persona. */
export function contributionInput(v: DraftValues, website: string, submittedAt: string): Record<string, unknown> {
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

/** The contract's messages for the inputs, in the form's strings (each input has one problem it can have). */
export function localErrors(
  errors: ContributionErrors,
  values: DraftValues,
  strings: PersonaStrings,
  num: FormatNumber,
): ContributionErrors {
  const s = strings.form.invalid;
  const out = { ...errors };
  const messages: Partial<Record<string, string>> = {
    kind: s.kind,
    pid: s.pid,
    field: s.field,
    text: values.text.trim().length > MAX_CONTRIBUTION_LENGTH ? s.textLong(MAX_CONTRIBUTION_LENGTH, num) : s.textEmpty,
    role: s.role(MAX_CONTRIBUTOR_LENGTH, num),
    experience: s.experience(MAX_CONTRIBUTOR_LENGTH, num),
    email: s.email,
  };
  for (const name of Object.keys(out)) out[name] = messages[name] ?? out[name]!;
  return out;
}

/**
 * The server's field errors as the form's own messages: one per input on screen the
 * server named; everything else it said (other names, `_`, the text of each message)
 * is dropped, since it could carry a link or an instruction.
 */
export function serverErrors(
  errors: Readonly<ContributionErrors>,
  values: DraftValues,
  strings: PersonaStrings,
  num: FormatNumber,
): ContributionErrors {
  const visible = visibleInputs(values.kind);
  const named = Object.keys(errors).filter((name): name is InputName => visible.includes(name as InputName));
  const own = localErrors(Object.fromEntries(named.map((name) => [name, ''])), values, strings, num);
  const text = values.text.trim();
  // Text the form accepts but the server refused: neither "empty" nor "too long" is true.
  if (own['text'] !== undefined && text && text.length <= MAX_CONTRIBUTION_LENGTH) {
    own['text'] = strings.form.invalid.textRejected;
  }
  return own;
}

/** A typed name or differently-cased id becomes the persona's pid. */
export function resolvePid(personas: readonly Persona[], typed: string): string {
  const value = typed.trim();
  if (!value) return typed;
  const lower = value.toLowerCase();
  const match =
    personas.find((persona) => persona.pid === value) ??
    personas.find((persona) => persona.pid.toLowerCase() === lower) ??
    personas.find((persona) => persona.name.trim().toLowerCase() === lower);
  return match ? match.pid : typed;
}

/**
 * The messages to show after `changed` was edited: a fixed input loses its message, one
 * still wrong gets its current message; never a message that was not shown before.
 */
export function revalidated(
  shown: ContributionErrors,
  now: ContributionErrors,
  changed: InputName,
  kind: ContributionKind,
): ContributionErrors {
  const next: ContributionErrors = {};
  for (const name of Object.keys(shown) as InputName[]) {
    if (name !== changed && changed !== 'kind') next[name] = shown[name]!;
    else if (now[name] && visibleInputs(kind).includes(name)) next[name] = now[name]!;
  }
  return next;
}

/** Errors split into those of inputs on screen and the rest (listed in the summary only). */
export function splitErrors(errors: ContributionErrors, kind: ContributionKind) {
  const fields: ContributionErrors = {};
  const general: string[] = [];
  for (const [name, message] of Object.entries(errors)) {
    if (visibleInputs(kind).includes(name as InputName)) fields[name] = message;
    else general.push(message);
  }
  return { fields, general };
}

/** Focuses an input (for the kinds, the checked radio). */
export function focusInput(root: ParentNode, name: InputName, options?: FocusOptions): void {
  const target =
    name === 'kind'
      ? (root.querySelector<HTMLElement>('input[name="kind"]:checked') ?? root.querySelector<HTMLElement>('input[name="kind"]'))
      : root.querySelector<HTMLElement>(`[name="${name}"]`);
  target?.focus(options);
}

/** Whether focus is inside `host`, or nowhere (it was on a button that went away). */
export function focusIsIn(host: HTMLElement): boolean {
  const active = document.activeElement;
  return Boolean(host.shadowRoot?.activeElement) || !active || active === document.body || active === host;
}

/**
 * Checks the inputs as the server will: the contract's rules in the form's words, and
 * (`known`, once the whole collection is loaded) that the persona exists.
 */
export function validateInputs(
  values: DraftValues,
  website: string,
  submittedAt: string,
  strings: PersonaStrings,
  num: FormatNumber,
  known?: (pid: string) => Persona | undefined,
): { contribution?: Contribution; errors: ContributionErrors; input: unknown } {
  const input = contributionInput(values, website, submittedAt);
  const checked = validateContribution(input);
  const errors: ContributionErrors = checked.ok ? {} : localErrors(checked.errors, values, strings, num);
  const pid = values.pid.trim();
  if (values.kind !== 'new' && !errors['pid'] && pid && known && !known(pid)) {
    errors['pid'] = strings.form.unknownPid(pid);
  }
  if (Object.keys(errors).length || !checked.ok) return { errors, input };
  return { contribution: checked.contribution, errors, input };
}
