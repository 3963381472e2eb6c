/** Starts the demo endpoint on an ephemeral 127.0.0.1 port with its files in a temp dir. */
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiMiddleware } from '../../demo/server/api.js';

export interface TestApi {
  base: string;
  dir: string;
  dataFile: string;
  contributionsFile: string;
  logs: string[];
  close(): Promise<void>;
}

/** A fresh temp dir holding `personas.json` (when given). */
export async function makeDataDir(personas?: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'persona-api-'));
  if (personas !== undefined) await writeFile(join(dir, 'personas.json'), JSON.stringify(personas));
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Where the API started on `dir` keeps its contributions (a subfolder, to test creating it). */
export function contributionsPath(dir: string): string {
  return join(dir, 'store', 'contributions.jsonl');
}

/** Serves the API over files in `dir`; close() stops it but keeps the files (for restarts). */
export async function startApi(dir: string, options: { bodyTimeoutMs?: number } = {}): Promise<TestApi> {
  const logs: string[] = [];
  const dataFile = join(dir, 'personas.json');
  const contributionsFile = contributionsPath(dir);
  const server = createServer(
    createApiMiddleware({ dataFile, contributionsFile, log: (message) => logs.push(message), ...options }),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    dir,
    dataFile,
    contributionsFile,
    logs,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A valid contribution body; override any key. */
export function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'correct',
    pid: 'APP-001',
    field: 'identity',
    text: 'They run the pipeline, not the dashboards.',
    contributor: { role: 'Data engineer', experience: '3 years', email: 'ana@example.com' },
    submitted_at: '2026-01-02T03:04:05.000Z',
    page_url: 'https://wiki.example.com/personas',
    ...overrides,
  };
}

/** POSTs JSON to /api/contributions. */
export function postContribution(
  api: TestApi,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${api.base}/api/contributions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}
