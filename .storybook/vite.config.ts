/**
 * Storybook's own Vite config. Without it Storybook would load the root
 * vite.config.ts, which describes the library builds (lib mode, externals);
 * Storybook needs none of that. TypeScript with legacy decorators is compiled
 * from tsconfig.json, as in the library build.
 */
import { defineConfig } from 'vite';

export default defineConfig({});
