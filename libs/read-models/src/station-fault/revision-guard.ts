import type { RecordedEvent } from '@opsdesk/event-store';
import { ProjectionRevisionGapError } from '../read-model.errors';

/**
 * Whether a folding projection applies `event` after `lastRevision`
 * (null: nothing of the stream yet). An event at or below it was applied
 * before and is skipped; one beyond the next revision leaves a hole.
 */
export function shouldApply(
  projection: string,
  lastRevision: number | null,
  event: RecordedEvent,
): boolean {
  const expected = lastRevision === null ? 0 : lastRevision + 1;
  if (event.revision < expected) return false;
  if (event.revision > expected) {
    throw new ProjectionRevisionGapError(
      projection,
      event.streamName,
      expected,
      event.revision,
    );
  }
  return true;
}
