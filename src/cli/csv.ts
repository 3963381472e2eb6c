/**
 * CSV persona tables: a header row naming contract fields (`name`, `identity`,
 * `goals`, `profile.role` or `role`, …; case and punctuation do not matter),
 * then one persona per row. A list field holds one item per line of its cell;
 * tags may also be comma-separated. `metrics` lines read "Name: target",
 * `workflow` lines "When: step; step", `tools` lines "Name: use; use".
 * An unknown column is an error (it would be lost), naming the column.
 */
import { parse } from 'csv-parse/sync';
import { CliError } from './io.js';
import {
  COUNT_FIELDS,
  ITEM_LIST_FIELDS,
  fieldForLabel,
  normalizeLabel,
  orderFields,
  splitCommas,
  type ImportResult,
  type ImportedPersona,
} from './fields.js';

const cellLines = (cell: string) => cell.split('\n').map((line) => line.trim()).filter(Boolean);

/** "Name: rest" → ['Name', 'rest']; no colon → [line, '']. */
function splitLabel(line: string): [string, string] {
  const at = line.indexOf(':');
  return at > 0 ? [line.slice(0, at).trim(), line.slice(at + 1).trim()] : [line.trim(), ''];
}
const splitSteps = (text: string) => text.split(';').map((s) => s.trim()).filter(Boolean);

function columnField(header: string): string | undefined {
  const label = normalizeLabel(header);
  if (label.startsWith('profile ')) {
    const field = fieldForLabel(label.slice('profile '.length));
    return field?.startsWith('profile.') ? field : undefined;
  }
  return fieldForLabel(header);
}

export function importCsv(text: string, file: string): ImportResult {
  if (!text.trim()) throw new CliError(`${file}: the file is empty`);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new CliError(`${file}${line ? `:${line}` : ''}: invalid CSV: ${(error as Error).message.replace(/^Invalid .*?: /, '')}`);
  }
  const [header, ...body] = rows;
  if (!header) throw new CliError(`${file}: the file is empty`);
  const fields = header.record.map((name, column) => {
    const field = columnField(name);
    if (!field) {
      throw new CliError(
        `${file}:1: unknown column "${name}" (column ${column + 1}); columns name contract fields, e.g. pid, name, identity, app, tags, goals, frustrations, profile.role, metrics`,
      );
    }
    return field;
  });
  const duplicate = fields.find((field, index) => fields.indexOf(field) !== index);
  if (duplicate) throw new CliError(`${file}:1: two columns fill "${duplicate}"`);
  if (!body.length) throw new CliError(`${file}: the header row is followed by no personas`);

  const personas: ImportedPersona[] = [];
  let previousEnd = header.info.lines;
  for (const { record: cells, info } of body) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const record: Record<string, unknown> = {};
    const profile: Record<string, string> = {};
    cells.forEach((raw, column) => {
      const cell = raw.trim();
      const field = fields[column]!;
      if (!cell) return;
      if (field.startsWith('profile.')) profile[field.slice('profile.'.length)] = cell;
      else if (COUNT_FIELDS.has(field)) {
        if (!/^\d+$/.test(cell)) throw new CliError(`${file}:${line}: "${header.record[column]}" must be a whole number, got "${cell}"`);
        record[field] = Number(cell);
      } else if (field === 'tags') record.tags = cellLines(cell).flatMap(splitCommas);
      else if (ITEM_LIST_FIELDS.has(field)) record[field] = cellLines(cell);
      else if (field === 'metrics') {
        record.metrics = cellLines(cell).map((l) => {
          const [name, target] = splitLabel(l);
          return target ? { name, target } : { name };
        });
      } else if (field === 'workflow') {
        record.workflow = cellLines(cell).map((l) => {
          const [when, steps] = splitLabel(l);
          return steps ? { when, activities: splitSteps(steps) } : { when };
        });
      } else if (field === 'tools') {
        record.tools = cellLines(cell).map((l) => {
          const [name, uses] = splitLabel(l);
          return uses ? { name, use_cases: splitSteps(uses) } : { name };
        });
      } else if (field === 'profile') throw new CliError(`${file}:1: use profile.role, profile.experience, … columns for the profile`);
      else record[field] = cell;
    });
    if (Object.keys(profile).length) record.profile = profile;
    if (Object.keys(record).length) personas.push({ record: orderFields(record), file, line });
  }
  return { personas, unmapped: [] };
}
