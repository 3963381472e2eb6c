/**
 * Per-client rate limits: a fixed window per client key, in memory (per
 * instance: behind a load balancer each instance counts its own share).
 */

/** At most `max` requests per `windowMs` per client. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(readonly limit: RateLimit) {
    if (!(limit.max >= 1) || !(limit.windowMs >= 1)) throw new Error('persona server: a rate limit needs max ≥ 1 and windowMs ≥ 1.');
  }

  /** Counts one request; undefined when allowed, else the seconds to wait (for Retry-After). */
  take(client: string, now = Date.now()): number | undefined {
    let window = this.#windows.get(client);
    if (!window || now - window.start >= this.limit.windowMs) {
      if (this.#windows.size >= 50_000) this.#sweep(now);
      window = { start: now, count: 0 };
      this.#windows.set(client, window);
    }
    window.count += 1;
    if (window.count <= this.limit.max) return undefined;
    return Math.max(1, Math.ceil((window.start + this.limit.windowMs - now) / 1000));
  }

  /** Forgets finished windows, so many clients cannot grow the map without bound. */
  #sweep(now: number): void {
    for (const [client, window] of this.#windows) {
      if (now - window.start >= this.limit.windowMs) this.#windows.delete(client);
    }
    if (this.#windows.size >= 50_000) this.#windows.clear();
  }
}
