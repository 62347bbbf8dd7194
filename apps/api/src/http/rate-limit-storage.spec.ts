import { ThrottlerStorageService } from '@nestjs/throttler';
import { SlidingWindowStorage } from './rate-limit-storage';

/** A small deterministic generator, so every run replays the same calls. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Both stores on one clock the test steps (milliseconds). */
function pair() {
  let now = 1_800_000_000_000;
  const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
  const reference = new ThrottlerStorageService();
  const ours = new SlidingWindowStorage(() => now);
  return {
    reference,
    ours,
    advance(ms: number) {
      now += ms;
    },
    get now() {
      return now;
    },
    close() {
      reference.onApplicationShutdown();
      ours.onApplicationShutdown();
      clock.mockRestore();
    },
  };
}

describe('the rate limiter’s store', () => {
  it.each([
    ['a short window with blocking', 1000, 3, 1000],
    ['a minute with blocking, as the API runs it', 60_000, 5, 60_000],
    ['a block longer than the window', 1000, 2, 5000],
    ['no blocking (blockDuration 0)', 1000, 3, 0],
  ])(
    'answers every request as @nestjs/throttler’s own store does, for %s',
    async (_, ttl, limit, blockDuration) => {
      const stores = pair();
      const next = random(ttl + limit + blockDuration);
      try {
        for (let i = 0; i < 3000; i++) {
          const key = `key-${Math.floor(next() * 3)}`;
          // Mostly bursts within the window, sometimes a pause past it.
          stores.advance(
            next() < 0.05
              ? Math.floor(next() * 3 * ttl)
              : Math.floor(next() * 150),
          );
          const args = [key, ttl, limit, blockDuration, 'default'] as const;
          expect(await stores.ours.increment(...args)).toEqual(
            await stores.reference.increment(...args),
          );
        }
      } finally {
        stores.close();
      }
    },
  );

  it('answers as the reference does when a key’s ttl changes between requests', async () => {
    const stores = pair();
    const next = random(7);
    try {
      for (let i = 0; i < 3000; i++) {
        stores.advance(Math.floor(next() * 200));
        const ttl = [500, 1000, 3000][Math.floor(next() * 3)];
        const blockDuration = next() < 0.5 ? 0 : ttl;
        const args = ['k', ttl, 4, blockDuration, 'default'] as const;
        expect(await stores.ours.increment(...args)).toEqual(
          await stores.reference.increment(...args),
        );
      }
    } finally {
      stores.close();
    }
  });

  it('counts every hit of a busy window, as the reference does', async () => {
    const stores = pair();
    try {
      const args = ['busy', 10_000, 10 ** 9, 10_000, 'default'] as const;
      let last;
      for (let i = 0; i < 6_000; i++) {
        stores.advance(5); // 200 a second
        last = await stores.ours.increment(...args);
        expect(last).toEqual(await stores.reference.increment(...args));
      }
      // 10 s at 200 a second: the first 4,000 hits have left the window.
      expect(last?.totalHits).toBe(2_000);
    } finally {
      stores.close();
    }
  });

  it('refuses past the limit and lets the key in again once the block ends', async () => {
    const stores = pair();
    try {
      const args = ['k', 60_000, 2, 60_000, 'default'] as const;
      const blocked = [];
      for (let i = 0; i < 4; i++) {
        blocked.push((await stores.ours.increment(...args)).isBlocked);
      }
      expect(blocked).toEqual([false, false, true, true]);
      stores.advance(60_000);
      expect(await stores.ours.increment(...args)).toMatchObject({
        isBlocked: false,
        totalHits: 1,
      });
    } finally {
      stores.close();
    }
  });

  it('forgets a key only once it is neither blocked nor holds a live hit', async () => {
    const stores = pair();
    try {
      await stores.ours.increment('idle', 1000, 1, 5000, 'default');
      await stores.ours.increment('idle', 1000, 1, 5000, 'default');
      await stores.ours.increment('busy', 1000, 100, 1000, 'default');
      stores.advance(2000);
      await stores.ours.increment('busy', 1000, 100, 1000, 'default');
      stores.ours.evictIdleRecords();
      // `idle` is still blocked (5 s), `busy` has a live hit.
      expect(stores.ours.size).toBe(2);
      stores.advance(5000);
      stores.ours.evictIdleRecords();
      expect(stores.ours.size).toBe(0);
    } finally {
      stores.close();
    }
  });
});
