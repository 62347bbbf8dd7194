import { PacedCheckpoint } from './paced-checkpoint';

describe('a paced checkpoint', () => {
  let clock: number;
  let saved: string[];
  let errors: unknown[];
  let failNext: Error | undefined;

  function paced(): PacedCheckpoint {
    return new PacedCheckpoint({
      save: (position) => {
        if (failNext) {
          const error = failNext;
          failNext = undefined;
          return Promise.reject(error);
        }
        saved.push(position);
        return Promise.resolve();
      },
      onError: (error) => errors.push(error),
      intervalMs: 200,
      now: () => clock,
    });
  }

  beforeEach(() => {
    jest.useFakeTimers();
    clock = 0;
    saved = [];
    errors = [];
    failNext = undefined;
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  async function advance(ms: number): Promise<void> {
    clock += ms;
    await jest.advanceTimersByTimeAsync(ms);
  }

  it('saves the first page at once', async () => {
    await paced().passed('p1');

    expect(saved).toEqual(['p1']);
  });

  it('saves pages within the interval once, at its end, at the last position', async () => {
    const checkpoint = paced();
    await checkpoint.passed('p1');
    await advance(50);
    await checkpoint.passed('p2');
    await advance(50);
    await checkpoint.passed('p3');

    expect(saved).toEqual(['p1']);

    await advance(100);
    expect(saved).toEqual(['p1', 'p3']);
  });

  it('saves a page at once when the interval has passed since the last save', async () => {
    const checkpoint = paced();
    await checkpoint.passed('p1');
    await advance(250);
    await checkpoint.passed('p2');

    expect(saved).toEqual(['p1', 'p2']);
  });

  it('saves what waits when flushed (a follower stopping)', async () => {
    const checkpoint = paced();
    await checkpoint.passed('p1');
    await checkpoint.passed('p2');

    await checkpoint.flush();

    expect(saved).toEqual(['p1', 'p2']);
    await advance(500);
    expect(saved).toEqual(['p1', 'p2']);
  });

  it('forgets what waits when discarded (a follower restarting)', async () => {
    const checkpoint = paced();
    await checkpoint.passed('p1');
    await checkpoint.passed('p2');

    await checkpoint.discard();
    await advance(500);

    expect(saved).toEqual(['p1']);
  });

  it('hands a failed save of the timer to onError', async () => {
    const checkpoint = paced();
    await checkpoint.passed('p1');
    await checkpoint.passed('p2');
    failNext = new Error('lease lost');

    await advance(200);

    expect(saved).toEqual(['p1']);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('lease lost');
  });

  it('fails the page whose save fails at once', async () => {
    failNext = new Error('database down');

    await expect(paced().passed('p1')).rejects.toThrow('database down');
    expect(errors).toEqual([]);
  });

  it('lets a discard wait for a save on its way', async () => {
    let finish: () => void = () => undefined;
    const checkpoint = new PacedCheckpoint({
      save: (position) =>
        new Promise<void>((resolve) => {
          finish = () => {
            saved.push(position);
            resolve();
          };
        }),
      onError: (error) => errors.push(error),
      intervalMs: 200,
      now: () => clock,
    });
    const saving = checkpoint.passed('p1');
    let discarded = false;
    const discarding = checkpoint.discard().then(() => {
      discarded = true;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(discarded).toBe(false);

    finish();
    await Promise.all([saving, discarding]);

    expect(discarded).toBe(true);
    expect(saved).toEqual(['p1']);
  });
});
