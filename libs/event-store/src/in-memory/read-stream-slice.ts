import type { ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { checkReadStreamOptions } from '../read-options';

/** The part of one stream (ascending by revision) a read asks for. */
export function readStreamSlice(
  stream: readonly RecordedEvent[],
  options: ReadStreamOptions,
): RecordedEvent[] {
  const { direction, fromRevision, maxCount, untilMs } =
    checkReadStreamOptions(options);
  const forwards = direction === 'forwards';
  const inRange = stream.filter(
    (e) =>
      (fromRevision === undefined ||
        (forwards ? e.revision >= fromRevision : e.revision <= fromRevision)) &&
      (untilMs === undefined || Date.parse(e.recordedAt) <= untilMs),
  );
  const ordered = forwards ? inRange : inRange.reverse();
  return maxCount === undefined ? ordered : ordered.slice(0, maxCount);
}
