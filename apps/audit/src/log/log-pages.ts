import { trimHeap } from './heap-trim';
import type {
  AllFilter,
  EventStore,
  RecordedEvent,
} from '@opsdesk/event-store';

/** Events per read: enough to amortise a query, few enough to stay small. */
export const PAGE_SIZE = 1000;

/** A full collection after this many pages (see `trimHeap`). */
const PAGES_PER_TRIM = 4;

/**
 * The global log one page at a time, so a command holds one page in
 * memory however long the log is (two if it reads ahead: `readAhead`).
 */
export async function* logPages(
  store: EventStore,
  options: { filter?: AllFilter; pageSize?: number } = {},
): AsyncGenerator<RecordedEvent[]> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  let after: string | undefined;
  for (let read = 1; ; read++) {
    if (read % PAGES_PER_TRIM === 0) trimHeap();
    const page = await store.readAll({
      after,
      maxCount: pageSize,
      filter: options.filter,
    });
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].position;
  }
}

/** One stream one page at a time, in revision order. */
export async function* streamPages(
  store: EventStore,
  streamName: string,
  pageSize = PAGE_SIZE,
): AsyncGenerator<RecordedEvent[]> {
  let fromRevision = 0;
  for (;;) {
    const page = await store.readStream(streamName, {
      fromRevision,
      maxCount: pageSize,
    });
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    fromRevision = page[page.length - 1].revision + 1;
  }
}
