/**
 * Load for the contribution endpoint: `count` POSTs all in flight at once,
 * each with its own Idempotency-Key, and `retries` of them sent a second time
 * concurrently with the same key and body (a client retrying). Used by the
 * server bench (bench/server.ts) and the concurrency test (test/server).
 */

export interface LoadResult {
  /** Every request's latency in ms (first sends and retries). */
  latencies: number[];
  /** Status counts. */
  statuses: Record<number, number>;
  /** Idempotency-Key → the id the server answered with (2xx only), per send. */
  answers: Array<{ key: string; status: number; id?: string }>;
  /** Wall-clock time of the whole burst, in ms. */
  elapsedMs: number;
}

export function contributionBody(i: number): Record<string, unknown> {
  return {
    kind: 'correct',
    pid: `APP-${String((i % 50) + 1).padStart(3, '0')}`,
    field: 'identity',
    text: `Load test contribution number ${i}.`,
    contributor: { role: 'Bench', email: `bench-${i}@example.com` },
    submitted_at: '2026-01-02T03:04:05.000Z',
  };
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export async function fireContributions(base: string, count: number, retries: number, runId = `${Date.now()}`): Promise<LoadResult> {
  const send = async (i: number) => {
    const key = `load-${runId}-${i}`;
    const started = performance.now();
    const res = await fetch(`${base}/api/contributions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(contributionBody(i)),
    });
    const text = await res.text();
    const latency = performance.now() - started;
    let id: string | undefined;
    if (res.ok) id = (JSON.parse(text) as { id?: string }).id;
    return { key, status: res.status, latency, ...(id ? { id } : {}) };
  };
  const started = performance.now();
  const jobs: Array<Promise<{ key: string; status: number; latency: number; id?: string }>> = [];
  for (let i = 0; i < count; i++) jobs.push(send(i));
  for (let i = 0; i < retries; i++) jobs.push(send(i));
  const done = await Promise.all(jobs);
  const statuses: Record<number, number> = {};
  for (const { status } of done) statuses[status] = (statuses[status] ?? 0) + 1;
  return {
    latencies: done.map((d) => d.latency),
    statuses,
    answers: done.map(({ key, status, id }) => ({ key, status, ...(id ? { id } : {}) })),
    elapsedMs: performance.now() - started,
  };
}
