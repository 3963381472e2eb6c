/**
 * YAML persona files, persona-library style: one persona per file (a mapping
 * with name, pid, app, identity, goals, …), a list of personas, several
 * `---` documents, or a mapping with a `personas` list. Keys are matched to
 * contract fields case- and punctuation-insensitively ("Aha moment",
 * "success signals"); unknown keys are reported with their line.
 */
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type Pair } from 'yaml';
import { CliError } from './io.js';
import {
  COUNT_FIELDS,
  ITEM_LIST_FIELDS,
  fieldForLabel,
  orderFields,
  snippet,
  splitCommas,
  unknownNestedKeys,
  type ImportResult,
  type ImportedPersona,
  type Unmapped,
} from './fields.js';

export function importYaml(text: string, file: string): ImportResult {
  if (!text.trim()) throw new CliError(`${file}: the file is empty`);
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  if (!Array.isArray(documents)) throw new CliError(`${file}: the file holds no YAML document`);
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const line = lineAt(error.pos[0]);
      throw new CliError(`${file}${line ? `:${line}` : ''}: invalid YAML: ${error.message.split('\n')[0]}`);
    }
  }

  const personas: ImportedPersona[] = [];
  const unmapped: Unmapped[] = [];

  const readPersona = (node: unknown) => {
    const start = lineAt((node as YamlNode).range?.[0]);
    if (!isMap(node)) {
      throw new CliError(`${file}${start ? `:${start}` : ''}: expected a persona (a mapping with name, identity, …), found ${isSeq(node) ? 'a list' : 'a single value'}`);
    }
    const record: Record<string, unknown> = {};
    const profile: Record<string, unknown> = {};
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : '';
      const line = lineAt(keyNode?.range?.[0]);
      const field = fieldForLabel(key);
      let value = (pair.value as YamlNode | null)?.toJSON() as unknown;
      if (value === null || value === undefined || value === '') continue;
      if (!field) {
        unmapped.push({ file, ...(line ? { line } : {}), text: snippet(`${key}: ${JSON.stringify(value)}`), reason: `unknown key "${key}"` });
        continue;
      }
      if (field.startsWith('profile.')) {
        profile[field.slice('profile.'.length)] = value;
        continue;
      }
      // A single text where the contract has a list is a one-item list; tags may be comma-separated.
      if (field === 'tags' && typeof value === 'string') value = splitCommas(value);
      else if ((ITEM_LIST_FIELDS.has(field) || field === 'tags') && !Array.isArray(value)) value = [value];
      else if (COUNT_FIELDS.has(field) && typeof value === 'string' && /^\d+$/.test(value.trim())) value = Number(value);
      else if (value instanceof Date) value = value.toISOString();
      if (field === 'profile' && typeof value === 'object' && !Array.isArray(value)) Object.assign(profile, value);
      else record[field] = value;
      for (const path of unknownNestedKeys(field, value)) {
        unmapped.push({ file, ...(line ? { line } : {}), text: snippet(path), reason: `unknown key "${path.split('.').at(-1)}" inside "${field}"` });
      }
    }
    if (Object.keys(profile).length) {
      record.profile = profile;
      for (const path of unknownNestedKeys('profile', profile)) {
        unmapped.push({ file, ...(start ? { line: start } : {}), text: snippet(path), reason: 'unknown key inside "profile"' });
      }
    }
    personas.push({ record: orderFields(record), file, ...(start ? { line: start } : {}) });
  };

  for (const document of documents) {
    const contents = document.contents;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) continue;
    if (isSeq(contents)) contents.items.forEach(readPersona);
    else if (isMap(contents) && contents.has('personas') && isSeq(contents.get('personas', true))) {
      const list = contents.get('personas', true) as unknown as { items: unknown[] };
      list.items.forEach(readPersona);
      for (const pair of contents.items as Pair<unknown, unknown>[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (key !== 'personas') {
          const line = lineAt((pair.key as YamlNode | null)?.range?.[0]);
          unmapped.push({ file, ...(line ? { line } : {}), text: snippet(key), reason: 'key beside "personas", not persona data' });
        }
      }
    } else readPersona(contents);
  }
  if (!personas.length) throw new CliError(`${file}: the file holds no personas`);
  return { personas, unmapped };
}
