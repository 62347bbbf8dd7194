import type { EventStore } from '@opsdesk/event-store';
import { UnknownTicketError } from '../cli/audit-errors';
import { logPages } from './log-pages';
import {
  processOf,
  registeredProcesses,
  ticketIdOf,
  type AuditedProcess,
} from './process-registry';

export interface LocatedTicket {
  process: AuditedProcess;
  streamName: string;
  ticketId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The stream a command-line ticket names: a stream name, a ticket id of
 * any registered process, or the human ticket number from the intake
 * event (found by reading the log, since the port has no index on it).
 */
export async function locateTicket(
  store: EventStore,
  text: string,
): Promise<LocatedTicket> {
  const named = processOf(text);
  if (named && (await exists(store, text))) {
    return located(named, text);
  }
  for (const process of registeredProcesses()) {
    const streamName = `${process.processId}-${text}`;
    if (await exists(store, streamName)) return located(process, streamName);
  }
  if (!UUID.test(text)) {
    const numbered = await streamOfTicketNumber(store, text);
    if (numbered) return numbered;
  }
  throw new UnknownTicketError(text);
}

async function exists(store: EventStore, streamName: string) {
  const first = await store.readStream(streamName, { maxCount: 1 });
  return first.length > 0;
}

function located(process: AuditedProcess, streamName: string): LocatedTicket {
  return { process, streamName, ticketId: ticketIdOf(process, streamName) };
}

// TODO(#4): a ticket number is found by a scan of the whole log; a lookup
// table (or the ticket view) would answer at once on a large log.
async function streamOfTicketNumber(
  store: EventStore,
  ticketNumber: string,
): Promise<LocatedTicket | undefined> {
  const filter = {
    streamPrefixes: registeredProcesses().map((p) => `${p.processId}-`),
  };
  for await (const page of logPages(store, { filter })) {
    for (const event of page) {
      if (event.revision !== 0 || event.data.ticketNumber !== ticketNumber) {
        continue;
      }
      const process = processOf(event.streamName);
      if (process) return located(process, event.streamName);
    }
  }
  return undefined;
}
