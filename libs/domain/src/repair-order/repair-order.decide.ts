import {
  authoriseByTable,
  checkFen,
  FieldChecks,
  InvalidCommandDataError,
  type DecisionContext,
  type Fen,
} from '../shared';
// Whole Shanghai calendar days from one instant's day to another's.
import { shanghaiDaysBetween } from '../invoice/invoice.rules';
import type {
  ArchiveRepairOrder,
  BookAppointment,
  ComebackMatch,
  CompleteSelfCheck,
  DeliverVehicle,
  IssueWorkOrder,
  ProposeRepairChange,
  RaiseFeeDispute,
  RebookAppointment,
  ReceiveBookedVehicle,
  RecordChangeDecision,
  RecordConfirmation,
  RecordQualityInspection,
  RecordSatisfactionSurvey,
  RegisterWalkIn,
  RepairItem,
  RepairOrderCommand,
  ReportRepairProgress,
  ResolveFeeDispute,
  SettleRepairCosts,
  ShopCannotKeepAppointment,
  SignRepairAuthorisation,
} from './repair-order.commands';
import {
  RepairCostListMismatchError,
  RepairTimerNotDueError,
  RepairTimerStaleError,
} from './repair-order.errors';
import { repairWarrantyEndsAt } from './repair-order.calendar';
import { repairOrderEvent as event } from './repair-order.event-factory';
import type { Appointment, RepairOrderEvent } from './repair-order.events';
import {
  checkBookingFields,
  checkItems,
  checkPartCounts,
  checkVehicleAndCustomer,
  checkWhole,
  isReservation,
  payloadChecks,
} from './repair-order.field-checks';
import {
  CONFIRMATION_LEAD_MS,
  type RepairOrderRules,
} from './repair-order.rules';
import { agreedItemsFen, type RepairOrderState } from './repair-order.state';
import { REPAIR_ORDER_TRANSITIONS } from './repair-order.transitions';

export const REPAIR_ORDER_PROCESS_ID = 'repair-order';

const MINUTE_MS = 60 * 1000;

/**
 * The reservation id of a visit's n-th booking in its shop's book, made
 * by one command: two commands racing to book the same visit hold two
 * reservations, and the one whose visit refuses it gives its own back.
 */
export function reservationIdOf(
  ticketId: string,
  bookingSeq: number,
  commandId: string,
): string {
  return `${ticketId}/${bookingSeq}/${commandId}`;
}

/** The state, role and existence checks of the transition table. */
export function authoriseRepairOrder(
  command: RepairOrderCommand,
  state: RepairOrderState,
  context: DecisionContext,
): void {
  authoriseByTable(
    REPAIR_ORDER_PROCESS_ID,
    REPAIR_ORDER_TRANSITIONS,
    command,
    state,
    context,
  );
}

/**
 * Everything a booking or rebooking must pass before the worker reserves
 * its slot in the shop's book, so that a refused command holds no slot.
 */
export function checkBeforeReservation(
  command: BookAppointment | RebookAppointment,
  state: RepairOrderState,
  context: DecisionContext,
): void {
  authoriseRepairOrder(command, state, context);
  const { checks, p } = payloadChecks(command.payload);
  if (p && command.type === 'BookAppointment') {
    checkBookingFields(checks, p, context);
  } else if (p) {
    checks.isoInstant('payload.slotStart', p.slotStart);
  }
  checks.throwIfAny(command.type);
}

function appointmentOf(
  command: BookAppointment | RebookAppointment,
  bookingSeq: number,
): Appointment {
  const r = command.payload.reservation;
  if (!isReservation(r)) {
    // The worker fills it in; its absence is a wiring fault, not input.
    throw new InvalidCommandDataError(command.type, [
      { field: 'payload.reservation', message: 'was not reserved' },
    ]);
  }
  return {
    bookingSeq,
    reservationId: r.reservationId,
    slotStart: r.slotStart,
    slotEnd: r.slotEnd,
    partsReserved: r.partsReserved ?? {},
    partsToOrder: r.partsToOrder ?? {},
  };
}

function decideBook(
  command: BookAppointment,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  checkBeforeReservation(command, state, context);
  const numbered = new FieldChecks();
  numbered.nonBlank('payload.ticketNumber', command.payload.ticketNumber);
  numbered.throwIfAny(command.type);
  const p = command.payload;
  const booked = event('repair-order.appointment-booked', {
    ticketNumber: p.ticketNumber,
    subsidiaryId: context.actor.subsidiary,
    shopCode: p.shopCode,
    kind: p.kind,
    vehicle: { plate: p.vehicle.plate, model: p.vehicle.model },
    customer:
      p.customer.name === undefined
        ? { phone: p.customer.phone }
        : { phone: p.customer.phone, name: p.customer.name },
    symptoms: p.symptoms,
    bring: p.bring,
    appointment: appointmentOf(command, 1),
    vehicleRepairTicketId: p.vehicleRepairTicketId,
  });
  if (!p.fleet) return [booked];
  const f = p.fleet;
  return [
    event('repair-order.fleet-request-scheduled', {
      channel: f.channel,
      faultCategory: f.faultCategory,
      priority: f.priority,
      technicianId: f.technicianId,
      expectedCompletionAt: new Date(f.expectedCompletionAt).toISOString(),
      pickupMethod: f.pickupMethod,
    }),
    booked,
  ];
}

function currentAppointment(state: RepairOrderState): Appointment {
  // The table allows timers only in states that hold an appointment.
  return state.appointment as Appointment;
}

/** Timers act at their instant and only for the booking they were set for. */
function checkTimer(
  command: { ticketId: string; type: string; payload: unknown },
  state: RepairOrderState,
  context: DecisionContext,
  dueAtMs: number,
): void {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checkWhole(checks, 'payload.bookingSeq', p.bookingSeq, 1, 1000);
  checks.throwIfAny(command.type);
  const seq = (command.payload as { bookingSeq: number }).bookingSeq;
  const appointment = currentAppointment(state);
  if (seq !== appointment.bookingSeq) {
    throw new RepairTimerStaleError(
      command.ticketId,
      seq,
      appointment.bookingSeq,
    );
  }
  if (Date.parse(context.now) < dueAtMs) {
    throw new RepairTimerNotDueError(
      command.ticketId,
      new Date(dueAtMs).toISOString(),
      context.now,
    );
  }
}

function decideRequestConfirmation(
  command: RepairOrderCommand,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const appointment = currentAppointment(state);
  const at = Date.parse(appointment.slotStart);
  checkTimer(command, state, context, at - CONFIRMATION_LEAD_MS);
  return [
    event('repair-order.confirmation-requested', {
      bookingSeq: appointment.bookingSeq,
      appointmentAt: appointment.slotStart,
    }),
  ];
}

function decideExpire(
  command: RepairOrderCommand,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const appointment = currentAppointment(state);
  checkTimer(command, state, context, Date.parse(appointment.slotStart));
  return [
    event('repair-order.confirmation-missed', {
      bookingSeq: appointment.bookingSeq,
      appointmentAt: appointment.slotStart,
    }),
  ];
}

function decideConfirmation(
  command: RecordConfirmation,
  state: RepairOrderState,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.boolean('payload.confirmed', p.confirmed);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);
  const { bookingSeq } = currentAppointment(state);
  const { confirmed, note } = command.payload;
  return [
    confirmed
      ? event('repair-order.appointment-confirmed', { bookingSeq, note })
      : event('repair-order.appointment-declined', { bookingSeq, note }),
  ];
}

function decideShopCannotKeep(
  command: ShopCannotKeepAppointment,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.reason', p.reason);
    if (
      p.customerToldAt !== undefined &&
      checks.isoInstant('payload.customerToldAt', p.customerToldAt) &&
      Date.parse(p.customerToldAt) > Date.parse(context.now)
    ) {
      // Recorded once the customer has been told, not before.
      checks.fail('payload.customerToldAt', 'must not be later than now');
    }
  }
  checks.throwIfAny(command.type);
  const appointment = currentAppointment(state);
  const toldAt = command.payload.customerToldAt ?? context.now;
  // "In advance": the customer must hear it before the appointment.
  if (Date.parse(toldAt) >= Date.parse(appointment.slotStart)) {
    throw new InvalidCommandDataError(command.type, [
      {
        field: 'payload.customerToldAt',
        message:
          'must be before the appointment (tell the customer in advance)',
      },
    ]);
  }
  return [
    event('repair-order.shop-could-not-keep-appointment', {
      bookingSeq: appointment.bookingSeq,
      reason: command.payload.reason,
      customerToldAt: new Date(toldAt).toISOString(),
    }),
  ];
}

function decideRebook(
  command: RebookAppointment,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  checkBeforeReservation(command, state, context);
  return [
    event('repair-order.appointment-rebooked', {
      appointment: appointmentOf(command, state.bookings + 1),
    }),
  ];
}

function comebackEvent(
  match: ComebackMatch | null | undefined,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  if (!match) return [];
  // Shanghai calendar days, as the customer counts them.
  const days = shanghaiDaysBetween(match.deliveredAt, context.now);
  if (days < 0 || days > rules.comebackDays) return [];
  // The earlier repair's own warranty, as it was given at its delivery.
  const warrantyUntil =
    match.warrantyUntil ??
    repairWarrantyEndsAt(match.deliveredAt, rules.warrantyDays);
  return [
    event('repair-order.comeback-flagged', {
      previousTicketId: match.previousTicketId,
      previousTicketNumber: match.previousTicketNumber,
      deliveredAt: match.deliveredAt,
      daysSinceDelivery: days,
      withinWarranty: Date.parse(context.now) < Date.parse(warrantyUntil),
    }),
  ];
}

function decideWalkIn(
  command: RegisterWalkIn,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.ticketNumber', p.ticketNumber);
    checkVehicleAndCustomer(checks, p);
    checks.nonBlank('payload.preliminaryDiagnosis', p.preliminaryDiagnosis);
  }
  checks.throwIfAny(command.type);
  const p2 = command.payload;
  return [
    event('repair-order.walk-in-registered', {
      ticketNumber: p2.ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      shopCode: p2.shopCode,
      kind: p2.kind,
      vehicle: { plate: p2.vehicle.plate, model: p2.vehicle.model },
      customer:
        p2.customer.name === undefined
          ? { phone: p2.customer.phone }
          : { phone: p2.customer.phone, name: p2.customer.name },
      symptoms: p2.symptoms,
      preliminaryDiagnosis: p2.preliminaryDiagnosis,
      vehicleRepairTicketId: p2.vehicleRepairTicketId,
    }),
    ...comebackEvent(p2.comeback, context, rules),
    // G5 §2: periodic or mechanical → a receptionist; quick → the team.
    event('repair-order.vehicle-received', {
      receivedAt: context.now,
      by:
        p2.kind === 'quick-repair'
          ? 'repair-quick-team'
          : 'repair-shop-receptionist',
      withAppointment: false,
    }),
  ];
}

function decideReceive(
  command: ReceiveBookedVehicle,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p && p.mileageKm !== undefined) {
    checkWhole(checks, 'payload.mileageKm', p.mileageKm, 0, 5_000_000);
  }
  checks.throwIfAny(command.type);
  return [
    ...comebackEvent(command.payload.comeback, context, rules),
    event('repair-order.vehicle-received', {
      receivedAt: context.now,
      by: 'repair-shop-receptionist',
      withAppointment: true,
      mileageKm: command.payload.mileageKm,
    }),
  ];
}

function itemsFen(items: readonly RepairItem[]): Fen {
  return items.reduce((sum, i) => sum + i.labourFen + i.partsFen, 0);
}

function decideAuthorisation(
  command: SignRepairAuthorisation,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.signedBy', p.signedBy);
    checks.nonBlank('payload.engineNumber', p.engineNumber);
    if (checks.record('payload.fault', p.fault)) {
      checks.nonBlank('payload.fault.symptom', p.fault.symptom);
      checks.nonBlank('payload.fault.location', p.fault.location);
      checks.optionalNonBlank('payload.fault.cause', p.fault.cause);
    }
    checks.nonBlank('payload.historyNote', p.historyNote);
    checkItems(checks, 'payload.items', p.items);
    if (
      checks.isoInstant('payload.promisedAt', p.promisedAt) &&
      Date.parse(p.promisedAt) <= Date.parse(context.now)
    ) {
      checks.fail('payload.promisedAt', 'must be after now');
    }
  }
  checks.throwIfAny(command.type);
  const { signedBy, engineNumber, fault, historyNote, items, promisedAt } =
    command.payload;
  return [
    event('repair-order.vehicle-records-registered', {
      engineNumber,
      fault,
      historyNote,
    }),
    event('repair-order.repair-authorisation-signed', {
      signedBy,
      signedAt: context.now,
      items,
      estimateFen: itemsFen(items),
      promisedAt: new Date(promisedAt).toISOString(),
    }),
  ];
}

function decideWorkOrder(
  command: IssueWorkOrder,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.technicianId', p.technicianId);
    checkPartCounts(checks, 'payload.partsToOrder', p.partsToOrder);
  }
  checks.throwIfAny(command.type);
  const booked = state.appointment?.partsToOrder ?? {};
  return [
    event('repair-order.work-order-issued', {
      workOrderNumber: (state.ticketNumber ?? command.ticketId).replace(
        /^RO-/,
        'WO-',
      ),
      technicianId: command.payload.technicianId,
      issuedAt: context.now,
      items: state.items,
      partsReserved: state.appointment?.partsReserved ?? {},
      partsToOrder: { ...booked, ...(command.payload.partsToOrder ?? {}) },
    }),
  ];
}

function decideProgress(command: ReportRepairProgress): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.progress', p.progress);
    checks.boolean('payload.customerTold', p.customerTold);
  }
  checks.throwIfAny(command.type);
  const { progress, customerTold } = command.payload;
  return [
    event('repair-order.repair-progress-reported', { progress, customerTold }),
  ];
}

function decideChange(command: ProposeRepairChange): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.reason', p.reason);
    checkItems(checks, 'payload.addedItems', p.addedItems);
  }
  checks.throwIfAny(command.type);
  const { reason, addedItems } = command.payload;
  return [
    event('repair-order.repair-change-proposed', {
      reason,
      addedItems,
      addedFen: itemsFen(addedItems),
    }),
  ];
}

function decideChangeDecision(
  command: RecordChangeDecision,
  state: RepairOrderState,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.boolean('payload.agreed', p.agreed);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);
  const change = state.pendingChange ?? { addedItems: [], addedFen: 0 };
  const { agreed, note } = command.payload;
  return [
    agreed
      ? event('repair-order.repair-change-agreed', { ...change, note })
      : event('repair-order.repair-change-declined', { note }),
  ];
}

function decideSelfCheck(
  command: CompleteSelfCheck,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.note', p.note);
  checks.throwIfAny(command.type);
  return [
    event('repair-order.self-check-completed', {
      note: command.payload.note,
      at: context.now,
    }),
  ];
}

function decideInspection(
  command: RecordQualityInspection,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.boolean('payload.passed', p.passed);
    checks.nonBlank('payload.findings', p.findings);
  }
  checks.throwIfAny(command.type);
  const { passed, findings } = command.payload;
  return [
    passed
      ? event('repair-order.quality-inspection-passed', {
          findings,
          at: context.now,
        })
      : event('repair-order.quality-inspection-failed', {
          findings,
          at: context.now,
        }),
  ];
}

/**
 * G8 §7: the cost list is checked against what the customer agreed to —
 * the items' parts and labour, or the total a fee dispute settled on.
 */
function decideSettle(
  command: SettleRepairCosts,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checkFen(checks, 'payload.partsFen', p.partsFen);
    checkFen(checks, 'payload.labourFen', p.labourFen);
    checkFen(checks, 'payload.otherFen', p.otherFen);
    checks.nonBlank('payload.invoiceTitle', p.invoiceTitle);
  }
  checks.throwIfAny(command.type);
  const { partsFen, labourFen, otherFen, invoiceTitle } = command.payload;
  const totalFen = partsFen + labourFen + otherFen;
  const agreedTotal = state.dispute?.agreedTotalFen;
  const agreed = agreedItemsFen(state);
  const matches =
    agreedTotal !== undefined
      ? totalFen === agreedTotal
      : partsFen === agreed.partsFen && labourFen === agreed.labourFen;
  if (!matches) {
    throw new RepairCostListMismatchError(
      command.ticketId,
      agreedTotal !== undefined ? { totalFen: agreedTotal } : agreed,
      { partsFen, labourFen, totalFen },
    );
  }
  return [
    event('repair-order.repair-costs-settled', {
      partsFen,
      labourFen,
      otherFen,
      totalFen,
      settledAt: context.now,
    }),
    event('repair-order.repair-invoice-issued', {
      // TODO(#13): ask the tax invoice service for the number; none is
      // connected, so the invoice is numbered after the repair order.
      invoiceNo: (state.ticketNumber ?? command.ticketId).replace(
        /^RO-/,
        'RI-',
      ),
      invoiceTitle,
      totalFen,
    }),
  ];
}

function decideDispute(command: RaiseFeeDispute): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.reason', p.reason);
    checkFen(checks, 'payload.disputedFen', p.disputedFen, { positive: true });
  }
  checks.throwIfAny(command.type);
  const { reason, disputedFen } = command.payload;
  return [event('repair-order.fee-dispute-raised', { reason, disputedFen })];
}

function decideResolve(command: ResolveFeeDispute): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.resolution', p.resolution);
    checkFen(checks, 'payload.agreedTotalFen', p.agreedTotalFen);
  }
  checks.throwIfAny(command.type);
  const { resolution, agreedTotalFen } = command.payload;
  return [
    event('repair-order.fee-dispute-resolved', { resolution, agreedTotalFen }),
  ];
}

function decideDeliver(
  command: DeliverVehicle,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.slipSignedBy', p.slipSignedBy);
    if (checks.boolean('payload.cleaned', p.cleaned) && p.cleaned !== true) {
      checks.fail('payload.cleaned', 'the vehicle is cleaned before hand-over');
    }
  }
  checks.throwIfAny(command.type);
  return [
    event('repair-order.repair-slip-signed', {
      signedBy: command.payload.slipSignedBy,
    }),
    event('repair-order.vehicle-delivered', {
      deliveredAt: context.now,
      cleaned: true,
      warrantyUntil: repairWarrantyEndsAt(context.now, rules.warrantyDays),
    }),
  ];
}

function decideSurvey(command: RecordSatisfactionSurvey): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checkWhole(checks, 'payload.score', p.score, 1, 5);
    checks.optionalString('payload.comment', p.comment);
  }
  checks.throwIfAny(command.type);
  const { score, comment } = command.payload;
  return [event('repair-order.satisfaction-surveyed', { score, comment })];
}

function minutesBetween(from?: string, to?: string): number | undefined {
  if (!from || !to) return undefined;
  return Math.round((Date.parse(to) - Date.parse(from)) / MINUTE_MS);
}

/** G8 §8: time per stage, for the statistics the archive feeds. */
export function stageMinutesOf(
  state: RepairOrderState,
  archivedAt: string,
): Record<string, number> {
  const stages: Record<string, number | undefined> = {
    reception: minutesBetween(state.receivedAt, state.authorisedAt),
    preparation: minutesBetween(state.authorisedAt, state.workOrderIssuedAt),
    repair: minutesBetween(state.workOrderIssuedAt, state.inspectionPassedAt),
    settlement: minutesBetween(state.inspectionPassedAt, state.settledAt),
    delivery: minutesBetween(state.settledAt, state.deliveredAt),
    total: minutesBetween(state.receivedAt, archivedAt),
  };
  return Object.fromEntries(
    Object.entries(stages).filter(([, v]) => v !== undefined),
  ) as Record<string, number>;
}

function decideArchive(
  command: ArchiveRepairOrder,
  state: RepairOrderState,
  context: DecisionContext,
): RepairOrderEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.optionalString('payload.note', p.note);
  checks.throwIfAny(command.type);
  return [
    event('repair-order.repair-order-archived', {
      archivedAt: context.now,
      plate: state.vehicle?.plate ?? '',
      comeback: state.comeback !== undefined,
      stageMinutes: stageMinutesOf(state, context.now),
      note: command.payload.note,
    }),
  ];
}

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state first (from the transition table), then every failing field at
 * once, then the process's own rules.
 */
export function decideRepairOrder(
  command: RepairOrderCommand,
  state: RepairOrderState,
  context: DecisionContext,
  rules: RepairOrderRules,
): RepairOrderEvent[] {
  authoriseRepairOrder(command, state, context);

  switch (command.type) {
    case 'BookAppointment':
      return decideBook(command, state, context);
    case 'RequestAppointmentConfirmation':
      return decideRequestConfirmation(command, state, context);
    case 'RecordConfirmation':
      return decideConfirmation(command, state);
    case 'ExpireUnconfirmedAppointment':
      return decideExpire(command, state, context);
    case 'ShopCannotKeepAppointment':
      return decideShopCannotKeep(command, state, context);
    case 'RebookAppointment':
      return decideRebook(command, state, context);
    case 'RegisterWalkIn':
      return decideWalkIn(command, context, rules);
    case 'ReceiveBookedVehicle':
      return decideReceive(command, context, rules);
    case 'SignRepairAuthorisation':
      return decideAuthorisation(command, context);
    case 'IssueWorkOrder':
      return decideWorkOrder(command, state, context);
    case 'ReportRepairProgress':
      return decideProgress(command);
    case 'ProposeRepairChange':
      return decideChange(command);
    case 'RecordChangeDecision':
      return decideChangeDecision(command, state);
    case 'CompleteSelfCheck':
      return decideSelfCheck(command, context);
    case 'RecordQualityInspection':
      return decideInspection(command, context);
    case 'SettleRepairCosts':
      return decideSettle(command, state, context);
    case 'RaiseFeeDispute':
      return decideDispute(command);
    case 'ResolveFeeDispute':
      return decideResolve(command);
    case 'DeliverVehicle':
      return decideDeliver(command, context, rules);
    case 'RecordSatisfactionSurvey':
      return decideSurvey(command);
    case 'ArchiveRepairOrder':
      return decideArchive(command, state, context);
    default: {
      // The table has already refused a type it does not list.
      const unknown: never = command;
      return unknown;
    }
  }
}
