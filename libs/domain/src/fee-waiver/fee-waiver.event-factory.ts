import { eventFactory } from '../shared';
import type { FeeWaiverEvent } from './fee-waiver.events';

export const FEE_WAIVER_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export const feeWaiverEvent = eventFactory<FeeWaiverEvent>(
  FEE_WAIVER_SCHEMA_VERSION,
);
