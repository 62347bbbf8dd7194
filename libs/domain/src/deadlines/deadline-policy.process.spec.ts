import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  type Actor,
  type DecisionContext,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import { DEADLINE_STEPS } from '../deadline-steps';
import { DEFAULT_DEADLINE_POLICY } from './default-deadline-policy';
import { sh } from './deadline.fixtures';
import {
  deadlinePolicyProcess,
  type DeadlinePolicyEvent,
  type PublishDeadlinePolicy,
} from './deadline-policy.process';
import type { DeadlinePolicyDraft } from './deadline-policy.types';
import { versionInForce } from './policy-versions';

const steps = {
  'station-fault': ['AWAITING_DISPATCH', 'INSPECTING'],
  'phone-callback': ['ATTEMPTING'],
};
const { given } = deciderSpec(deadlinePolicyProcess, { steps });

const supervisor: Actor = {
  id: 'sup-01',
  role: 'cs-supervisor',
  kind: 'person',
};
const at = (now: string, actor = supervisor): DecisionContext => ({
  now,
  actor,
});

const draft: DeadlinePolicyDraft = {
  workingHours: [{ from: '09:00', to: '18:00' }],
  rules: [
    {
      processId: 'station-fault',
      step: 'AWAITING_DISPATCH',
      clock: 'working',
      deadlineMinutes: 60,
      warnAfterMinutes: [45],
      onBreach: [{ type: 'escalate', role: 'cs-supervisor' }],
    },
  ],
};

function publish(
  payload: Partial<PublishDeadlinePolicy['payload']> = {},
): PublishDeadlinePolicy {
  return {
    type: 'PublishDeadlinePolicy',
    ticketId: 'default',
    payload: { ...draft, ...payload },
  };
}

function published(
  version: number,
  effectiveFrom: string,
  publishedAt = effectiveFrom,
): DeadlinePolicyEvent {
  return {
    type: 'deadline-policy.version-published',
    schemaVersion: 1,
    data: {
      policy: 'default',
      version,
      effectiveFrom,
      publishedAt,
      ...draft,
    },
  };
}

describe('publishing the first version of a policy', () => {
  it('numbers it 1 and makes it effective at once', () => {
    given([])
      .when(publish(), at(sh('2025-09-01 08:00')))
      .then([published(1, sh('2025-09-01 08:00'))]);
  });
});

describe('publishing a later version with a future effective time', () => {
  it('numbers it after the last and keeps both versions', () => {
    const state = given([published(1, sh('2025-09-01 08:00'))])
      .when(
        publish({ effectiveFrom: sh('2025-10-01 00:00') }),
        at(sh('2025-09-20 12:00')),
      )
      .then([published(2, sh('2025-10-01 00:00'), sh('2025-09-20 12:00'))]);
    expect(state.versions.map((v) => v.version)).toEqual([1, 2]);
  });
});

describe('a version that would take effect before it is published', () => {
  it('is refused, so no step already begun changes its deadline', () => {
    given([published(1, sh('2025-09-01 08:00'))])
      .when(
        publish({ effectiveFrom: sh('2025-09-10 00:00') }),
        at(sh('2025-09-20 12:00')),
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.effectiveFrom',
            message: 'must not be before the publication',
          },
        ],
      });
  });
});

describe('a policy with mistakes', () => {
  it('is refused naming every failing field', () => {
    const error = given([])
      .when(
        publish({
          workingHours: [{ from: '18:00', to: '09:00' }],
          rules: [
            {
              processId: 'station-fault',
              step: 'NO_SUCH_STEP',
              priority: 'soon' as never,
              clock: 'working',
              deadlineMinutes: 30,
              warnAfterMinutes: [45],
              onBreach: [{ type: 'escalate', role: 'nobody' as never }],
            },
          ],
        }),
        at(sh('2025-09-01 08:00')),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.fields.map((f) => f.field)).toEqual([
      'payload.workingHours.0',
      'payload.rules.0.step',
      'payload.rules.0.priority',
      'payload.rules.0.warnAfterMinutes.0',
      'payload.rules.0.onBreach.0.role',
    ]);
  });

  it('accepts the default policy as shipped, against the real steps', () => {
    const { given: withRealSteps } = deciderSpec(deadlinePolicyProcess, {
      steps: DEADLINE_STEPS,
    });
    const state = withRealSteps([])
      .when(
        {
          type: 'PublishDeadlinePolicy',
          ticketId: 'default',
          payload: DEFAULT_DEADLINE_POLICY,
        },
        at(sh('2025-09-01 08:00')),
      )
      .then([
        {
          type: 'deadline-policy.version-published',
          schemaVersion: 1,
          data: {
            policy: 'default',
            version: 1,
            effectiveFrom: sh('2025-09-01 08:00'),
            publishedAt: sh('2025-09-01 08:00'),
            ...DEFAULT_DEADLINE_POLICY,
          },
        },
      ]);
    expect(state.status).toBe('PUBLISHED');
  });
});

describe('a role other than the process owner', () => {
  it('may not publish', () => {
    given([])
      .when(
        publish(),
        at(sh('2025-09-01 08:00'), {
          id: 'agent-0107',
          role: 'cs-phone-agent',
          kind: 'person',
        }),
      )
      .thenThrows(RoleNotPermittedError, {
        role: 'cs-phone-agent',
        allowed: ['cs-supervisor', 'system'],
      });
  });
});

describe('the version in force at an instant', () => {
  const v1 = published(1, sh('2025-09-01 08:00')).data;
  const v2 = published(2, sh('2025-10-01 00:00'), sh('2025-09-20 12:00')).data;

  it('is none before the first version', () => {
    expect(versionInForce([v1, v2], sh('2025-08-31 23:59'))).toBeUndefined();
  });

  it('is the older version until the newer takes effect', () => {
    expect(versionInForce([v1, v2], sh('2025-09-30 23:59'))?.version).toBe(1);
  });

  it('is the newer version from its effective time on', () => {
    expect(versionInForce([v1, v2], sh('2025-10-01 00:00'))?.version).toBe(2);
  });
});
