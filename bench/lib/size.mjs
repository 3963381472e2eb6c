/**
 * Sizes: what a host downloads.
 *
 * - The built one-script-tag bundles in dist/ as they are.
 * - Each npm entry of vite.config.ts bundled again WITH its dependencies (Lit,
 *   @lit/context, zod inlined), minified, with the plugins vite.config.ts uses
 *   (the CSS-literal minifier), one entry per build so nothing is shared, as a host's
 *   application build bundles it (not a library build: an app's entry need not keep its
 *   export signature, so modules its lazy chunks share stay in the entry chunk). The
 *   entry chunk plus its static imports is the initial download; chunks behind
 *   `import()` (the card's menu, full profile, exports) are reported separately.
 * - A per-module breakdown of any built chunk from its source map: minified
 *   bytes attributed to each source file, and each group's marginal gzip cost
 *   (total gzip minus gzip of the chunk without that group's bytes).
 *
 * gzip is zlib's default level 6, the same as `gzip -c FILE | wc -c` and
 * Vite's own report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

// Production builds only (Lit's dev mode is several kB larger and warns). Vite picks the
// `development` export conditions when loading a config has set NODE_ENV first.
process.env.NODE_ENV = 'production';

export const root = normalize(join(import.meta.dirname, '..', '..'));

export const gzipSize = (code) => gzipSync(typeof code === 'string' ? Buffer.from(code) : code).length;
export const bytes = (code) => Buffer.byteLength(code);

/** The plugins and npm entries of vite.config.ts, so this stays in step with the real build. */
async function viteConfig(mode) {
  const { loadConfigFromFile } = await import('vite');
  const env = { command: 'build', mode, isPreview: false, isSsrBuild: false };
  const loaded = await loadConfigFromFile(env, join(root, 'vite.config.ts'), root, 'silent', undefined, 'runner');
  return loaded.config;
}

/** The npm entries whose self-contained size we report (index/data re-export the API; define registers all). */
export const ELEMENT_ENTRIES = ['persona-card', 'persona-grid', 'contribute-form', 'persona-provider', 'define'];

/**
 * Bundles one npm entry with every dependency inlined. Returns the chunks
 * (code + source map) and the initial/lazy split.
 */
export async function bundleEntry(name, { sourcemap = true } = {}) {
  const { build } = await import('vite');
  const npm = await viteConfig('production');
  const entry = npm.build.lib.entry[name];
  if (!entry) throw new Error(`vite.config.ts has no npm entry "${name}"`);
  // Same plugins as the self-contained builds (mode "bundle"): the CSS-literal minifier.
  const bundleConfig = await viteConfig('bundle');
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    plugins: bundleConfig.plugins,
    build: {
      write: false,
      target: 'es2022',
      sourcemap,
      emptyOutDir: false,
      // An application's build of a page that imports the entry (what a host ships), not a
      // library build, whose strict entry signature splits the modules shared with lazy chunks
      // into chunks of their own: a waterfall of imports no host app would have.
      rolldownOptions: {
        input: { [name]: entry },
        preserveEntrySignatures: false,
        external: [],
        output: { minify: true, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const dev = chunks.flatMap((c) => Object.keys(c.modules)).filter((id) => /\/development\//.test(id));
  if (dev.length) throw new Error(`scratch build of ${name} used development builds: ${dev.slice(0, 3).join(', ')}`);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const main = chunks.find((c) => c.isEntry);
  const initial = new Set();
  const visit = (chunk) => {
    if (initial.has(chunk.fileName)) return;
    initial.add(chunk.fileName);
    for (const file of chunk.imports) visit(byName.get(file));
  };
  visit(main);
  const pick = (keep) => chunks.filter((c) => keep === initial.has(c.fileName));
  const measure = (list) => {
    const code = list.map((c) => c.code);
    return {
      min: code.reduce((n, c) => n + bytes(c), 0),
      gzip: code.reduce((n, c) => n + gzipSize(c), 0),
      files: list.map((c) => c.fileName),
    };
  };
  return { name, entry, chunks, initial: measure(pick(true)), lazy: measure(pick(false)) };
}

/** min + gzip of a built file in dist/. */
export function fileSize(path, code = readFileSync(join(root, path))) {
  return { min: code.length, gzip: gzipSize(code) };
}

/**
 * Every size the bench reports and the budgets check. `snapshot` (path →
 * contents, e.g. the bench server's) measures those bytes instead of re-reading dist/.
 */
export async function measureSizes(snapshot = new Map()) {
  const file = (path) => fileSize(path, snapshot.get(`/${path}`));
  const sizes = {
    'dist/persona-widgets.js': file('dist/persona-widgets.js'),
    'dist/persona-widgets.iife.js': file('dist/persona-widgets.iife.js'),
  };
  const entries = {};
  const pages = {};
  pages['persona-card'] = pageOf('persona-card', snapshot);
  // Once a card's menu, its copy and download, and its full profile have been used (the dialog
  // behind "Suggest an edit" brings the form, by design).
  pages['persona-card+lazy'] = pageOf('persona-card', snapshot, { lazy: (path) => !/\.dialog-/.test(path) });
  for (const tag of ['persona-grid', 'contribute-form']) pages[tag] = pageOf(tag, snapshot);
  for (const name of ELEMENT_ENTRIES) {
    const bundle = await bundleEntry(name, { sourcemap: false });
    entries[name] = { initial: bundle.initial, lazy: bundle.lazy };
  }
  return { files: sizes, entries, pages };
}

/** The static imports of an ES chunk in dist/ (relative specifiers, resolved). */
function staticImports(path, code) {
  return [...code.matchAll(/\bimport\s*(?:[\w{},*\s$]+from\s*)?["'`](\.\.?\/[^"'`]+)["'`]/g)].map((m) =>
    join(dirname(path), m[1]),
  );
}

/** The chunks an ES chunk in dist/ loads on demand, `import("./…")` (relative specifiers, resolved). */
function dynamicImports(path, code) {
  return [...code.matchAll(/\bimport\(\s*["'`](\.\.?\/[^"'`]+)["'`]\s*\)/g)].map((m) => join(dirname(path), m[1]));
}

/**
 * What the one-script-tag embed downloads for a page with only `tag` elements:
 * dist/persona-widgets.js, the chunk it loads for that tag, and their static
 * imports. Lazy parts (`import()`), such as the form behind "Suggest an edit",
 * only those of the element's own chunk that `lazy(path)` accepts, with their imports.
 */
export function pageOf(tag, snapshot = new Map(), { lazy = () => false } = {}) {
  const contents = new Map();
  const read = (path) => {
    if (!contents.has(path)) contents.set(path, snapshot.get(`/${path}`) ?? readFileSync(join(root, path)));
    return contents.get(path);
  };
  const chunk = readdirSync(join(root, 'dist', 'chunks')).find((name) => name.startsWith(`${tag}.define-`) && name.endsWith('.js'));
  if (!chunk) throw new Error(`dist/chunks has no chunk for <${tag}>: run \`npm run build\``);
  const files = new Set();
  const visit = (path) => {
    if (files.has(path)) return;
    files.add(path);
    for (const next of staticImports(path, read(path).toString())) visit(next);
  };
  visit('dist/persona-widgets.js');
  visit(`dist/chunks/${chunk}`);
  for (const path of dynamicImports(`dist/chunks/${chunk}`, read(`dist/chunks/${chunk}`).toString())) if (lazy(path)) visit(path);
  const list = [...files];
  return { files: list, min: list.reduce((n, f) => n + read(f).length, 0), gzip: list.reduce((n, f) => n + gzipSize(read(f)), 0) };
}

const BASE64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/**
 * Decodes source-map `mappings` (base64 VLQ) into, per generated line,
 * segments [column, source, line, column, name?] with absolute values.
 */
export function decodeMappings(mappings) {
  const lines = [];
  const state = [0, 0, 0, 0, 0]; // column (reset per line), source, line, column, name
  for (const line of mappings.split(';')) {
    state[0] = 0;
    const segments = [];
    for (const text of line.split(',')) {
      if (!text) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of text) {
        const digit = BASE64.get(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      const segment = fields.map((delta, i) => (state[i] += delta));
      segments.push(segment);
    }
    lines.push(segments);
  }
  return lines;
}

/** Which group a source file belongs to, for the breakdown. */
export function groupOf(source) {
  const s = source.replace(/\\/g, '/');
  if (/node_modules\/@lit\/context\//.test(s)) return '@lit/context';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(s)) return 'lit';
  if (/node_modules\/zod\//.test(s)) return 'zod';
  if (/node_modules\//.test(s)) return '(bundler helpers)';
  const m = s.match(/src\/(.*)$/);
  if (!m) return s.includes('\0') || !s ? '(generated)' : `other: ${s}`;
  const path = m[1];
  if (path.startsWith('data/schema') ) return 'src/data/schema.ts (zod schemas)';
  if (path.startsWith('data/contribution')) return 'src/data/contribution.ts';
  if (path.startsWith('data/')) return 'src/data (client, parse, export, …)';
  if (path.startsWith('search/')) return 'src/search';
  if (path.startsWith('i18n/')) return 'src/i18n';
  if (/components\/([^/]+)\/.*styles/.test(path)) return `${path.match(/components\/([^/]+)/)[1]} styles`;
  if (path.startsWith('components/')) return path.match(/components\/([^/]+)/)[1];
  return 'src (other)';
}

/**
 * Attributes every byte of a minified chunk to the source it came from (via
 * its source map). Returns per-source minified bytes and per-group minified
 * bytes + marginal gzip.
 */
export function breakdown(code, map, group = groupOf) {
  const mappings = typeof map.mappings === 'string' ? decodeMappings(map.mappings) : map.mappings;
  const lines = code.split('\n');
  const perSource = new Map();
  // For each group, the code with that group's bytes blanked out (for the marginal gzip).
  const owner = []; // [start, end, sourceName] in the whole string
  let offset = 0;
  // A segment without a source (minifier output such as a hoisted `var x=css\`…\``, whose
  // plugin returned no map) belongs to the module around it: the last mapped source.
  let lastSource = '(generated)';
  lines.forEach((line, i) => {
    const segments = mappings[i] ?? [];
    let last = 0;
    const push = (from, to, source) => {
      if (to <= from) return;
      const text = line.slice(from, to);
      perSource.set(source, (perSource.get(source) ?? 0) + bytes(text));
      owner.push([offset + from, offset + to, source]);
    };
    for (const segment of segments) {
      push(last, segment[0], lastSource);
      last = segment[0];
      if (segment.length >= 4) lastSource = map.sources[segment[1]];
    }
    push(last, line.length + (i < lines.length - 1 ? 1 : 0), lastSource);
    offset += line.length + 1;
  });
  const total = { min: bytes(code), gzip: gzipSize(code) };
  const groups = new Map();
  for (const [source, n] of perSource) {
    const g = group(source);
    groups.set(g, (groups.get(g) ?? 0) + n);
  }
  const rows = [...groups].map(([name, min]) => {
    let without = '';
    for (const [from, to, source] of owner) if (group(source) !== name) without += code.slice(from, to);
    return { group: name, min, gzipMarginal: total.gzip - gzipSize(without) };
  });
  rows.sort((a, b) => b.min - a.min);
  const sources = [...perSource].map(([source, min]) => ({ source, min })).sort((a, b) => b.min - a.min);
  return { total, groups: rows, sources };
}

/** Per-module breakdown of a self-contained build of one npm entry (initial chunks only). */
export async function entryBreakdown(name, group) {
  const bundle = await bundleEntry(name, { sourcemap: true });
  const initial = bundle.chunks.filter((c) => bundle.initial.files.includes(c.fileName));
  if (initial.length !== 1) {
    // Several initial chunks: analyse each and merge rows.
    const merged = new Map();
    for (const chunk of initial) {
      for (const row of breakdown(chunk.code, chunk.map, group).groups) {
        const m = merged.get(row.group) ?? { group: row.group, min: 0, gzipMarginal: 0 };
        m.min += row.min;
        m.gzipMarginal += row.gzipMarginal;
        merged.set(row.group, m);
      }
    }
    return { total: bundle.initial, groups: [...merged.values()].sort((a, b) => b.min - a.min) };
  }
  return breakdown(initial[0].code, initial[0].map, group);
}

/** Per-module breakdown of dist/persona-widgets.js from its own source map. */
export function distBreakdown(path = 'dist/persona-widgets.js', group) {
  const code = readFileSync(join(root, path), 'utf8');
  const map = JSON.parse(readFileSync(join(root, `${path}.map`), 'utf8'));
  return breakdown(code, map, group);
}
