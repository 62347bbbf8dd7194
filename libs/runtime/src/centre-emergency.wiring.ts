import {
  CENTRE_EMERGENCY_PROCESS_ID,
  centreEmergencyProcess,
  isRecord,
  PROCESSES,
  streamNameOf,
  type LinkTarget,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { CommandPreparer } from '@opsdesk/messaging';
import { ChinaWorkingCalendar } from '@opsdesk/platform';
import type { ProcessWiring } from './process-wirings';

const P = CENTRE_EMERGENCY_PROCESS_ID;

/**
 * What the log holds of the ticket `ref` names: whether it exists, its
 * number and its subsidiary (the decider refuses one the actor may not
 * see). A process the engine does not run has no tickets to find.
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
  const [first] = await store.readStream(streamNameOf(processId, ticketId), {
    maxCount: 1,
  });
  if (!first) return { found: false };
  const data = first.data as { ticketNumber?: unknown; subsidiaryId?: unknown };
  return {
    found: true,
    ...(typeof data.ticketNumber === 'string' && {
      ticketNumber: data.ticketNumber,
    }),
    ...(typeof data.subsidiaryId === 'string' && {
      subsidiaryId: data.subsidiaryId,
    }),
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
