import {
  FieldChecks,
  InvalidCommandDataError,
  permissionOf,
  RoleNotPermittedError,
  type DecisionContext,
  type DomainCommand,
  type DomainEvent,
  type ProcessDefinition,
  type RoleId,
  type TableRule,
} from '../shared';
import {
  checkDeadlinePolicyDraft,
  type DeadlineSteps,
} from './deadline-policy.checks';
import type {
  DeadlinePolicyDraft,
  DeadlinePolicyVersion,
} from './deadline-policy.types';

export const DEADLINE_POLICY_PROCESS_ID = 'deadline-policy';

/** A new version of a policy; its ticket id is the policy's name. */
export type PublishDeadlinePolicy = DomainCommand<
  'PublishDeadlinePolicy',
  DeadlinePolicyDraft & {
    /** When steps start to run under it; now when omitted. */
    effectiveFrom?: string;
  }
>;

export type DeadlinePolicyCommand = PublishDeadlinePolicy;

export type DeadlinePolicyPublished = DomainEvent<
  'deadline-policy.version-published',
  DeadlinePolicyVersion
>;

export type DeadlinePolicyEvent = DeadlinePolicyPublished;

export interface DeadlinePolicyState {
  status: 'NEW' | 'PUBLISHED';
  versions: DeadlinePolicyVersion[];
}

export interface DeadlinePolicyConfig {
  /** The steps each process has, so a rule cannot name a missing one. */
  steps: DeadlineSteps;
}

/** Who may publish: the process owner (流程主责 客服主管), and the system's first-start default. */
export const DEADLINE_POLICY_PUBLISHERS: readonly RoleId[] = [
  'cs-supervisor',
  'system',
];

const POLICY_NAME = /^[a-z][a-z0-9-]{0,39}$/;

export function isPolicyName(value: unknown): value is string {
  return typeof value === 'string' && POLICY_NAME.test(value);
}

export function evolveDeadlinePolicy(
  state: DeadlinePolicyState,
  event: DeadlinePolicyEvent,
): DeadlinePolicyState {
  switch (event.type) {
    case 'deadline-policy.version-published':
      return { status: 'PUBLISHED', versions: [...state.versions, event.data] };
    default: {
      const unknown: never = event.type;
      throw new Error(`Unknown deadline-policy event type: ${String(unknown)}`);
    }
  }
}

/**
 * A new version, numbered after the last. It may not take effect before
 * it is published: a version never reaches back to steps already begun.
 */
export function decideDeadlinePolicy(
  command: DeadlinePolicyCommand,
  state: DeadlinePolicyState,
  context: DecisionContext,
  config: DeadlinePolicyConfig,
): DeadlinePolicyEvent[] {
  if (command.type !== 'PublishDeadlinePolicy') {
    throw new InvalidCommandDataError(String(command.type), [
      { field: 'type', message: 'is not a deadline-policy command' },
    ]);
  }
  if (!DEADLINE_POLICY_PUBLISHERS.includes(context.actor.role)) {
    throw new RoleNotPermittedError(
      command.type,
      context.actor.role,
      DEADLINE_POLICY_PUBLISHERS,
      permissionOf(DEADLINE_POLICY_PROCESS_ID, command.type),
    );
  }
  const checks = new FieldChecks();
  if (!isPolicyName(command.ticketId)) {
    checks.fail('ticketId', 'must be a policy name: a-z, 0-9 and -, 1 to 40');
  }
  const p = command.payload as unknown;
  checkDeadlinePolicyDraft(checks, 'payload', p, config.steps);
  const effectiveFrom =
    (p as { effectiveFrom?: unknown } | undefined)?.effectiveFrom ??
    context.now;
  if (
    checks.isoInstant('payload.effectiveFrom', effectiveFrom) &&
    Date.parse(effectiveFrom) < Date.parse(context.now)
  ) {
    checks.fail('payload.effectiveFrom', 'must not be before the publication');
  }
  checks.throwIfAny(command.type);

  const { workingHours, rules, note } = command.payload;
  const last = state.versions[state.versions.length - 1];
  return [
    {
      type: 'deadline-policy.version-published',
      schemaVersion: 1,
      data: {
        policy: command.ticketId,
        version: (last?.version ?? 0) + 1,
        effectiveFrom: new Date(effectiveFrom as string).toISOString(),
        publishedAt: context.now,
        workingHours: workingHours.map(({ from, to }) => ({ from, to })),
        // A plain copy of what was given: the stored version owns its data.
        rules: JSON.parse(
          JSON.stringify(rules),
        ) as DeadlinePolicyDraft['rules'],
        ...(note !== undefined ? { note } : {}),
      },
    },
  ];
}

/** Each publication adds a version; the state machine has one move. */
export const DEADLINE_POLICY_TRANSITIONS: readonly TableRule<
  'PublishDeadlinePolicy',
  'deadline-policy.version-published',
  DeadlinePolicyState['status']
>[] = (['NEW', 'PUBLISHED'] as const).map((from) => ({
  command: 'PublishDeadlinePolicy',
  from,
  roles: DEADLINE_POLICY_PUBLISHERS,
  outcomes: [
    { events: ['deadline-policy.version-published'], to: 'PUBLISHED' },
  ],
}));

export const initialDeadlinePolicyState: DeadlinePolicyState = {
  status: 'NEW',
  versions: [],
};

/** 时限规则: versioned deadline policies, one stream per policy name. */
export const deadlinePolicyProcess: ProcessDefinition<
  DeadlinePolicyState,
  DeadlinePolicyCommand,
  DeadlinePolicyEvent,
  DeadlinePolicyConfig
> = {
  processId: DEADLINE_POLICY_PROCESS_ID,
  title: { zh: '时限规则', en: 'Deadline policy' },
  initialState: initialDeadlinePolicyState,
  commandTypes: ['PublishDeadlinePolicy'],
  eventTypes: ['deadline-policy.version-published'],
  stateLabels: {
    NEW: { zh: '未发布', en: 'Not published' },
    PUBLISHED: { zh: '已发布', en: 'Published' },
  },
  eventLabels: {
    'deadline-policy.version-published': {
      zh: '发布时限规则新版本',
      en: 'Policy version published',
    },
  },
  evolve: evolveDeadlinePolicy,
  decide: decideDeadlinePolicy,
  // Nobody holds a policy: publishing hands nothing on.
  custody: () => ({ role: null }),
  isTerminal: () => false,
};
