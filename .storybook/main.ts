/// <reference types="node" />
/**
 * Storybook for persona-widgets, set up by hand (no `storybook init`): the web
 * components framework on Vite, Docs, a11y and the Vitest addon. Offline: no
 * telemetry, no update or "what's new" checks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: {
    name: '@storybook/web-components-vite',
    // Not the root vite.config.ts: that one describes the library builds.
    options: { builder: { viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) } },
  },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // No "Get started" onboarding widget: this Storybook is for reading, not for learning Storybook.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // iframe.html opened on its own (links from test failures, screenshots) asks for a favicon.
  previewHead: (head) => `${head}<link rel="icon" type="image/svg+xml" href="./favicon.svg" />`,
  // The fixtures are fetched over HTTP like a real endpoint: <base>/fixtures/personas.json.
  staticDirs: [{ from: '../stories/fixtures', to: '/fixtures' }],
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [customElementsManifest(root)],
      // Imported by Storybook's web-components renderer, which the dependency scan does not
      // reach: left out, it loads a second copy of lit-html next to the pre-bundled one.
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
      // The preview bundles Storybook's docs renderer and axe: big chunks are expected.
      build: { chunkSizeWarningLimit: 2048 },
    }),
};

export default config;

const ID = 'virtual:custom-elements-manifest';
const RESOLVED = `\0${ID}`;

/**
 * `import manifest from 'virtual:custom-elements-manifest'`: the manifest that
 * `npm run analyze` writes to dist/custom-elements.json, the same file the
 * package ships. The Storybook scripts run `npm run analyze` first; when the
 * file is missing anyway (e.g. `npx storybook dev` straight after a clone)
 * this runs the analyzer itself. In dev it also re-runs the analyzer when an
 * element's source changes, so Controls and Docs follow the JSDoc.
 */
function customElementsManifest(root: string): Plugin {
  const file = join(root, 'dist', 'custom-elements.json');
  const analyze = () => {
    const cli = join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
    execFileSync(process.execPath, [cli, 'analyze'], { cwd: root, stdio: 'ignore' });
  };
  return {
    name: 'persona-widgets:custom-elements-manifest',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!existsSync(file)) {
        this.warn('dist/custom-elements.json is missing: running the analyzer (npm run analyze)');
        analyze();
      }
      this.addWatchFile(file);
      return `export default ${readFileSync(file, 'utf8')};`;
    },
    configureServer(server) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      server.watcher.on('change', (changed) => {
        const path = relative(root, changed).split(sep).join('/');
        if (!/^src\/components\/.+\.ts$/.test(path) || /\.(styles|define)\.ts$/.test(path)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            analyze();
          } catch (error) {
            server.config.logger.warn(`custom-elements-manifest: analyze failed: ${String(error)}`);
            return;
          }
          const module = server.moduleGraph.getModuleById(RESOLVED);
          if (module) server.reloadModule(module);
        }, 300);
      });
    },
  };
}
