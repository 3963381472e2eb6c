/** Runs the CLI as a process (from source through tsx, so no build is needed). */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const fixtures = join(here, 'fixtures');
export const fixture = (name: string) => join(fixtures, name);
const main = join(repoRoot, 'src/cli/main.ts');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd = fixtures): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'persona-cli-'));
export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
