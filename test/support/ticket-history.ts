import {
  stationFaultProcess,
  streamNameOf,
  type Custody,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { Pool } from 'pg';

/** The event types of a station-fault ticket, in order, from the log. */
export async function eventTypesOf(store: EventStore, ticketId: string) {
  const events = await store.readStream(
    streamNameOf('station-fault', ticketId),
  );
  return events.map((e) => e.type.replace('station-fault.', ''));
}

/** The roles that held the ticket, in order, folded from the log alone. */
export async function holdersOf(store: EventStore, ticketId: string) {
  const events = await store.readStream(
    streamNameOf('station-fault', ticketId),
  );
  // Starts with the custody before the first event (nobody).
  const holders: Custody['role'][] = [null];
  let state = stationFaultProcess.initialState;
  for (const event of events) {
    state = stationFaultProcess.evolve(state, event as never);
    const { role } = stationFaultProcess.custody(state);
    if (holders[holders.length - 1] !== role) holders.push(role);
  }
  return holders.slice(1);
}

/**
 * The roles told of a ticket, in the order the log recorded the hand-offs.
 * Not by `notified_at`: hand-offs recorded in one statement share it.
 */
export async function handoffsOf(pool: Pool, ticketId: string) {
  const { rows } = await pool.query<{ to_role: string }>(
    `SELECT h.to_role FROM handoff_notifications h
       LEFT JOIN events e ON e.event_id = h.event_id
      WHERE h.ticket_id = $1
      ORDER BY e.position NULLS LAST, h.job_id`,
    [ticketId],
  );
  return rows.map((r) => r.to_role);
}
