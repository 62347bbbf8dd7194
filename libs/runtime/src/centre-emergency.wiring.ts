import {
  CENTRE_EMERGENCY_PROCESS_ID,
  centreEmergencyProcess,
  isRecord,
  PROCESSES,
  streamNameOf,
  type DomainEvent,
  type LinkTarget,
  type ProcessId,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { CommandPreparer } from '@opsdesk/messaging';
import { ChinaWorkingCalendar } from '@opsdesk/platform';
import type { ProcessWiring } from './process-wirings';

const P = CENTRE_EMERGENCY_PROCESS_ID;

/** What a linked ticket's folded state may hold, in any process. */
interface LinkedState {
  ticketNumber?: unknown;
  subsidiaryId?: unknown;
  station?: { subsidiaryId?: unknown } | null;
}

/** A process's fold, whatever its state and events. */
interface AnyFold {
  initialState: unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
}

/**
 * What the log holds of the ticket `ref` names: whether it exists, its
 * number and its subsidiary (the decider refuses one the actor may not
 * see). A process the engine does not run has no tickets to find. The
 * ticket is folded, not read off its first event: a station fault names
 * its number in `call-received` and its subsidiary in the station of
 * `fault-recorded`, as the API's own visibility rule reads it.
 */
export async function linkTargetOf(
  store: EventStore,
  ref: unknown,
): Promise<LinkTarget> {
  const { processId, ticketId } = (ref ?? {}) as Record<string, unknown>;
  if (
    typeof processId !== 'string' ||
    typeof ticketId !== 'string' ||
    !Object.prototype.hasOwnProperty.call(PROCESSES, processId)
  ) {
    return { found: false };
  }
  const events = await store.readStream(streamNameOf(processId, ticketId));
  if (events.length === 0) return { found: false };
  const process = PROCESSES[processId as ProcessId] as unknown as AnyFold;
  const state = events.reduce(
    (folded, event) =>
      process.evolve(folded, {
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
      }),
    process.initialState,
  ) as LinkedState;
  const subsidiaryId = state.subsidiaryId ?? state.station?.subsidiaryId;
  return {
    found: true,
    ...(typeof state.ticketNumber === 'string' && {
      ticketNumber: state.ticketNumber,
    }),
    ...(typeof subsidiaryId === 'string' && { subsidiaryId }),
  };
}

/**
 * 客服中心应急处理流程: a `CE-` number for each emergency, and
 * the look-up of every ticket linked to it or named by a back-filled task.
 * The look-up overwrites whatever the caller sent as `target`.
 */
export const centreEmergencyWiring: ProcessWiring = {
  register: (catalog) =>
    catalog.register(centreEmergencyProcess, {
      // TODO(#10): share one calendar instance once resources hold one.
      calendar: new ChinaWorkingCalendar(),
    }),
  preparers: ({ numbers, store }) => {
    const numbered: CommandPreparer = async (command) => ({
      ...command,
      payload: {
        ...command.payload,
        ticketNumber: await numbers.next('CE', new Date(command.issuedAt)),
      },
    });
    const linked: CommandPreparer = async (command) => ({
      ...command,
      payload: {
        ...command.payload,
        target: await linkTargetOf(store, command.payload),
      },
    });
    const backfilled: CommandPreparer = async (command) => {
      // A job put on the queue by other means may carry no object at all:
      // the decider refuses that as invalid data, so pass it on untouched.
      if (!isRecord(command.payload)) return command;
      const { target: _ignored, ...payload } = command.payload;
      return payload.ticket === undefined
        ? { ...command, payload }
        : {
            ...command,
            payload: {
              ...payload,
              target: await linkTargetOf(store, payload.ticket),
            },
          };
    };
    return [
      [`${P}/LogFault`, numbered],
      [`${P}/LinkTicket`, linked],
      [`${P}/BackfillTask`, backfilled],
    ];
  },
};
