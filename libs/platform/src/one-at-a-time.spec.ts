import { OneAtATime } from './one-at-a-time';

/** A piece of work that ends when told to, and says when it started. */
function piece(started: string[], name: string) {
  let end!: (failed?: Error) => void;
  const work = () => {
    started.push(name);
    return new Promise<string>((resolve, reject) => {
      end = (failed) => (failed ? reject(failed) : resolve(name));
    });
  };
  return { work, end: (failed?: Error) => end(failed) };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Two pieces given to one line, `a` first; neither has ended yet. */
function twoInLine() {
  const line = new OneAtATime();
  const started: string[] = [];
  const a = piece(started, 'a');
  const b = piece(started, 'b');
  return { started, a, b, ranA: line.run(a.work), ranB: line.run(b.work) };
}

describe('OneAtATime', () => {
  it('starts each piece only once the one before has settled', async () => {
    const { started, a, b, ranA, ranB } = twoInLine();
    await turn();
    expect(started).toEqual(['a']);

    a.end();
    expect(await ranA).toBe('a');
    await turn();
    expect(started).toEqual(['a', 'b']);
    b.end();
    expect(await ranB).toBe('b');
  });

  it('goes on after a piece that failed, which fails alone', async () => {
    const { started, a, b, ranA, ranB } = twoInLine();
    await turn();
    a.end(new Error('lock timeout'));
    await expect(ranA).rejects.toThrow('lock timeout');
    await turn();
    expect(started).toEqual(['a', 'b']);
    b.end();
    expect(await ranB).toBe('b');
  });
});
