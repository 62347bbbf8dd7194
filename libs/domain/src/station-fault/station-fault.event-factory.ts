import { eventFactory } from '../shared';
import type { StationFaultEvent } from './station-fault.events';

/** Every station-fault event is written at this schema version for now. */
export const STATION_FAULT_SCHEMA_VERSION = 1;

/** An event of the given type at the current schema version. */
export const stationFaultEvent = eventFactory<StationFaultEvent>(
  STATION_FAULT_SCHEMA_VERSION,
);
