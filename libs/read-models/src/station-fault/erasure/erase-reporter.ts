import {
  STATION_FAULT_PERSONAL_DATA,
  stationFaultProcess,
  type StationFaultEvent,
} from '@opsdesk/domain';
import { withoutFields } from '@opsdesk/platform';
import type { PoolClient } from 'pg';
import { timelineSummary } from '../timeline/timeline-summary';

// Where the fold keeps the reporter, as jsonb paths: `{reporter,name}`.
const STATE_PATHS = jsonbPaths(stationFaultProcess.personalState);

function jsonbPaths(paths: readonly string[] | undefined): string[] {
  // Without them an erasure would leave the reporter in every fold.
  if (!paths?.length)
    throw new Error('station-fault declares no personalState');
  return paths.map((path) => `{${path.split('.').join(',')}}`);
}

function withoutStatePaths(column: string): string {
  return STATE_PATHS.reduce((sql, path) => `${sql} #- '${path}'`, column);
}

/** The reporter out of one ticket's row of a ticket view table. */
export async function eraseReporterFromTicketView(
  client: PoolClient,
  table: string,
  ticketId: string,
): Promise<void> {
  await client.query(
    `UPDATE ${table}
        SET reporter_name = NULL, reporter_phone = NULL,
            state = ${withoutStatePaths('state')}
      WHERE ticket_id = $1`,
    [ticketId],
  );
}

/** The reporter out of one ticket's fold of an inbox folds table. */
export async function eraseReporterFromInboxFolds(
  client: PoolClient,
  table: string,
  ticketId: string,
): Promise<void> {
  await client.query(
    `UPDATE ${table} SET state = ${withoutStatePaths('state')}
      WHERE ticket_id = $1`,
    [ticketId],
  );
}

/** The reporter out of one ticket's entries of a timeline table. */
export async function eraseReporterFromTimeline(
  client: PoolClient,
  table: string,
  ticketId: string,
): Promise<void> {
  const personal = STATION_FAULT_PERSONAL_DATA as Record<
    string,
    readonly string[]
  >;
  const { rows } = await client.query<{
    revision: number;
    type: string;
    data: Record<string, unknown>;
  }>(
    `SELECT revision, type, data FROM ${table}
      WHERE ticket_id = $1 AND type = ANY($2::text[]) FOR UPDATE`,
    [ticketId, Object.keys(personal)],
  );
  for (const row of rows) {
    const data = withoutFields(row.data, personal[row.type] ?? []);
    await client.query(
      `UPDATE ${table} SET data = $3, summary_zh = $4
        WHERE ticket_id = $1 AND revision = $2`,
      [ticketId, row.revision, JSON.stringify(data), summaryOf(row.type, data)],
    );
  }
}

/** The timeline line again, now without the reporter's name. */
function summaryOf(type: string, data: Record<string, unknown>) {
  try {
    return timelineSummary({
      type,
      schemaVersion: 1,
      data,
    } as StationFaultEvent);
  } catch {
    return null;
  }
}
