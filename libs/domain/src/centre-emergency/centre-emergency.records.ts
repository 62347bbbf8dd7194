import { shanghaiDayOf } from '../deadlines/shanghai-time';
import {
  actorSees,
  isRecord,
  type DecisionContext,
  type FieldChecks,
} from '../shared';
import type {
  BackfillTask,
  CallNextShiftEarly,
  DeploySupportStaff,
  DesignateManagers,
  LendOnlineStaff,
  LinkTarget,
  LinkTicket,
  RecordCallback,
  RecordDeferredRequestsHandled,
  RecordHandwrittenRequest,
  RecordMissedCall,
  ReportToCsManagerOffDay,
  ReportToTianrun,
  UnlinkTicket,
} from './centre-emergency.commands';
import { names, payloadChecks, utc } from './centre-emergency.checks';
import type { CentreEmergencyConfig } from './centre-emergency.decide';
import {
  EmergencyRecordAlreadyDoneError,
  EmergencyRecordNotFoundError,
  LinkedTicketNotFoundError,
  NotANonWorkingDayError,
  TicketLinkStateError,
  WrongFaultTypeError,
} from './centre-emergency.errors';
import { centreEmergencyEvent as event } from './centre-emergency.event-factory';
import type {
  CentreEmergencyEvent,
  FaultType,
  TicketRef,
} from './centre-emergency.events';
import { sameTicket } from './centre-emergency.evolve';
import type { CentreEmergencyState } from './centre-emergency.state';

const PROCESS_ID = 'centre-emergency';
const CALLBACK_OUTCOMES = ['reached', 'unreachable'] as const;

function requireFaultType(
  command: { type: string; ticketId: string },
  state: CentreEmergencyState,
  expected: FaultType,
): void {
  const actual = state.faultType as FaultType;
  if (actual !== expected) {
    throw new WrongFaultTypeError(
      command.ticketId,
      command.type,
      actual,
      expected,
    );
  }
}

/** Staffing while the fault lasts (3.1, 3.3, 3.4), and 3.3's off-day report. */
export function decideStaffing(
  command:
    | LendOnlineStaff
    | CallNextShiftEarly
    | DeploySupportStaff
    | ReportToCsManagerOffDay,
  state: CentreEmergencyState,
  config: CentreEmergencyConfig,
): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (command.type === 'ReportToCsManagerOffDay') {
    if (p) checks.optionalString('payload.note', p.note);
    checks.throwIfAny(command.type);
    // The day the fault happened decides, on the Shanghai calendar: a
    // fault that began on a holiday is reported even after midnight.
    const day = shanghaiDayOf(Date.parse(state.detectedAt as string));
    if (config.calendar.isWorkingDay(day)) {
      throw new NotANonWorkingDayError(command.ticketId, day);
    }
    return [
      event('centre-emergency.reported-to-cs-manager', {
        day,
        note: command.payload.note,
      }),
    ];
  }
  if (p) names(checks, 'payload.staff', p.staff);
  checks.throwIfAny(command.type);

  const staff = command.payload.staff;
  switch (command.type) {
    case 'LendOnlineStaff':
      return [event('centre-emergency.online-staff-lent', { staff })];
    case 'CallNextShiftEarly':
      return [event('centre-emergency.next-shift-called-in-early', { staff })];
    case 'DeploySupportStaff':
      return [event('centre-emergency.support-staff-deployed', { staff })];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

/**
 * The scenario's own records (3.1, 3.2, 3.4), while the fault lasts or
 * entered after the fix; a request or call entered after the fix must
 * have come in before it.
 */
export function decideBranchRecord(
  command:
    | DesignateManagers
    | ReportToTianrun
    | RecordHandwrittenRequest
    | RecordMissedCall,
  state: CentreEmergencyState,
  context: DecisionContext,
): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  switch (command.type) {
    case 'DesignateManagers': {
      if (
        p &&
        names(checks, 'payload.managers', p.managers) &&
        p.managers.length !== 2
      ) {
        checks.fail('payload.managers', 'must name exactly two people');
      }
      checks.throwIfAny(command.type);
      requireFaultType(command, state, 'backoffice-network-power');
      return [
        event('centre-emergency.two-managers-designated', {
          managers: command.payload.managers,
        }),
      ];
    }
    case 'ReportToTianrun': {
      if (p) {
        checks.optionalNonBlank('payload.reference', p.reference);
        checks.optionalString('payload.note', p.note);
      }
      checks.throwIfAny(command.type);
      requireFaultType(command, state, 'hotline-400-or-udesk');
      const { reference, note } = command.payload;
      return [
        event('centre-emergency.tianrun-repair-reported', { reference, note }),
      ];
    }
    case 'RecordHandwrittenRequest': {
      if (p) {
        if (checks.record('payload.customer', p.customer)) {
          checks.phoneNumber('payload.customer.phone', p.customer.phone);
          checks.optionalString('payload.customer.name', p.customer.name);
        }
        checks.nonBlank('payload.request', p.request);
        duringFault(checks, 'payload.receivedAt', p.receivedAt, state, context);
      }
      checks.throwIfAny(command.type);
      requireFaultType(command, state, 'backoffice-network-power');
      const { customer, request, receivedAt } = command.payload;
      return [
        event('centre-emergency.handwritten-request-recorded', {
          entryId: `H${state.handwritten.length + 1}`,
          customer:
            customer.name === undefined
              ? { phone: customer.phone }
              : { phone: customer.phone, name: customer.name },
          request,
          receivedAt: utc(receivedAt),
        }),
      ];
    }
    case 'RecordMissedCall': {
      if (p) {
        if (checks.record('payload.caller', p.caller)) {
          checks.phoneNumber('payload.caller.phone', p.caller.phone);
        }
        duringFault(checks, 'payload.calledAt', p.calledAt, state, context);
      }
      checks.throwIfAny(command.type);
      requireFaultType(command, state, 'hotline-400-or-udesk');
      return [
        event('centre-emergency.missed-call-recorded', {
          callId: `M${state.missedCalls.length + 1}`,
          caller: { phone: command.payload.caller.phone },
          calledAt: utc(command.payload.calledAt),
        }),
      ];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

/** An instant not after the decision, nor after the fix if there was one. */
function duringFault(
  checks: FieldChecks,
  field: string,
  value: unknown,
  state: CentreEmergencyState,
  context: DecisionContext,
): void {
  if (
    checks.pastInstant(field, value, context.now) &&
    state.resolvedAt !== undefined &&
    Date.parse(value) > Date.parse(state.resolvedAt)
  ) {
    checks.fail(field, 'must not be after the fault was fixed');
  }
}

function checkRef(checks: FieldChecks, field: string, value: unknown) {
  if (!checks.record(field, value)) return false;
  const a = checks.nonBlank(`${field}.processId`, value.processId);
  const b = checks.nonBlank(`${field}.ticketId`, value.ticketId);
  return a && b;
}

/** The prepared look-up must have found a ticket this actor may see. */
function requireTarget(
  ref: TicketRef,
  target: LinkTarget | undefined,
  context: DecisionContext,
): LinkTarget {
  if (
    !isRecord(target) ||
    target.found !== true ||
    !actorSees(context.actor, target.subsidiaryId)
  ) {
    throw new LinkedTicketNotFoundError(ref.processId, ref.ticketId);
  }
  return target;
}

/** After the fix: 后续补建任务, 回拨, and the held-over requests. */
export function decideFollowUp(
  command: BackfillTask | RecordCallback | RecordDeferredRequestsHandled,
  state: CentreEmergencyState,
  context: DecisionContext,
): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  switch (command.type) {
    case 'BackfillTask': {
      if (p) {
        checks.nonBlank('payload.entryId', p.entryId);
        checks.nonBlank('payload.task', p.task);
        if (p.ticket !== undefined)
          checkRef(checks, 'payload.ticket', p.ticket);
      }
      checks.throwIfAny(command.type);
      const { entryId, task, ticket, target } = command.payload;
      const entry = state.handwritten.find((e) => e.entryId === entryId);
      if (!entry) {
        throw new EmergencyRecordNotFoundError(
          command.ticketId,
          'handwritten-entry',
          entryId,
        );
      }
      if (entry.backfilled) {
        throw new EmergencyRecordAlreadyDoneError(
          command.ticketId,
          'handwritten-entry',
          entryId,
        );
      }
      if (ticket) requireTarget(ticket, target, context);
      return [
        event('centre-emergency.task-backfilled', {
          entryId,
          task,
          ticket: ticket && {
            processId: ticket.processId,
            ticketId: ticket.ticketId,
          },
        }),
      ];
    }
    case 'RecordCallback': {
      if (p) {
        checks.nonBlank('payload.callId', p.callId);
        checks.oneOf('payload.outcome', p.outcome, CALLBACK_OUTCOMES);
        checks.optionalString('payload.note', p.note);
      }
      checks.throwIfAny(command.type);
      const { callId, outcome, note } = command.payload;
      const call = state.missedCalls.find((c) => c.callId === callId);
      if (!call) {
        throw new EmergencyRecordNotFoundError(
          command.ticketId,
          'missed-call',
          callId,
        );
      }
      if (call.outcome !== undefined) {
        throw new EmergencyRecordAlreadyDoneError(
          command.ticketId,
          'missed-call',
          callId,
        );
      }
      return [
        event('centre-emergency.missed-call-called-back', {
          callId,
          outcome,
          note,
        }),
      ];
    }
    case 'RecordDeferredRequestsHandled': {
      if (p) {
        const n = p.handled;
        if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
          checks.fail('payload.handled', 'must be a whole number, 0 or more');
        }
        checks.optionalString('payload.note', p.note);
      }
      checks.throwIfAny(command.type);
      const { handled, note } = command.payload;
      return [
        event('centre-emergency.deferred-requests-processed', {
          handled,
          note,
        }),
      ];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

/** An affected ticket of any process points at the emergency. */
export function decideLink(
  command: LinkTicket | UnlinkTicket,
  state: CentreEmergencyState,
  context: DecisionContext,
): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p && checkRef(checks, 'payload', p)) {
    if (p.processId === PROCESS_ID && p.ticketId === command.ticketId) {
      checks.fail('payload.ticketId', 'must not be the emergency itself');
    }
  }
  checks.throwIfAny(command.type);

  const ref = {
    processId: command.payload.processId,
    ticketId: command.payload.ticketId,
  };
  const linked = state.linkedTickets.some(sameTicket(ref));
  if (command.type === 'UnlinkTicket') {
    if (!linked) {
      throw new TicketLinkStateError(
        'TICKET_NOT_LINKED',
        command.ticketId,
        ref.processId,
        ref.ticketId,
      );
    }
    return [event('centre-emergency.ticket-unlinked', ref)];
  }
  const target = requireTarget(ref, command.payload.target, context);
  if (linked) {
    throw new TicketLinkStateError(
      'TICKET_ALREADY_LINKED',
      command.ticketId,
      ref.processId,
      ref.ticketId,
    );
  }
  return [
    event('centre-emergency.ticket-linked', {
      ...ref,
      ticketNumber: target.ticketNumber,
    }),
  ];
}
