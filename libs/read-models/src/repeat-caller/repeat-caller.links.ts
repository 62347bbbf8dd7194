import type { EarlierCall } from '@opsdesk/domain';
import type { Pool } from 'pg';
import type { Visibility } from '../process-tickets/process-ticket-queries';
import { processTicketTables } from '../process-tickets/process-tickets.tables';

const TICKETS = processTicketTables('repeat_caller').tickets;

/** How many of a caller's latest calls the repeat check is shown. */
const EARLIER_CALLS_LIMIT = 50;

type Row = Record<string, unknown>;

/** Where a call stands among the links, as its ticket view's companion. */
export interface RepeatCallLinks {
  ticketId: string;
  /** The earlier calls this escalation links (empty for a plain call). */
  linkedCalls: { ticketId: string; ticketNumber?: string; calledAt: string }[];
  /** The escalation this call is linked into, if any. */
  linkedInto: {
    ticketId: string;
    ticketNumber: string | null;
    status: string;
  } | null;
}

function text(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/**
 * The latest calls of the same subsidiary sharing a caller key (the same
 * phone or the same member), each with the escalation that has linked
 * it. The read model lags the log by a moment, so a call recorded a
 * breath earlier may be missed: the check counts what the centre sees,
 * it is not a lock.
 * TODO(#11): a GIN index on `state->'callerKeys'` once the table grows.
 */
export async function earlierCallsOf(
  pool: Pool,
  query: { ticketId: string; callerKeys: string[]; subsidiaryId?: string },
): Promise<EarlierCall[]> {
  if (query.callerKeys.length === 0) return [];
  const { rows } = await pool.query<Row>(
    `SELECT t.ticket_id, t.ticket_number, t.status,
            t.state->>'subject' AS subject,
            t.state->>'calledAt' AS called_at,
            (SELECT e.ticket_id FROM ${TICKETS} e
              WHERE e.state->'linkedTicketIds' ? t.ticket_id
              ORDER BY e.reported_at LIMIT 1) AS linked_into
       FROM ${TICKETS} t
      WHERE t.state->'callerKeys' ?| $1::text[]
        AND t.ticket_id <> $2
        AND t.subsidiary_id IS NOT DISTINCT FROM $3
        AND t.state->>'calledAt' IS NOT NULL
      ORDER BY (t.state->>'calledAt')::timestamptz DESC, t.ticket_id
      LIMIT ${EARLIER_CALLS_LIMIT}`,
    [query.callerKeys, query.ticketId, query.subsidiaryId ?? null],
  );
  return rows.map((row) => {
    const ticketNumber = text(row.ticket_number);
    const linkedInto = text(row.linked_into);
    return {
      ticketId: String(row.ticket_id),
      ...(ticketNumber ? { ticketNumber } : {}),
      subject: String(row.subject),
      calledAt: new Date(String(row.called_at)).toISOString(),
      status: String(row.status),
      ...(linkedInto ? { linkedInto } : {}),
    };
  });
}

/**
 * A call's links, both ways: what it links (an escalation) and what has
 * linked it. Null when the reader may not see the ticket. A link lives
 * on the escalation's stream only, so an unlink there restores the call
 * it names without writing to it.
 */
export async function repeatCallLinksOf(
  pool: Pool,
  ticketId: string,
  visibility: Visibility,
): Promise<RepeatCallLinks | null> {
  const { rows } = await pool.query<Row>(
    `SELECT t.state->'linkedCalls' AS linked_calls,
            e.ticket_id AS into_id, e.ticket_number AS into_number,
            e.status AS into_status
       FROM ${TICKETS} t
       LEFT JOIN LATERAL (
         SELECT ticket_id, ticket_number, status FROM ${TICKETS}
          WHERE state->'linkedTicketIds' ? t.ticket_id
          ORDER BY reported_at LIMIT 1
       ) e ON true
      WHERE t.ticket_id = $1
        AND (NOT $2::boolean OR $3::boolean
             OR t.subsidiary_id IS NOT DISTINCT FROM $4::text)`,
    [
      ticketId,
      true,
      visibility.headquarters === true,
      visibility.subsidiary ?? null,
    ],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    ticketId,
    linkedCalls: (row.linked_calls as RepeatCallLinks['linkedCalls']) ?? [],
    linkedInto: row.into_id
      ? {
          ticketId: String(row.into_id),
          ticketNumber: text(row.into_number) ?? null,
          status: String(row.into_status),
        }
      : null,
  };
}
