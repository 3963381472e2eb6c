/**
 * `persona-widgets validate <file|url> [--json]`: runs the elements' own parser
 * (`parseCollection` from src/data) on an endpoint's pages and reports every
 * record it skips and every field it drops or cuts, as `pid field: reason`.
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { parseCollection } from '../data/parse.js';
import { MAX_LIST_ITEMS, MAX_TEXT_LENGTH, PERSONA_FIELD_MODEL, PERSONA_KEYS, itemSchemaOf, type PersonaKey } from '../data/schema.js';

// The contract's schemas by role, from the field model: required fields, single values, list items.
type Schemas = Partial<Record<PersonaKey, z.ZodMiniType>>;
const requiredFields: Schemas = {};
const scalarFields: Schemas = {};
const listItemSchemas: Schemas = {};
for (const key of PERSONA_KEYS) {
  const item = itemSchemaOf(key);
  if ('required' in PERSONA_FIELD_MODEL[key]) requiredFields[key] = PERSONA_FIELD_MODEL[key].wire;
  else if (item) listItemSchemas[key] = item;
  else scalarFields[key] = PERSONA_FIELD_MODEL[key].wire;
}
import { safeUrl } from '../data/url.js';
import type { Persona } from '../data/types.js';
import { CliError, EXIT_UNREADABLE, MAX_INPUT_BYTES, parseJson, readTextFile } from './io.js';
import { isContractField, unknownNestedKeys } from './fields.js';

/** Most pages followed through `next`. */
export const MAX_PAGES = 50;

export interface Problem {
  /** The record's pid, `#index` when it has none, or `(collection)`. */
  pid: string;
  field: string;
  reason: string;
  page: number;
  index?: number;
}

export interface Report {
  source: string;
  pages: number;
  records: number;
  /** Records kept with every field they sent. */
  intact: number;
  /** Records kept, but with a field dropped or cut. */
  changed: number;
  skipped: number;
  problems: Problem[];
  ok: boolean;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod's issue, in words: zod/mini says only "Invalid input". */
function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const where = issue.path.length ? `at ${issue.path.join('.')}: ` : '';
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      return `${where}expected ${String(i.expected)}`;
    case 'too_small':
      return `${where}must be at least ${String(i.minimum)}`;
    case 'invalid_format':
      return `${where}invalid ${String(i.format)}`;
    case 'invalid_union':
      return `${where}expected text or { title, detail?, quote? }`;
    default:
      return `${where}${issue.code.replace(/_/g, ' ')}`;
  }
}

const describe = (value: unknown) => (Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : typeof value);

/** Nothing to lose: null, blank text, an empty list or object. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return !value.trim();
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/** Why the parser dropped a field it was sent. */
function whyDropped(key: string, value: unknown): string {
  if (key === 'url' || key === 'image' || key === 'discussion_url') {
    const ok = scalarFields[key]!.safeParse(typeof value === 'string' ? value.trim() : value).success;
    return ok && !safeUrl(value) ? 'unsafe URL (only absolute http(s) URLs are kept)' : typeof value === 'string' ? 'unsafe URL (only absolute http(s) URLs are kept)' : `expected an http(s) URL, got ${describe(value)}`;
  }
  if (key in scalarFields) {
    const schema = scalarFields[key as PersonaKey]!;
    const result = schema.safeParse(typeof value === 'string' ? value.trim() : value);
    if (!result.success) return `dropped: ${issueText(result.error.issues[0])}, got ${describe(value)}`;
    if (key === 'updated_at') return 'dropped: not a date';
    return 'dropped: empty or an unfilled template prompt';
  }
  if (key in listItemSchemas) {
    if (!Array.isArray(value)) return `dropped: expected a list, got ${describe(value)}`;
    const item = listItemSchemas[key as PersonaKey]!;
    const bad = value.findIndex((entry) => !item.safeParse(entry).success);
    if (bad !== -1) return `dropped: no valid item (item ${bad}: ${issueText(item.safeParse(value[bad]).error?.issues[0])})`;
    return 'dropped: every item empty';
  }
  return 'dropped';
}

/** Problems of one kept record: fields sent but dropped, lists thinned, text cut, unknown keys. */
function recordProblems(raw: Json, persona: Persona): { field: string; reason: string }[] {
  const out: { field: string; reason: string }[] = [];
  const parsed = persona as unknown as Json;
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (!isContractField(key)) {
      out.push({ field: key, reason: 'unknown field, ignored' });
      continue;
    }
    if (isEmpty(value)) continue;
    if (key in requiredFields) {
      if (typeof value === 'string' && value.trim().length > MAX_TEXT_LENGTH) out.push({ field: key, reason: `cut to ${MAX_TEXT_LENGTH} characters` });
      continue;
    }
    if (parsed[key] === undefined && key !== 'app_id') {
      if (typeof value === 'string' && key !== 'url' && key !== 'image' && key !== 'discussion_url' && key in scalarFields && scalarFields[key as PersonaKey]!.safeParse(value.trim()).success && key !== 'updated_at') {
        continue; // blank or a template prompt: nothing was lost
      }
      out.push({ field: key, reason: whyDropped(key, value) });
      continue;
    }
    if (key === 'app_id' && parsed.app_id === undefined) {
      out.push({ field: key, reason: whyDropped(key, value) });
      continue;
    }
    if (typeof value === 'string' && value.trim().length > MAX_TEXT_LENGTH) out.push({ field: key, reason: `cut to ${MAX_TEXT_LENGTH} characters` });
    if (Array.isArray(value) && key in listItemSchemas) {
      const item = listItemSchemas[key as PersonaKey]!;
      if (value.length > MAX_LIST_ITEMS) out.push({ field: key, reason: `${value.length - MAX_LIST_ITEMS} items beyond ${MAX_LIST_ITEMS} cut` });
      const bad = value.slice(0, MAX_LIST_ITEMS).map((entry, index) => ({ entry, index })).filter(({ entry }) => !item.safeParse(entry).success);
      if (bad.length) {
        out.push({ field: key, reason: `${bad.length} of ${value.length} items dropped (item ${bad[0]!.index}: ${issueText(item.safeParse(bad[0]!.entry).error?.issues[0])})` });
      }
    }
    for (const path of unknownNestedKeys(key, value)) out.push({ field: path, reason: 'unknown field, ignored' });
  }
  return out;
}

/** Why a skipped record was skipped, with the field it concerns. */
function skipProblem(raw: unknown, reason: string): { field: string; reason: string } {
  const field = reason.match(/"(\w+)"/)?.[1];
  if (!field || !isRecord(raw)) return { field: 'record', reason: `record skipped: ${reason}` };
  if (reason.startsWith('duplicate')) return { field, reason: 'duplicate pid, record skipped' };
  const value = raw[field];
  const detail =
    value === undefined ? 'missing'
    : field in requiredFields && !requiredFields[field as PersonaKey]!.safeParse(value).success
      ? issueText(requiredFields[field as PersonaKey]!.safeParse(value).error?.issues[0]) + `, got ${describe(value)}`
      : 'empty or an unfilled template prompt';
  return { field, reason: `record skipped: ${detail}` };
}

/** Checks one page body; `seen` carries pids across pages. */
export function checkPage(body: unknown, baseUrl: string | undefined, page: number, seen: Map<string, number>) {
  const parsed = parseCollection(body, baseUrl); // throws PersonaError 'data' for a wrong shape
  const records: unknown[] = Array.isArray(body) ? body : ((body as Json).personas as unknown[]);
  const problems: Problem[] = [];
  const skippedAt = new Map(parsed.skipped.map((s) => [s.index, s]));
  let kept = 0;
  let changed = 0;
  records.forEach((raw, index) => {
    const skip = skippedAt.get(index);
    const label = (pid: string | undefined) => pid ?? `#${index}`;
    if (skip) {
      const { field, reason } = skipProblem(raw, skip.reason);
      problems.push({ pid: label(skip.pid), field, reason, page, index });
      return;
    }
    const persona = parsed.personas[kept++]!;
    const earlier = seen.get(persona.pid);
    if (earlier !== undefined) {
      problems.push({ pid: persona.pid, field: 'pid', reason: `duplicate pid (also on page ${earlier}), the client keeps the first`, page, index });
    } else seen.set(persona.pid, page);
    const own = recordProblems(raw as Json, persona);
    if (own.length) changed += 1;
    for (const problem of own) problems.push({ pid: persona.pid, ...problem, page, index });
  });
  return { parsed, records: records.length, kept, changed, skipped: parsed.skipped.length, problems };
}

/** Reads a URL's body, refusing more than the size cap. */
async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new CliError(`${url}: cannot fetch (${(error as Error).cause ? String((error as Error).cause) : (error as Error).message})`, EXIT_UNREADABLE);
  }
  if (!response.ok) throw new CliError(`${url}: HTTP ${response.status}`, EXIT_UNREADABLE);
  if (Number(response.headers.get('content-length')) > MAX_INPUT_BYTES) {
    throw new CliError(`${url}: the body is over ${MAX_INPUT_BYTES / 1024 / 1024} MB`, EXIT_UNREADABLE);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.byteLength;
    if (size > MAX_INPUT_BYTES) {
      await reader!.cancel();
      throw new CliError(`${url}: the body is over ${MAX_INPUT_BYTES / 1024 / 1024} MB`, EXIT_UNREADABLE);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A page source: an http(s) URL, or a file: URL for local files. */
async function readPage(url: URL): Promise<unknown> {
  if (url.protocol === 'file:') {
    const path = fileURLToPath(url);
    return parseJson(readTextFile(path), path);
  }
  return parseJson(await fetchText(url.href), url.href);
}

const displayOf = (url: URL) => (url.protocol === 'file:' ? fileURLToPath(url) : url.href);

/** Every page of a collection, following `next` (relative links resolve against the page). */
export async function loadAndCheck(source: string): Promise<{ report: Report; records: unknown[] }> {
  const first = /^https?:\/\//i.test(source) ? new URL(source) : pathToFileURL(source);
  const problems: Problem[] = [];
  const records: unknown[] = [];
  const seen = new Map<string, number>();
  const visited = new Set<string>();
  let url: URL | undefined = first;
  let pages = 0;
  let total: number | undefined;
  let counts = { records: 0, intact: 0, changed: 0, skipped: 0 };
  while (url) {
    visited.add(url.href);
    pages += 1;
    const body = await readPage(url);
    let result: ReturnType<typeof checkPage>;
    try {
      result = checkPage(body, url.protocol === 'file:' ? undefined : url.href, pages, seen);
    } catch (error) {
      throw new CliError(`${displayOf(url)}: ${(error as Error).message}`);
    }
    if (pages === 1) total = result.parsed.total;
    records.push(...(Array.isArray(body) ? body : ((body as Json).personas as unknown[])));
    problems.push(...result.problems);
    counts = {
      records: counts.records + result.records,
      intact: counts.intact + result.kept - result.changed,
      changed: counts.changed + result.changed,
      skipped: counts.skipped + result.skipped,
    };
    const rawNext = isRecord(body) ? body.next : undefined;
    let next: URL | undefined;
    if (typeof rawNext === 'string' && rawNext.trim()) {
      if (url.protocol === 'file:') {
        try {
          next = new URL(rawNext.trim(), url);
        } catch {
          next = undefined;
        }
        if (next && !['file:', 'http:', 'https:'].includes(next.protocol)) next = undefined;
      } else next = result.parsed.next ? new URL(result.parsed.next) : undefined;
      if (!next) problems.push({ pid: '(collection)', field: 'next', reason: `"${rawNext}" is not an http(s) URL, not followed`, page: pages });
    } else if (rawNext !== undefined && rawNext !== null && rawNext !== '') {
      problems.push({ pid: '(collection)', field: 'next', reason: `expected a URL, got ${describe(rawNext)}`, page: pages });
    }
    if (next && visited.has(next.href)) {
      problems.push({ pid: '(collection)', field: 'next', reason: `repeats an earlier page (${displayOf(next)}), stopped`, page: pages });
      next = undefined;
    } else if (next && pages >= MAX_PAGES) {
      problems.push({ pid: '(collection)', field: 'next', reason: `stopped after ${MAX_PAGES} pages`, page: pages });
      next = undefined;
    }
    url = next;
  }
  if (total !== undefined && total !== counts.records && !problems.some((p) => p.field === 'next')) {
    problems.push({ pid: '(collection)', field: 'total', reason: `says ${total}, the pages hold ${counts.records} records`, page: 1 });
  }
  const report: Report = { source, pages, ...counts, problems, ok: problems.length === 0 };
  return { report, records };
}

export function formatProblem(problem: Problem, pages: number): string {
  const where = pages > 1 ? ` (page ${problem.page}${problem.index !== undefined ? `, record ${problem.index}` : ''})` : '';
  return `${problem.pid} ${problem.field}: ${problem.reason}${where}`;
}

export function summary(report: Report): string {
  return (
    `${report.records} record(s) on ${report.pages} page(s): ${report.intact} intact, ` +
    `${report.changed} kept with dropped or cut fields, ${report.skipped} skipped; ` +
    `${report.problems.length} problem(s)${report.ok ? '' : ''}`
  );
}

export async function validateCommand(source: string, json: boolean): Promise<number> {
  const { report } = await loadAndCheck(source);
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const problem of report.problems) console.log(formatProblem(problem, report.pages));
    console.log(`${report.ok ? 'ok' : 'FAILED'}: ${summary(report)}`);
  }
  return report.ok ? 0 : 1;
}
