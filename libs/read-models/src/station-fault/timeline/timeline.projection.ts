import type { RecordedEvent } from '@opsdesk/event-store';
import type { PoolClient } from 'pg';
import type { Projection, ReadModelProjectionOptions } from '../../projection';
import { openedEvent } from '../../personal-data/personal-data-opener';
import { projectionName } from '../../table-names';
import { STATION_FAULT_STREAM_PREFIX } from '../station-fault-stream';
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
    streamPrefixes: [STATION_FAULT_STREAM_PREFIX],

    async apply(client: PoolClient, event: RecordedEvent): Promise<void> {
      const e = timelineEntry(
        await openedEvent(options.personalData, client, event),
      );
      // Either key (event id, or ticket and revision) marks a replay.
      await client.query(
        `INSERT INTO ${t} (ticket_id, revision, event_id, type, label_zh,
                           label_en, actor_id, actor_role, actor_role_zh,
                           actor_kind, recorded_at, summary_zh, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING`,
        [
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
        ],
      );
    },
  };
}
