import {
  authoriseRepairOrder,
  checkBeforeReservation,
  DEFAULT_REPAIR_ORDER_RULES,
  DEFAULT_SHOP_HOURS,
  repairOrderProcess,
  reservationIdOf,
  shopBookProcess,
  TicketAlreadyExistsError,
  TicketNotInStateError,
  type BookAppointment,
  type RebookAppointment,
  type RepairOrderCommand,
  type RepairOrderRules,
  type RepairOrderState,
  type ShopBookRules,
  type SlotReserved,
} from '@opsdesk/domain';
import type { CommandEnvelope, CommandPreparer } from '@opsdesk/messaging';
import {
  ChinaWorkingCalendar,
  ConfigError,
  systemClock,
} from '@opsdesk/platform';
import type { PreparerDeps, ProcessWiring } from './process-wirings';
import { findComeback } from './repair-order-comebacks';
import { releaseReservationOf, writeShopBook } from './repair-shop-book.writer';

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number) {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) {
    throw new ConfigError(`${name} must be a non-negative integer`);
  }
  return parsed;
}

/**
 * `REPAIR_COMEBACK_DAYS` (30): a repair of the same plate delivered this
 * recently makes the visit a comeback (返修); `REPAIR_WARRANTY_DAYS` (90).
 */
export function repairOrderRulesFrom(env: NodeJS.ProcessEnv): RepairOrderRules {
  return {
    comebackDays: whole(
      env,
      'REPAIR_COMEBACK_DAYS',
      DEFAULT_REPAIR_ORDER_RULES.comebackDays,
    ),
    warrantyDays: whole(
      env,
      'REPAIR_WARRANTY_DAYS',
      DEFAULT_REPAIR_ORDER_RULES.warrantyDays,
    ),
  };
}

/**
 * The shops' slots: one-hour slots on China's working days,
 * `REPAIR_SHOP_OPEN_HOUR`–`REPAIR_SHOP_CLOSE_HOUR` Shanghai time (9–18),
 * none earlier than `REPAIR_BOOKING_MARGIN_HOURS` (2) from now.
 */
export function shopBookRulesFrom(env: NodeJS.ProcessEnv): ShopBookRules {
  const rules = {
    calendar: new ChinaWorkingCalendar(),
    marginHours: whole(
      env,
      'REPAIR_BOOKING_MARGIN_HOURS',
      DEFAULT_SHOP_HOURS.marginHours,
    ),
    openHour: whole(env, 'REPAIR_SHOP_OPEN_HOUR', DEFAULT_SHOP_HOURS.openHour),
    closeHour: whole(
      env,
      'REPAIR_SHOP_CLOSE_HOUR',
      DEFAULT_SHOP_HOURS.closeHour,
    ),
    horizonDays: DEFAULT_SHOP_HOURS.horizonDays,
  };
  if (rules.openHour >= rules.closeHour || rules.closeHour > 24) {
    throw new ConfigError(
      'REPAIR_SHOP_OPEN_HOUR must be before REPAIR_SHOP_CLOSE_HOUR (at most 24)',
    );
  }
  return rules;
}

function asCommand(envelope: CommandEnvelope): RepairOrderCommand {
  return {
    type: envelope.type,
    ticketId: envelope.ticketId,
    payload: envelope.payload,
  } as RepairOrderCommand;
}

/**
 * Booking and rebooking: the command is checked first (a refused one
 * holds no slot), then a bay of the slot is reserved in the shop's book,
 * and the reservation goes into the payload for the decision.
 *
 * The executor prepares again after a concurrent write to the visit. If
 * that write has made the booking wrong (another booking of the same
 * visit won), the check now refuses it, and the bay this command
 * reserved on its first attempt is given back before the refusal.
 * TODO(#13): a booking whose job is abandoned between the reservation
 * and its decision (a crash, then no retry) still leaves its bay held.
 */
function reserving(
  deps: PreparerDeps,
  rules: ShopBookRules,
  numbered: boolean,
): CommandPreparer {
  const now = () => (deps.clock ?? systemClock).now();
  return async (envelope, anyState) => {
    const state = anyState as RepairOrderState;
    const command = asCommand(envelope) as BookAppointment | RebookAppointment;
    const context = { now: now().toISOString(), actor: envelope.actor };
    const requested = envelope.payload.shopCode;
    const shopCode =
      typeof requested === 'string' ? requested : (state.shopCode as string);
    try {
      checkBeforeReservation(command, state, context);
    } catch (error) {
      if (
        (error instanceof TicketNotInStateError ||
          error instanceof TicketAlreadyExistsError) &&
        typeof shopCode === 'string'
      ) {
        await releaseReservationOf(
          deps.store,
          rules,
          shopCode,
          envelope,
          'visit-refused',
          now,
        );
      }
      throw error;
    }
    const bookingSeq = state.bookings + 1;
    const [reserved] = (await writeShopBook(
      deps.store,
      rules,
      shopCode,
      envelope,
      'ReserveSlot',
      {
        reservationId: reservationIdOf(
          envelope.ticketId,
          bookingSeq,
          envelope.commandId,
        ),
        repairOrderId: envelope.ticketId,
        slotStart: envelope.payload.slotStart,
        parts: envelope.payload.partsNeeded ?? state.partsNeeded,
      },
      now,
    )) as SlotReserved[];
    const { reservationId, slotStart, slotEnd, partsReserved, partsToOrder } =
      reserved.data;
    return {
      ...envelope,
      payload: {
        ...envelope.payload,
        ...(numbered
          ? {
              // Numbered by the day the shop decides it (the worker's clock).
              ticketNumber: await deps.numbers.next('RO', now()),
            }
          : {}),
        reservation: {
          reservationId,
          slotStart,
          slotEnd,
          partsReserved,
          partsToOrder,
        },
      },
    };
  };
}

/**
 * Reception looks the plate up: a recent delivery makes it a comeback.
 * TODO(#13): a walk-in names its shop by code and the shop's book is not
 * looked at, so a code of no shop (or of another subsidiary's) is taken
 * as given, and the parts a walk-in uses are not drawn from the book's
 * stock.
 */
function receiving(deps: PreparerDeps, numbered: boolean): CommandPreparer {
  const now = () => (deps.clock ?? systemClock).now();
  return async (envelope, anyState) => {
    const state = anyState as RepairOrderState;
    authoriseRepairOrder(asCommand(envelope), state, {
      now: now().toISOString(),
      actor: envelope.actor,
    });
    const vehicle = envelope.payload.vehicle as { plate?: unknown } | undefined;
    const plate =
      typeof vehicle?.plate === 'string' ? vehicle.plate : state.vehicle?.plate;
    // The visit's subsidiary: the registering actor's for a walk-in.
    const subsidiaryId =
      state.status === 'NEW' ? envelope.actor.subsidiary : state.subsidiaryId;
    const comeback = plate
      ? await findComeback(deps.pool, plate, envelope.ticketId, subsidiaryId)
      : null;
    return {
      ...envelope,
      payload: {
        ...envelope.payload,
        comeback,
        ...(numbered
          ? {
              // Numbered by the day the shop decides it (the worker's clock).
              ticketNumber: await deps.numbers.next('RO', now()),
            }
          : {}),
      },
    };
  };
}

/** 维修站接待与维修 (issue #13) and the shops' appointment books. */
export const repairOrderWiring: ProcessWiring = {
  register: (catalog) =>
    catalog
      .register(repairOrderProcess, repairOrderRulesFrom(process.env))
      .register(shopBookProcess, shopBookRulesFrom(process.env)),
  preparers: (deps: PreparerDeps) => {
    const shopRules = shopBookRulesFrom(process.env);
    // A slot given back (declined, not confirmed, the shop cannot keep
    // it) is released from the log once the visit has recorded it: see
    // the repair-order timers' follower.
    return [
      ['repair-order/BookAppointment', reserving(deps, shopRules, true)],
      ['repair-order/RebookAppointment', reserving(deps, shopRules, false)],
      ['repair-order/RegisterWalkIn', receiving(deps, true)],
      ['repair-order/ReceiveBookedVehicle', receiving(deps, false)],
    ];
  },
};
