/**
 * The contribution payload contract (public API: keep these names).
 *
 * `<contribute-form>` builds this body and `POST`s it to its `action`; the demo
 * endpoint checks it with the very same {@link validateContribution}, so the
 * browser and the server never disagree about what is valid. Browser-safe: no
 * Node imports.
 */
import * as z from 'zod/mini';
import { isRecord, type JsonObject as Loose } from './json.js';
import { CONTRIBUTABLE_KEYS } from './schema.js';

/** What a contribution does: confirm, correct or extend a persona field, or propose a new persona. */
export const CONTRIBUTION_KINDS = ['confirm', 'correct', 'extend', 'new'] as const;
/** One of {@link CONTRIBUTION_KINDS}. */
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/**
 * Persona fields a contribution can be about: every field of the contract
 * except `pid`, in reading order (from the field model in schema.ts).
 */
export const PERSONA_FIELDS = CONTRIBUTABLE_KEYS;
/** One of {@link PERSONA_FIELDS}. */
export type PersonaField = (typeof PERSONA_FIELDS)[number];

/** Longest contribution text, in characters, after trimming. */
export const MAX_CONTRIBUTION_LENGTH = 5000;
/** Longest contributor role, experience or email, in characters. */
export const MAX_CONTRIBUTOR_LENGTH = 200;
/** Longest persona id accepted. */
export const MAX_PID_LENGTH = 100;
/** Longest `page_url`, in characters. */
export const MAX_PAGE_URL_LENGTH = 2000;
/** Largest request body, in bytes, an endpoint needs to accept (the demo answers 413 beyond it). */
export const MAX_BODY_BYTES = 64 * 1024;

const MESSAGES = {
  body: 'Send the contribution as a JSON object.',
  kind: 'Choose what you want to do: confirm, correct, extend, or propose a new persona.',
  pid: 'Choose the persona this is about.',
  field: 'Choose which part of the persona this is about.',
  textEmpty: 'Write at least one character.',
  textLong: `Keep it to ${MAX_CONTRIBUTION_LENGTH} characters or fewer.`,
  text: 'Write your contribution as text.',
  role: `Keep your role to ${MAX_CONTRIBUTOR_LENGTH} characters or fewer.`,
  experience: `Keep this to ${MAX_CONTRIBUTOR_LENGTH} characters or fewer.`,
  email: 'Enter a valid email address, or leave it empty.',
  contributor: 'Describe the contributor as an object with role, experience and email.',
  submittedAt: 'Give the submission time as an ISO-8601 date and time.',
  pageUrl: `Give the page address as an http(s) URL of at most ${MAX_PAGE_URL_LENGTH} characters.`,
  website: 'Leave this field empty.',
} as const;

/** Optional trimmed text of bounded length; '' counts as "not given" (dropped on output). */
function boundedText(max: number, message: string) {
  return z.optional(z.string(message).check(z.trim(), z.maxLength(max, message)));
}

const contributorSchema = z.object(
  {
    role: boundedText(MAX_CONTRIBUTOR_LENGTH, MESSAGES.role),
    experience: boundedText(MAX_CONTRIBUTOR_LENGTH, MESSAGES.experience),
    email: z.optional(
      z.string(MESSAGES.email).check(
        z.trim(),
        z.maxLength(MAX_CONTRIBUTOR_LENGTH, MESSAGES.email),
        z.refine((value: string) => value === '' || z.regexes.email.test(value), MESSAGES.email),
      ),
    ),
  },
  MESSAGES.contributor,
);


function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/**
 * Rules that depend on `kind`. They run even when other fields failed, so the
 * user sees every missing field at once instead of one per submit.
 */
function kindRequirements(value: Loose, ctx: z.core.$RefinementCtx<Loose>): void {
  const kind = value['kind'];
  if (typeof kind !== 'string' || !(CONTRIBUTION_KINDS as readonly string[]).includes(kind)) return;
  const require = (key: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [key], message, input: value[key] });
  if (kind !== 'new' && isBlank(value['pid'])) require('pid', MESSAGES.pid);
  if (kind !== 'new' && value['field'] === undefined) require('field', MESSAGES.field);
  if (kind !== 'confirm' && (value['text'] === undefined || isBlank(value['text']))) {
    require('text', MESSAGES.textEmpty);
  }
}

/**
 * Zod schema of the `POST` body as sent (before normalisation). `pid` is
 * required unless `kind` is `new`; `field` for confirm/correct/extend; `text`
 * (1 to `MAX_CONTRIBUTION_LENGTH`, 5,000, characters after trimming) unless `kind` is
 * `confirm`. Unknown keys are stripped. Prefer {@link validateContribution},
 * which also maps errors to input names and normalises the result.
 */
export const contributionSchema = z
  .object(
    {
      kind: z.enum(CONTRIBUTION_KINDS, MESSAGES.kind),
      pid: z.optional(
        z.string(MESSAGES.pid).check(z.trim(), z.maxLength(MAX_PID_LENGTH, MESSAGES.pid)),
      ),
      field: z.optional(z.enum(PERSONA_FIELDS, MESSAGES.field)),
      text: z.optional(
        z.string(MESSAGES.text).check(z.trim(), z.maxLength(MAX_CONTRIBUTION_LENGTH, MESSAGES.textLong)),
      ),
      contributor: z.optional(contributorSchema),
      submitted_at: z.iso.datetime({ offset: true, error: MESSAGES.submittedAt }),
      page_url: z.optional(
        z
          .url({ protocol: /^https?$/, error: MESSAGES.pageUrl })
          .check(z.maxLength(MAX_PAGE_URL_LENGTH, MESSAGES.pageUrl)),
      ),
      website: z.optional(z.string(MESSAGES.website)),
    },
    MESSAGES.body,
  )
  .check(
    z.superRefine(kindRequirements, {
      // Run even when other fields failed, but only on an object.
      when: (payload) => isRecord(payload.value),
    }),
  );

/** The body as a client may send it (optional fields may be empty strings; `website` is the honeypot). */
export type ContributionInput = z.input<typeof contributionSchema>;

/** Who contributed; every key is optional and absent when left empty. */
export interface Contributor {
  /** Their relation to the product, e.g. "Data engineer". */
  role?: string;
  /** How long they have used it, e.g. "3 years". */
  experience?: string;
  /** A contact address; personal data, never logged. */
  email?: string;
}

/** What every kind of {@link Contribution} has: its text, who sent it, when and from which page. */
export interface ContributionBase {
  /** Trimmed; for `confirm` it may be absent. */
  text?: string;
  contributor: Contributor;
  /** When the user sent it (ISO-8601 date-time with offset). */
  submitted_at: string;
  /** The page the form was embedded in. */
  page_url?: string;
}

/** A valid, normalised contribution: trimmed strings, empty optionals removed, no honeypot. */
export type Contribution =
  | (ContributionBase & { kind: 'confirm'; pid: string; field: PersonaField })
  | (ContributionBase & { kind: 'correct' | 'extend'; pid: string; field: PersonaField; text: string })
  | (ContributionBase & { kind: 'new'; text: string });

/**
 * Errors keyed by form input name (`kind`, `pid`, `field`, `text`, `role`,
 * `experience`, `email`), one short sentence each. Problems outside the form's
 * inputs use their body key (`submitted_at`, `page_url`, `contributor`,
 * `website`), and `_` means the body as a whole.
 */
export type ContributionErrors = Record<string, string>;

/** Result of {@link validateContribution}. */
export type ContributionValidation =
  | { ok: true; contribution: Contribution }
  | { ok: false; errors: ContributionErrors };

const CONTRIBUTOR_KEYS: readonly PropertyKey[] = ['role', 'experience', 'email'];

/** `['contributor', 'email']` → `email`; `[]` → `_`. */
function errorKey(path: readonly PropertyKey[]): string {
  const [head, sub] = path;
  if (head === undefined) return '_';
  if (head === 'contributor' && sub !== undefined && CONTRIBUTOR_KEYS.includes(sub)) return String(sub);
  return String(head);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

type Parsed = z.output<typeof contributionSchema>;

/** Builds the stored shape: fixed key order, empty optionals dropped, rules of `kind` applied. */
function normalize(data: Parsed): Contribution {
  const contributor: Contributor = {};
  const role = nonEmpty(data.contributor?.role);
  const experience = nonEmpty(data.contributor?.experience);
  const email = nonEmpty(data.contributor?.email);
  if (role) contributor.role = role;
  if (experience) contributor.experience = experience;
  if (email) contributor.email = email;
  const rest = {
    contributor,
    submitted_at: data.submitted_at,
    ...(data.page_url ? { page_url: data.page_url } : {}),
  };
  const text = nonEmpty(data.text);
  // A new persona has no pid or field yet; a preset left over from a card is dropped.
  if (data.kind === 'new') return { kind: 'new', text: text ?? '', ...rest };
  // kindRequirements guarantees pid and field for the other kinds.
  const target = { pid: data.pid ?? '', field: data.field ?? PERSONA_FIELDS[0] };
  if (data.kind === 'confirm') return { kind: 'confirm', ...target, ...(text ? { text } : {}), ...rest };
  return { kind: data.kind, ...target, text: text ?? '', ...rest };
}

/**
 * Checks a contribution body (as built by the form or received by a server).
 * Never throws. On success the contribution is normalised: strings trimmed,
 * empty optional fields removed, `pid`/`field` dropped for `new`, and the
 * honeypot `website` removed (check it first with `isHoneypotFilled`).
 */
export function validateContribution(input: unknown): ContributionValidation {
  const result = contributionSchema.safeParse(input);
  if (result.success) return { ok: true, contribution: normalize(result.data) };
  const errors: ContributionErrors = {};
  for (const issue of result.error.issues) {
    const key = errorKey(issue.path);
    // The first problem per input is the one worth showing.
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/**
 * True when the honeypot input `website` holds anything: a bot filled it. Such a
 * submission should look accepted to the sender but be dropped.
 */
export function isHoneypotFilled(input: unknown): boolean {
  if (!isRecord(input)) return false;
  const website = input['website'];
  if (website === undefined || website === null) return false;
  return typeof website !== 'string' || website.trim() !== '';
}
