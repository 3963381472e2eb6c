/**
 * React ships CommonJS only, which the browser cannot import. This
 * web-test-runner plugin serves `react`, `react-dom` and `react-dom/client` as
 * ES modules with their named exports, the way a bundler would: esbuild
 * bundles the three into one module (so there is one React, one hook
 * dispatcher), and each bare specifier gets a small module re-exporting its part.
 * Used by test/react.test.ts (persona-widgets/react).
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const PREFIX = '/__react-esm__/';
const MODULES = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient' };
const identifier = /^[A-Za-z_$][\w$]*$/;

let shared;
function bundle() {
  shared ??= build({
    stdin: {
      contents: Object.entries(MODULES)
        .map(([id, name]) => `import * as ${name} from ${JSON.stringify(id)}; export { ${name} };`)
        .join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
  }).then((result) => result.outputFiles[0].text);
  return shared;
}

/** The CommonJS module's export names, read in a child process (loading React here would patch the runner's console). */
function exportNames(id) {
  const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(id)}))))`;
  const keys = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  return keys.filter((key) => key !== 'default' && identifier.test(key));
}

/** One module per specifier: its default export and every named export of the CommonJS module. */
function facade(id) {
  const name = MODULES[id];
  const names = exportNames(id);
  return [
    `import { ${name} as ns } from '${PREFIX}bundle.js';`,
    `const m = ns.default ?? ns;`,
    `export default m;`,
    `export const { ${names.join(', ')} } = m;`,
  ].join('\n');
}

export function reactEsm() {
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      if (Object.hasOwn(MODULES, source)) return `${PREFIX}${source}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      const id = context.path.slice(PREFIX.length, -'.js'.length);
      if (id === 'bundle') return { body: await bundle(), type: 'js' };
      if (Object.hasOwn(MODULES, id)) return { body: facade(id), type: 'js' };
    },
  };
}
