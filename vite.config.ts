/**
 * Three builds into dist/:
 * - default mode: the npm entries (classes, registering modules, data API), Lit external;
 * - `--mode bundle`: dist/persona-widgets.js, the one-script-tag autoloader, and the
 *   chunks it loads (dist/chunks/), Lit inside;
 * - `--mode classic`: dist/persona-widgets.iife.js, one classic script with everything;
 * - `--mode embed`: dist/embed.html (+ embed.js, embed.css), the iframe page for hosts
 *   that run no scripts.
 */
import { readFileSync } from 'node:fs';
import { defineConfig, type LibraryOptions, type Plugin } from 'vite';
import { minifyCssLiterals } from './build/minify-css-literals.js';

const npmEntries: LibraryOptions = {
  entry: {
    index: 'src/index.ts',
    define: 'src/define.ts',
    data: 'src/data/index.ts',
    'persona-card': 'src/components/persona-card/persona-card.define.ts',
    'persona-provider': 'src/components/persona-provider/persona-provider.define.ts',
    'contribute-form': 'src/components/contribute-form/contribute-form.define.ts',
    'persona-grid': 'src/components/persona-grid/persona-grid.define.ts',
    // Moderators only: its own entry, never in the card/grid/form bundles or the script-tag bundle.
    'contribution-review': 'src/components/contribution-review/contribution-review.define.ts',
    react: 'src/react/index.ts',
    // persona-widgets/react/<tag>: one generated wrapper each (scripts/generate-wrappers.mjs).
    ...Object.fromEntries(
      ['persona-card', 'persona-provider', 'contribute-form', 'persona-grid', 'contribution-review'].map((tag) => [`react/${tag}`, `src/react/${tag}.ts`]),
    ),
  },
  formats: ['es'],
};

/** The one-script-tag entry: an autoloader that loads each element's chunk (dist/chunks/) when the page has one. */
const autoloader: LibraryOptions = {
  entry: { 'persona-widgets': 'src/autoload/autoloader.ts' },
  formats: ['es'],
  fileName: () => 'persona-widgets.js',
};

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

/** Modules that start the early requests (src/autoload/early.ts) and the page's registries they use. */
const EARLY = /src\/(data\/(prefetch|url|shared-client)|i18n\/page-strings|autoload\/early(-cards)?)\.ts$/;

/**
 * How the chunks are cut. Everywhere: what every element needs in one core chunk. In the npm
 * entries the early requests get a small chunk of their own, imported by each element's entry
 * before the heavy code, so they start before Lit, zod and the element are evaluated. In the
 * one-script-tag bundle they stay in the autoloader itself (the element chunks import them from
 * it): the data requests start as soon as that one file has run, a round trip sooner.
 */
function chunkGroups(mode: string) {
  const core = { name: 'core', test: isCore };
  if (mode !== 'bundle') return [{ name: 'prefetch', test: EARLY, priority: 2 }, core];
  // Only the matching modules: by default a group also takes what they import, which would pull
  // the early modules the client uses out of the autoloader and make it import the whole core.
  return [{ ...core, includeDependenciesRecursively: false }];
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
  const selfContained = mode === 'bundle' || mode === 'classic' || mode === 'embed';
  const lib = { bundle: autoloader, classic: classicScript, embed: iframePage }[mode] ?? npmEntries;
  return {
    plugins: [minifyCssLiterals(), ...(mode === 'embed' ? [embedAssets()] : [])],
    build: {
      target: 'es2022',
      emptyOutDir: !selfContained,
      // Maps give stack traces and devtools the original file and line; the sources themselves stay out
      // (they were three quarters of the packed package), so a map names src/… without embedding it.
      sourcemap: true,
      lib,
      rolldownOptions: {
        // The autoloader also exports the early modules its element chunks import from it.
        ...(mode === 'bundle' ? { preserveEntrySignatures: 'allow-extension' as const } : {}),
        // npm users bring their own Lit and zod (and React, for persona-widgets/react), so several libraries share one copy.
        external: selfContained ? [] : [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^react(-dom)?(\/|$)/],
        output: {
          minify: true,
          sourcemapExcludeSources: true,
          ...(mode === 'bundle' ? { chunkFileNames: 'chunks/[name]-[hash].js' } : {}),
          // The classic script is one file: its lazy parts are inlined.
          codeSplitting: mode === 'classic' ? false : { groups: chunkGroups(mode) },
        },
      },
    },
  };
});
