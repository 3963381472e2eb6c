/**
 * Builds the `persona-widgets` command line into dist/cli.js: one ES module for
 * Node with a `#!/usr/bin/env node` line, the elements' own parser and schema
 * (src/data) bundled in, the package's dependencies and node: builtins left external.
 * Also the endpoint, `persona-widgets/server`, into dist/server.js (Node only,
 * never part of the browser bundles), the same way.
 */
import { chmodSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  external: [...Object.keys(pkg.dependencies ?? {}), 'node:*'],
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);

await build({
  entryPoints: ['src/server/index.ts'],
  outfile: 'dist/server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [...Object.keys(pkg.dependencies ?? {}), 'node:*'],
  legalComments: 'none',
  logLevel: 'warning',
});

// <contribution-review> for one script tag (a CDN, a page without a bundler): Lit and zod inside.
// The npm entry dist/contribution-review.js leaves them to the host's bundler, like the other elements.
await build({
  entryPoints: ['src/components/contribution-review/contribution-review.define.ts'],
  outfile: 'dist/contribution-review.bundle.js',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  tsconfig: 'tsconfig.json',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('wrote dist/cli.js, dist/server.js, dist/contribution-review.bundle.js');
