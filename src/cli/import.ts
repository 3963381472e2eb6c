/**
 * `persona-widgets import <file…> [--out personas.json] [--app NAME] [--prefix ID] [--strict] [--format md|yaml|csv]`:
 * reads Markdown, YAML and CSV persona sources and writes one endpoint collection.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { appIdFromName } from '../data/parse.js';
import { CliError, parseJson, readTextFile, toJson, writeFileAtomic } from './io.js';
import { formatUnmapped, orderFields, type ImportResult, type ImportedPersona, type Unmapped } from './fields.js';
import { importMarkdown } from './markdown.js';
import { importYaml } from './yaml.js';
import { importCsv } from './csv.js';
import { checkPage, formatProblem } from './validate.js';

type Json = Record<string, unknown>;

export interface ImportOptions {
  files: string[];
  /** Existing collection to merge into (by pid); absent: a new collection. */
  existing?: string;
  app?: string;
  prefix?: string;
  /** Read every file as this format (`md`, `yaml` or `csv`), whatever its extension. */
  format?: string;
}

export interface ImportOutcome {
  /** The collection to write: a bare array, or the existing file's `{ personas, … }` shape. */
  collection: unknown[] | Json;
  /** The imported records, pids assigned, in source order. */
  imported: Json[];
  added: number;
  updated: number;
  unmapped: Unmapped[];
  /** Problems the elements' parser finds in records this import did not touch. */
  warnings: string[];
}

const IMPORTERS: Record<string, (text: string, file: string) => ImportResult> = {
  '.md': importMarkdown,
  '.markdown': importMarkdown,
  '.yaml': importYaml,
  '.yml': importYaml,
  '.csv': importCsv,
};

const at = (persona: ImportedPersona) => `${persona.file}${persona.line ? `:${persona.line}` : ''}`;

/** `GLUE` + 7 → `GLUE-007`. */
export const pidFor = (prefix: string, n: number) => `${prefix}${/[-_]$/.test(prefix) ? '' : '-'}${String(n).padStart(3, '0')}`;

/**
 * pids: the source's own, else `prefix` + the number the source gives the persona
 * ("### 3. …"), else the lowest free number, in source order: the same input
 * always gets the same pids.
 */
function assignPids(personas: ImportedPersona[], prefix: string): void {
  const owner = new Map<string, ImportedPersona>();
  for (const persona of personas) {
    const pid = typeof persona.record.pid === 'string' ? persona.record.pid.trim() : persona.record.pid;
    if (pid === undefined || pid === '') continue;
    if (typeof pid !== 'string') throw new CliError(`${at(persona)}: pid must be text, got ${JSON.stringify(pid)}`);
    const first = owner.get(pid);
    if (first) throw new CliError(`${at(persona)}: duplicate pid "${pid}", already used at ${at(first)}`);
    owner.set(pid, persona);
    persona.record.pid = pid;
  }
  const unassigned = personas.filter((p) => typeof p.record.pid !== 'string' || !p.record.pid);
  const later: ImportedPersona[] = [];
  for (const persona of unassigned) {
    const pid = persona.number !== undefined ? pidFor(prefix, persona.number) : undefined;
    if (pid && !owner.has(pid)) {
      owner.set(pid, persona);
      persona.record.pid = pid;
    } else later.push(persona);
  }
  let n = 1;
  for (const persona of later) {
    while (owner.has(pidFor(prefix, n))) n += 1;
    const pid = pidFor(prefix, n);
    owner.set(pid, persona);
    persona.record.pid = pid;
  }
  for (const persona of personas) persona.record = orderFields(persona.record);
}

export function importPersonas(options: ImportOptions): ImportOutcome {
  if (!options.files.length) throw new CliError('import: name at least one file (.md, .yaml, .yml or .csv)');
  const personas: ImportedPersona[] = [];
  const unmapped: Unmapped[] = [];
  for (const file of options.files) {
    const importer = IMPORTERS[options.format ? `.${options.format.toLowerCase()}` : extname(file).toLowerCase()];
    if (options.format && !importer) throw new CliError(`--format ${options.format}: use md, yaml or csv`);
    if (!importer) {
      throw new CliError(`${file}: unknown file type "${extname(file) || '(none)'}"; import reads .md, .yaml, .yml and .csv (or name the format with --format md|yaml|csv)`);
    }
    const result = importer(readTextFile(file), file);
    personas.push(...result.personas);
    unmapped.push(...result.unmapped);
  }

  const prefix = options.prefix?.trim() || (options.app ? appIdFromName(options.app).toUpperCase() : '') || 'P';
  if (options.app) {
    for (const { record } of personas) {
      if (record.app === undefined) record.app = options.app;
      if (record.app_id === undefined && typeof record.app === 'string') record.app_id = appIdFromName(record.app);
    }
  }
  assignPids(personas, prefix);
  const imported = personas.map((p) => p.record);

  // Merge into the existing collection by pid: imported fields replace, counts stay, nothing else is dropped.
  let shape: Json | undefined;
  let records: unknown[] = [];
  if (options.existing && existsSync(options.existing)) {
    const body = parseJson(readTextFile(options.existing), options.existing);
    if (Array.isArray(body)) records = [...body];
    else if (body && typeof body === 'object' && Array.isArray((body as Json).personas)) {
      shape = body as Json;
      records = [...((body as Json).personas as unknown[])];
    } else throw new CliError(`${options.existing}: not a persona collection (expected [ … ] or { "personas": [ … ] }); not overwritten`);
  }
  const position = new Map<string, number>();
  records.forEach((record, index) => {
    const pid = (record as Json | null)?.pid;
    if (typeof pid === 'string' && !position.has(pid)) position.set(pid, index);
  });
  let added = 0;
  let updated = 0;
  for (const record of imported) {
    const index = position.get(record.pid as string);
    if (index === undefined) {
      records.push(record);
      added += 1;
      continue;
    }
    const old = records[index] as Json;
    const merged: Json = { ...old, ...record };
    for (const key of ['comment_count', 'validation_count']) if (old[key] !== undefined) merged[key] = old[key];
    records[index] = orderFields(merged);
    updated += 1;
  }

  // Run the elements' parser on the result: an imported record it would skip or thin is an error.
  const importedPids = new Map(personas.map((p) => [p.record.pid as string, p]));
  const check = checkPage(records, undefined, 1, new Map());
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const problem of check.problems) {
    const source = importedPids.get(problem.pid);
    if (source) errors.push(`${at(source)}: ${formatProblem(problem, 1)}`);
    else warnings.push(`${options.existing ?? 'collection'}: ${formatProblem(problem, 1)}`);
  }
  if (errors.length) {
    throw new CliError(`${errors.length} imported persona problem(s); nothing written:\n  ${errors.join('\n  ')}`);
  }
  const collection = shape
    ? { ...shape, personas: records, ...(typeof shape.total === 'number' && !shape.next ? { total: records.length } : {}) }
    : records;
  return { collection, imported, added, updated, unmapped, warnings };
}

export interface ImportCommandOptions extends ImportOptions {
  out: string;
  strict: boolean;
}

export function importCommand(options: ImportCommandOptions): number {
  const toStdout = options.out === '-';
  const outcome = importPersonas({ ...options, existing: toStdout ? undefined : options.out });
  for (const note of outcome.unmapped) console.error(`${options.strict ? 'error' : 'warning'}: ${formatUnmapped(note)}`);
  for (const warning of outcome.warnings) console.error(`warning: ${warning}`);
  if (options.strict && outcome.unmapped.length) {
    throw new CliError(`--strict: ${outcome.unmapped.length} piece(s) of source text map to no field (listed above); nothing written`);
  }
  const count = Array.isArray(outcome.collection) ? outcome.collection.length : (outcome.collection.personas as unknown[]).length;
  if (toStdout) process.stdout.write(toJson(outcome.collection));
  else writeFileAtomic(options.out, toJson(outcome.collection));
  const files = options.files.length === 1 ? '1 file' : `${options.files.length} files`;
  const line =
    `imported ${outcome.imported.length} persona(s) from ${files} (${outcome.added} new, ${outcome.updated} updated): ` +
    `${outcome.imported.map((r) => r.pid).join(', ')}\n` +
    `wrote ${count} persona(s) to ${toStdout ? 'stdout' : options.out}` +
    (outcome.unmapped.length ? `; ${outcome.unmapped.length} piece(s) of source text not mapped (listed above)` : '');
  (toStdout ? console.error : console.log)(line);
  return 0;
}
