/**
 * Personas out of the widget, as pure functions: Markdown for docs, plain
 * text for a field's current value, JSON and CSV for tools. Sections follow
 * the field model (schema.ts); headings come from the caller's labels (an
 * element's strings, or `defaultStrings` for English).
 */
import { appLabel } from './parse.js';
import { PROFILE_ROWS, SECTION_KEYS, PERSONA_FIELD_MODEL, type FieldKind } from './schema.js';
import type { PersonaField } from './contribution.js';
import type { Persona, PersonaListItem } from './types.js';

/** The words an export needs: each field's heading and the profile's row labels (`defaultStrings` has them). */
export interface ExportLabels {
  fields: Record<PersonaField, string>;
  profile: Record<(typeof PROFILE_ROWS)[number], string>;
}

/** Every line break a parser or a JavaScript source may see: CR, LF, VT, FF, NEL, LS, PS. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

/**
 * Data as inert inline Markdown: one line, nothing that CommonMark, GFM, MDX
 * (`{…}` expressions, `<…>` JSX, `import`/`export` lines) or VitePress (the
 * rendered HTML is compiled as a Vue template, so `{{` must never reach it)
 * would read as markup or code. Escapes only what could start something, so
 * ordinary prose stays readable:
 *
 * - line breaks (also `\r`, NEL, U+2028/9) become a space;
 * - `\`, backticks, `*`, `~`, `|`, `[`, `]`, `<`, `{`, `}` get a backslash;
 *   `_` too unless inside a word (`snake_case` cannot emphasise);
 *   `&` when it would start a character reference (`&lt;`, `&#123;`);
 * - two braces in a row get a word joiner (U+2060) between them: escapes and
 *   entities are decoded before the HTML is written, so `{{` would reach Vue;
 * - at the start: `#`, `>`, `+`, `-`, `=`, `1.`/`1)` (block markers), and
 *   `import`/`export` (MDX ESM) as a character reference for the first letter;
 *   at the end: a closing `#` sequence of a heading;
 * - nothing left (text of only line breaks) becomes a zero-width space.
 */
export function md(text: string): string {
  return text
    // A run of white space with a line break in it becomes one space (a callback: linear on long runs).
    .replace(/[\s\u0085]+/g, (space) => (LINE_BREAK.test(space) ? ' ' : space))
    .trim()
    .replace(/\{(?=\{)/g, '{\u2060')
    .replace(/\}(?=\})/g, '}\u2060')
    .replace(/[\\`*~|[\]<{}]|&(?=#?[a-z0-9]+;)/gi, '\\$&')
    .replace(/_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_/gu, '\\_')
    .replace(/^(?:[#>+=-]|(\d+)(?=[.)]))/, (marker, digits?: string) => (digits ? `${digits}\\` : `\\${marker}`))
    .replace(/^(?:import|export)\b/, (keyword) => `&#${keyword.charCodeAt(0)};${keyword.slice(1)}`)
    .replace(/(\s)(#+)$/, '$1\\$2') || '\u200b'; // never empty: `- ****` would be a rule
}

/**
 * An http(s) URL as a Markdown link `[url](url)`, or undefined for anything
 * else. Characters a URI may not hold (`{`, `}`, `|`, `^`, backtick, `\`) are
 * percent-encoded; the destination escapes what Markdown reads there
 * (parentheses, the `&` of a character reference); the text is {@link md}.
 */
export function mdLink(url: string): string | undefined {
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    href = parsed.href;
  } catch {
    return undefined;
  }
  href = href.replace(/[^\x21-\x7e]|[{}|^`\\<>"]/g, (char) => encodeURIComponent(char));
  return `[${md(href)}](${href.replace(/[()]|&(?=#?[a-z0-9]+;)/gi, '\\$&')})`;
}

function mdItem(item: PersonaListItem): string {
  let line = `- **${md(item.title)}**`;
  if (item.detail) line += `: ${md(item.detail)}`;
  if (item.quote) line += `\n  > “${md(item.quote)}”`;
  return line;
}

type SectionWriter = (persona: Persona, key: (typeof SECTION_KEYS)[number], labels: ExportLabels) => string[];

/** The Markdown lines of a section's body, by the field's kind. */
const MARKDOWN: Partial<Record<FieldKind, SectionWriter>> = {
  text: (persona, key) => {
    const text = persona[key as 'jtbd'];
    return text ? [md(text)] : [];
  },
  list: (persona, key) => (persona[key as 'goals'] ?? []).map(mdItem),
  profile: ({ profile }, _key, labels) =>
    profile ? PROFILE_ROWS.filter((row) => profile[row]).map((row) => `- **${md(labels.profile[row])}:** ${md(profile[row]!)}`) : [],
  workflow: ({ workflow }) =>
    (workflow ?? []).map(
      (step) =>
        `- **${md(step.when)}**${step.activities.map((activity) => `\n  - ${md(activity)}`).join('')}` +
        (step.steps ?? []).map((item, i) => `\n  ${i + 1}. ${md(item)}`).join(''),
    ),
  tools: ({ tools }) =>
    (tools ?? []).map((tool) => {
      const facts = [tool.frequency, tool.duration].filter(Boolean).map((fact) => md(fact!));
      const lists = [...tool.use_cases, ...tool.features].map((entry) => `\n  - ${md(entry)}`).join('');
      return `- **${md(tool.name)}**${facts.length ? ` (${facts.join(', ')})` : ''}${lists}`;
    }),
  metrics: ({ metrics }) =>
    (metrics ?? []).map((metric) => `- ${md(metric.name)}${metric.target ? `: ${md(metric.target)}` : ''}`),
};

/**
 * The persona as a Markdown document (every field present, in reading order),
 * headed by the given labels (an element's strings, or `defaultStrings`). Safe
 * to paste into CommonMark, GFM, MDX (Docusaurus, Astro) and VitePress pages:
 * nothing in the data becomes markup, HTML, a link or code (see `md`).
 */
export function personaToMarkdown(persona: Persona, labels: ExportLabels): string {
  return markdownOf(persona, labels, '#');
}

/** {@link personaToMarkdown} with its headings at a level: `#` or deeper. */
function markdownOf(persona: Persona, labels: ExportLabels, level: string): string {
  const out: string[] = [`${level} ${md(persona.name)}`, ''];
  const facts = [appLabel(persona), persona.pid].filter(Boolean).map((fact) => md(fact!));
  out.push(`*${facts.join(' · ')}*`, '', md(persona.identity), '');
  if (persona.aha_moment) out.push(`> **${md(labels.fields.aha_moment)}:** ${md(persona.aha_moment)}`, '');
  for (const key of SECTION_KEYS) {
    const lines = MARKDOWN[PERSONA_FIELD_MODEL[key].kind]?.(persona, key, labels) ?? [];
    if (lines.length) out.push(`${level}# ${md(labels.fields[key])}`, '', ...lines, '');
  }
  // A plain link (an autolink `<…>` is not MDX); nothing but http(s).
  const source = persona.url && mdLink(persona.url);
  if (source) out.push(`Source: ${source}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * One field of a persona as plain text, for the form's read-only "current
 * value": list entries as `• ` lines, profile rows as `Label: value`.
 * Undefined when the persona has no such field.
 */
export function fieldToText(persona: Persona, key: PersonaField, labels: ExportLabels): string | undefined {
  const value = persona[key];
  if (value === undefined) return undefined;
  const bullets = (lines: string[]) => (lines.length ? lines.map((line) => `• ${line}`).join('\n') : undefined);
  switch (PERSONA_FIELD_MODEL[key].kind) {
    case 'profile': {
      const profile = persona.profile!;
      const rows = PROFILE_ROWS.filter((row) => profile[row]).map((row) => `${labels.profile[row]}: ${profile[row]}`);
      return rows.join('\n') || undefined;
    }
    case 'list':
      return bullets(
        (value as PersonaListItem[]).map(
          (item) => `${item.title}${item.detail ? `: ${item.detail}` : ''}${item.quote ? `\n  “${item.quote}”` : ''}`,
        ),
      );
    case 'workflow':
      return bullets(
        persona.workflow!.map((step) => {
          const doing = [...step.activities, ...(step.steps ?? [])];
          return doing.length ? `${step.when}: ${doing.join('; ')}` : step.when;
        }),
      );
    case 'tools':
      return bullets(
        persona.tools!.map((tool) => {
          const facts = [tool.frequency, tool.duration].filter(Boolean).join(', ');
          return facts ? `${tool.name} (${facts})` : tool.name;
        }),
      );
    case 'metrics':
      return bullets(persona.metrics!.map((metric) => (metric.target ? `${metric.name}: ${metric.target}` : metric.name)));
    case 'tags':
      return persona.tags!.length ? persona.tags!.join(', ') : undefined;
    default:
      return String(value);
  }
}

/** The persona as pretty-printed JSON, in the endpoint's own format. */
export function personaToJson(persona: Persona): string {
  return `${JSON.stringify(persona, null, 2)}\n`;
}

/** Several personas as a JSON array, in the endpoint's own format. */
export function personasToJson(personas: readonly Persona[]): string {
  return `${JSON.stringify(personas, null, 2)}\n`;
}

/** Several personas as one Markdown document: a title, then each persona one heading level down. */
export function personasToMarkdown(
  personas: readonly Persona[],
  labels: ExportLabels,
  title = 'Personas',
): string {
  const body = personas.map((persona) => markdownOf(persona, labels, '##'));
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
  ['url', (p) => csvUrl(p.url)],
];

/**
 * A formula character (OWASP: `=`, `+`, `-`, `@`, also in full-width, small
 * and super/subscript forms, and the minus sign) at the start of the cell or
 * after `;`, tab or a line break, where a reader may start a cell (`;` is the
 * separator in many locales, and splits even a quoted cell there), behind
 * anything a reader may skip: whitespace, control and format characters (NUL,
 * zero-width, BOM, bidi marks) and quotes.
 */
const FORMULA =
  /(^|[;\t\r\n])((?:(?![\t\r\n])[\s\p{Cc}\p{Cf}\p{Z}"])*)(?=[=+\-@\u2212\u207a-\u207c\u208a-\u208c\ufe62\ufe63\ufe66\ufe6b\uff0b\uff0d\uff1d\uff20])/gu;

/**
 * One CSV cell (RFC 4180), always quoted, quotes doubled. Text that a
 * spreadsheet would run as a formula gets a `'` right before the formula
 * character, so it stays text however the reader trims or splits the cell:
 * see {@link FORMULA}. Text beginning with a tab or CR gets one in front too.
 * Numbers are written as they are.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '""';
  let text = String(value);
  if (typeof value === 'string') {
    text = text.replace(FORMULA, "$1$2'");
    if (/^[\t\r]/.test(text)) text = `'${text}`;
  }
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A URL for a CSV cell: a `;` followed by a formula character is
 * percent-encoded (a `'` would change the address).
 */
function csvUrl(url: string | undefined): string | undefined {
  return url?.replace(/;(?=[=+\-@])/g, '%3B');
}

/** Several personas as CSV (RFC 4180: CRLF line ends, a header row, every cell quoted), the summary fields only. */
export function personasToCsv(personas: readonly Persona[]): string {
  const rows = [CSV_COLUMNS.map(([name]) => csvCell(name))];
  for (const persona of personas) rows.push(CSV_COLUMNS.map(([, read]) => csvCell(read(persona))));
  return `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}
