import { repairPlateKey, type ComebackMatch } from '@opsdesk/domain';
import { REPAIR_ORDER_TABLES } from '@opsdesk/read-models';
import type { Pool } from 'pg';

const TICKETS = REPAIR_ORDER_TABLES.tickets;

/**
 * The last delivered repair order of the same vehicle (plates compared
 * by their key, so `沪A·R1001` and `沪AR1001` are one car) in the same
 * subsidiary, from the read model; the decider judges whether it is
 * recent enough to be a comeback (返修). Another subsidiary's repairs are
 * not looked at: their numbers must not show in this visit's record.
 * The read model trails the log by a moment: a delivery recorded in the
 * last instant before a new visit may be missed.
 */
export async function findComeback(
  pool: Pool,
  plate: string,
  ticketId: string,
  subsidiaryId: string | undefined,
): Promise<ComebackMatch | null> {
  const { rows } = await pool.query<{
    ticket_id: string;
    ticket_number: string | null;
    delivered_at: string;
    warranty_until: string | null;
  }>(
    `SELECT ticket_id, ticket_number,
            state->>'deliveredAt' AS delivered_at,
            state->>'warrantyUntil' AS warranty_until
       FROM ${TICKETS}
      -- A row projected before plates had a key holds the plate only.
      WHERE COALESCE(facts->>'plateKey', facts->>'plate') = $1
        AND state->>'deliveredAt' IS NOT NULL
        AND ticket_id <> $2
        AND subsidiary_id IS NOT DISTINCT FROM $3::text
      ORDER BY (state->>'deliveredAt')::timestamptz DESC
      LIMIT 1`,
    [repairPlateKey(plate), ticketId, subsidiaryId ?? null],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    previousTicketId: row.ticket_id,
    previousTicketNumber: row.ticket_number,
    deliveredAt: new Date(row.delivered_at).toISOString(),
    warrantyUntil: row.warranty_until
      ? new Date(row.warranty_until).toISOString()
      : null,
  };
}
