/** Personas out of the widget: Markdown for docs, JSON for tools. */
import { appNameFromId } from './parse.js';
import type { Persona, PersonaListItem } from './types.js';
import { defaultStrings, type PersonaStrings } from '../i18n/strings.js';

/** The labels a Markdown export uses: the fields' headings and the profile's rows. */
export type MarkdownLabels = Pick<PersonaStrings, 'fields' | 'profile'>;

/** The app's display name: `app`, else a readable form of `app_id`. */
export function appLabel(persona: Persona): string | undefined {
  return persona.app ?? (persona.app_id ? appNameFromId(persona.app_id) : undefined);
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

/**
 * The persona as a Markdown document (every field present, in reading order),
 * with English headings or the given `labels` (an element's strings). Safe to
 * paste into CommonMark, GFM, MDX (Docusaurus, Astro) and VitePress pages:
 * nothing in the data becomes markup, HTML, a link or code (see `md`).
 */
export function personaToMarkdown(persona: Persona, labels: MarkdownLabels = defaultStrings): string {
  return markdownOf(persona, labels, '#');
}

/** {@link personaToMarkdown} with its headings at a level: `#` or deeper. */
function markdownOf(persona: Persona, labels: MarkdownLabels, level: string): string {
  const { fields, profile } = labels;
  const out: string[] = [`${level} ${md(persona.name)}`, ''];
  const facts = [appLabel(persona), persona.pid].filter(Boolean).map((fact) => md(fact!));
  out.push(`*${facts.join(' · ')}*`, '', md(persona.identity), '');
  if (persona.aha_moment) out.push(`> **${md(fields.aha_moment)}:** ${md(persona.aha_moment)}`, '');

  const section = (title: string, lines: string[]) => {
    if (lines.length) out.push(`${level}# ${md(title)}`, '', ...lines, '');
  };
  const p = persona.profile;
  if (p) {
    section(
      fields.profile,
      (['role', 'experience', 'team_size', 'technical_skill'] as const)
        .filter((key) => p[key])
        .map((key) => `- **${md(profile[key])}:** ${md(p[key]!)}`),
    );
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
  // A plain link (an autolink `<…>` is not MDX); nothing but http(s).
  const source = persona.url && mdLink(persona.url);
  if (source) out.push(`Source: ${source}`, '');
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
