import { foldEvents } from '../shared/testing/given-when-then';
import {
  tableEdges,
  walkedEdges,
  walkThroughTable,
} from '../shared/testing/table-walk';
import {
  CONFIG,
  command,
  emailed,
  enter,
  reached,
  tick,
} from './traffic-violation.fixtures';
import {
  at,
  historyOf,
  online,
  reminder,
  risk,
  specialist,
  TO_DEDUCTION,
  type Step,
} from './traffic-violation.histories.fixtures';
import { trafficViolationProcess } from './traffic-violation.process';
import {
  TRAFFIC_VIOLATION_STATES,
  type TrafficViolationStatus,
} from './traffic-violation.states';
import {
  TRAFFIC_VIOLATION_TRANSITIONS,
  VIOLATION_ACTIVE,
} from './traffic-violation.transitions';
import { ctx, sh } from './traffic-violation.fixtures';

const entered: Step[] = [
  [enter, specialist('2026-03-05 10:30')],
  [tick, at('2026-03-05 10:30')],
];
const firstDays: Step[] = [
  ...entered,
  [tick, at('2026-03-06 09:00')],
  [tick, at('2026-03-07 09:00')],
];

/** Until the case reaches `status`, then the user handles it. */
function handledAt(status: TrafficViolationStatus): Step[] {
  const steps: Step[] = [];
  for (const step of TO_DEDUCTION) {
    steps.push(step);
    const walk = walkThroughTable(
      trafficViolationProcess,
      TRAFFIC_VIOLATION_TRANSITIONS,
      CONFIG,
      steps,
    );
    if (walk.state.status === status) break;
  }
  return [
    ...steps,
    // The user calls about it first; the agent sends them to online CS.
    [
      command('RouteCallerToOnline', {}),
      ctx('cs-phone-agent', sh('2026-03-21 09:00')),
    ],
    [
      command('RecordViolationHandled', { evidence: '已处理' }),
      ctx('risk-control-manager', sh('2026-03-21 10:00')),
    ],
  ];
}

const SCENARIOS: [string, Step[]][] = [
  ['deducted and handed to receivables', TO_DEDUCTION],
  [
    'e-mailed in the first days, then a phone call routed, then handled',
    [
      ...entered,
      [
        command('RouteCallerToOnline', {}),
        ctx('cs-phone-agent', sh('2026-03-06 10:00')),
      ],
      [emailed, online('2026-03-06 10:30')],
      [tick, at('2026-03-06 09:00')],
      [tick, at('2026-03-07 09:00')],
      [tick, at('2026-03-08 09:00')],
      [
        command('RecordViolationHandled', { evidence: '交管12123已处理' }),
        specialist('2026-03-09 10:00'),
      ],
    ],
  ],
  [
    'e-mailed on day 4 before the reminder call, then warned late',
    [
      ...firstDays,
      [tick, at('2026-03-08 09:00')],
      [emailed, online('2026-03-09 10:00')],
      [tick, at('2026-03-13 09:00')],
      // Nobody made the warning call before day 12.
      [tick, at('2026-03-17 09:00')],
      [command('RecordRiskControlCall', reached), risk('2026-03-17 10:00')],
      [
        command('StartInPersonCollection', { reason: '金额较大' }),
        risk('2026-03-18 10:00'),
      ],
      [
        command('RecordCollectionResult', {
          collected: true,
          amountFen: 20000,
        }),
        risk('2026-03-19 10:00'),
      ],
    ],
  ],
  [
    'never reminded before day 8, then handled',
    [
      ...firstDays,
      [tick, at('2026-03-08 09:00')],
      [tick, at('2026-03-13 09:00')],
      [
        command('RecordViolationHandled', { evidence: '已处理' }),
        online('2026-03-13 12:00'),
      ],
    ],
  ],
  [
    'reminded, never e-mailed, then collected in person without success',
    [
      ...firstDays,
      [tick, at('2026-03-08 09:00')],
      [command('RecordReminderCall', reached), reminder('2026-03-08 10:00')],
      [tick, at('2026-03-13 09:00')],
      [command('RecordWarningCall', reached), reminder('2026-03-13 10:00')],
      [tick, at('2026-03-17 09:00')],
      [command('RecordRiskControlCall', reached), risk('2026-03-17 10:00')],
      [tick, at('2026-03-20 09:00')],
      [
        command('StartInPersonCollection', { reason: '多次拒接' }),
        risk('2026-03-20 10:00'),
      ],
      [
        command('RecordCollectionResult', { collected: false }),
        risk('2026-03-21 10:00'),
      ],
      [command('RequestDepositDeduction', {}), risk('2026-03-21 11:00')],
    ],
  ],
  ...VIOLATION_ACTIVE.filter((s) => s !== 'IN_PERSON_COLLECTION').map(
    (status): [string, Step[]] => [
      `handled by the user in ${status}`,
      handledAt(status),
    ],
  ),
  [
    'handled by the user while risk control collects in person',
    [
      ...TO_DEDUCTION.slice(0, 11),
      [
        command('StartInPersonCollection', { reason: '金额较大' }),
        risk('2026-03-18 10:00'),
      ],
      [
        command('RouteCallerToOnline', {}),
        ctx('cs-phone-agent', sh('2026-03-18 15:00')),
      ],
      [
        command('RecordViolationHandled', { evidence: '用户已到交警部门处理' }),
        risk('2026-03-18 16:00'),
      ],
    ],
  ],
];

describe('the traffic-violation process definition', () => {
  it('has a label for every state and event, and every event in its table', () => {
    expect(trafficViolationProcess.stateLabels).toBe(TRAFFIC_VIOLATION_STATES);
    const inTable = new Set(
      TRAFFIC_VIOLATION_TRANSITIONS.flatMap((r) => r.outcomes).flatMap(
        (o) => o.events,
      ),
    );
    expect([...inTable].sort()).toEqual(
      [...trafficViolationProcess.eventTypes].sort(),
    );
  });

  it('ends when the user handles it, by collection or by deduction', () => {
    const terminal = Object.keys(TRAFFIC_VIOLATION_STATES).filter((status) =>
      trafficViolationProcess.isTerminal({
        ...trafficViolationProcess.initialState,
        status: status as TrafficViolationStatus,
      }),
    );
    expect(terminal).toEqual([
      'HANDLED_BY_USER',
      'CLOSED_BY_COLLECTION',
      'CLOSED_BY_DEDUCTION',
    ]);
  });

  it('holds a waiting case in the system’s hands, for its timers', () => {
    for (const status of [
      'NOTIFYING',
      'AWAITING_USER',
      'WARNED',
      'FINAL_NOTICE',
    ] as const) {
      const state = foldEvents(trafficViolationProcess, historyOf[status]);
      expect(trafficViolationProcess.custody(state)).toEqual({
        role: 'system',
      });
    }
  });
});

describe.each(SCENARIOS)('a case %s', (_, steps) => {
  it('appends only what the transition table lists', () => {
    const walk = walkThroughTable(
      trafficViolationProcess,
      TRAFFIC_VIOLATION_TRANSITIONS,
      CONFIG,
      steps,
    );
    expect(walk.state.status).not.toBe('NEW');
  });
});

describe('the scenarios together', () => {
  it('take every rule of the table', () => {
    const taken = new Set(
      SCENARIOS.flatMap(([, steps]) => {
        const walk = walkThroughTable(
          trafficViolationProcess,
          TRAFFIC_VIOLATION_TRANSITIONS,
          CONFIG,
          steps,
        );
        return walkedEdges(
          steps.map(([c]) => c.type),
          'NEW',
          walk.statuses,
        );
      }),
    );
    const missing = [
      ...new Set(tableEdges(TRAFFIC_VIOLATION_TRANSITIONS)),
    ].filter((edge) => !taken.has(edge));
    expect(missing).toEqual([]);
  });
});
