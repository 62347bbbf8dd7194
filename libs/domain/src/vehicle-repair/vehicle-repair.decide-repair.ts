import { permissionOf, type DecisionContext } from '../shared';
import type {
  ApproveQuote,
  CompleteRepair,
  CompleteWarrantyFollowUp,
  FileWarrantyClaim,
  NotifyOwnerToCollect,
  RecordQualityCheck,
  RecordSatisfactionSurvey,
  RecordVehicleCollected,
  RefuseQuote,
  ReturnVehicleUnrepaired,
  SubmitAnalysisReport,
} from './vehicle-repair.commands';
import {
  VehicleRepairNotFleetAdminError,
  VehicleRepairWarrantyExpiredError,
} from './vehicle-repair.errors';
import { vehicleRepairEvent as event } from './vehicle-repair.event-factory';
import type {
  VehicleRepairPayer,
  VehicleRepairEvent,
} from './vehicle-repair.events';
import {
  optionalTextList,
  payloadChecks,
} from './vehicle-repair.payload-checks';
import {
  warrantyEndsAt,
  type VehicleRepairRules,
} from './vehicle-repair.rules';
import type { VehicleRepairState } from './vehicle-repair.state';

const NOTIFY_CHANNELS = ['phone', 'sms', 'app'] as const;
const SURVEY_CHANNELS = ['phone', 'form', 'online'] as const;
const CONTACT_OUTCOMES = ['reached', 'unreachable'] as const;

/** Whose decision the quote was: the state says whose turn it is. */
function payerOf(state: VehicleRepairState): VehicleRepairPayer {
  return state.status === 'QUOTE_AWAITING_FLEET' ? 'fleet' : 'member';
}

/**
 * G2: a fleet's quote is its own administrator's to decide. The table
 * lets only `fleet-admin` act on it; the token's `org` must also name the
 * fleet the report named, so one fleet cannot spend another's money.
 */
function requireTheFleetsAdmin(
  command: ApproveQuote | RefuseQuote,
  state: VehicleRepairState,
  context: DecisionContext,
): void {
  if (state.status !== 'QUOTE_AWAITING_FLEET') return;
  const fleetId = state.fleetId as string;
  const { actor } = context;
  if (actor.kind === 'automatic' || actor.org === fleetId) return;
  throw new VehicleRepairNotFleetAdminError(
    command.ticketId,
    fleetId,
    actor.org,
    permissionOf('vehicle-repair', command.type),
  );
}

/** G1 6: the payer agrees (the contract is signed at the shop). */
export function decideApproveQuote(
  command: ApproveQuote,
  state: VehicleRepairState,
  context: DecisionContext,
): VehicleRepairEvent[] {
  requireTheFleetsAdmin(command, state, context);
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.optionalString('payload.note', p.note);
  checks.throwIfAny(command.type);

  return [
    event('vehicle-repair.quote-approved', {
      approvedBy: payerOf(state),
      quoteFen: state.quoteFen as number,
      note: command.payload.note,
    }),
  ];
}

export function decideRefuseQuote(
  command: RefuseQuote,
  state: VehicleRepairState,
  context: DecisionContext,
): VehicleRepairEvent[] {
  requireTheFleetsAdmin(command, state, context);
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.reason', p.reason);
  checks.throwIfAny(command.type);

  return [
    event('vehicle-repair.quote-refused', {
      refusedBy: payerOf(state),
      reason: command.payload.reason,
    }),
  ];
}

export function decideReturnUnrepaired(
  command: ReturnVehicleUnrepaired,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.optionalString('payload.note', p.note);
  checks.throwIfAny(command.type);

  return [
    event('vehicle-repair.returned-unrepaired', { note: command.payload.note }),
  ];
}

/** G1 7 */
export function decideCompleteRepair(
  command: CompleteRepair,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.workDone', p.workDone);
    optionalTextList(checks, 'payload.partsReplaced', p.partsReplaced);
  }
  checks.throwIfAny(command.type);

  const { workDone, partsReplaced } = command.payload;
  return [
    event('vehicle-repair.repair-completed', {
      workDone,
      partsReplaced: partsReplaced ?? [],
    }),
  ];
}

/** G1 8: a car that does not meet safe-running goes back to repair. */
export function decideQualityCheck(
  command: RecordQualityCheck,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p && checks.boolean('payload.passed', p.passed)) {
    // A pass may have a note, a failure has findings; the other field is
    // refused rather than dropped unseen.
    if (p.passed) {
      checks.optionalString('payload.note', p.note);
      checks.absent('payload.findings', p.findings, 'when the check passes');
    } else {
      checks.nonBlank('payload.findings', p.findings);
      checks.absent('payload.note', p.note, 'when the check fails');
    }
  }
  checks.throwIfAny(command.type);

  const payload = command.payload;
  return payload.passed
    ? [event('vehicle-repair.quality-check-passed', { note: payload.note })]
    : [
        event('vehicle-repair.quality-check-failed', {
          findings: payload.findings,
        }),
      ];
}

export function decideNotifyOwner(
  command: NotifyOwnerToCollect,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.oneOf('payload.channel', p.channel, NOTIFY_CHANNELS);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { channel, note } = command.payload;
  return [event('vehicle-repair.owner-notified', { channel, note })];
}

/**
 * G1 8–9: collected at the decision; the warranty runs from the first
 * delivery. A car delivered again after a warranty repair keeps that
 * end: repairing under warranty does not buy a new period.
 */
export function decideCollected(
  command: RecordVehicleCollected,
  state: VehicleRepairState,
  context: DecisionContext,
  rules: VehicleRepairRules,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.collectedBy', p.collectedBy);
  checks.throwIfAny(command.type);

  return [
    event('vehicle-repair.vehicle-delivered', {
      collectedBy: command.payload.collectedBy,
      deliveredAt: context.now,
      warrantyDays: rules.warrantyDays,
      warrantyEndsAt:
        state.warrantyEndsAt ?? warrantyEndsAt(context.now, rules.warrantyDays),
    }),
  ];
}

/** G1 9: within the period, the fault goes back to the technician. */
export function decideWarrantyClaim(
  command: FileWarrantyClaim,
  state: VehicleRepairState,
  context: DecisionContext,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.description', p.description);
  checks.throwIfAny(command.type);

  const endsAt = state.warrantyEndsAt as string;
  if (Date.parse(context.now) >= Date.parse(endsAt)) {
    throw new VehicleRepairWarrantyExpiredError(
      command.ticketId,
      endsAt,
      context.now,
    );
  }
  return [
    event('vehicle-repair.warranty-claim-filed', {
      description: command.payload.description,
    }),
  ];
}

export function decideWarrantyFollowUp(
  command: CompleteWarrantyFollowUp,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.oneOf('payload.contactOutcome', p.contactOutcome, CONTACT_OUTCOMES);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { contactOutcome, note } = command.payload;
  return [
    event('vehicle-repair.warranty-follow-up-done', { contactOutcome, note }),
  ];
}

function isScore(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= 5
  );
}

/**
 * G1 10: a score of 1 (very dissatisfied) to 5 (very satisfied), or none
 * when the member would not answer: a survey nobody fills in must not
 * keep the case open for ever.
 */
export function decideSurvey(
  command: RecordSatisfactionSurvey,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p && checks.boolean('payload.answered', p.answered)) {
    if (!p.answered) {
      checks.absent('payload.score', p.score, 'when the member gave none');
    } else if (!isScore(p.score)) {
      checks.fail('payload.score', 'must be a whole number from 1 to 5');
    }
  }
  if (p) {
    checks.oneOf('payload.channel', p.channel, SURVEY_CHANNELS);
    checks.optionalString('payload.comment', p.comment);
  }
  checks.throwIfAny(command.type);

  const survey = command.payload;
  return [
    event('vehicle-repair.survey-recorded', {
      answered: survey.answered,
      score: survey.answered ? survey.score : undefined,
      channel: survey.channel,
      comment: survey.comment,
    }),
  ];
}

/** G3 6: after-sales reports the major fault's analysis. */
export function decideAnalysisReport(
  command: SubmitAnalysisReport,
): VehicleRepairEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.rootCause', p.rootCause);
    checks.nonBlank('payload.report', p.report);
  }
  checks.throwIfAny(command.type);

  const { rootCause, report } = command.payload;
  return [event('vehicle-repair.analysis-reported', { rootCause, report })];
}
