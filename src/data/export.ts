/** Personas out of the widget: Markdown for docs, JSON for tools. */
import { appNameFromId } from './parse.js';
import type { Persona, PersonaListItem } from './types.js';
import { defaultStrings, type PersonaStrings } from '../i18n/strings.js';

/** English headings of the fields (the strings table's `fields`). */
export const FIELD_LABELS = defaultStrings.fields;

/** The labels a Markdown export uses: the fields' headings and the profile's rows. */
export type MarkdownLabels = Pick<PersonaStrings, 'fields' | 'profile'>;

/** The app's display name: `app`, else a readable form of `app_id`. */
export function appLabel(persona: Persona): string | undefined {
  return persona.app ?? (persona.app_id ? appNameFromId(persona.app_id) : undefined);
}

// Markdown control characters in data must not turn into markup in someone's docs.
function md(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^([#>+-]|\d+\.)/, '\\$1');
}

function mdItem(item: PersonaListItem): string {
  let line = `- **${md(item.title)}**`;
  if (item.detail) line += `: ${md(item.detail)}`;
  if (item.quote) line += `\n  > “${md(item.quote)}”`;
  return line;
}

/**
 * The persona as a Markdown document (every field present, in reading order),
 * with English headings or the given `labels` (an element's strings).
 */
export function personaToMarkdown(persona: Persona, labels: MarkdownLabels = defaultStrings): string {
  const { fields, profile } = labels;
  const out: string[] = [`# ${md(persona.name)}`, ''];
  const facts = [appLabel(persona), persona.pid].filter(Boolean).map((fact) => md(fact!));
  out.push(`*${facts.join(' · ')}*`, '', md(persona.identity), '');
  if (persona.aha_moment) out.push(`> **${fields.aha_moment}:** ${md(persona.aha_moment)}`, '');

  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push(`## ${title}`, '', ...lines, '');
  };
  const p = persona.profile;
  if (p) {
    section(fields.profile, [
      ...(p.role ? [`- **${profile.role}:** ${md(p.role)}`] : []),
      ...(p.experience ? [`- **${profile.experience}:** ${md(p.experience)}`] : []),
      ...(p.team_size ? [`- **${profile.team_size}:** ${md(p.team_size)}`] : []),
      ...(p.technical_skill ? [`- **${profile.technical_skill}:** ${md(p.technical_skill)}`] : []),
    ]);
  }
  for (const key of ['jtbd', 'intention', 'outcome', 'scenario', 'context'] as const) {
    const text = persona[key];
    if (text) section(fields[key], [md(text)]);
  }
  for (const key of ['goals', 'frustrations', 'worldview', 'impact', 'success_signals', 'churn_triggers'] as const) {
    section(fields[key], (persona[key] ?? []).map(mdItem));
  }
  section(
    fields.workflow,
    (persona.workflow ?? []).map(
      (step) => `- **${md(step.when)}**${step.activities.map((activity) => `\n  - ${md(activity)}`).join('')}`,
    ),
  );
  section(
    fields.tools,
    (persona.tools ?? []).map((tool) => {
      const facts = [tool.frequency, tool.duration].filter(Boolean).map((fact) => md(fact!));
      const lists = [...tool.use_cases, ...tool.features].map((entry) => `\n  - ${md(entry)}`).join('');
      return `- **${md(tool.name)}**${facts.length ? ` (${facts.join(', ')})` : ''}${lists}`;
    }),
  );
  section(
    fields.metrics,
    (persona.metrics ?? []).map((metric) => `- ${md(metric.name)}${metric.target ? `: ${md(metric.target)}` : ''}`),
  );
  section(fields.principles, (persona.principles ?? []).map(mdItem));
  if (persona.composability) section(fields.composability, [md(persona.composability)]);
  if (persona.url) out.push(`Source: <${persona.url}>`, '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** The persona as pretty-printed JSON, in the endpoint's own format. */
export function personaToJson(persona: Persona): string {
  return `${JSON.stringify(persona, null, 2)}\n`;
}

/** Saves text as a file through a temporary object URL (works under a strict CSP). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name made only of safe characters. */
export function safeFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'persona';
}

/** Several personas as a JSON array, in the endpoint's own format. */
export function personasToJson(personas: readonly Persona[]): string {
  return `${JSON.stringify(personas, null, 2)}\n`;
}

/** Several personas as one Markdown document: a title, then each persona one heading level down. */
export function personasToMarkdown(
  personas: readonly Persona[],
  title = 'Personas',
  labels: MarkdownLabels = defaultStrings,
): string {
  const body = personas.map((persona) => personaToMarkdown(persona, labels).replace(/^#/gm, '##'));
  return `# ${md(title)}\n\n${body.join('\n')}`;
}

/** The columns of {@link personasToCsv}: a heading and how to read the cell. */
export const CSV_COLUMNS: readonly [string, (persona: Persona) => string | number | undefined][] = [
  ['pid', (p) => p.pid],
  ['name', (p) => p.name],
  ['app', (p) => appLabel(p)],
  ['app_id', (p) => p.app_id],
  ['category', (p) => p.category],
  ['tags', (p) => p.tags?.join('; ')],
  ['identity', (p) => p.identity],
  ['aha_moment', (p) => p.aha_moment],
  ['comment_count', (p) => p.comment_count],
  ['validation_count', (p) => p.validation_count],
  ['updated_at', (p) => p.updated_at],
  ['url', (p) => p.url],
];

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line
 * break, quotes doubled. Text that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading
 * `'` so it stays text.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Several personas as CSV (RFC 4180: CRLF line ends, a header row), the summary fields only. */
export function personasToCsv(personas: readonly Persona[]): string {
  const rows = [CSV_COLUMNS.map(([name]) => name)];
  for (const persona of personas) rows.push(CSV_COLUMNS.map(([, read]) => csvCell(read(persona))));
  return `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}
