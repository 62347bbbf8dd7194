import { insertMany } from '../../batch/insert-many';
import { openedEvents } from '../../personal-data/personal-data-opener';
import type { Projection, ReadModelProjectionOptions } from '../../projection';
import { projectionName } from '../../table-names';
import { eraseReporterFromTimeline } from '../erasure/erase-reporter';
import {
  STATION_FAULT_STREAM_PREFIX,
  stationFaultTicketId,
} from '../station-fault-stream';
import { TIMELINE_PROJECTION, timelineEntry } from './timeline.entry';
import { timelineMigrations, timelineTables } from './timeline.tables';

/** `timeline_entries`: every event of a ticket, labelled, in order. */
export function createTimelineProjection(
  options: ReadModelProjectionOptions = {},
): Projection {
  const tables = timelineTables(options.tableSuffix);
  const t = tables.timelineEntries;

  return {
    name: projectionName(TIMELINE_PROJECTION, options.tableSuffix),
    migrations: timelineMigrations(tables),
    tables: [t],
    appendOnlyTables: [t],
    streamPrefixes: [STATION_FAULT_STREAM_PREFIX],
    erasePersonalData: (client, subject) =>
      eraseReporterFromTimeline(client, t, stationFaultTicketId(subject)),

    async apply(client, events) {
      const opened = await openedEvents(options.personalData, client, events);
      const rows = opened.map((event) => {
        const e = timelineEntry(event);
        return [
          e.ticketId,
          e.revision,
          e.eventId,
          e.type,
          e.labelZh,
          e.labelEn,
          e.actorId,
          e.actorRole,
          e.actorRoleZh,
          e.actorKind,
          e.recordedAt,
          e.summaryZh,
          JSON.stringify(e.data),
        ];
      });
      // Either key (event id, or ticket and revision) marks a replay.
      await insertMany(
        client,
        `INSERT INTO ${t} (ticket_id, revision, event_id, type, label_zh,
                           label_en, actor_id, actor_role, actor_role_zh,
                           actor_kind, recorded_at, summary_zh, data)`,
        'ON CONFLICT DO NOTHING',
        rows,
      );
    },
  };
}
