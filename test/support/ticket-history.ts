import {
  stationFaultProcess,
  streamNameOf,
  type Custody,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';

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
