/**
 * Three builds into dist/:
 * - default mode: the npm entries (classes, registering modules, data API), Lit external;
 * - `--mode bundle`: dist/persona-widgets.js and dist/persona-widgets.iife.js, Lit inside,
 *   for pages that load one script tag;
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

const scriptTagBundle: LibraryOptions = {
  entry: { 'persona-widgets': 'src/persona-widgets.ts' },
  formats: ['es', 'iife'],
  name: 'PersonaWidgets',
  fileName: (format) => (format === 'iife' ? 'persona-widgets.iife.js' : 'persona-widgets.js'),
};

const iframePage: LibraryOptions = {
  entry: { embed: 'src/embed/embed.ts' },
  formats: ['es'],
};

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
  const selfContained = mode === 'bundle' || mode === 'embed';
  return {
    plugins: [minifyCssLiterals(), ...(mode === 'embed' ? [embedAssets()] : [])],
    build: {
      target: 'es2022',
      emptyOutDir: !selfContained,
      sourcemap: true,
      lib: mode === 'bundle' ? scriptTagBundle : mode === 'embed' ? iframePage : npmEntries,
      rolldownOptions: {
        // npm users bring their own Lit and zod (and React, for persona-widgets/react), so several libraries share one copy.
        external: selfContained ? [] : [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^react(-dom)?(\/|$)/],
        output: { minify: true },
      },
    },
  };
});
