/**
 * `npm test`: the browser suite (web-test-runner in headless Chromium, with
 * coverage), then the Node suites: the exports read by real parsers (test/node),
 * the demo endpoint (test/server) and the
 * built bundle end to end in Chromium (test/e2e, after a fresh build). Ends
 * with one summary line for all. Exits non-zero if anything fails.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const browser = await run('npx', ['wtr', '--coverage']);
const build = await run('npm', ['run', 'build', '--silent']);
const nodeTests = ['test/node', 'test/server', 'test/e2e'].flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `${dir}/${file}`),
);
const node = await run('node', ['--import', 'tsx', '--test', '--test-reporter=tap', ...nodeTests]);

// "84 passed, 0 failed" (web-test-runner) and "# pass 33" / "# fail 0" (node:test).
const wtr = [...browser.output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
const pass = Number(wtr?.[1] ?? 0) + Number(node.output.match(/^# pass (\d+)/m)?.[1] ?? 0);
const fail = Number(wtr?.[2] ?? 0) + Number(node.output.match(/^# fail (\d+)/m)?.[1] ?? 0);
const ok = browser.code === 0 && build.code === 0 && node.code === 0 && wtr !== undefined;

console.log(`\nTotal: ${pass} passed, ${fail} failed`);
process.exit(ok ? 0 : 1);
