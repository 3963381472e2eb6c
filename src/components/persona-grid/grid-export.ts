/**
 * `<persona-grid>`'s export: the view's personas as a JSON, CSV or Markdown file. Loaded on demand
 * (when the pointer or focus reaches the export buttons), like the card's copy and download.
 */
import { personasToCsv, personasToJson, personasToMarkdown } from '../../data/export.js';
import type { Persona } from '../../data/types.js';
import type { FormatNumber, PersonaStrings } from '../../i18n/strings.js';
import { downloadText, safeFilename } from '../shared/download.js';
import type { ExportFormat } from './grid-types.js';

/** Downloads the personas (named after the query); returns the message that says so. */
export function exportPersonas(
  personas: readonly Persona[],
  format: ExportFormat,
  query: string,
  strings: PersonaStrings,
  num: FormatNumber,
): string {
  const name = `personas${query ? `-${safeFilename(query)}` : ''}`;
  if (format === 'json') downloadText(`${name}.json`, personasToJson(personas), 'application/json');
  // The byte order mark makes spreadsheet apps read the file as UTF-8.
  else if (format === 'csv') downloadText(`${name}.csv`, `\uFEFF${personasToCsv(personas)}`, 'text/csv');
  else downloadText(`${name}.md`, personasToMarkdown(personas, strings, strings.grid.exportTitle), 'text/markdown');
  return strings.grid.exported(personas.length, strings.grid.formats[format], num);
}
