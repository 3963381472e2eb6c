/**
 * `persona-widgets build <file> --out-dir DIR [--page-size N] [--base-url URL]`:
 * what a static host serves. personas.json holds the first page
 * `{ personas, next: "personas-2.json", total }`; each `next` is relative, and
 * the client resolves it against the page's URL. Plus persona.schema.json.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, toJson, writeFileAtomic } from './io.js';
import { personaJsonSchema } from './json-schema.js';
import { formatProblem, loadAndCheck } from './validate.js';

export const DEFAULT_PAGE_SIZE = 100;

const pageName = (n: number) => (n === 1 ? 'personas.json' : `personas-${n}.json`);

export async function buildCommand(file: string, outDir: string, pageSize: number, baseUrl?: string): Promise<number> {
  const { report, records } = await loadAndCheck(file);
  const fatal = report.problems.filter((p) => p.reason.includes('skipped') || p.field === 'pid' || p.field === 'next');
  for (const problem of report.problems) {
    if (!fatal.includes(problem)) console.error(`warning: ${formatProblem(problem, report.pages)}`);
  }
  if (fatal.length) {
    throw new CliError(
      `${file}: ${fatal.length} record(s) the widgets would skip; fix them first (persona-widgets validate ${file}):\n  ` +
        fatal.map((p) => formatProblem(p, report.pages)).join('\n  '),
    );
  }
  if (!records.length) throw new CliError(`${file}: holds no personas`);

  mkdirSync(outDir, { recursive: true });
  const pages = Math.ceil(records.length / pageSize);
  const written: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const body = {
      personas: records.slice((n - 1) * pageSize, n * pageSize),
      ...(n < pages ? { next: pageName(n + 1) } : {}),
      total: records.length,
    };
    writeFileAtomic(join(outDir, pageName(n)), toJson(body));
    written.push(pageName(n));
  }
  // Pages left from an earlier, larger build would be served but never linked: remove them.
  for (const name of readdirSync(outDir)) {
    const n = Number(name.match(/^personas-(\d+)\.json$/)?.[1]);
    if (n > pages) rmSync(join(outDir, name));
  }
  writeFileAtomic(join(outDir, 'persona.schema.json'), toJson(personaJsonSchema()));
  written.push('persona.schema.json');

  const src = `${(baseUrl ?? 'https://YOUR-HOST/PATH').replace(/\/+$/, '')}/personas.json`;
  const firstPid = String((records[0] as { pid?: unknown }).pid);
  console.log(
    [
      `wrote ${records.length} persona(s) in ${pages} page(s) of up to ${pageSize} to ${outDir}: ${written.join(', ')}`,
      '',
      `Upload ${outDir} to a static host (GitHub Pages, a CDN, an S3 bucket)${baseUrl ? ` at ${baseUrl}` : ''}, then embed:`,
      '',
      '  <script type="module" src="https://unpkg.com/persona-widgets/dist/persona-widgets.js"></script>',
      `  <persona-grid src="${src}"></persona-grid>`,
      `  <persona-card src="${src}" persona-id="${firstPid}"></persona-card>`,
      '',
      'A host on another origin than your pages must send Access-Control-Allow-Origin (GitHub Pages does).',
    ].join('\n'),
  );
  return 0;
}
