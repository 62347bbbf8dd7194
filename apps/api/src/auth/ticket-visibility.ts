import { streamNameOf } from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import { fold, type ProcessCatalog } from '@opsdesk/messaging';
import { isHeadquarters, type Principal } from './principal';

type OwnedState = {
  status: string;
  subsidiaryId?: string;
  station?: { subsidiaryId?: string };
};

/** The subsidiary a folded ticket belongs to, in either place a process keeps it. */
export function ownerOf(state: OwnedState): string | undefined {
  return state.subsidiaryId ?? state.station?.subsidiaryId;
}

export function principalSees(
  principal: Principal,
  subsidiaryId: string | undefined,
): boolean {
  return isHeadquarters(principal) || subsidiaryId === principal.subsidiary;
}

export type TicketAccess =
  | { kind: 'absent' }
  | { kind: 'hidden' }
  | {
      kind: 'visible';
      state: OwnedState;
      streamName: string;
      events: RecordedEvent[];
    };

/**
 * The ticket folded from the log (never a lagging read model): absent,
 * hidden (another subsidiary's; callers answer it as absent), or visible.
 */
export async function ticketAccess(
  store: EventStore,
  processes: ProcessCatalog,
  processId: string,
  ticketId: string,
  principal: Principal,
): Promise<TicketAccess> {
  const process = processes.get(processId);
  if (!process) return { kind: 'absent' };
  const streamName = streamNameOf(processId, ticketId);
  const events = await store.readStream(streamName);
  if (events.length === 0) return { kind: 'absent' };
  const state = fold(process, events) as OwnedState;
  return principalSees(principal, ownerOf(state))
    ? { kind: 'visible', state, streamName, events }
    : { kind: 'hidden' };
}
