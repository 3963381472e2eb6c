/**
 * The exports of community data, read by the real tools they end up in:
 *
 * - Markdown ("Copy as Markdown", the grid's Markdown file) pasted into a docs
 *   site: MDX (@mdx-js/mdx 3: Docusaurus, Astro), markdown-it with HTML on,
 *   whose HTML VitePress then compiles as a Vue template (@vue/compiler-dom).
 *   Data must stay text there: no expression, JSX, ESM, HTML, heading, list,
 *   code or link of its own, and nothing runs when the page is built.
 * - CSV opened in a spreadsheet, with `,` or `;` as the separator: every cell
 *   quoted, and no cell a formula.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compile, createProcessor, evaluate } from '@mdx-js/mdx';
import { NodeTypes, parse as parseVue, type ParentNode as VueParent } from '@vue/compiler-dom';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import * as runtime from 'react/jsx-runtime';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { readFileSync } from 'node:fs';
import { CSV_COLUMNS, personaToMarkdown, personasToCsv, personasToMarkdown } from '../../src/data/export.js';
import { parseCollection, parsePersona } from '../../src/data/parse.js';
import type { Persona } from '../../src/data/types.js';
import { defaultStrings } from '../../src/i18n/index.js';
import { HOSTILE_SENTINEL, hostileStrings as sharedHostileStrings } from '../support/hostile-strings.js';

const SENTINEL = HOSTILE_SENTINEL;
const run = `globalThis.${SENTINEL}=1`;

/** The suite's hostile strings (test/support/hostile-strings.ts), then what docs tools read as code or markup. */
const hostileStrings = [
  ...sharedHostileStrings,
  // MDX expressions, Vue interpolations
  `{${run}}`,
  `a {(() => { ${run} })()} b`,
  `{{ ${run} }}`,
  `{{{x}}}`,
  `x }}{{ y`,
  '{',
  '}',
  '{/* hidden */}',
  `{\u200B{ ${run} }\u200B}`,
  `@{{x}}`,
  `&#123;&#123;${run}&#125;&#125;`,
  `&#x7b;&#x7B;${run}&#x7d;&#x7D;`,
  `&lbrace;&lbrace;${run}&rbrace;&rbrace;`,
  // ESM
  `import x from 'data:text/javascript,${run}'`,
  `export const x = ${run}`,
  'export{}',
  'import\tx from "y"',
  // HTML, JSX, entities
  '<',
  'a < b > c',
  '<!-- a comment',
  '<Foo bar={1} />',
  '<>fragment</>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp; &copy; &#65; R&D',
  '<https://evil.test/auto>',
  'mail <someone@evil.test>',
  // links, images, references
  `[click](javascript:${run})`,
  '![x](https://evil.test/x.png)',
  '[ref]: https://evil.test',
  '[ref]',
  '[^1]: a footnote',
  'javascript:alert(1)',
  // code
  '`code {{x}}`',
  '```js',
  '~~~',
  '    indented code',
  // line breaks that start blocks
  'a\r# heading',
  'a\r\n- item',
  'a\n\n## heading',
  'a\u2028# heading',
  'a\u2029- item',
  'a\u0085> quote',
  'a\v- b\f+ c',
  'line  \nbreak',
  'back\\\nslash',
  // block markers at the start, closing sequences at the end
  '# heading',
  '## heading ##',
  'C #',
  '> quote',
  '- item',
  '+ item',
  '* item',
  '1. one',
  '1) one',
  '--- x',
  '***',
  '___',
  '===',
  '| a | b |',
  '- [ ] task',
  ': definition',
  ':::danger',
  // inline markup
  '**bold** _em_ *em* ~~del~~ ~sub~',
  'snake_case_name and _leading',
  'trailing\\',
  '\\{escaped\\}',
  '\0nul\u0001control',
];

/** URLs for the Source line: some fine, most never a link. */
const hostileUrls = [
  `javascript:${run}`,
  ` javascript:${run}`,
  `JaVaScRiPt:${run}`,
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '//evil.test/x',
  '/relative',
  'https://ok.test/a_b*c~d(e)f[g]h&amp;i{{x}}j<k>l`m\\n|o^p',
  'https://ok.test/?q={{constructor}}&r=1)[x](javascript:alert(1))',
  'https://ok.test/p;=2+3#{x}',
  'http://[::1]:8080/x',
  'https://xn--80ak6aa92e.com/',
];

const STRING_FIELDS = ['name', 'identity', 'app', 'app_id', 'category', 'aha_moment', 'jtbd', 'intention', 'outcome', 'scenario', 'context', 'composability'];

/** A persona with `text` in every field (through the real parser), and `url` as it is. */
function personaOf(text: string, pid: string, url?: string): Persona {
  const record: Record<string, unknown> = { pid };
  for (const field of STRING_FIELDS) record[field] = text;
  record.tags = [text, text];
  for (const list of ['goals', 'frustrations', 'worldview', 'impact', 'success_signals', 'churn_triggers', 'principles']) {
    record[list] = [text, { title: text, detail: text, quote: text }];
  }
  record.profile = { role: text, experience: text, team_size: text, technical_skill: text };
  record.workflow = [{ when: text, activities: [text, text] }];
  record.tools = [{ name: text, frequency: text, duration: text, use_cases: [text], features: [text] }];
  record.metrics = [{ name: text, target: text }, { name: text }];
  const persona = parsePersona(record);
  assert.ok(!('skipped' in persona), `${JSON.stringify(text)} made a persona`);
  // The exporter must refuse a bad URL by itself, whatever the parser let through.
  if (url !== undefined) persona.url = url;
  return persona;
}

/** The same persona with harmless text everywhere: the structure the export must have. */
function plainTwin(persona: Persona): Persona {
  const replace = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key === 'url' ? 'https://plain.test/' : 'plain';
    if (Array.isArray(value)) return value.map((item) => replace(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, k)]));
    }
    return value;
  };
  const twin = replace(persona) as Persona;
  if (persona.url !== undefined && !/^https?:\/\//i.test(persona.url)) delete twin.url;
  return twin;
}

// ---------------------------------------------------------------------------------------------
// MDX

type Mdast = { type: string; depth?: number; url?: string; value?: string; children?: Mdast[] };

const mdxParser = createProcessor();

function mdxTree(markdown: string): Mdast {
  return mdxParser.parse(markdown) as unknown as Mdast;
}

function* walk(node: Mdast): Generator<Mdast> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** The tree's shape: node types (heading depths) in document order, runs of text as one. */
function mdxShape(tree: Mdast): string[] {
  const shape: string[] = [];
  const visit = (node: Mdast) => {
    const type = node.type === 'heading' ? `h${node.depth}` : node.type;
    if (!(type === 'text' && shape.at(-1) === 'text')) shape.push(type);
    for (const child of node.children ?? []) visit(child);
    if (node.children) shape.push(`/${type}`);
  };
  visit(tree);
  return shape;
}

const MDX_CODE = ['mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxjsEsm'];
const NOT_FROM_DATA = [...MDX_CODE, 'html', 'image', 'imageReference', 'linkReference', 'definition', 'code', 'inlineCode', 'footnoteReference', 'footnoteDefinition', 'break', 'thematicBreak', 'table'];

function assertMdxSafe(markdown: string, plain: string) {
  const tree = mdxTree(markdown);
  for (const node of walk(tree)) {
    assert.ok(!NOT_FROM_DATA.includes(node.type), `MDX ${node.type} ${JSON.stringify(node.value ?? '')} in:\n${markdown}`);
    if (node.type === 'link') assert.match(node.url!, /^https?:\/\//, `MDX link to ${node.url}`);
  }
  assert.deepEqual(mdxShape(tree), mdxShape(mdxTree(plain)), `MDX structure differs from plain text for:\n${markdown}`);
}

// ---------------------------------------------------------------------------------------------
// markdown-it, then Vue (VitePress)

const markdownIt = new MarkdownIt({ html: true });
type Token = ReturnType<MarkdownIt['parse']>[number];

function* tokens(list: Token[]): Generator<Token> {
  for (const token of list) {
    yield token;
    if (token.children) yield* tokens(token.children);
  }
}

/** The token stream's shape: every token but text (heading tags kept). */
function mdItShape(markdown: string): string[] {
  return [...tokens(markdownIt.parse(markdown, {}))]
    .filter((token) => token.type !== 'text')
    .map((token) => (token.type.startsWith('heading') ? `${token.type}:${token.tag}` : token.type));
}

const ALLOWED_TAGS = new Set(['h1', 'h2', 'h3', 'p', 'em', 'strong', 'ul', 'li', 'blockquote', 'a']);

function assertVitePressSafe(markdown: string, plain: string) {
  for (const token of tokens(markdownIt.parse(markdown, {}))) {
    assert.ok(!/html|code|fence|image|hr|table|hardbreak|softbreak/.test(token.type), `markdown-it ${token.type} ${JSON.stringify(token.content)}`);
    if (token.type === 'link_open') assert.match(token.attrGet('href')!, /^https?:\/\//);
  }
  assert.deepEqual(mdItShape(markdown), mdItShape(plain), `markdown-it structure differs from plain text for:\n${markdown}`);

  const html = markdownIt.render(markdown);
  assert.ok(!html.includes('{{') && !html.includes('}}'), `a Vue interpolation in the HTML:\n${html}`);
  for (const [, tag, attributes] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
    assert.ok(ALLOWED_TAGS.has(tag!), `<${tag}> in the HTML`);
    if (attributes!.trim()) assert.match(attributes!, /^ href="https?:\/\/[^"]*"$/, `attributes ${attributes}`);
  }
  // VitePress compiles the page's HTML as a Vue template: nothing but static text and elements.
  const visit = (node: VueParent) => {
    for (const child of node.children) {
      assert.ok(child.type !== NodeTypes.INTERPOLATION, `a Vue interpolation in:\n${html}`);
      if (child.type === NodeTypes.ELEMENT) {
        for (const prop of child.props) assert.ok(prop.type !== NodeTypes.DIRECTIVE, `a Vue directive ${prop.name}`);
        visit(child);
      }
    }
  };
  visit(parseVue(html));
}

function assertMarkdownSafe(persona: Persona) {
  const markdown = personaToMarkdown(persona, defaultStrings);
  const plain = personaToMarkdown(plainTwin(persona), defaultStrings);
  assertMdxSafe(markdown, plain);
  assertVitePressSafe(markdown, plain);
}

describe('Markdown export in MDX (Docusaurus, Astro) and markdown-it + Vue (VitePress)', () => {
  test('every field of every hostile string stays plain text: same structure as plain text, no code, HTML or link', () => {
    hostileStrings.forEach((text, i) => assertMarkdownSafe(personaOf(text, `S-${i}`, hostileUrls[i % hostileUrls.length])));
  });

  test('compiles as MDX, and running it runs nothing from the data', async () => {
    for (const [i, text] of hostileStrings.entries()) {
      const markdown = personaToMarkdown(personaOf(text, `S-${i}`), defaultStrings);
      await compile(markdown);
      const { default: Content } = await evaluate(markdown, { ...runtime, baseUrl: import.meta.url });
      const html = renderToStaticMarkup(createElement(Content));
      assert.equal((globalThis as Record<string, unknown>)[SENTINEL], undefined, `ran code: ${JSON.stringify(text)}`);
      assert.ok(!html.includes('<script') && !html.includes('<img'), html);
    }
  });

  test('the grid export (personasToMarkdown) of all of them, under a hostile title', () => {
    const personas = hostileStrings.map((text, i) => personaOf(text, `S-${i}`, hostileUrls[i % hostileUrls.length]));
    const title = '{{title}} {x} <b>';
    assertMdxSafe(personasToMarkdown(personas, defaultStrings, title), personasToMarkdown(personas.map(plainTwin), defaultStrings, 'plain'));
    assertVitePressSafe(personasToMarkdown(personas, defaultStrings, title), personasToMarkdown(personas.map(plainTwin), defaultStrings, 'plain'));
  });

  test('links the source as [url](url), only http(s), with the address intact', () => {
    const link = (url: string) => {
      const markdown = personaToMarkdown({ pid: 'P', name: 'n', identity: 'i', url }, defaultStrings);
      assert.ok(!markdown.includes('<http'), 'no autolink: it is not MDX');
      return [...walk(mdxTree(markdown))].filter((node) => node.type === 'link').map((node) => node.url);
    };
    assert.deepEqual(link('https://ok.test/a_b?c=1&d=2'), ['https://ok.test/a_b?c=1&d=2']);
    assert.deepEqual(link('https://ok.test/a(b)'), ['https://ok.test/a(b)']);
    assert.deepEqual(link('http://[::1]:8080/x'), ['http://[::1]:8080/x']);
    assert.deepEqual(link('https://ok.test/?q={{x}}'), ['https://ok.test/?q=%7B%7Bx%7D%7D']);
    for (const url of hostileUrls.slice(0, 6)) assert.deepEqual(link(url), [], url);
  });

  test('arbitrary text in every field stays plain text (fast-check)', () => {
    const pieces = fc.constantFrom('{', '}', '{{', '}}', '<', '>', '&', '&#123;', '#', '-', '+', '*', '_', '`', '~', '|', '[', ']', '(', ')', '!', '\\', '\r', '\n', '\u2028', '\u2029', '\u0085', '\u200B', '1.', '1)', 'import ', 'export ', ' ', 'a', 'é', '=', ':');
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (value) => {
        const persona = parsePersona({ pid: 'F', name: `n ${value}`, identity: value || 'i', aha_moment: value, goals: [{ title: `t${value}`, quote: value }], workflow: [{ when: `w ${value}`, activities: [value] }] });
        if (!('skipped' in persona)) assertMarkdownSafe(persona);
      }),
      { numRuns: 150 },
    );
  });

  test('reads well: ordinary text is not escaped', () => {
    const [glue] = parseCollection(JSON.parse(readFileSync('demo/data/personas.json', 'utf8')) as unknown).personas.filter((p) => p.pid === 'GLUE-001');
    const markdown = personaToMarkdown(glue!, defaultStrings);
    assert.match(markdown, /^# Account Manager \/ Customer Success Manager \(CSM\)\n/);
    // A time slot with its activity and its numbered steps (the workflow's `steps`).
    assert.ok(markdown.includes('\n- **9:00 AM**\n  - Coffee + Account Health Dashboard review\n  1. Check overnight alerts and notifications\n'), markdown);
    assert.ok(markdown.includes('\n- **Data Fragmentation**\n  > “I spend 2 hours every morning just gathering data from different systems”'), markdown);
    assert.ok(!markdown.includes('\u2060'), 'no word joiner without two braces');
    assert.equal(personaToMarkdown({ pid: 'P', name: 'R&D', identity: 'snake_case, 2-8 years; A -> B!' }, defaultStrings).split('\n')[4], 'snake_case, 2-8 years; A -> B!');
  });

  test('stays linear: 20,000-character runs of spaces, breaks and markup in every field', () => {
    for (const run of [' ', ' \u200B', '\r\n', '{', '_', '#', '&#1;', '\\']) {
      const text = `a${run.repeat(20_000 / run.length)}b`;
      const persona = personaOf(text, 'LONG');
      const start = performance.now();
      personaToMarkdown(persona, defaultStrings);
      personasToCsv([persona]);
      assert.ok(performance.now() - start < 1000, `${JSON.stringify(run)}: ${performance.now() - start} ms`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// CSV

const INVISIBLE = /^[\s\p{Cc}\p{Cf}\p{Z}"]*/u;
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b\u2212]/u;

/** A cell a spreadsheet would run: a formula character once whitespace, invisibles and quotes are skipped. */
function isFormula(cell: string): boolean {
  return FORMULA_START.test(cell.slice(INVISIBLE.exec(cell)![0].length).normalize('NFKC'));
}

function assertCsvSafe(personas: Persona[]) {
  const csv = personasToCsv(personas);
  // Every cell quoted: each line of fields is "…","…",… (cells may span lines).
  const rows = parseCsv(csv, { delimiter: ',' }) as string[][];
  assert.equal(rows.length, personas.length + 1);
  for (const row of rows) {
    assert.equal(row.length, CSV_COLUMNS.length);
    for (const cell of row) assert.ok(!isFormula(cell), `a formula with ",": ${JSON.stringify(cell)}`);
  }
  // Every cell quoted (RFC 4180 with nothing left bare): "…","…"\r\n
  assert.match(csv, /^(?:"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*\r\n)+$/, 'every cell quoted');
  // A locale with ";" as separator splits there, quoted or not, and at line breaks.
  // (Quote-aware where csv-parse manages, else as raw text between the separators.)
  for (const options of [{ delimiter: ';', relax_quotes: true, relax_column_count: true }, { delimiter: ';', quote: false, relax_column_count: true }]) {
    let rows: string[][];
    try {
      rows = parseCsv(csv, options) as string[][];
    } catch (error) {
      if (options.quote === false) throw error;
      continue;
    }
    for (const row of rows) {
      for (const cell of row) assert.ok(!isFormula(cell), `a formula with ";": ${JSON.stringify(cell)}`);
    }
  }
  for (const delimiter of ['\t', '\n', '\r']) {
    for (const cell of csv.split(delimiter)) assert.ok(!isFormula(cell), `a formula after ${JSON.stringify(delimiter)}: ${JSON.stringify(cell)}`);
  }
}

describe('CSV export read back as a spreadsheet would', () => {
  const formulas = ['=2+3', '+2+3', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '﹦1', '−1', ' =1', '\u00a0=1', '\0=1', '\u200B=1', '\uFEFF=1', '\u202E=1', '\u2066=1', '"=1"', '=HYPERLINK("http://evil.test","x")'];
  const around = (formula: string) => [formula, `a;${formula}`, `a; ${formula}`, `a\n${formula}`, `a\r\n${formula}`, `a\t${formula}`, `a,${formula}`];

  test('quotes every cell and neutralises formulas at the start and after ;, tab and line breaks, in every column', () => {
    const personas: Persona[] = [];
    for (const [i, formula] of formulas.entries()) {
      for (const [j, text] of around(formula).entries()) {
        personas.push({
          pid: `${text}`,
          name: text,
          app: text,
          app_id: text,
          category: text,
          tags: [text, formula, 'x'],
          identity: text,
          aha_moment: text,
          comment_count: i,
          validation_count: j,
          updated_at: text,
          url: `https://x.example/p;${formula.trim()}`,
        });
      }
    }
    personas.push({ pid: 'u', name: 'n', identity: 'i', url: 'https://x.example/p;=2+3' });
    assertCsvSafe(personas);
  });

  test('the url column: a ";" before a formula character is percent-encoded, the address otherwise intact', () => {
    const rows = parseCsv(personasToCsv([{ pid: 'u', name: 'n', identity: 'i', url: 'https://x.example/p;=2+3;a=b' }]), { delimiter: ',' }) as string[][];
    assert.equal(rows[1]!.at(-1), 'https://x.example/p%3B=2+3;a=b');
  });

  test('arbitrary text in every column stays text (fast-check)', () => {
    const pieces = fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', ';', ',', '"', '\t', '\r', '\n', ' ', '\0', '\u200B', '\uFEFF', '\u202E', 'a', '1');
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces, { minLength: 1, maxLength: 10 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
        const personas = texts.map((value, i): Persona => ({ pid: `${value}${i}`, name: value, identity: value, app: value, tags: [value, value], aha_moment: value }));
        assertCsvSafe(personas);
      }),
      { numRuns: 300 },
    );
  });
});
