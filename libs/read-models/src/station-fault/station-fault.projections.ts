import type { PoolClient } from 'pg';
import type { Projection, ReadModelProjectionOptions } from '../projection';
import { createInboxProjection } from './inbox/inbox.projection';
import { createReportingProjection } from './reporting/reporting.projection';
import { STATION_FAULT_STREAM_PREFIX } from './station-fault-stream';
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

/**
 * Removes the reporter's name and phone from every read model of one
 * ticket, in the caller's transaction (together with the key's erasure):
 * each projection that stores them scrubs its own tables, as a rebuild's
 * swap asks the same projections for its staging tables. Rows written
 * later come from sealed events that no longer open.
 */
export async function eraseReporterFromReadModels(
  client: PoolClient,
  ticketId: string,
  options: ReadModelProjectionOptions = {},
): Promise<void> {
  const subject = `${STATION_FAULT_STREAM_PREFIX}${ticketId}`;
  for (const projection of createStationFaultProjections(options)) {
    await projection.erasePersonalData?.(client, subject);
  }
}
