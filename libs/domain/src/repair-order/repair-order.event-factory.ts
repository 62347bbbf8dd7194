import { eventFactory } from '../shared';
import type { RepairOrderEvent } from './repair-order.events';

export const REPAIR_ORDER_SCHEMA_VERSION = 1;

/** An event at the current schema version, without `undefined` keys. */
export const repairOrderEvent = eventFactory<RepairOrderEvent>(
  REPAIR_ORDER_SCHEMA_VERSION,
);
