import {
  CONFIRMATION_LEAD_MS,
  evolveRepairOrder,
  initialRepairOrderState,
  REPAIR_ORDER_PROCESS_ID,
  type RepairOrderEvent,
  type RepairOrderState,
  type ShopBookRules,
} from '@opsdesk/domain';
import type { CommandEnvelope } from '@opsdesk/messaging';
import { deterministicUuid } from '@opsdesk/platform';
import { OwedTimers, type OwedTimersDeps } from './owed-timers';
import {
  releaseSlotGivenBack,
  type SlotReleaseDeps,
} from './repair-order-slot-releases';
import { shopBookRulesFrom } from './repair-order.wiring';

/** What a visit's appointment timer does, and when. */
export interface RepairOrderTimer {
  kind: 'confirm' | 'expire';
  type: 'RequestAppointmentConfirmation' | 'ExpireUnconfirmedAppointment';
  bookingSeq: number;
  dueAt: string;
}

/**
 * The timer a visit is owed in its state: one hour before a booked
 * appointment the customer is asked to confirm; at the appointment an
 * unconfirmed booking goes back to the book. None in any other state.
 */
export function nextRepairOrderTimer(
  state: RepairOrderState,
): RepairOrderTimer | null {
  const appointment = state.appointment;
  if (!appointment) return null;
  const at = Date.parse(appointment.slotStart);
  if (state.status === 'BOOKED') {
    return {
      kind: 'confirm',
      type: 'RequestAppointmentConfirmation',
      bookingSeq: appointment.bookingSeq,
      dueAt: new Date(at - CONFIRMATION_LEAD_MS).toISOString(),
    };
  }
  if (state.status === 'AWAITING_CONFIRMATION') {
    return {
      kind: 'expire',
      type: 'ExpireUnconfirmedAppointment',
      bookingSeq: appointment.bookingSeq,
      dueAt: appointment.slotStart,
    };
  }
  return null;
}

/** `repair-timer.<ticket>.<booking>.<kind>` (BullMQ forbids ':'). */
export function repairOrderTimerJobId(
  ticketId: string,
  timer: Pick<RepairOrderTimer, 'bookingSeq' | 'kind'>,
): string {
  return ['repair-timer', ticketId, timer.bookingSeq, timer.kind].join('.');
}

/** The timer's command: one id per booking and kind, however often set. */
export function repairOrderTimerCommand(
  ticketId: string,
  timer: RepairOrderTimer,
  correlationId: string,
): CommandEnvelope {
  const jobId = repairOrderTimerJobId(ticketId, timer);
  return {
    commandId: deterministicUuid(`opsdesk-repair-timer:${jobId}`),
    processId: REPAIR_ORDER_PROCESS_ID,
    ticketId,
    type: timer.type,
    payload: { bookingSeq: timer.bookingSeq },
    actor: { id: 'system:repair-timer', role: 'system', kind: 'automatic' },
    correlationId,
    causationId: jobId,
    issuedAt: timer.dueAt,
  };
}

export interface RepairOrderTimersDeps extends OwedTimersDeps {
  /** The shops' slots (from the environment when not given). */
  shopRules?: ShopBookRules;
}

/**
 * The appointment timers (OwedTimers): after each event of a visit, the
 * timer its state is owed (nextRepairOrderTimer).
 *
 * The same follower gives a slot back to the shop's book once a visit
 * has recorded that its appointment is not kept: the release follows the
 * visit's event, so it never frees a bay of a visit that still holds it.
 * TODO(#13): like the violation timers, the reconcile reads the whole log
 * of the process; a time index would read less.
 */
export class RepairOrderTimers extends OwedTimers<
  RepairOrderState,
  RepairOrderEvent
> {
  constructor(deps: RepairOrderTimersDeps) {
    const releases: SlotReleaseDeps = {
      store: deps.store,
      rules: deps.shopRules ?? shopBookRulesFrom(process.env),
      clock: deps.clock,
      logger: deps.logger,
    };
    super(deps, {
      name: 'repair-order-timers',
      processId: REPAIR_ORDER_PROCESS_ID,
      initialState: initialRepairOrderState,
      evolve: evolveRepairOrder,
      owed: (ticketId, state, correlationId) => {
        const timer = nextRepairOrderTimer(state);
        if (!timer) return null;
        return {
          jobId: repairOrderTimerJobId(ticketId, timer),
          command: repairOrderTimerCommand(ticketId, timer, correlationId),
          dueAt: timer.dueAt,
        };
      },
      afterEvent: (event, history) =>
        releaseSlotGivenBack(releases, event, history),
    });
  }
}
