/// <reference types="node" />
/**
 * `npm run test:stories`: every story in stories/ rendered in Chromium by
 * Storybook's Vitest addon. A story fails when it throws while rendering, when
 * its play function fails, or when axe finds an accessibility violation
 * (`a11y: { test: 'error' }` in .storybook/preview.ts).
 *
 * Chromium comes from the system (/usr/bin/chromium, or CHROME_PATH): nothing
 * downloads a browser.
 */
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

const configDir = fileURLToPath(new URL('./.storybook', import.meta.url));

/** One Vitest project per toolbar theme: every story (and its axe check) runs in light and in dark. */
const project = (name: string, theme: 'light' | 'dark') => ({
  extends: true as const,
  plugins: [storybookTest({ configDir, initialGlobals: { theme } })],
  test: {
    name,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args },
      }),
      instances: [{ browser: 'chromium' as const }],
    },
  },
});

export default defineConfig({
  test: {
    projects: [project('storybook', 'light'), project('storybook-dark', 'dark')],
  },
});
