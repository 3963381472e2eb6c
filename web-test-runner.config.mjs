/**
 * The browser suite in one engine: Chromium (default, with coverage), Firefox
 * or WebKit, chosen by the ENGINE environment variable. `npm test` runs all
 * three one after another (scripts/test.mjs); `npm run test:firefox` and
 * `npm run test:webkit` run one each. Every engine is Debian's own package.
 */
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs } from './test/support/chromium.mjs';
import { testEndpoint } from './test/support/endpoint.mjs';
import { contributionsEndpoint } from './test/support/contributions-endpoint.mjs';
import { reactEsm } from './test/support/react-esm.mjs';
import { engineQuirks } from './test/support/engine-quirks.mjs';
import { hostPages } from './test/support/host-pages.mjs';
import { offlineModules } from './test/support/offline-modules.mjs';

const engine = process.env.ENGINE ?? 'chromium';

async function launcher() {
  switch (engine) {
    case 'chromium':
      return chromeLauncher({
        launchOptions: {
          executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
          headless: true,
          args: chromiumArgs,
        },
      });
    case 'firefox': {
      // puppeteer-core drives Firefox over WebDriver BiDi (no CDP: no media emulation).
      const firefox = chromeLauncher({
        launchOptions: {
          browser: 'firefox',
          executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
          headless: true,
          extraPrefsFirefox: { 'network.proxy.type': 0, 'app.update.enabled': false },
        },
      });
      firefox.name = 'Firefox';
      return firefox;
    }
    case 'webkit': {
      // WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver).
      // MiniBrowser has no headless mode: scripts/test.mjs runs this under xvfb-run.
      const { webkitLauncher } = await import('./test/support/webkit.mjs');
      return webkitLauncher();
    }
    default:
      throw new Error(`ENGINE must be chromium, firefox or webkit, not "${engine}"`);
  }
}

export default {
  files: ['test/**/*.test.ts', '!test/server/**', '!test/e2e/**', '!test/node/**', '!test/cli/**'],
  nodeResolve: true,
  // One tab at a time: a background tab gets no requestAnimationFrame or
  // IntersectionObserver callbacks, which fixtures and lazy loading rely on.
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  // WebKit through WebDriver is slower per step (axe runs there take seconds).
  testFramework: { config: { timeout: engine === 'webkit' ? 30000 : 10000 } },
  middleware: [testEndpoint, contributionsEndpoint, hostPages],
  plugins: [
    engineQuirks(engine),
    offlineModules(),
    reactEsm(), // React is CommonJS only: served as ES modules for test/react.test.ts
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [await launcher()],
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reporters: ['text-summary', 'lcov'],
    threshold: { statements: 85, branches: 75, functions: 85, lines: 85 },
  },
};
