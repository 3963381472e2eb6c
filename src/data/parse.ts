/**
 * The trust boundary: turns whatever an endpoint sent into clean personas.
 *
 * - A response that is not one of the two contract shapes is an error.
 * - A record missing a required field is skipped with a reason; the rest render.
 * - An optional field that fails its schema is dropped; the persona stays.
 * - Only known keys are copied into fresh objects, so keys like `__proto__`
 *   in the payload cannot reach any prototype.
 */
import {
  MAX_LIST_ITEMS,
  MAX_TEXT_LENGTH,
  PERSONA_FIELD_MODEL,
  PERSONA_KEYS,
  PROFILE_ROWS,
  itemSchemaOf,
  type FieldKind,
  type PersonaKey,
} from './schema.js';
import { PersonaError } from './errors.js';
import { isRecord, own, type JsonObject as Json } from './json.js';
import { safeUrl } from './url.js';
import type {
  Persona,
  PersonaListItem,
  PersonaMetric,
  PersonaPage,
  PersonaProfile,
  PersonaTool,
  PersonaWorkflowStep,
  SkippedRecord,
} from './types.js';

const DASHES = '-‐‑‒–—―';
const isSpace = (char: string) => char.trim() === '';

/**
 * "—", "-", "What are they trying to do? —": a template prompt nobody filled
 * in. Scanned by hand rather than with a regex: WebKit runs the equivalent
 * `u`-flag pattern in time quadratic in the text's length.
 */
function isPlaceholder(text: string): boolean {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1]!)) end -= 1;
  const dashesEnd = end;
  while (end > 0 && DASHES.includes(text[end - 1]!)) end -= 1;
  if (end === dashesEnd) return false; // no dashes at the end
  while (end > 0 && isSpace(text[end - 1]!)) end -= 1;
  if (end === 0) return true; // only dashes
  // Otherwise a question (one "?", at its end) before the dashes.
  return text[end - 1] === '?' && text.indexOf('?') === end - 1;
}

/** Caps the length first, then trims, drops empties and unfilled template prompts. */
export function cleanText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') return undefined;
  // Cap before any other work, so a megabyte of text costs no more than the cap.
  const capped = value.length > MAX_TEXT_LENGTH + 64 ? value.slice(0, MAX_TEXT_LENGTH + 64) : value;
  const text = capped.trim();
  if (!text || isPlaceholder(text)) return undefined;
  return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH)}…` : text;
}

/** `Notion AI` → `notion-ai`, `Fly.io` → `flyio`. */
export function appIdFromName(app: string): string {
  return app
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_/]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `notion-ai` → `Notion Ai`: a readable stand-in when the endpoint gives no `app`. */
export function appNameFromId(appId: string): string {
  return appId
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** The app's display name: `app`, else a readable form of `app_id`. */
export function appLabel(persona: Persona): string | undefined {
  return persona.app ?? (persona.app_id ? appNameFromId(persona.app_id) : undefined);
}

function textList(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const out: string[] = [];
  for (const value of values.slice(0, MAX_LIST_ITEMS)) {
    const text = cleanText(value);
    if (text) out.push(text);
  }
  return out;
}

function listItem(value: unknown): PersonaListItem | undefined {
  if (!isRecord(value)) {
    const title = cleanText(value);
    return title ? { title } : undefined;
  }
  const title = cleanText(own(value, 'title'));
  if (!title) return undefined;
  const item: PersonaListItem = { title };
  const detail = cleanText(own(value, 'detail'));
  const quote = cleanText(own(value, 'quote'));
  if (detail) item.detail = detail;
  if (quote) item.quote = quote;
  return item;
}

/** Maps a list, keeping only the items that survive cleaning. */
function cleanList<T>(values: unknown, clean: (value: unknown) => T | undefined): T[] {
  const out: T[] = [];
  if (!Array.isArray(values)) return out;
  for (const value of values.slice(0, MAX_LIST_ITEMS)) {
    const item = clean(value);
    if (item !== undefined) out.push(item);
  }
  return out;
}

function profile(value: unknown): PersonaProfile | undefined {
  if (!isRecord(value)) return undefined;
  const out: PersonaProfile = {};
  for (const key of PROFILE_ROWS) {
    const text = cleanText(own(value, key));
    if (text) out[key] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

function workflowStep(value: unknown): PersonaWorkflowStep | undefined {
  if (!isRecord(value)) return undefined;
  const when = cleanText(own(value, 'when'));
  if (!when) return undefined;
  const steps = textList(own(value, 'steps'));
  return { when, activities: textList(own(value, 'activities')), ...(steps.length ? { steps } : {}) };
}

function tool(value: unknown): PersonaTool | undefined {
  if (!isRecord(value)) return undefined;
  const name = cleanText(own(value, 'name'));
  if (!name) return undefined;
  const out: PersonaTool = {
    name,
    use_cases: textList(own(value, 'use_cases')),
    features: textList(own(value, 'features')),
  };
  const frequency = cleanText(own(value, 'frequency'));
  const duration = cleanText(own(value, 'duration'));
  if (frequency) out.frequency = frequency;
  if (duration) out.duration = duration;
  return out;
}

function metric(value: unknown): PersonaMetric | undefined {
  if (!isRecord(value)) return undefined;
  const name = cleanText(own(value, 'name'));
  if (!name) return undefined;
  const target = cleanText(own(value, 'target'));
  return target ? { name, target } : { name };
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

/** How each kind of field is cleaned, once its wire schema accepted the value. */
const CLEANERS: Record<FieldKind, (value: unknown) => unknown> = {
  text: cleanText,
  list: (value) => nonEmpty(cleanList(value, listItem)),
  tags: (value) => nonEmpty(textList(value)),
  profile,
  workflow: (value) => nonEmpty(cleanList(value, workflowStep)),
  tools: (value) => nonEmpty(cleanList(value, tool)),
  metrics: (value) => nonEmpty(cleanList(value, metric)),
  count: (value) => (typeof value === 'number' ? value : undefined),
  url: safeUrl,
  date: (value) => {
    const date = cleanText(value);
    return date && !Number.isNaN(Date.parse(date)) ? date : undefined;
  },
  version: (value) => (typeof value === 'number' && Number.isFinite(value) ? value : cleanText(value)),
};

/** The raw value of one field if its wire schema accepts it (for lists: the accepted items). */
function accepted(raw: Json, key: PersonaKey): unknown {
  let value = own(raw, key);
  if (value === undefined) return undefined;
  const schema = PERSONA_FIELD_MODEL[key].wire;
  const item = itemSchemaOf(key);
  if (item) {
    return Array.isArray(value) ? value.slice(0, MAX_LIST_ITEMS).filter((entry) => item.safeParse(entry).success) : undefined;
  }
  if (typeof value === 'string') value = value.trim();
  return schema.safeParse(value).success ? value : undefined;
}

/**
 * Validates and cleans one record. Returns the persona, or the reason it
 * was skipped.
 */
export function parsePersona(raw: unknown): Persona | { skipped: string } {
  if (!isRecord(raw)) return { skipped: 'not an object' };
  const persona: Record<string, unknown> = {};
  // Each field is checked alone: one bad optional field does not cost the persona.
  for (const key of PERSONA_KEYS) {
    const spec = PERSONA_FIELD_MODEL[key];
    const value = CLEANERS[spec.kind](accepted(raw, key));
    if (value !== undefined) persona[key] = value;
    else if ('required' in spec) return { skipped: `missing or invalid "${key}"` };
  }
  // The product tag: the endpoint's own (normalised), else derived from the app's name.
  const appId = typeof persona['app_id'] === 'string' ? persona['app_id'] : (persona['app'] as string | undefined);
  const derivedId = appId ? appIdFromName(appId) : '';
  if (derivedId) persona['app_id'] = derivedId;
  else delete persona['app_id'];
  return persona as Persona;
}

/** A response body whose shape is checked but whose records are not validated yet. */
export interface RawPage {
  records: readonly unknown[];
  /** Absolute URL of the next page, when the endpoint pages. */
  next?: string;
  /** Total persona count the endpoint reports. */
  total?: number;
}

/**
 * Checks that a response body (already JSON-decoded) is one of the contract's two
 * shapes, without validating its records (see {@link PageParser}).
 * @param baseUrl - the URL the body came from, to resolve a relative `next`.
 * @throws PersonaError of kind `data` when the body is not one of the contract's shapes.
 */
export function readPage(body: unknown, baseUrl?: string): RawPage {
  if (Array.isArray(body)) return { records: body };
  if (isRecord(body) && Array.isArray(own(body, 'personas'))) {
    const page: RawPage = { records: own(body, 'personas') as unknown[] };
    const next = resolveNext(own(body, 'next'), baseUrl);
    const total = own(body, 'total');
    if (next) page.next = next;
    if (Number.isInteger(total) && (total as number) >= 0) page.total = total as number;
    return page;
  }
  throw new PersonaError(
    'data',
    'This endpoint did not return persona data: expected an array of personas or { "personas": [...] }.',
    { url: baseUrl },
  );
}

/** The record's pid as the parser would read it, without validating the rest. */
const rawPid = (record: unknown) => (isRecord(record) ? cleanText(own(record, 'pid')) : undefined);

/**
 * Validates one page's records in order, as far as asked: all at once, or a
 * slice at a time so a large page never blocks the main thread. A persona
 * further down can be validated alone ahead of the rest ({@link lookAhead}),
 * so the one a card shows need not wait for the others.
 */
export class PageParser {
  readonly page: RawPage;
  /** The valid personas of the records validated so far, in order, first of each pid. */
  readonly personas: Persona[] = [];
  readonly skipped: SkippedRecord[] = [];
  #next = 0;
  #seen = new Set<string>();
  /** Records validated ahead of their turn, by index. */
  #ahead = new Map<number, Persona | { skipped: string }>();

  constructor(page: RawPage) {
    this.page = page;
  }

  /** Whether every record has been validated. */
  get done(): boolean {
    return this.#next >= this.page.records.length;
  }

  /** How many records are still to validate. */
  get remaining(): number {
    return this.page.records.length - this.#next;
  }

  /** Validates records until `deadline` (a `performance.now()` time) has passed, and at least `atLeast` of them. */
  parseUntil(deadline: number, atLeast = 1): void {
    const { records } = this.page;
    const least = this.#next + atLeast;
    do {
      if (this.#next >= records.length) return;
      const index = this.#next++;
      const record = records[index];
      const result = this.#ahead.get(index) ?? parsePersona(record);
      this.#ahead.delete(index);
      if ('skipped' in result) {
        const pid = rawPid(record);
        this.skipped.push(pid ? { index, pid, reason: result.skipped } : { index, reason: result.skipped });
      } else if (this.#seen.has(result.pid)) {
        this.skipped.push({ index, pid: result.pid, reason: 'duplicate "pid"' });
      } else {
        this.#seen.add(result.pid);
        this.personas.push(result);
      }
    } while (this.#next < least || performance.now() < deadline);
  }

  /** The page as validated so far, with its `next` and `total`. */
  result(): PersonaPage {
    const { next, total } = this.page;
    const page: PersonaPage = { personas: this.personas, skipped: this.skipped };
    if (next) page.next = next;
    if (total !== undefined) page.total = total;
    return page;
  }

  /**
   * The persona `pid` among the records not validated yet: the first of them with
   * that pid that is valid, exactly what validating in order will yield, unless a
   * record validated already has the pid. Only records within the first `within`
   * not yet validated are looked at.
   */
  lookAhead(pid: string, within = Infinity): Persona | undefined {
    if (this.#seen.has(pid)) return undefined;
    const { records } = this.page;
    const end = Math.min(records.length, this.#next + within);
    for (let index = this.#next; index < end; index++) {
      if (rawPid(records[index]) !== pid) continue;
      let result = this.#ahead.get(index);
      if (!result) this.#ahead.set(index, (result = parsePersona(records[index])));
      if (!('skipped' in result)) return result;
    }
    return undefined;
  }
}

/**
 * Parses a whole response body (already JSON-decoded) at once.
 * @param baseUrl - the URL the body came from, to resolve a relative `next`.
 * @throws PersonaError of kind `data` when the body is not one of the contract's shapes.
 */
export function parseCollection(body: unknown, baseUrl?: string): PersonaPage {
  const parser = new PageParser(readPage(body, baseUrl));
  parser.parseUntil(Infinity);
  return parser.result();
}

function resolveNext(next: unknown, baseUrl: string | undefined): string | undefined {
  if (typeof next !== 'string' || !next.trim()) return undefined;
  try {
    return safeUrl(new URL(next.trim(), baseUrl ?? globalThis.location?.href).href);
  } catch {
    return undefined;
  }
}
