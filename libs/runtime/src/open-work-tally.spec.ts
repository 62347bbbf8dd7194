import { OpenWorkTally } from './open-work-tally';

describe('the open-work tally', () => {
  it('reads again after a failed read instead of keeping the failure', async () => {
    let calls = 0;
    const tally = new OpenWorkTally((_role, ids) => {
      calls++;
      if (calls === 1) return Promise.reject(new Error('connection reset'));
      return Promise.resolve(Object.fromEntries(ids.map((id) => [id, 2])));
    });

    await expect(tally.of('regional-inspector', ['a'])).rejects.toThrow(
      'connection reset',
    );
    const work = await tally.of('regional-inspector', ['a']);

    expect(work.open).toEqual({ a: 2 });
    expect(calls).toBe(2);
  });

  it('keeps the counts of each candidate list apart', async () => {
    let now = 0;
    const tally = new OpenWorkTally(
      (_role, ids) =>
        Promise.resolve(Object.fromEntries(ids.map((id) => [id, 0]))),
      1000,
      () => now,
    );

    (await tally.of('regional-inspector', ['a', 'b'])).take('a');
    const other = await tally.of('regional-inspector', ['a', 'c']);
    const same = await tally.of('regional-inspector', ['a', 'b']);
    now = 1000;
    const later = await tally.of('regional-inspector', ['a', 'b']);

    expect(other.open).toEqual({ a: 0, c: 0 });
    expect(same.open).toEqual({ a: 1, b: 0 });
    expect(later.open).toEqual({ a: 0, b: 0 });
  });
});
