/**
 * Two builds into dist/:
 * - default mode: the npm entries (classes, registering modules, data API), Lit external;
 * - `--mode bundle`: dist/persona-widgets.js and dist/persona-widgets.iife.js, Lit inside,
 *   for pages that load one script tag.
 */
import { defineConfig, type LibraryOptions } from 'vite';
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
  },
  formats: ['es'],
};

const scriptTagBundle: LibraryOptions = {
  entry: { 'persona-widgets': 'src/persona-widgets.ts' },
  formats: ['es', 'iife'],
  name: 'PersonaWidgets',
  fileName: (format) => (format === 'iife' ? 'persona-widgets.iife.js' : 'persona-widgets.js'),
};

export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle';
  return {
    plugins: [minifyCssLiterals()],
    build: {
      target: 'es2022',
      emptyOutDir: !bundle,
      sourcemap: true,
      lib: bundle ? scriptTagBundle : npmEntries,
      rolldownOptions: {
        // npm users bring their own Lit and zod, so several libraries share one copy.
        external: bundle ? [] : [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/],
        output: { minify: true },
      },
    },
  };
});
