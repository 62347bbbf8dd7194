import type { Projection, ReadModelProjectionOptions } from '../projection';
import { createInboxProjection } from './inbox/inbox.projection';
import { createReportingProjection } from './reporting/reporting.projection';
import { createTicketViewProjection } from './ticket-view/ticket-view.projection';
import { createTimelineProjection } from './timeline/timeline.projection';

/**
 * The ticket view, inbox, timeline and reporting; each needs its own
 * runner. Every projection that follows the station-fault log is listed
 * here, so start-up, migrations and rebuilds all find it.
 */
export function createStationFaultProjections(
  options: ReadModelProjectionOptions = {},
): Projection[] {
  return [
    createTicketViewProjection(options),
    createInboxProjection(options),
    createTimelineProjection(options),
    createReportingProjection(options),
  ];
}
