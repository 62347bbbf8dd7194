import type { StationFaultEventType } from './station-fault.events';

/**
 * An upcaster of a station-fault event, in the event store's shape
 * (`Upcaster` of `@opsdesk/event-store`), declared here because the
 * domain imports no adapter. Pure: data in, data of the next version out.
 */
export interface StationFaultUpcaster {
  type: StationFaultEventType;
  fromVersion: number;
  toVersion: number;
  upcast(
    data: Record<string, unknown>,
    metadata: Readonly<Record<string, unknown>>,
  ): Record<string, unknown>;
}

/**
 * Every station-fault event is still at schema version 1, so none yet.
 * When an event's data changes shape, raise its version where it is
 * made, and add the step from the old version here; stored events are
 * never rewritten, they are read through these.
 */
export const stationFaultUpcasters: readonly StationFaultUpcaster[] = [];
