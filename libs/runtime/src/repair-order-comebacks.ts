import type { ComebackMatch } from '@opsdesk/domain';
import { REPAIR_ORDER_TABLES } from '@opsdesk/read-models';
import type { Pool } from 'pg';

const TICKETS = REPAIR_ORDER_TABLES.tickets;

/**
 * The last delivered repair order of the plate, from the read model; the
 * decider judges whether it is recent enough to be a comeback (返修).
 * The read model trails the log by a moment: a delivery recorded in the
 * last instant before a new visit may be missed.
 */
export async function findComeback(
  pool: Pool,
  plate: string,
  ticketId: string,
): Promise<ComebackMatch | null> {
  const { rows } = await pool.query<{
    ticket_id: string;
    ticket_number: string | null;
    delivered_at: string;
  }>(
    `SELECT ticket_id, ticket_number, state->>'deliveredAt' AS delivered_at
       FROM ${TICKETS}
      WHERE state->'vehicle'->>'plate' = $1
        AND state->>'deliveredAt' IS NOT NULL
        AND ticket_id <> $2
      ORDER BY state->>'deliveredAt' DESC
      LIMIT 1`,
    [plate, ticketId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    previousTicketId: row.ticket_id,
    previousTicketNumber: row.ticket_number,
    deliveredAt: new Date(row.delivered_at).toISOString(),
  };
}
