import {
  STATION_FAULT_PERSONAL_DATA,
  stationFaultProcess,
} from '@opsdesk/domain';
import type { TicketView, TimelineEntry } from '@opsdesk/read-models';

/**
 * A station fault as an outside party reads it: the reporter's name and
 * phone left out of the view's columns and of its folded state (the
 * paths the process declares, `personalState`), and out of every
 * timeline entry whose event the domain lists as personal data
 * (`STATION_FAULT_PERSONAL_DATA`), whose summary then is the event's
 * label alone.
 */
export function viewWithoutReporter(view: TicketView): TicketView {
  const state = structuredClone(view.state);
  for (const path of stationFaultProcess.personalState ?? []) {
    removePath(state as unknown as Record<string, unknown>, path.split('.'));
  }
  return { ...view, reporterName: null, reporterPhone: null, state };
}

export function entryWithoutReporter(entry: TimelineEntry): TimelineEntry {
  const paths =
    STATION_FAULT_PERSONAL_DATA[
      entry.type as keyof typeof STATION_FAULT_PERSONAL_DATA
    ];
  if (!paths) return entry;
  const data = structuredClone(entry.data);
  for (const path of paths) removePath(data, path.split('.'));
  return { ...entry, data, summaryZh: entry.labelZh };
}

function removePath(value: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    delete value[head];
    return;
  }
  const inner = value[head];
  if (inner && typeof inner === 'object') {
    removePath(inner as Record<string, unknown>, rest);
  }
}
