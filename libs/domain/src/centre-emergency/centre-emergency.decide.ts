import type { WorkingCalendar } from '../deadlines/working-calendar.port';
import { authoriseByTable, type DecisionContext } from '../shared';
import type {
  ActivateEmergencyMechanism,
  CentreEmergencyCommand,
  CloseEmergency,
  ConfirmRepairEta,
  LogFault,
  MobiliseAllHands,
  ResolveFault,
} from './centre-emergency.commands';
import { names, payloadChecks, utc } from './centre-emergency.checks';
import { EmergencyNotReadyToCloseError } from './centre-emergency.errors';
import { centreEmergencyEvent as event } from './centre-emergency.event-factory';
import {
  FAULT_TYPES,
  type CentreEmergencyEvent,
} from './centre-emergency.events';
import { nothingPending, pendingFollowUp } from './centre-emergency.follow-up';
import {
  decideBranchRecord,
  decideFollowUp,
  decideLink,
  decideStaffing,
} from './centre-emergency.records';
import type { CentreEmergencyState } from './centre-emergency.state';
import { CENTRE_EMERGENCY_TRANSITIONS } from './centre-emergency.transitions';

export const CENTRE_EMERGENCY_PROCESS_ID = 'centre-emergency';

/** The Shanghai working calendar: 3.3 depends on the kind of day. */
export interface CentreEmergencyConfig {
  calendar: WorkingCalendar;
}

/** 4.1 / 3.2: the fault and whether it was announced in advance. */
function decideLog(
  command: LogFault,
  context: DecisionContext,
): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.ticketNumber', p.ticketNumber);
    checks.oneOf('payload.faultType', p.faultType, FAULT_TYPES);
    checks.boolean('payload.advanceNotice', p.advanceNotice);
    checks.pastInstant('payload.detectedAt', p.detectedAt, context.now);
    checks.nonBlank('payload.description', p.description);
  }
  checks.throwIfAny(command.type);

  const d = command.payload;
  return [
    event('centre-emergency.fault-logged', {
      ticketNumber: d.ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      faultType: d.faultType,
      advanceNotice: d.advanceNotice,
      detectedAt: utc(d.detectedAt),
      description: d.description,
    }),
  ];
}

/** 4.2 */
function decideMechanism(
  command: ActivateEmergencyMechanism,
): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.optionalString('payload.note', p.note);
  checks.throwIfAny(command.type);

  return [
    event('centre-emergency.emergency-mechanism-activated', {
      note: command.payload.note,
    }),
  ];
}

/** 4.3: the estimate, and at once the real-time report to HQ. */
function decideEta(
  command: ConfirmRepairEta,
  state: CentreEmergencyState,
  context: DecisionContext,
): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    if (
      checks.isoInstant('payload.eta', p.eta) &&
      Date.parse(p.eta) < Date.parse(state.detectedAt as string)
    ) {
      checks.fail('payload.eta', 'must not be before the fault was detected');
    }
    checks.nonBlank('payload.techContact', p.techContact);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { eta, techContact, note } = command.payload;
  return [
    event('centre-emergency.repair-eta-confirmed', {
      eta: utc(eta),
      techContact,
      note,
    }),
    event('centre-emergency.reported-to-hq-cs-manager', {
      reportedAt: context.now,
    }),
  ];
}

/** 4.4 */
function decideAllHands(command: MobiliseAllHands): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) names(checks, 'payload.staff', p.staff);
  checks.throwIfAny(command.type);

  return [
    event('centre-emergency.all-hands-on-phones', {
      staff: command.payload.staff,
    }),
  ];
}

/** 3.6 */
function decideResolve(
  command: ResolveFault,
  context: DecisionContext,
): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.cause', p.cause);
  checks.throwIfAny(command.type);

  return [
    event('centre-emergency.fault-resolved', {
      cause: command.payload.cause,
      resolvedAt: context.now,
    }),
  ];
}

/** The end, once the branch's follow-up is done. */
function decideClose(
  command: CloseEmergency,
  state: CentreEmergencyState,
): CentreEmergencyEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.summary', p.summary);
  checks.throwIfAny(command.type);

  const pending = pendingFollowUp(state);
  if (!nothingPending(pending)) {
    throw new EmergencyNotReadyToCloseError(command.ticketId, pending);
  }
  return [
    event('centre-emergency.emergency-closed', {
      summary: command.payload.summary,
    }),
  ];
}

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state first (from the transition table), then every failing field at
 * once, then the process's own rules.
 */
export function decideCentreEmergency(
  command: CentreEmergencyCommand,
  state: CentreEmergencyState,
  context: DecisionContext,
  config: CentreEmergencyConfig,
): CentreEmergencyEvent[] {
  authoriseByTable(
    CENTRE_EMERGENCY_PROCESS_ID,
    CENTRE_EMERGENCY_TRANSITIONS,
    command,
    state,
    context,
  );

  switch (command.type) {
    case 'LogFault':
      return decideLog(command, context);
    case 'ActivateEmergencyMechanism':
      return decideMechanism(command);
    case 'ConfirmRepairEta':
      return decideEta(command, state, context);
    case 'MobiliseAllHands':
      return decideAllHands(command);
    case 'ResolveFault':
      return decideResolve(command, context);
    case 'CloseEmergency':
      return decideClose(command, state);
    case 'LendOnlineStaff':
    case 'CallNextShiftEarly':
    case 'DeploySupportStaff':
    case 'ReportToCsManagerOffDay':
      return decideStaffing(command, state, config);
    case 'DesignateManagers':
    case 'ReportToTianrun':
    case 'RecordHandwrittenRequest':
    case 'RecordMissedCall':
      return decideBranchRecord(command, state, context);
    case 'BackfillTask':
    case 'RecordCallback':
    case 'RecordDeferredRequestsHandled':
      return decideFollowUp(command, state, context);
    case 'LinkTicket':
    case 'UnlinkTicket':
      return decideLink(command, state, context);
    default: {
      // The table has already refused a type it does not list.
      const unknown: never = command;
      return unknown;
    }
  }
}
