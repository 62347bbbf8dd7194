import { shanghaiDayOf } from '../deadlines/shanghai-time';
import {
  authoriseByTable,
  checkFen,
  FieldChecks,
  type DecisionContext,
} from '../shared';
import type {
  EnterViolation,
  TrafficViolationCommand,
} from './traffic-violation.commands';
import { decideDueStep } from './traffic-violation.decide-due-step';
import {
  payloadChecks,
  violationEvent as event,
} from './traffic-violation.event-factory';
import {
  ViolationDeductionMismatchError,
  ViolationEntryDayError,
  ViolationPushWindowClosedError,
  ViolationStepNotDueError,
} from './traffic-violation.errors';
import {
  VIOLATION_MATERIALS,
  type TrafficViolationEvent,
} from './traffic-violation.events';
import {
  caseDay,
  deductionDueAfter,
  shanghaiWeekday,
  VIOLATION_ENTRY_WEEKDAYS,
  violationSchedule,
  weekdayName,
} from './traffic-violation.schedule';
import type {
  TrafficViolationConfig,
  TrafficViolationState,
} from './traffic-violation.state';
import { TRAFFIC_VIOLATION_TRANSITIONS } from './traffic-violation.transitions';

export const TRAFFIC_VIOLATION_PROCESS_ID = 'traffic-violation';

const CONTACT_OUTCOMES = ['reached', 'unreachable'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 4.1: entered on a Monday or a Thursday, or by a lead with a reason. */
function decideEnter(
  command: EnterViolation,
  context: DecisionContext,
  config: TrafficViolationConfig,
): TrafficViolationEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  const weekday = shanghaiWeekday(context.now);
  const allowedDay = VIOLATION_ENTRY_WEEKDAYS.includes(weekday);
  if (p) {
    for (const field of ['ticketNumber', 'memberId'] as const) {
      checks.nonBlank(`payload.${field}`, p[field]);
    }
    checks.phoneNumber('payload.phone', p.phone);
    if (
      p.email !== undefined &&
      !(typeof p.email === 'string' && EMAIL.test(p.email))
    ) {
      checks.fail('payload.email', 'must be an e-mail address');
    }
    if (checks.record('payload.violation', p.violation)) {
      const v = p.violation;
      for (const field of ['plate', 'location', 'description'] as const) {
        checks.nonBlank(`payload.violation.${field}`, v[field]);
      }
      if (
        checks.isoInstant('payload.violation.occurredAt', v.occurredAt) &&
        Date.parse(v.occurredAt) > Date.parse(context.now)
      ) {
        checks.fail(
          'payload.violation.occurredAt',
          'must not be in the future',
        );
      }
      checkFen(checks, 'payload.violation.fineFen', v.fineFen);
      if (!Number.isSafeInteger(v.points) || (v.points as number) < 0) {
        checks.fail(
          'payload.violation.points',
          'must be a whole number, 0 or more',
        );
      }
    }
    checks.optionalNonBlank('payload.overrideReason', p.overrideReason);
    if (!allowedDay && context.actor.lead && p.overrideReason === undefined) {
      checks.fail(
        'payload.overrideReason',
        'is required to enter off Monday and Thursday',
      );
    }
  }
  checks.throwIfAny(command.type);

  const override = !allowedDay;
  if (override && !context.actor.lead) {
    throw new ViolationEntryDayError(
      shanghaiDayOf(Date.parse(context.now)),
      weekdayName(weekday),
    );
  }
  const { ticketNumber, memberId, phone, email, violation } = command.payload;
  return [
    event('traffic-violation.violation-entered', {
      ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      memberId,
      phone,
      email,
      violation: {
        plate: violation.plate,
        occurredAt: new Date(violation.occurredAt).toISOString(),
        location: violation.location,
        description: violation.description,
        fineFen: violation.fineFen,
        points: violation.points,
      },
      entryOverride: override
        ? {
            by: context.actor.id,
            reason: command.payload.overrideReason as string,
          }
        : undefined,
      schedule: violationSchedule(context.now, config.calendar, config),
    }),
  ];
}

function checkCall(checks: FieldChecks, p: Record<string, unknown>) {
  checks.oneOf('payload.contactOutcome', p.contactOutcome, CONTACT_OUTCOMES);
  checks.optionalString('payload.note', p.note);
}

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state from the transition table, then the data, then P23's days.
 */
export function decideTrafficViolation(
  command: TrafficViolationCommand,
  state: TrafficViolationState,
  context: DecisionContext,
  config: TrafficViolationConfig,
): TrafficViolationEvent[] {
  authoriseByTable(
    TRAFFIC_VIOLATION_PROCESS_ID,
    TRAFFIC_VIOLATION_TRANSITIONS,
    command,
    state,
    context,
  );
  const { checks, p } = payloadChecks(command.payload);

  switch (command.type) {
    case 'EnterViolation':
      return decideEnter(command, context, config);
    case 'RunDueViolationStep':
      return decideDueStep(command, state, context);
    case 'RouteCallerToOnline':
      if (p) checks.optionalString('payload.note', p.note);
      checks.throwIfAny(command.type);
      return [
        event('traffic-violation.caller-routed-to-online', {
          note: command.payload.note,
        }),
      ];
    case 'RecordMaterialsEmailed': {
      if (p) {
        if (typeof p.email !== 'string' || !EMAIL.test(p.email)) {
          checks.fail('payload.email', 'must be an e-mail address');
        }
        const given = Array.isArray(p.materials) ? p.materials : [];
        const all = VIOLATION_MATERIALS.every((m) => given.includes(m));
        if (!all || given.length !== VIOLATION_MATERIALS.length) {
          checks.fail(
            'payload.materials',
            `must be exactly: ${VIOLATION_MATERIALS.join(', ')}`,
          );
        }
      }
      checks.throwIfAny(command.type);
      const schedule = state.schedule!;
      if (
        state.status === 'NOTIFYING' &&
        Date.parse(context.now) >= Date.parse(schedule.pushWindowEndsAt)
      ) {
        throw new ViolationPushWindowClosedError(
          command.ticketId,
          schedule.pushWindowEndsAt,
        );
      }
      return [
        event('traffic-violation.materials-emailed', {
          email: command.payload.email,
          materials: [...VIOLATION_MATERIALS],
          day: caseDay(schedule, context.now),
        }),
      ];
    }
    case 'RecordReminderCall':
      if (p) checkCall(checks, p);
      checks.throwIfAny(command.type);
      return [
        event('traffic-violation.reminder-call-made', {
          contactOutcome: command.payload.contactOutcome,
          note: command.payload.note,
        }),
        event('traffic-violation.unpushed-list-handed-to-online', {}),
      ];
    case 'RecordWarningCall':
      if (p) checkCall(checks, p);
      checks.throwIfAny(command.type);
      return [
        event('traffic-violation.warning-call-made', {
          contactOutcome: command.payload.contactOutcome,
          note: command.payload.note,
        }),
      ];
    case 'RecordRiskControlCall': {
      if (p) checkCall(checks, p);
      checks.throwIfAny(command.type);
      const { day, dueAt } = deductionDueAfter(
        context.now,
        config.calendar,
        config,
      );
      return [
        event('traffic-violation.risk-control-call-made', {
          contactOutcome: command.payload.contactOutcome,
          deductionDay: day,
          deductionDueAt: dueAt,
          note: command.payload.note,
        }),
      ];
    }
    case 'StartInPersonCollection':
      if (p) checks.nonBlank('payload.reason', p.reason);
      checks.throwIfAny(command.type);
      return [
        event('traffic-violation.severity-assessed', {
          severe: true,
          reason: command.payload.reason,
        }),
        event('traffic-violation.in-person-collection-started', {}),
      ];
    case 'RecordCollectionResult':
      if (p && checks.boolean('payload.collected', p.collected)) {
        if (p.collected) {
          checkFen(checks, 'payload.amountFen', p.amountFen, {
            positive: true,
          });
        } else {
          checks.absent(
            'payload.amountFen',
            p.amountFen,
            'when nothing was collected',
          );
        }
        checks.optionalString('payload.note', p.note);
      }
      checks.throwIfAny(command.type);
      return [
        event('traffic-violation.collection-result-recorded', {
          collected: command.payload.collected,
          amountFen: command.payload.amountFen,
          note: command.payload.note,
        }),
      ];
    case 'RequestDepositDeduction':
      checks.throwIfAny(command.type);
      // A visit begun before the deduction day that collects nothing also
      // ends in DEDUCTION_DUE; the deposit still waits for its day.
      if (
        state.deductionDueAt &&
        Date.parse(context.now) < Date.parse(state.deductionDueAt)
      ) {
        throw new ViolationStepNotDueError(
          command.ticketId,
          'deduction',
          state.deductionDueAt,
          context.now,
        );
      }
      return [
        event('traffic-violation.deposit-deduction-requested', {
          fineFen: state.violation!.fineFen,
        }),
      ];
    case 'RecordDepositDeducted': {
      if (p)
        checkFen(checks, 'payload.amountFen', p.amountFen, { positive: true });
      checks.throwIfAny(command.type);
      const asked = state.requestedFineFen as number;
      if (command.payload.amountFen !== asked) {
        throw new ViolationDeductionMismatchError(
          command.ticketId,
          asked,
          command.payload.amountFen,
        );
      }
      return [
        event('traffic-violation.deposit-frozen', {}),
        event('traffic-violation.fine-deducted-as-penalty', {
          amountFen: asked,
        }),
      ];
    }
    case 'HandOffToReceivables':
      if (p) {
        checks.nonBlank('payload.result', p.result);
        checks.nonBlank('payload.receivableCaseId', p.receivableCaseId);
      }
      checks.throwIfAny(command.type);
      return [
        event('traffic-violation.result-notified-to-centre', {
          result: command.payload.result,
        }),
        event('traffic-violation.handed-to-receivables', {
          receivableCaseId: command.payload.receivableCaseId,
        }),
      ];
    case 'RecordViolationHandled':
      if (p) checks.nonBlank('payload.evidence', p.evidence);
      checks.throwIfAny(command.type);
      return [
        event('traffic-violation.handled-by-user', {
          evidence: command.payload.evidence,
        }),
      ];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
