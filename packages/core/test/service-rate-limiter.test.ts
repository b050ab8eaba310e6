// The client-side API quota: a limiter on an injected clock (no real time passes).
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/engine/service/rate-limiter.js';

/** A clock that only moves when the limiter sleeps or the test says so. */
function fakeClock() {
  const clock = {
    t: 0,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

/** True when no window of `windowMs` holds more than `limit` of the sorted `starts`. */
const withinQuota = (starts: number[], limit: number, windowMs = 1000) =>
  starts.every((t, i) => i + limit >= starts.length || starts[i + limit]! - t >= windowMs);

describe('createRateLimiter', () => {
  it('lets the first N calls start at once, then never more than N within any second', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 25, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 110 }, () => limiter.acquire().then(() => starts.push(clock.now()))),
    );
    expect(starts).toHaveLength(110);
    expect(starts.slice(0, 25)).toEqual(Array(25).fill(0));
    expect(starts[25]).toBe(1000);
    expect(withinQuota(starts, 25)).toBe(true);
    expect(withinQuota(starts, 24)).toBe(false);
    expect(starts.at(-1)).toBe(4000);
  });

  it('counts a sliding window: calls spread over time are not held back, a burst at the edge is', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 3, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const at = async (t: number) => {
      clock.t = Math.max(clock.t, t);
      await limiter.acquire();
      starts.push(clock.now());
    };
    await at(0);
    await at(400);
    await at(900);
    expect(clock.sleeps).toEqual([]);
    // A fourth call at 950 waits until the call of 0 leaves the window; the next until 400 does.
    await Promise.all([at(950), at(950)]);
    expect(starts).toEqual([0, 400, 900, 1000, 1400]);
    expect(withinQuota(starts, 3)).toBe(true);
  });

  it('serves waiting calls first come, first served', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perSecond: 1, now: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => limiter.acquire().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(clock.now()).toBe(3000);
  });
});
