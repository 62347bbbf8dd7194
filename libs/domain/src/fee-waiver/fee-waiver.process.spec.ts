import type { DecisionContext } from '../shared';
import { foldEvents } from '../shared/testing/given-when-then';
import {
  tableEdges,
  walkedEdges,
  walkThroughTable,
} from '../shared/testing/table-walk';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { FeeWaiverCommand } from './fee-waiver.commands';
import {
  command,
  ctx,
  events,
  historyOf,
  request,
} from './fee-waiver.fixtures';
import { feeWaiverProcess } from './fee-waiver.process';
import { FEE_WAIVER_STATES, type FeeWaiverStatus } from './fee-waiver.states';
import { FEE_WAIVER_TRANSITIONS } from './fee-waiver.transitions';

type Step = [FeeWaiverCommand, DecisionContext];

const agent = ctx('cs-phone-agent');
const supervisor = ctx('cs-supervisor');
const apply: Step = [
  command('ApplyWaiver', {
    billingReference: 'BILL-ADJ-88123',
    contactOutcome: 'reached',
  }),
  agent,
];
const discretionary: Step = [
  request('lost-belongings', {
    proposedWaiverFen: 1500,
    reason: '用户称手机遗落车内，多次要求减免',
  }),
  agent,
];

const SCENARIOS: [string, Step[]][] = [
  [
    'waived by the rule, then applied',
    [[request('guard-blocks-exit'), agent], apply],
  ],
  [
    'not waived by the rule',
    [[request('tyre-problem', { vehicleUsed: true }), agent]],
  ],
  [
    'discretionary, approved, then applied',
    [
      discretionary,
      [
        command('ApproveDiscretionaryWaiver', { approvedWaiverFen: 1200 }),
        supervisor,
      ],
      apply,
    ],
  ],
  [
    'discretionary, rejected',
    [
      discretionary,
      [
        command('RejectDiscretionaryWaiver', { reason: '不予减免' }),
        supervisor,
      ],
    ],
  ],
];

describe('the fee-waiver process definition', () => {
  it('has a label for every state and event, and every event in its table', () => {
    expect(feeWaiverProcess.processId).toBe('fee-waiver');
    expect(feeWaiverProcess.stateLabels).toBe(FEE_WAIVER_STATES);
    const inTable = new Set(
      FEE_WAIVER_TRANSITIONS.flatMap((r) => r.outcomes).flatMap(
        (o) => o.events,
      ),
    );
    expect([...inTable].sort()).toEqual(
      [...feeWaiverProcess.eventTypes].sort(),
    );
  });

  it('ends at the three closed states', () => {
    const terminal = Object.keys(FEE_WAIVER_STATES).filter((status) =>
      feeWaiverProcess.isTerminal({ status: status as FeeWaiverStatus }),
    );
    expect(terminal).toEqual([
      'CLOSED_WAIVED',
      'CLOSED_NOT_WAIVED',
      'CLOSED_REJECTED',
    ]);
  });

  it('folds each written-out history into the state it is named for', () => {
    for (const [status, history] of Object.entries(historyOf)) {
      expect(foldEvents(feeWaiverProcess, history).status).toBe(status);
    }
  });

  it('hands a discretionary request to the supervisor', () => {
    const state = foldEvents(feeWaiverProcess, historyOf.AWAITING_APPROVAL);
    expect(feeWaiverProcess.custody(state)).toEqual({ role: 'cs-supervisor' });
  });
});

describe('an approved discretionary waiver', () => {
  it('applies what the supervisor approved, not what the agent proposed', () => {
    const { given } = deciderSpec(feeWaiverProcess, undefined);
    given([...historyOf.AWAITING_APPROVAL, events.approved])
      .when(apply[0], agent)
      .then([
        {
          ...events.applied,
          data: { ...events.applied.data, waivedFen: 1200 },
        },
      ]);
  });
});

describe.each(SCENARIOS)('a request %s', (_, steps) => {
  it('appends only what the transition table lists, and ends closed', () => {
    const walk = walkThroughTable(
      feeWaiverProcess,
      FEE_WAIVER_TRANSITIONS,
      undefined,
      steps,
    );
    expect(feeWaiverProcess.isTerminal(walk.state)).toBe(true);
  });
});

describe('the scenarios together', () => {
  it('take every rule of the table', () => {
    const taken = new Set(
      SCENARIOS.flatMap(([, steps]) => {
        const walk = walkThroughTable(
          feeWaiverProcess,
          FEE_WAIVER_TRANSITIONS,
          undefined,
          steps,
        );
        return walkedEdges(
          steps.map(([c]) => c.type),
          'NEW',
          walk.statuses,
        );
      }),
    );
    expect([...taken].sort()).toEqual(
      [...new Set(tableEdges(FEE_WAIVER_TRANSITIONS))].sort(),
    );
  });
});
