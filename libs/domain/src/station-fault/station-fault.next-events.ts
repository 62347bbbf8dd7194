import type { StationFaultEventType } from './station-fault.events';
import type { StationFaultStatus } from './station-fault.states';
import { STATION_FAULT_DEADLINE_TRANSITIONS } from './station-fault.deadlines';
import { STATION_FAULT_TRANSITIONS } from './station-fault.transitions';

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * The event types that may come next in a stream whose fold is in
 * `status`, under any configuration (a stream may have been written under
 * either). Some commands append two events at once (call-received then
 * fault-recorded) and the first leaves the status as it was; pass the
 * type of the last event read as `previous` so the second is expected.
 */
export function nextEventTypesFrom(
  status: StationFaultStatus,
  previous?: StationFaultEventType,
): StationFaultEventType[] {
  // The timer's warnings and breaches may come in any step.
  const outcomes = [
    ...STATION_FAULT_TRANSITIONS,
    ...STATION_FAULT_DEADLINE_TRANSITIONS,
  ]
    .filter((rule) => rule.from === status)
    .flatMap((rule) => rule.outcomes);
  if (previous !== undefined) {
    const followers = outcomes.flatMap(({ events }) => {
      const at = events.indexOf(previous);
      return at >= 0 && at < events.length - 1 ? [events[at + 1]] : [];
    });
    if (followers.length > 0) return unique(followers);
  }
  return unique(outcomes.map(({ events }) => events[0]));
}
