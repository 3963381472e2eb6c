/**
 * Builds into dist/:
 * - default mode: the npm entries (classes, registering modules, data API), Lit external;
 * - `--mode bundle`: the chunks the one-script-tag autoloader loads (dist/chunks/), Lit inside;
 * - `--mode autoloader` (after `bundle`): dist/persona-widgets.js, the autoloader, which
 *   imports those chunks by their hashed names and nothing imports;
 * - `--mode classic`: dist/persona-widgets.iife.js, one classic script with everything;
 * - `--mode embed`: dist/embed.html (+ embed.js, embed.css), the iframe page for hosts
 *   that run no scripts.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, type LibraryOptions, type Plugin } from 'vite';
import { minifyCssLiterals } from './build/minify-css-literals.js';

/**
 * The elements: each has a registering module, `src/components/<tag>/<tag>.define.ts`, an npm entry
 * and a chunk of the script-tag bundle (`contribution-review`, for moderators, is never in another
 * element's entry or chunk).
 */
const TAGS = ['persona-card', 'persona-provider', 'contribute-form', 'persona-grid', 'contribution-review'];
const defineModule = (tag: string) => `src/components/${tag}/${tag}.define.ts`;

const npmEntries: LibraryOptions = {
  entry: {
    index: 'src/index.ts',
    define: 'src/define.ts',
    data: 'src/data/index.ts',
    ...Object.fromEntries(TAGS.map((tag) => [tag, defineModule(tag)])),
    react: 'src/react/index.ts',
    // persona-widgets/react/<tag>: one generated wrapper each (scripts/generate-wrappers.mjs).
    ...Object.fromEntries(TAGS.map((tag) => [`react/${tag}`, `src/react/${tag}.ts`])),
  },
  formats: ['es'],
};

/** The one-script-tag entry: an autoloader that loads each element's chunk (dist/chunks/) when the page has one. */
const autoloader: LibraryOptions = {
  entry: { 'persona-widgets': 'src/autoload/autoloader.ts' },
  formats: ['es'],
  fileName: () => 'persona-widgets.js',
};

/** What the autoloader loads: each element's registering module, a chunk of its own (`chunks/<name>-<hash>.js`). */
const elementChunks: LibraryOptions = {
  entry: Object.fromEntries(TAGS.map((tag) => [`${tag}.define`, defineModule(tag)])),
  formats: ['es'],
};
/** The card entry's early requests (emptied in the bundle build). */
const EARLY_CARDS = resolve('src/autoload/early-cards.js');
/** An empty module. */
const NOTHING = '\0persona-widgets:nothing';
/** Where the bundle build tells the autoloader build the chunks' names (read, then removed, by the latter). */
const CHUNK_NAMES = 'dist/chunks/autoload-names.json';

/** What the `bundle` build records for the `autoloader` build. */
interface ChunkNames {
  /** Registering module (`src/…`) → its chunk's file name. */
  chunks: Record<string, string>;
  /** Chunk file name → every chunk it imports statically, directly or not, but core. */
  imports: Record<string, string[]>;
}
const readChunkNames = () => JSON.parse(readFileSync(CHUNK_NAMES, 'utf8')) as ChunkNames;

/**
 * The two builds of the one-script-tag bundle. `bundle` writes the element chunks and records their
 * hashed names and imports; `autoloader` then builds dist/persona-widgets.js with its imports of
 * those modules pointing at them, and each chunk's imports requested alongside it (`ALONGSIDE` in
 * autoloader.ts). The autoloader keeps its own copy of the early requests and nothing imports it,
 * so it may be renamed, versioned with a query string or served from a redirecting CDN URL (the
 * early requests' state is shared through the global object, see src/data/prefetch.ts).
 */
function autoloaderChunks(mode: string): Plugin {
  let names: ChunkNames | undefined;
  return {
    name: 'persona-widgets:autoloader-chunks',
    enforce: 'pre',
    generateBundle(_, bundle) {
      if (mode !== 'bundle') return;
      const recorded: ChunkNames = { chunks: {}, imports: {} };
      const closure = (fileName: string, seen = new Set<string>()): Set<string> => {
        const chunk = bundle[fileName];
        for (const imported of chunk?.type === 'chunk' ? chunk.imports : []) {
          if (!seen.has(imported)) closure(imported, seen.add(imported));
        }
        return seen;
      };
      // The core chunk: the autoloader requests it as soon as the page has any element.
      const core = Object.values(bundle).find(
        (chunk) => chunk.type === 'chunk' && chunk.moduleIds.some((id) => id.endsWith('/src/data/client.ts')),
      );
      if (core) recorded.chunks['src/data/client.ts'] = core.fileName;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry || !chunk.facadeModuleId) continue;
        recorded.chunks[chunk.facadeModuleId.replace(/.*\/src\//, 'src/')] = chunk.fileName;
        recorded.imports[chunk.fileName] = [...closure(chunk.fileName)].filter((name) => name !== core?.fileName);
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_NAMES.slice('dist/'.length), source: JSON.stringify(recorded, null, 1) });
    },
    config() {
      if (mode !== 'autoloader') return;
      names = readChunkNames();
      // An element's tag → the chunks its own chunk imports besides core (the card's for a grid, …), as
      // specifiers relative to dist/persona-widgets.js.
      const alongside: Record<string, string[]> = {};
      for (const [module, fileName] of Object.entries(names.chunks)) {
        const imports = names.imports[fileName] ?? [];
        if (imports.length) alongside[module.replace(/.*\/([\w-]+)\.define\.ts$/, '$1')] = imports.map((name) => `./${name}`);
      }
      return { define: { __PERSONA_ALONGSIDE__: JSON.stringify(alongside) } };
    },
    resolveId(source, importer) {
      // The card's entry starts its cards' requests first thing; in this bundle the autoloader has.
      if (mode === 'bundle' && importer && resolve(dirname(importer), source) === EARLY_CARDS) return NOTHING;
      if (mode !== 'autoloader' || !importer?.endsWith('/src/autoload/autoloader.ts')) return null;
      names ??= readChunkNames();
      const target = resolve(dirname(importer), source).replace(/\.js$/, '.ts');
      const module = Object.keys(names.chunks).find((path) => resolve(path) === target);
      return module ? { id: `./${names.chunks[module]!}`, external: true } : null;
    },
    load(id) {
      return id === NOTHING ? '' : null;
    },
    closeBundle() {
      if (mode === 'autoloader') rmSync(CHUNK_NAMES, { force: true });
    },
  };
}

/** The classic script for hosts that copy one file: everything in it, `window.PersonaWidgets`. */
const classicScript: LibraryOptions = {
  entry: { 'persona-widgets': 'src/persona-widgets.ts' },
  formats: ['iife'],
  name: 'PersonaWidgets',
  fileName: () => 'persona-widgets.iife.js',
};

const iframePage: LibraryOptions = {
  entry: { embed: 'src/embed/embed.ts' },
  formats: ['es'],
};

/**
 * What every element needs (Lit's core, zod, the data client, strings, localisation), in one
 * chunk rather than a handful of small ones; directives and context providers stay with the
 * elements that use them.
 */
const CORE = [
  /node_modules\/(lit-html\/lit-html|lit-element\/lit-element|lit\/index|@lit\/reactive-element\/(reactive-element|css-tag))\.js$/,
  /node_modules\/(lit\/decorators|@lit\/reactive-element\/decorators\/(base|property|state))\.js$/,
  /node_modules\/@lit\/context\/lib\/(create-context|context-request-event|controllers\/context-consumer)\.js$/,
  /node_modules\/zod\//,
  // The decorators' helper: otherwise a file of its own, found only once an element's chunk has arrived.
  /^\0@oxc-project\+runtime@[^/]+\/helpers\/esm\/decorate\.js$/,
  /src\/(data\/(client|parse|schema|json|errors)|controllers\/(localize|persona-data|provider-context|theme)|i18n\/(strings|errors)|styles\/shared|internal\/define-element|version)\.ts$/,
];
const isCore = (id: string) => CORE.some((pattern) => pattern.test(id));

/** The exports (Markdown, CSV, JSON) and the download of a file. */
const EXPORTS = /src\/(data\/export|components\/shared\/download)\.ts$/;

/** Modules that start the early requests (src/autoload/early.ts) and the page's registries they use. */
const EARLY = /src\/(data\/(prefetch|url|shared-client)|i18n\/page-strings|autoload\/early(-cards)?)\.ts$/;

/**
 * How the chunks are cut. Everywhere: what every element needs in one core chunk. In the npm
 * entries the early requests get a small chunk of their own, imported by each element's entry
 * before the heavy code, so they start before Lit, zod and the element are evaluated. In the
 * one-script-tag bundle the autoloader (its own build) has already started them: the card's chunk
 * does not repeat them (see `autoloaderChunks`), and core keeps only what adopts them (prefetch.ts).
 */
function chunkGroups(mode: string) {
  const core = { name: 'core', test: isCore };
  // The exports and the file download, shared by the grid, the form and the card's menu: a chunk of
  // their own. Left to the bundler, they merged into the grid's chunk, which a page of cards then
  // downloaded (and ran, defining <persona-grid>) as soon as a card's menu was about to open.
  const exports = { name: 'export', test: EXPORTS };
  return mode === 'bundle' ? [core, exports] : [{ name: 'prefetch', test: EARLY, priority: 2 }, core, exports];
}

/** Copies the iframe page's static files next to its script. */
function embedAssets(): Plugin {
  return {
    name: 'persona-widgets:embed-assets',
    generateBundle() {
      for (const fileName of ['embed.html', 'embed.css']) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(`src/embed/${fileName}`, 'utf8') });
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const selfContained = ['bundle', 'autoloader', 'classic', 'embed'].includes(mode);
  const lib = { bundle: elementChunks, autoloader, classic: classicScript, embed: iframePage }[mode] ?? npmEntries;
  return {
    plugins: [
      minifyCssLiterals(),
      ...(mode === 'embed' ? [embedAssets()] : []),
      ...(mode === 'bundle' || mode === 'autoloader' ? [autoloaderChunks(mode)] : []),
    ],
    build: {
      target: 'es2022',
      emptyOutDir: !selfContained,
      // Maps give stack traces and devtools the original file and line; the sources themselves stay out
      // (they were three quarters of the packed package), so a map names src/… without embedding it.
      sourcemap: true,
      lib,
      rolldownOptions: {
        // Nothing imports the element chunks' exports: modules they share may merge into them.
        ...(mode === 'bundle' ? { preserveEntrySignatures: false as const } : {}),
        // npm users bring their own Lit and zod (and React, for persona-widgets/react), so several libraries share one copy.
        external: selfContained ? [] : [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^react(-dom)?(\/|$)/],
        output: {
          minify: true,
          sourcemapExcludeSources: true,
          ...(mode === 'bundle' ? { entryFileNames: 'chunks/[name]-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js' } : {}),
          // The classic script is one file: its lazy parts are inlined; the autoloader's are external.
          codeSplitting: mode === 'classic' || mode === 'autoloader' ? false : { groups: chunkGroups(mode) },
        },
      },
    },
  };
});
