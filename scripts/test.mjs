/**
 * `npm test`: the browser suite in Chromium (with coverage), Firefox and
 * WebKit, then the Node suites: the demo endpoint (test/server), the exports
 * read back by real parsers (test/node) and the built bundle end to end
 * (test/e2e). Builds first: host-page and end-to-end tests load dist/. Ends with one summary line for all and
 * exits non-zero if anything fails.
 *
 * `node scripts/test.mjs --engine firefox` (or webkit, chromium) runs the
 * browser suite in that engine only (`npm run test:firefox`, `test:webkit`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const only = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : undefined;
const engines = only ? [only] : ['chromium', 'firefox', 'webkit'];

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/** web-test-runner in one engine; WebKit's MiniBrowser needs a display, so it gets a virtual one. */
function browserSuite(engine) {
  const wtr = ['npx', 'wtr', ...(engine === 'chromium' ? ['--coverage'] : [])];
  const needsDisplay = engine === 'webkit' && !process.env.DISPLAY;
  const [command, ...args] = needsDisplay ? ['xvfb-run', '-a', '-s', '-screen 0 1400x1200x24', ...wtr] : wtr;
  return run(command, args, { ENGINE: engine });
}

// The host-page tests and the end-to-end tests load the built bundle.
const build = await run('npm', ['run', 'build', '--silent']);
const summary = [];
let pass = 0;
let fail = 0;
let ok = build.code === 0;
for (const engine of engines) {
  const result = await browserSuite(engine);
  const counts = [...result.output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  const skipped = new Set(result.output.match(/\[skipped in \w+\][^\n]*/g) ?? []).size;
  pass += Number(counts?.[1] ?? 0);
  fail += Number(counts?.[2] ?? 0);
  ok &&= result.code === 0 && counts !== undefined;
  summary.push(
    `${engine}: ${counts?.[1] ?? '?'} passed, ${counts?.[2] ?? '?'} failed, ${skipped} skipped in ${result.seconds.toFixed(0)} s${result.code ? ` (exit ${result.code})` : ''}`,
  );
}

if (!only) {
  const nodeTests = ['test/node', 'test/server', 'test/e2e', 'test/cli'].filter((dir) => existsSync(dir)).flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => `${dir}/${file}`),
  );
  const node = await run('node', ['--import', 'tsx', '--test', '--test-timeout=180000', '--test-reporter=tap', ...nodeTests]);
  const nodePass = Number(node.output.match(/^# pass (\d+)/m)?.[1] ?? 0);
  const nodeFail = Number(node.output.match(/^# fail (\d+)/m)?.[1] ?? 0);
  pass += nodePass;
  fail += nodeFail;
  ok &&= node.code === 0;
  summary.push(`node: ${nodePass} passed, ${nodeFail} failed in ${node.seconds.toFixed(0)} s`);
}

console.log(`\n${summary.join('\n')}`);
console.log(`\nTotal: ${pass} passed, ${fail} failed`);
process.exit(ok ? 0 : 1);
