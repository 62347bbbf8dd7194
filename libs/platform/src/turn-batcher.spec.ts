import { TurnBatcher } from './turn-batcher';

describe('a turn batcher', () => {
  it('runs what one turn submitted together, in order', async () => {
    const runs: number[][] = [];
    const batcher = new TurnBatcher<number, number>(
      async (inputs) => {
        runs.push(inputs);
        return inputs.map((n) => n * 10);
      },
      { maxSize: 100, maxRuns: 1 },
    );

    const answers = await Promise.all([1, 2, 3].map((n) => batcher.submit(n)));

    expect(answers).toEqual([10, 20, 30]);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('keeps an input that may not join for the next run, in its place', async () => {
    const runs: string[][] = [];
    const batcher = new TurnBatcher<string, string>(
      async (inputs) => {
        runs.push(inputs);
        return inputs;
      },
      {
        maxSize: 100,
        maxRuns: 1,
        canJoin: (taken, input) => !taken.includes(input),
      },
    );

    await Promise.all(['a', 'b', 'a', 'c'].map((s) => batcher.submit(s)));

    expect(runs).toEqual([['a', 'b', 'c'], ['a']]);
  });

  it('splits at the largest run', async () => {
    const sizes: number[] = [];
    const batcher = new TurnBatcher<number, void>(
      async (inputs) => {
        sizes.push(inputs.length);
        return inputs.map(() => undefined);
      },
      { maxSize: 2, maxRuns: 4 },
    );

    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.submit(n)));

    expect(sizes).toEqual([2, 2, 1]);
  });

  it('fails only the input that breaks a run, by running each alone', async () => {
    const batcher = new TurnBatcher<number, number>(
      async (inputs) => {
        if (inputs.includes(13)) throw new Error('unlucky');
        return inputs;
      },
      { maxSize: 100, maxRuns: 1 },
    );

    const settled = await Promise.allSettled(
      [12, 13, 14].map((n) => batcher.submit(n)),
    );

    expect(settled).toEqual([
      { status: 'fulfilled', value: 12 },
      { status: 'rejected', reason: new Error('unlucky') },
      { status: 'fulfilled', value: 14 },
    ]);
  });
});
