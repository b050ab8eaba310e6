// A client-side rate limit for one API operation in one region: at most `perSecond` calls start in
// any one-second window. A sliding log rather than a token bucket, so even at a window's edge no
// burst goes past the quota.

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Most calls allowed to start within `windowMs`. */
  perSecond: number;
  /** @default 1000 */
  windowMs?: number;
  /** Clock in ms (tests). @default Date.now */
  now?: () => number;
  /** Waits `ms` (tests advance their clock here). @default a timer */
  sleep?: (ms: number) => Promise<void>;
}

/** Hands out permission to start calls, first come first served. */
export interface RateLimiter {
  /** Resolves when one more call may start now; the call counts from that moment. */
  acquire(): Promise<void>;
}

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates a limiter; callers wait in arrival order.
 *
 * @example
 * const limiter = createRateLimiter({ perSecond: 25 });
 * await limiter.acquire(); // then send the request
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const perSecond = Math.max(1, Math.floor(options.perSecond));
  const windowMs = options.windowMs ?? 1000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? timer;
  // Start times still inside the window, oldest first (never more than perSecond of them).
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  const take = async () => {
    for (;;) {
      const t = now();
      while (starts.length > 0 && starts[0]! <= t - windowMs) starts.shift();
      if (starts.length < perSecond) {
        starts.push(t);
        return;
      }
      await sleep(starts[0]! + windowMs - t);
    }
  };

  return {
    acquire() {
      const turn = queue.then(take);
      queue = turn.catch(() => {});
      return turn;
    },
  };
}
