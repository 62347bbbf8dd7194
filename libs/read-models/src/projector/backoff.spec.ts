import { backoffDelay } from './backoff';

describe('backoff after repeated projection failures', () => {
  const options = { initialDelayMs: 100, maxDelayMs: 1000 };

  it('doubles from the initial delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 60].map((n) => backoffDelay(n, options))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });
});
