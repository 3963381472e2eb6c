/**
 * `npm test`: the browser suite in Chromium (with coverage), Firefox and
 * WebKit, then the Node suites: the demo endpoint (test/server), the exports
 * read back by real parsers (test/node) and the built bundle end to end
 * (test/e2e). Builds first: host-page and end-to-end tests load dist/. Ends with one summary line for all and
 * exits non-zero if anything fails.
 *
 * `node scripts/test.mjs --engine firefox` (or webkit, chromium) runs the
 * browser suite in that engine only (`npm run test:firefox`, `test:webkit`).
 *
 * A browser test file that fails is run once more on its own in that engine: a
 * file that then passes is reported as FLAKY with its first failure printed in
 * the summary (so it gets fixed, not forgotten); one that fails again fails the run.
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

/**
 * The browsers run west of UTC, where readers of a date without a time ("2026-03-04") first see
 * the day before if it is read as UTC midnight; a UTC machine would hide that.
 */
const BROWSER_TIME_ZONE = 'America/Los_Angeles';

/** web-test-runner in one engine; WebKit's MiniBrowser needs a display, so it gets a virtual one. */
function browserSuite(engine, files = []) {
  const wtr = ['npx', 'wtr', ...(engine === 'chromium' && !files.length ? ['--coverage'] : []), ...files.flatMap((file) => ['--files', file])];
  const needsDisplay = engine === 'webkit' && !process.env.DISPLAY;
  const [command, ...args] = needsDisplay ? ['xvfb-run', '-a', '-s', '-screen 0 1400x1200x24', ...wtr] : wtr;
  return run(command, args, { ENGINE: engine, TZ: BROWSER_TIME_ZONE });
}

const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

/** The failing test files in a web-test-runner report, each with the lines that say what failed. */
function failuresIn(output) {
  const failures = new Map();
  let file;
  let block;
  for (const line of stripAnsi(output).split('\n')) {
    const header = line.match(/^\s*(test\/\S+\.test\.ts):\s*$/);
    if (header) {
      file = header[1];
      block = undefined;
    } else if (file && line.includes('\u274c')) {
      block = failures.get(file) ?? [];
      failures.set(file, block);
      block.push(line.trim());
    } else if (block && line === '') {
      block = undefined; // an empty line ends a failure; its own blank lines are indented
    } else if (block && line.trim() && !/^\w+: \|/.test(line) && block.length < 40) {
      block.push(`  ${line.trim()}`);
    }
  }
  return failures;
}

// The host-page tests and the end-to-end tests load the built bundle.
const build = await run('npm', ['run', 'build', '--silent']);
const summary = [];
const details = [];
let pass = 0;
let fail = 0;
let ok = build.code === 0;
for (const engine of engines) {
  const result = await browserSuite(engine);
  const counts = [...result.output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  const skipped = new Set(result.output.match(/\[skipped in \w+\][^\n]*/g) ?? []).size;
  let passed = Number(counts?.[1] ?? 0);
  let failed = Number(counts?.[2] ?? 0);
  let engineOk = result.code === 0 && counts !== undefined;
  let note = result.code ? ` (exit ${result.code})` : '';
  const failures = failuresIn(result.output);
  if (!engineOk && failures.size > 0) {
    const files = [...failures.keys()];
    console.log(`\n== ${engine}: running the failed file(s) again on their own: ${files.join(', ')}`);
    const again = await browserSuite(engine, files);
    const stillFailing = failuresIn(again.output);
    if (again.code === 0) {
      // Every failure passed on its own: the run passes, the flake is reported.
      passed += failed;
      failed = 0;
      engineOk = true;
      note = ` (FLAKY, passed when run again: ${files.join(', ')})`;
    } else {
      note = ` (failed again on their own: ${[...stillFailing.keys()].join(', ') || files.join(', ')})`;
    }
    for (const [file, lines] of failures) details.push(`${engine} first failure in ${file}:\n    ${lines.join('\n    ')}`);
  }
  pass += passed;
  fail += failed;
  ok &&= engineOk;
  summary.push(`${engine}: ${counts?.[1] === undefined ? '?' : passed} passed, ${counts?.[2] === undefined ? '?' : failed} failed, ${skipped} skipped in ${result.seconds.toFixed(0)} s${note}`);
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
  for (const line of node.output.split('\n').filter((text) => /^\s*not ok /.test(text))) details.push(`node: ${line.trim()}`);
  summary.push(`node: ${nodePass} passed, ${nodeFail} failed in ${node.seconds.toFixed(0)} s`);
}

console.log(`\n${summary.join('\n')}`);
if (details.length) console.log(`\n${details.join('\n')}`);
console.log(`\nTotal: ${pass} passed, ${fail} failed`);
process.exit(ok ? 0 : 1);
