/**
 * The items of `source`, in order, with the next one always being read
 * while the consumer works on the current one: a slow read and slow work
 * then overlap instead of taking turns. Two items are in memory at a time
 * instead of one.
 *
 * A failed read surfaces when the consumer asks for that item. A consumer
 * that stops early (break, throw) waits for the read in flight, whose
 * result or error nobody wants any more, and then closes the source, so
 * nothing is left reading from resources the caller may be closing.
 */
export async function* readAhead<T>(
  source: AsyncIterable<T>,
): AsyncGenerator<T, void, undefined> {
  const items = source[Symbol.asyncIterator]();
  let reading = startReading(items);
  for (;;) {
    // A source that threw or ended has closed itself: nothing to close.
    const current = await reading;
    if (current.done) return;
    reading = startReading(items);
    let resumed = false;
    try {
      yield current.value;
      resumed = true;
    } finally {
      if (!resumed) await closeEarly(items, reading);
    }
  }
}

function startReading<T>(items: AsyncIterator<T>): Promise<IteratorResult<T>> {
  const reading = items.next();
  // Nobody awaits this read until the consumer asks for the next item; a
  // handler now keeps a failure meanwhile from counting as an unhandled
  // rejection, and awaiting `reading` later still throws it.
  reading.catch(() => undefined);
  return reading;
}

async function closeEarly<T>(
  items: AsyncIterator<T>,
  reading: Promise<IteratorResult<T>>,
): Promise<void> {
  const last = await reading.catch(() => undefined);
  // A source whose last read failed or ended is closed already.
  if (last && !last.done) await items.return?.();
}
