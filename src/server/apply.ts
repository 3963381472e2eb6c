/**
 * What approving a contribution does to a persona, as pure functions:
 *
 * - `confirm`: `validation_count` + 1;
 * - `correct`: the field replaced (a list by the items of the text, one per line);
 * - `extend`: text appended to a text field, items appended to a list;
 * - `new`: a persona built from the text (first line the name, the rest the
 *   identity) with the next pid.
 *
 * `correct`, `extend` and `new` bump `version` and set `updated_at`. A
 * moderator may send the value to store instead (`value`); it is checked
 * against the field's wire schema, like everything derived from text.
 */
import * as z from 'zod/mini';
import type { Contribution, PersonaField } from '../data/contribution.js';
import { PERSONA_FIELD_MODEL, personaWireSchema } from '../data/schema.js';

/** A persona as stored: the wire form, served as-is. */
export type PersonaRecord = Record<string, unknown>;

export type Applied =
  | { ok: true; persona: PersonaRecord; field: string | null; before: unknown; after: unknown }
  | { ok: false; errors: Record<string, string> };

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^\s*[-*•]\s+/, '').trim())
    .filter(Boolean);

/** `3` → 4, `"1.2"` → `"1.3"`, `"v2"` → `"v3"`, missing → 2 (the imported version was 1). */
export function bumpVersion(version: unknown): string | number {
  if (typeof version === 'number' && Number.isFinite(version)) return Math.floor(version) + 1;
  if (typeof version === 'string') {
    const match = /^(.*?)(\d+)(\D*)$/.exec(version.trim());
    if (match) return `${match[1]}${Number(match[2]) + 1}${match[3]}`;
  }
  return 2;
}

/** The value a correct/extend contribution's text stands for, in the field's wire form. */
function valueFromText(field: PersonaField, kind: 'correct' | 'extend', text: string, current: unknown): unknown {
  const fieldKind = PERSONA_FIELD_MODEL[field].kind;
  switch (fieldKind) {
    case 'text':
      return kind === 'extend' && typeof current === 'string' && current.trim() ? `${current.trim()}\n\n${text}` : text;
    case 'list': {
      const items = lines(text);
      return kind === 'extend' && Array.isArray(current) ? [...current, ...items] : items;
    }
    case 'tags': {
      const tags = text.split(/[,\n]/).map((tag) => tag.trim()).filter(Boolean);
      return kind === 'extend' && Array.isArray(current) ? [...new Set([...current, ...tags])] : tags;
    }
    case 'count':
      return /^\d{1,9}$/.test(text) ? Number(text) : text;
    case 'url':
    case 'date':
    case 'version':
      return text;
    default: {
      // profile, workflow, tools, metrics: structured; the text must be JSON of that shape.
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return undefined;
      }
      if (kind === 'extend' && Array.isArray(current)) return [...current, ...(Array.isArray(parsed) ? parsed : [parsed])];
      return parsed;
    }
  }
}

/** `APP-012` beside `APP-003` → `APP-013`; no numbered pid yet → `P-001`. */
export function nextPid(pids: readonly string[]): string {
  let best: { prefix: string; n: number; width: number } | undefined;
  for (const pid of pids) {
    const match = /^(.*?)(\d+)$/.exec(pid);
    if (!match) continue;
    const n = Number(match[2]);
    if (!best || n > best.n) best = { prefix: match[1]!, n, width: match[2]!.length };
  }
  const taken = new Set(pids);
  const { prefix, width } = best ?? { prefix: 'P-', width: 3 };
  for (let n = (best?.n ?? 0) + 1; ; n++) {
    const pid = `${prefix}${String(n).padStart(width, '0')}`;
    if (!taken.has(pid)) return pid;
  }
}

/** The persona a `new` contribution proposes: first line the name, the rest the identity. */
function proposedPersona(text: string): PersonaRecord {
  const [first = '', ...rest] = text.split('\n');
  const name = first.trim().slice(0, 200);
  const identity = rest.join('\n').trim() || name;
  return { name, identity };
}

/**
 * Applies an approved contribution. `persona` is the current record (undefined
 * for `new`); `pids` every pid in use (for `new`); `value`, when given,
 * replaces what the text would give; `now` is the ISO time of the approval.
 */
export function applyContribution(
  contribution: Contribution,
  persona: PersonaRecord | undefined,
  options: { value?: unknown; now: string; pids: readonly string[] },
): Applied {
  const { now } = options;
  if (contribution.kind === 'new') {
    const proposed = options.value === undefined ? proposedPersona(contribution.text) : options.value;
    if (typeof proposed !== 'object' || proposed === null || Array.isArray(proposed)) {
      return { ok: false, errors: { value: 'Send the new persona as an object with name and identity.' } };
    }
    const pid = nextPid(options.pids);
    const created: PersonaRecord = {
      ...(proposed as PersonaRecord),
      pid,
      version: 1,
      updated_at: now,
      validation_count: 0,
    };
    const checked = personaWireSchema.safeParse(created);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return { ok: false, errors: { value: `The new persona is not valid: ${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}.` } };
    }
    return { ok: true, persona: created, field: null, before: null, after: created };
  }

  if (!persona) return { ok: false, errors: { pid: `Persona ${contribution.pid} does not exist (any more).` } };
  const { field } = contribution;

  if (contribution.kind === 'confirm') {
    const before = typeof persona['validation_count'] === 'number' ? persona['validation_count'] : 0;
    const after = before + 1;
    return { ok: true, persona: { ...persona, validation_count: after }, field: 'validation_count', before, after };
  }

  const before = persona[field];
  const after = options.value !== undefined ? options.value : valueFromText(field, contribution.kind, contribution.text, before);
  const spec = PERSONA_FIELD_MODEL[field];
  const checked = after === undefined ? undefined : z.safeParse(spec.wire, after);
  if (!checked?.success) {
    return {
      ok: false,
      errors: {
        value: `"${field}" cannot take this as it is; approve with a value (JSON) of the field's shape.`,
      },
    };
  }
  const next: PersonaRecord = { ...persona, [field]: after };
  if (field !== 'version') next['version'] = bumpVersion(persona['version']);
  if (field !== 'updated_at') next['updated_at'] = now;
  return { ok: true, persona: next, field, before: before ?? null, after };
}
