import {
  DomainError,
  FieldChecks,
  isRoleId,
  type DecisionContext,
} from '../shared';
import type {
  DeadlineBreached,
  DeadlineWarned,
  RecordDeadline,
} from './deadline-events';
import { PRIORITIES, type Priority } from './deadline-policy.types';

const LEVEL = /^(warn-[1-9]\d{0,2}|breach)$/;
const CLOCKS = ['elapsed', 'working', 'end-of-working-day'] as const;
const ACTIONS = ['notify', 'escalate', 'raise-priority'] as const;

/** The step a timer fired for has ended (or is another occurrence). */
export class DeadlineStepEndedError extends DomainError {
  readonly code = 'DEADLINE_STEP_ENDED';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly step: string,
    readonly state: string,
  ) {
    super(`Ticket ${ticketId} is ${state}; step ${step} has ended`);
  }

  details() {
    const { ticketId, step, state } = this;
    return { ticketId, step, state };
  }
}

/** A timer fired before its level was due by the decision clock. */
export class DeadlineNotDueError extends DomainError {
  readonly code = 'DEADLINE_NOT_DUE';
  readonly httpStatus = 409;

  constructor(
    readonly ticketId: string,
    readonly dueAt: string,
    readonly now: string,
  ) {
    super(`Deadline level of ${ticketId} is due at ${dueAt}, not ${now}`);
  }

  details() {
    const { ticketId, dueAt, now } = this;
    return { ticketId, dueAt, now };
  }
}

export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

function checkFacts(command: RecordDeadline): void {
  const checks = new FieldChecks();
  const p = command.payload as unknown;
  if (!checks.record('payload', p)) return checks.throwIfAny(command.type);
  checks.nonBlank('payload.step', p.step);
  if (
    !Number.isSafeInteger(p.startRevision) ||
    (p.startRevision as number) < 0
  ) {
    checks.fail('payload.startRevision', 'must be a revision (0 or more)');
  }
  checks.isoInstant('payload.stepStartedAt', p.stepStartedAt);
  if (typeof p.level !== 'string' || !LEVEL.test(p.level)) {
    checks.fail('payload.level', 'must be warn-<n> or breach');
  }
  checks.isoInstant('payload.dueAt', p.dueAt);
  checks.isoInstant('payload.deadlineAt', p.deadlineAt);
  checks.oneOf('payload.clock', p.clock, CLOCKS);
  if (checks.record('payload.policy', p.policy)) {
    checks.nonBlank('payload.policy.policy', p.policy.policy);
    if (!Number.isSafeInteger(p.policy.version)) {
      checks.fail('payload.policy.version', 'must be an integer');
    }
  }
  checks.oneOf('payload.priority', p.priority, PRIORITIES);
  if (p.actions !== undefined) {
    if (!Array.isArray(p.actions)) {
      checks.fail('payload.actions', 'must be an array when given');
    } else {
      p.actions.forEach((action: unknown, i) => {
        const field = `payload.actions.${i}`;
        if (!checks.record(field, action)) return;
        if (!checks.oneOf(`${field}.type`, action.type, ACTIONS)) return;
        if (action.type === 'escalate' && !isRoleId(String(action.role))) {
          checks.fail(`${field}.role`, 'must be a role');
        }
        if (action.type === 'raise-priority') {
          checks.oneOf(`${field}.to`, action.to, PRIORITIES);
        }
      });
    }
  }
  checks.throwIfAny(command.type);
}

/**
 * A timer's firing, decided like any command: the step must still be the
 * ticket's status and the level due by the decision clock. A breach
 * raises the priority when its actions say so and the ticket is less
 * urgent than that.
 */
export function decideRecordDeadline<P extends string>(
  processId: P,
  command: RecordDeadline,
  state: { status: string; priority?: Priority },
  context: DecisionContext,
): (DeadlineWarned<P> | DeadlineBreached<P>)[] {
  checkFacts(command);
  const { actions, ...facts } = command.payload;
  if (facts.step !== state.status) {
    throw new DeadlineStepEndedError(
      command.ticketId,
      facts.step,
      state.status,
    );
  }
  if (Date.parse(facts.dueAt) > Date.parse(context.now)) {
    throw new DeadlineNotDueError(command.ticketId, facts.dueAt, context.now);
  }
  const data = {
    step: facts.step,
    startRevision: facts.startRevision,
    stepStartedAt: facts.stepStartedAt,
    level: facts.level,
    dueAt: facts.dueAt,
    deadlineAt: facts.deadlineAt,
    clock: facts.clock,
    policy: { policy: facts.policy.policy, version: facts.policy.version },
    priority: facts.priority,
  };
  if (facts.level !== 'breach') {
    return [{ type: `${processId}.deadline-warned`, schemaVersion: 1, data }];
  }
  const current = state.priority ?? 'normal';
  const raised = (actions ?? [])
    .flatMap((a) => (a.type === 'raise-priority' ? [a.to] : []))
    .reduce<Priority>(
      (top, to) => (priorityRank(to) > priorityRank(top) ? to : top),
      current,
    );
  return [
    {
      type: `${processId}.deadline-breached`,
      schemaVersion: 1,
      data: {
        ...data,
        actions: [...(actions ?? [])],
        ...(raised !== current ? { priorityRaisedTo: raised } : {}),
      },
    },
  ];
}
