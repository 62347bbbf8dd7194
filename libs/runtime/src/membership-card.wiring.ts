import {
  CARD_COURIER_RECORD_PROCESS_ID,
  cardCourierRecordProcess,
  cardMemberKey,
  evolveCardCourierRecord,
  initialCardCourierRecordState,
  latestMailing,
  MEMBERSHIP_CARD_PROCESS_ID,
  membershipCardProcess,
  streamNameOf,
  type CardCourierRecordEvent,
  type CourierLookup,
  type MembershipCardState,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type { CommandPreparer } from '@opsdesk/messaging';
import { deterministicUuid } from '@opsdesk/platform';
import type { ProcessWiring } from './process-wirings';

const P = MEMBERSHIP_CARD_PROCESS_ID;

/**
 * The id of a member's courier record: one stream per member, derived
 * from the member id (NFKC and trimmed, so a full-width digit typed at the
 * desk finds the same record), so an inquiry reads it without an index.
 */
export function courierRecordIdOf(memberId: string): string {
  return deterministicUuid(
    `${CARD_COURIER_RECORD_PROCESS_ID}:${cardMemberKey(memberId)}`,
  );
}

/** The latest posting of the member's card, as the marketing post entered it. */
export async function courierLookupOf(
  store: EventStore,
  memberId: string,
): Promise<CourierLookup> {
  const events = await store.readStream(
    streamNameOf(CARD_COURIER_RECORD_PROCESS_ID, courierRecordIdOf(memberId)),
  );
  const state = events.reduce(
    (folded, e) =>
      evolveCardCourierRecord(folded, {
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
      } as unknown as CardCourierRecordEvent),
    initialCardCourierRecordState,
  );
  const mailing = latestMailing(state);
  return mailing ? { found: true, ...mailing } : { found: false };
}

/**
 * 市场会员卡进度审核流程 and the marketing post's courier record:
 * an `MC-` number for each inquiry, and the courier record read into the
 * commands that decide on it (overwriting whatever the caller sent).
 */
export const membershipCardWiring: ProcessWiring = {
  register: (catalog) =>
    catalog
      .register(membershipCardProcess, undefined)
      .register(cardCourierRecordProcess, undefined),
  preparers: ({ numbers, store }) => {
    const numbered: CommandPreparer = async (command) => ({
      ...command,
      payload: {
        ...command.payload,
        ticketNumber: await numbers.next('MC', new Date(command.issuedAt)),
      },
    });
    const lookedUp: CommandPreparer = async (command, state) => {
      const { memberId } = state as MembershipCardState;
      // Without a member (a ticket not yet opened) the table refuses anyway.
      const courier =
        memberId === undefined
          ? { found: false }
          : await courierLookupOf(store, memberId);
      return { ...command, payload: { ...command.payload, courier } };
    };
    return [
      [`${P}/ReceiveCardInquiry`, numbered],
      [`${P}/LookUpCardProgress`, lookedUp],
      [`${P}/CheckCourierRecord`, lookedUp],
    ];
  },
};
