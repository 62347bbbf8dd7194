import {
  authoriseByTable,
  eventFactory,
  FieldChecks,
  isRecord,
  type DecisionContext,
} from '../shared';
import type {
  ConfigureShop,
  PartCounts,
  ReleaseSlot,
  ReserveSlot,
  ShopBookCommand,
} from './shop-book.commands';
import {
  RepairSlotUnavailableError,
  ReservationAlreadyHeldError,
  ReservationNotHeldError,
  type SlotRefusalReason,
} from './shop-book.errors';
import type { ShopBookEvent } from './shop-book.events';
import {
  firstSlotFrom,
  slotProblem,
  type ShopBookRules,
} from './shop-book.slots';
import { checkPartCountsField, countOf } from './shop-book.parts';
import {
  baysHeld,
  partsAvailable,
  type ShopBookState,
} from './shop-book.state';
import { HOUR_MS } from './shop-book.time';

const DAY_MS = 24 * HOUR_MS;
import { SHOP_BOOK_TRANSITIONS } from './shop-book.transitions';

export const SHOP_BOOK_PROCESS_ID = 'repair-shop-book';

const SCHEMA_VERSION = 1;

const event = eventFactory<ShopBookEvent>(SCHEMA_VERSION);

/** Most of one part a shop keeps on hand. */
const MAX_ON_HAND = 1_000_000;
/** Most of one part one booking needs. */
const MAX_NEEDED = 1000;

function wholeInRange(
  checks: FieldChecks,
  field: string,
  value: unknown,
  min: number,
  max: number,
) {
  if (
    !Number.isSafeInteger(value) ||
    (value as number) < min ||
    (value as number) > max
  ) {
    checks.fail(field, `must be a whole number from ${min} to ${max}`);
  }
}

function decideConfigure(
  command: ConfigureShop,
  state: ShopBookState,
  context: DecisionContext,
): ShopBookEvent[] {
  const checks = new FieldChecks();
  const p = command.payload as unknown;
  if (checks.record('payload', p)) {
    checks.nonBlank('payload.shopCode', p.shopCode);
    checks.nonBlank('payload.name', p.name);
    wholeInRange(checks, 'payload.bays', p.bays, 1, 100);
    wholeInRange(checks, 'payload.partsLeadHours', p.partsLeadHours, 0, 2000);
    checkPartCountsField(
      checks,
      'payload.partsOnHand',
      p.partsOnHand,
      0,
      MAX_ON_HAND,
    );
  }
  checks.throwIfAny(command.type);
  const { shopCode, name, bays, partsOnHand, partsLeadHours } = command.payload;
  return [
    event('repair-shop-book.shop-configured', {
      shopCode,
      // A shop belongs to the subsidiary that set it up; setting it up
      // again (headquarters may) does not move it to another.
      subsidiaryId:
        state.status === 'NEW' ? context.actor.subsidiary : state.subsidiaryId,
      name,
      bays,
      partsOnHand,
      partsLeadHours,
    }),
  ];
}

/** Splits the parts a booking needs into those on hand and those to order. */
function splitParts(state: ShopBookState, needed: PartCounts) {
  const available = partsAvailable(state);
  const reserved: PartCounts = {};
  const toOrder: PartCounts = {};
  for (const [part, count] of Object.entries(needed)) {
    const onHand = Math.max(0, Math.min(count, countOf(available, part)));
    if (onHand > 0) reserved[part] = onHand;
    if (count > onHand) toOrder[part] = count - onHand;
  }
  return { reserved, toOrder };
}

/**
 * A bay of the slot, if the shop has one free: on the working calendar,
 * past the preparation margin, and — when a part must be ordered — past
 * its lead time. A refusal names the first slot that would do.
 */
function decideReserve(
  command: ReserveSlot,
  state: ShopBookState,
  context: DecisionContext,
  rules: ShopBookRules,
): ShopBookEvent[] {
  const checks = new FieldChecks();
  const p = command.payload as unknown;
  if (checks.record('payload', p)) {
    checks.nonBlank('payload.reservationId', p.reservationId);
    checks.nonBlank('payload.repairOrderId', p.repairOrderId);
    checks.isoInstant('payload.slotStart', p.slotStart);
    if (p.parts !== undefined)
      checkPartCountsField(checks, 'payload.parts', p.parts, 1, MAX_NEEDED);
  }
  checks.throwIfAny(command.type);

  const { reservationId, repairOrderId, slotStart } = command.payload;
  // Each reservation is made once; its id is never reused for another.
  if (Object.hasOwn(state.reservations, reservationId)) {
    throw new ReservationAlreadyHeldError(
      command.ticketId,
      reservationId,
      state.reservations[reservationId].slotStart,
    );
  }
  const parts = isRecord(command.payload.parts) ? command.payload.parts : {};
  const { reserved, toOrder } = splitParts(state, parts);
  const nowMs = Date.parse(context.now);
  const earliest =
    nowMs +
    rules.marginHours * HOUR_MS +
    (Object.keys(toOrder).length > 0 ? state.partsLeadHours * HOUR_MS : 0);
  const slotMs = Date.parse(slotStart);
  const hasBay = (ms: number) => baysHeld(state, ms) < state.bays;

  // The book is kept no further ahead than the horizon it searches.
  const latest = nowMs + rules.horizonDays * DAY_MS;

  let reason: SlotRefusalReason | null = slotProblem(slotMs, rules);
  if (reason === null && slotMs < earliest) {
    reason =
      Object.keys(toOrder).length > 0
        ? 'parts-not-on-hand'
        : 'within-preparation-margin';
  }
  if (reason === null && slotMs > latest) reason = 'beyond-booking-horizon';
  if (reason === null && !hasBay(slotMs)) reason = 'fully-booked';
  if (reason !== null) {
    const from =
      reason === 'beyond-booking-horizon'
        ? earliest
        : Math.max(earliest, slotMs);
    const next = firstSlotFrom(from, rules, hasBay);
    throw new RepairSlotUnavailableError(
      state.shopCode ?? command.ticketId,
      new Date(slotMs).toISOString(),
      reason,
      next === null ? null : new Date(next).toISOString(),
      toOrder,
    );
  }
  return [
    event('repair-shop-book.slot-reserved', {
      reservationId,
      repairOrderId,
      slotStart: new Date(slotMs).toISOString(),
      slotEnd: new Date(slotMs + HOUR_MS).toISOString(),
      partsReserved: reserved,
      partsToOrder: toOrder,
    }),
  ];
}

function decideRelease(
  command: ReleaseSlot,
  state: ShopBookState,
): ShopBookEvent[] {
  const checks = new FieldChecks();
  const p = command.payload as unknown;
  if (checks.record('payload', p)) {
    checks.nonBlank('payload.reservationId', p.reservationId);
    checks.nonBlank('payload.reason', p.reason);
  }
  checks.throwIfAny(command.type);
  const { reservationId, reason } = command.payload;
  const held = Object.hasOwn(state.reservations, reservationId)
    ? state.reservations[reservationId]
    : undefined;
  if (!held) throw new ReservationNotHeldError(command.ticketId, reservationId);
  return [
    event('repair-shop-book.slot-released', {
      reservationId,
      repairOrderId: held.repairOrderId,
      reason,
    }),
  ];
}

/** The events a command on a shop's book appends, or a `DomainError`. */
export function decideShopBook(
  command: ShopBookCommand,
  state: ShopBookState,
  context: DecisionContext,
  rules: ShopBookRules,
): ShopBookEvent[] {
  authoriseByTable(
    SHOP_BOOK_PROCESS_ID,
    SHOP_BOOK_TRANSITIONS,
    command,
    state,
    context,
  );
  switch (command.type) {
    case 'ConfigureShop':
      return decideConfigure(command, state, context);
    case 'ReserveSlot':
      return decideReserve(command, state, context, rules);
    case 'ReleaseSlot':
      return decideRelease(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
