import { readAhead } from './read-ahead';

/**
 * A promise that knows whether a rejection handler was attached to it.
 * Node reports a rejection as unhandled when none was by the time it
 * failed; asking the promise itself is exact where listening for Node's
 * report, under jest, is not.
 */
class WatchedPromise<T> extends Promise<T> {
  rejectionWatched = false;

  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    if (onRejected) this.rejectionWatched = true;
    return super.then(onFulfilled, onRejected);
  }
}

interface Read<T> {
  promise: WatchedPromise<IteratorResult<T>>;
  resolve(result: IteratorResult<T>): void;
  reject(reason: unknown): void;
}

function read<T>(): Read<T> {
  let resolve!: (result: IteratorResult<T>) => void;
  let reject!: (reason: unknown) => void;
  const promise = new WatchedPromise<IteratorResult<T>>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** A source whose every read waits until the test answers it. */
function answeredSource<T>() {
  const reads: Read<T>[] = [];
  let closes = 0;
  let unwatchedFailures = 0;
  const iterator: AsyncIterableIterator<T> = {
    next() {
      const next = read<T>();
      reads.push(next);
      return next.promise;
    },
    async return() {
      closes += 1;
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return {
    iterator,
    reads,
    give(index: number, value: T) {
      reads[index].resolve({ done: false, value });
    },
    end(index: number) {
      reads[index].resolve({ done: true, value: undefined });
    },
    fail(index: number, error: Error) {
      if (!reads[index].promise.rejectionWatched) unwatchedFailures += 1;
      reads[index].reject(error);
    },
    closes: () => closes,
    unwatchedFailures: () => unwatchedFailures,
  };
}

async function* failingAfter(items: string[]): AsyncGenerator<string> {
  yield* items;
  throw new Error('read failed');
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const item of items) seen.push(item);
  return seen;
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('readAhead', () => {
  it('yields the items of its source in order', async () => {
    async function* pages() {
      yield* [[1, 2], [3], [4, 5, 6]];
    }
    expect(await collect(readAhead(pages()))).toEqual([[1, 2], [3], [4, 5, 6]]);
  });

  it('ends with an empty source', async () => {
    async function* nothing(): AsyncGenerator<string> {}
    expect(await collect(readAhead(nothing()))).toEqual([]);
  });

  it('reads the next item while the consumer still has the current one', async () => {
    const source = answeredSource<string>();
    const ahead = readAhead(source.iterator);

    const first = ahead.next();
    expect(source.reads).toHaveLength(1);
    source.give(0, 'a');
    expect(await first).toEqual({ done: false, value: 'a' });

    // The consumer has not asked for more, and 'b' is being read already;
    // it can arrive before the consumer is done with 'a'.
    expect(source.reads).toHaveLength(2);
    source.give(1, 'b');
    await settle();
    // One read in flight, no more: 'c' waits until 'b' is taken.
    expect(source.reads).toHaveLength(2);

    expect(await ahead.next()).toEqual({ done: false, value: 'b' });
    expect(source.reads).toHaveLength(3);
    source.end(2);
    expect(await ahead.next()).toEqual({ done: true, value: undefined });
  });

  it('throws a failed read at the item that failed, not before', async () => {
    const seen: string[] = [];
    const reading = (async () => {
      for await (const item of readAhead(failingAfter(['a', 'b']))) {
        seen.push(item);
      }
    })();
    await expect(reading).rejects.toThrow('read failed');
    expect(seen).toEqual(['a', 'b']);
  });

  it('holds a read that fails ahead of the consumer until it is asked for', async () => {
    const source = answeredSource<string>();
    const ahead = readAhead(source.iterator);
    const first = ahead.next();
    source.give(0, 'a');
    await first;

    source.fail(1, new Error('read failed'));
    expect(source.unwatchedFailures()).toBe(0);
    await settle();
    await expect(ahead.next()).rejects.toThrow('read failed');
    // The source failed, so it has closed itself.
    expect(source.closes()).toBe(0);
  });

  it('on break, waits for the read in flight, then closes the source', async () => {
    const source = answeredSource<string>();
    const ahead = readAhead(source.iterator);
    const first = ahead.next();
    source.give(0, 'a');
    await first;

    let returned = false;
    const leaving = ahead.return().then(() => {
      returned = true;
    });
    await settle();
    expect(returned).toBe(false);
    expect(source.closes()).toBe(0);

    source.give(1, 'b');
    await leaving;
    expect(source.closes()).toBe(1);
  });

  it('closes a generator left early with a break', async () => {
    let closed = false;
    async function* pages() {
      try {
        yield* ['a', 'b', 'c'];
      } finally {
        closed = true;
      }
    }
    for await (const page of readAhead(pages())) {
      if (page === 'a') break;
    }
    expect(closed).toBe(true);
  });

  it('watches a read that fails while the consumer fails', async () => {
    const source = answeredSource<string>();
    const using = (async () => {
      for await (const item of readAhead(source.iterator)) {
        source.fail(1, new Error('read failed'));
        await settle();
        throw new Error(`could not use ${item}`);
      }
    })();
    source.give(0, 'a');
    await expect(using).rejects.toThrow('could not use a');
    expect(source.unwatchedFailures()).toBe(0);
    expect(source.closes()).toBe(0);
  });

  it('watches a read in flight that fails after a break', async () => {
    const source = answeredSource<string>();
    const ahead = readAhead(source.iterator);
    const first = ahead.next();
    source.give(0, 'a');
    await first;

    const leaving = ahead.return();
    source.fail(1, new Error('read failed'));
    await expect(leaving).resolves.toEqual({ done: true, value: undefined });
    expect(source.unwatchedFailures()).toBe(0);
    // The failed source has closed itself.
    expect(source.closes()).toBe(0);
  });
});
