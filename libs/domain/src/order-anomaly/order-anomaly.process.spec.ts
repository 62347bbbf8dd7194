import { foldEvents } from '../shared/testing/given-when-then';
import {
  tableEdges,
  walkedEdges,
  walkThroughTable,
} from '../shared/testing/table-walk';
import { nextEventTypesByTable } from '../shared';
import { ORDER_ANOMALY_COMMAND_TYPES } from './order-anomaly.commands';
import type { OrderAnomalyCommand } from './order-anomaly.commands';
import { command, ctx, historyOf, payloads } from './order-anomaly.fixtures';
import { orderAnomalyProcess } from './order-anomaly.process';
import { ORDER_ANOMALY_STATES } from './order-anomaly.states';
import type { OrderAnomalyStatus } from './order-anomaly.states';
import { ORDER_ANOMALY_TRANSITIONS } from './order-anomaly.transitions';
import type { DecisionContext } from '../shared';

type Step = [OrderAnomalyCommand, DecisionContext];

const agent = ctx('cs-phone-agent');
const tech = ctx('tech-manager');
const opening: Step[] = [
  [command('ReportOrderAnomaly', payloads.report), agent],
  [command('ReviewTrajectory', payloads.review), agent],
];
const failing: Step[] = [
  ...opening,
  [command('RecordRestoreResult', payloads.notRestored), agent],
];

/** Whole cases, start to end, that together take every rule. */
const SCENARIOS: [string, Step[]][] = [
  [
    'restored and paid in the app',
    [...opening, [command('RecordRestoreResult', payloads.restored), agent]],
  ],
  [
    'settled by E币, technical management answering last',
    [
      ...failing,
      [command('RequestECoinTopUp', payloads.topUp), agent],
      [command('SettleWithECoin', payloads.settle), agent],
      [command('RecordTechFinding', payloads.finding), tech],
    ],
  ],
  [
    'technical management answering before the top-up request',
    [
      ...failing,
      [command('RecordTechFinding', payloads.finding), tech],
      [command('RequestECoinTopUp', payloads.topUp), agent],
      [command('SettleWithECoin', payloads.settle), agent],
    ],
  ],
  [
    'technical management answering while the user tops up',
    [
      ...failing,
      [command('RequestECoinTopUp', payloads.topUp), agent],
      [command('RecordTechFinding', payloads.finding), tech],
      [command('SettleWithECoin', payloads.settle), agent],
    ],
  ],
];

describe('the order-anomaly process definition', () => {
  it('is named for its streams and its users', () => {
    expect(orderAnomalyProcess.processId).toBe('order-anomaly');
    expect(orderAnomalyProcess.title.zh).toBe('订单异常处理');
  });

  it('lists every command, and a label for every state and event', () => {
    expect(orderAnomalyProcess.commandTypes).toEqual(
      ORDER_ANOMALY_COMMAND_TYPES,
    );
    expect(Object.keys(orderAnomalyProcess.eventLabels)).toEqual(
      orderAnomalyProcess.eventTypes,
    );
    expect(orderAnomalyProcess.stateLabels).toBe(ORDER_ANOMALY_STATES);
  });

  it('names every event type in the transition table, and only those', () => {
    const inTable = new Set(
      ORDER_ANOMALY_TRANSITIONS.flatMap((r) => r.outcomes).flatMap(
        (o) => o.events,
      ),
    );
    expect([...inTable].sort()).toEqual(
      [...orderAnomalyProcess.eventTypes].sort(),
    );
  });

  it('ends at the two closed states only', () => {
    const terminal = Object.keys(ORDER_ANOMALY_STATES).filter((status) =>
      orderAnomalyProcess.isTerminal({ status: status as OrderAnomalyStatus }),
    );
    expect(terminal).toEqual(['CLOSED_PAID_IN_APP', 'CLOSED_SETTLED_BY_ECOIN']);
  });

  it('folds each written-out history into the state it is named for', () => {
    for (const [status, history] of Object.entries(historyOf)) {
      expect(foldEvents(orderAnomalyProcess, history).status).toBe(status);
    }
  });
});

describe.each(SCENARIOS)('a case %s', (_, steps) => {
  it('appends only what the transition table lists, and ends closed', () => {
    const walk = walkThroughTable(
      orderAnomalyProcess,
      ORDER_ANOMALY_TRANSITIONS,
      undefined,
      steps,
    );
    expect(orderAnomalyProcess.isTerminal(walk.state)).toBe(true);
  });
});

describe('the scenarios together', () => {
  it('take every rule of the table', () => {
    const taken = new Set(
      SCENARIOS.flatMap(([, steps]) => {
        const walk = walkThroughTable(
          orderAnomalyProcess,
          ORDER_ANOMALY_TRANSITIONS,
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
      [...new Set(tableEdges(ORDER_ANOMALY_TRANSITIONS))].sort(),
    );
  });
});

describe('what may come next in a stream', () => {
  it('expects the second event of a restore in the same append', () => {
    expect(
      nextEventTypesByTable(
        ORDER_ANOMALY_TRANSITIONS,
        'USAGE_DETERMINED',
        'order-anomaly.order-restored',
      ),
    ).toEqual(['order-anomaly.user-guided-to-pay-in-app']);
  });

  it('expects a settlement or a finding while the user tops up', () => {
    expect(
      nextEventTypesByTable(ORDER_ANOMALY_TRANSITIONS, 'AWAITING_TOPUP'),
    ).toEqual([
      'order-anomaly.e-coin-deducted',
      'order-anomaly.tech-finding-recorded',
    ]);
  });
});
