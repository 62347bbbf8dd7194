import { InvalidReadOptionError } from './event-store.errors';
import type { ReadAllOptions, ReadStreamOptions } from './event-store.port';

/** Read-stream options with defaults filled in and values checked. */
export interface StreamSliceOptions {
  direction: 'forwards' | 'backwards';
  fromRevision: number | undefined;
  maxCount: number | undefined;
  /** Epoch milliseconds. */
  untilMs: number | undefined;
}

export function checkReadStreamOptions(
  options: ReadStreamOptions,
): StreamSliceOptions {
  const { direction = 'forwards', fromRevision, untilRecordedAt } = options;
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidReadOptionError('direction', direction);
  }
  if (fromRevision !== undefined && !isCount(fromRevision)) {
    throw new InvalidReadOptionError('fromRevision', fromRevision);
  }
  const untilMs =
    untilRecordedAt === undefined ? undefined : Date.parse(untilRecordedAt);
  if (untilMs !== undefined && Number.isNaN(untilMs)) {
    throw new InvalidReadOptionError('untilRecordedAt', untilRecordedAt);
  }
  return {
    direction,
    fromRevision,
    maxCount: checkMaxCount(options.maxCount),
    untilMs,
  };
}

export function checkMaxCount(
  maxCount: ReadAllOptions['maxCount'],
): number | undefined {
  if (maxCount !== undefined && !isCount(maxCount)) {
    throw new InvalidReadOptionError('maxCount', maxCount);
  }
  return maxCount;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
