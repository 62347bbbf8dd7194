import {
  evolveRepairOrder,
  initialRepairOrderState,
  REPAIR_ORDER_PROCESS_ID,
  RepairShopNotFoundError,
  ReservationNotHeldError,
  type RepairOrderEvent,
  type RepairOrderEventType,
  type RepairOrderState,
  type ShopBookRules,
} from '@opsdesk/domain';
import type { EventStore, RecordedEvent } from '@opsdesk/event-store';
import type { CommandEnvelope } from '@opsdesk/messaging';
import type { Clock, Logger } from '@opsdesk/platform';
import { writeShopBook } from './repair-shop-book.writer';

/** The visit's events that give its slot back, with the book's reason. */
const GIVEN_BACK: Partial<Record<RepairOrderEventType, string>> = {
  'repair-order.appointment-declined': 'customer-declined',
  'repair-order.confirmation-missed': 'not-confirmed',
  'repair-order.shop-could-not-keep-appointment': 'shop-cannot-keep',
};

export interface SlotReleaseDeps {
  store: EventStore;
  rules: ShopBookRules;
  clock: Clock;
  logger: Logger;
}

function foldVisit(events: readonly RecordedEvent[]): RepairOrderState {
  return events.reduce(
    (state, e) =>
      evolveRepairOrder(state, {
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
      } as unknown as RepairOrderEvent),
    initialRepairOrderState,
  );
}

/**
 * Gives a visit's slot back to its shop's book once the visit has
 * recorded that the appointment is not kept (declined, not confirmed,
 * the shop cannot keep it). Done after the fact, from the log, so a
 * command the visit refuses (say, the expiry losing to a confirmation
 * at the last moment) never frees a bay the visit still holds.
 *
 * `history` is the visit's stream up to and including `event`. The
 * book command's id comes from the event's, so a replay releases once.
 * Returns whether the event gave a slot back.
 */
export async function releaseSlotGivenBack(
  deps: SlotReleaseDeps,
  event: RecordedEvent,
  history: readonly RecordedEvent[],
): Promise<boolean> {
  const reason = GIVEN_BACK[event.type as RepairOrderEventType];
  if (!reason) return false;
  const before = foldVisit(history.filter((e) => e.revision < event.revision));
  const appointment = before.appointment;
  if (!appointment || !before.shopCode) return false;
  const cause: CommandEnvelope = {
    commandId: event.eventId,
    processId: REPAIR_ORDER_PROCESS_ID,
    ticketId: event.streamName.slice(`${REPAIR_ORDER_PROCESS_ID}-`.length),
    type: 'ReleaseSlot',
    payload: {},
    actor: {
      id: 'system:repair-slot-release',
      role: 'system',
      kind: 'automatic',
    },
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
    issuedAt: deps.clock.now().toISOString(),
  };
  try {
    await writeShopBook(
      deps.store,
      deps.rules,
      before.shopCode,
      cause,
      'ReleaseSlot',
      { reservationId: appointment.reservationId, reason },
      () => deps.clock.now(),
    );
    return true;
  } catch (error) {
    // Already given back (before releases followed the log, the command
    // released it itself), or the book is gone: nothing left to do, and
    // the follower must not stop on it.
    if (
      error instanceof ReservationNotHeldError ||
      error instanceof RepairShopNotFoundError
    ) {
      deps.logger.warn(
        {
          stream: event.streamName,
          eventId: event.eventId,
          reservationId: appointment.reservationId,
          code: error.code,
        },
        'slot not released: the book does not hold it',
      );
      return false;
    }
    throw error;
  }
}
