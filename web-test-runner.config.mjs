import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs } from './test/support/chromium.mjs';
import { testEndpoint } from './test/support/endpoint.mjs';
import { reactEsm } from './test/support/react-esm.mjs';


export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/server/**', '!test/e2e/**'],
  nodeResolve: true,
  // One tab at a time: a background tab gets no requestAnimationFrame or
  // IntersectionObserver callbacks, which fixtures and lazy loading rely on.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  middleware: [testEndpoint, (await import('./test/support/contributions-endpoint.mjs')).contributionsEndpoint],
  plugins: [
    reactEsm(), // React is CommonJS only: served as ES modules for test/react.test.ts
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reporters: ['text-summary', 'lcov'],
    threshold: { statements: 85, branches: 75, functions: 85, lines: 85 },
  },
};
