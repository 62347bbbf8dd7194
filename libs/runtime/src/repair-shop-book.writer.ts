import {
  actorSees,
  decideShopBook,
  RepairShopNotFoundError,
  ReservationNotHeldError,
  evolveShopBook,
  initialShopBookState,
  SHOP_BOOK_PROCESS_ID,
  streamNameOf,
  type Actor,
  type ShopBookCommand,
  type ShopBookEvent,
  type ShopBookRules,
  type ShopBookState,
} from '@opsdesk/domain';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '@opsdesk/event-store';
import type { CommandEnvelope } from '@opsdesk/messaging';
import { deterministicUuid, eventIdFor } from '@opsdesk/platform';

const MAX_CONFLICT_RETRIES = 8;

/** The book's ticket id of a shop: the same for a shop code everywhere. */
export function shopBookIdOf(shopCode: string): string {
  return deterministicUuid(`opsdesk-repair-shop-book:${shopCode}`);
}

function fold(history: readonly RecordedEvent[]): ShopBookState {
  return history.reduce(
    (state, e) =>
      evolveShopBook(state, {
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
      } as unknown as ShopBookEvent),
    initialShopBookState,
  );
}

/** The book command a repair-order command causes: the same on every retry. */
function bookCommandIdOf(
  cause: CommandEnvelope,
  type: ShopBookCommand['type'],
): string {
  return deterministicUuid(`opsdesk-repair-book:${cause.commandId}:${type}`);
}

/**
 * Decides a command on a shop's book and appends it, on behalf of the
 * repair-order command that needs it. The book command's id comes from
 * the repair order's, so a retried repair-order command finds what it
 * already appended instead of booking twice; a concurrent booking makes
 * the append fail on the expected revision, and the book is read and the
 * command decided again — the last bay of a slot goes to one of them.
 */
export async function writeShopBook(
  store: EventStore,
  rules: ShopBookRules,
  shopCode: string,
  cause: CommandEnvelope,
  type: ShopBookCommand['type'],
  payload: Record<string, unknown>,
  now: () => Date,
): Promise<ShopBookEvent[]> {
  const ticketId = shopBookIdOf(shopCode);
  const stream = streamNameOf(SHOP_BOOK_PROCESS_ID, ticketId);
  const commandId = bookCommandIdOf(cause, type);
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(stream);
    const earlier = history.filter((e) => e.metadata.commandId === commandId);
    if (earlier.length > 0) return earlier.map(asEvent);

    const decidedAt = now().toISOString();
    const actor: Actor = cause.actor;
    const state = fold(history);
    if (type !== 'ConfigureShop' && !actorSees(actor, state.subsidiaryId)) {
      throw new RepairShopNotFoundError(shopCode);
    }
    if (type !== 'ConfigureShop' && state.status === 'NEW') {
      throw new RepairShopNotFoundError(shopCode);
    }
    const events = decideShopBook(
      { type, ticketId, payload } as ShopBookCommand,
      state,
      { now: decidedAt, actor },
      rules,
    );
    try {
      await store.appendToStream(
        stream,
        events.map((event, index) => ({
          eventId: eventIdFor(commandId, index),
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data as Record<string, unknown>,
          metadata: {
            commandId,
            commandType: type,
            causationId: cause.commandId,
            correlationId: cause.correlationId,
            actor,
            decidedAt,
          },
        })),
        {
          expectedRevision:
            history.length === 0 ? 'no-stream' : history.length - 1,
        },
      );
      return events;
    } catch (error) {
      if (
        error instanceof WrongExpectedRevisionError &&
        attempt < MAX_CONFLICT_RETRIES
      ) {
        continue;
      }
      throw error;
    }
  }
}

function asEvent(e: RecordedEvent): ShopBookEvent {
  return {
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
  } as unknown as ShopBookEvent;
}

/**
 * Gives back the bay `cause` reserved, if it reserved one that the book
 * still holds; true when it did. A booking's reservation is made before
 * its visit decides it, so a visit that a concurrent command changed in
 * between refuses the booking on its next attempt, and the bay must not
 * stay held for nobody.
 */
export async function releaseReservationOf(
  store: EventStore,
  rules: ShopBookRules,
  shopCode: string,
  cause: CommandEnvelope,
  reason: string,
  now: () => Date,
): Promise<boolean> {
  const stream = streamNameOf(SHOP_BOOK_PROCESS_ID, shopBookIdOf(shopCode));
  const history = await store.readStream(stream);
  const reservedBy = bookCommandIdOf(cause, 'ReserveSlot');
  const mine = history.find(
    (e) =>
      e.metadata.commandId === reservedBy &&
      e.type === 'repair-shop-book.slot-reserved',
  );
  if (!mine) return false;
  const { reservationId } = mine.data as { reservationId: string };
  if (!Object.hasOwn(fold(history).reservations, reservationId)) return false;
  try {
    await writeShopBook(
      store,
      rules,
      shopCode,
      cause,
      'ReleaseSlot',
      { reservationId, reason },
      now,
    );
    return true;
  } catch (error) {
    // Released meanwhile by someone else: what was wanted has happened.
    if (error instanceof ReservationNotHeldError) return false;
    throw error;
  }
}
