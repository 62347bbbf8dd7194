import {
  STATION_FAULT_PERSONAL_DATA,
  stationFaultProcess,
} from '@opsdesk/domain';
import { withoutFields } from '@opsdesk/platform';
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
  const state = withoutFields(
    view.state as unknown as Record<string, unknown>,
    stationFaultProcess.personalState ?? [],
  ) as unknown as TicketView['state'];
  return { ...view, reporterName: null, reporterPhone: null, state };
}

export function entryWithoutReporter(entry: TimelineEntry): TimelineEntry {
  const paths =
    STATION_FAULT_PERSONAL_DATA[
      entry.type as keyof typeof STATION_FAULT_PERSONAL_DATA
    ];
  if (!paths) return entry;
  return {
    ...entry,
    data: withoutFields(entry.data, paths),
    summaryZh: entry.labelZh,
  };
}
