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

describe('OneAtATime', () => {
  it('starts each piece only once the one before has settled', async () => {
    const line = new OneAtATime();
    const started: string[] = [];
    const a = piece(started, 'a');
    const b = piece(started, 'b');
    const ranA = line.run(a.work);
    const ranB = line.run(b.work);
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
    const line = new OneAtATime();
    const started: string[] = [];
    const a = piece(started, 'a');
    const b = piece(started, 'b');
    const ranA = line.run(a.work);
    const ranB = line.run(b.work);
    await turn();
    a.end(new Error('lock timeout'));
    await expect(ranA).rejects.toThrow('lock timeout');
    await turn();
    expect(started).toEqual(['a', 'b']);
    b.end();
    expect(await ranB).toBe('b');
  });
});
