import type { DecisionContext } from '../shared';
import { STATION_FAULT_COMMAND_TYPES } from './station-fault.command-types';
import type { StationFaultCommand } from './station-fault.commands';
import {
  allowedStationFaultCommands,
  allowedTransitions,
} from './station-fault.allowed-transitions';
import type { StationFaultEvent } from './station-fault.events';
import {
  command,
  ctx,
  historyOf,
  opsHandlingDone,
  payloads,
} from './station-fault.fixtures';
import { nextEventTypesFrom } from './station-fault.next-events';
import { stationFaultProcess } from './station-fault.process';
import type { StationFaultConfig } from './station-fault.state';
import { STATION_FAULT_STATES } from './station-fault.states';
import {
  STATION_FAULT_TRANSITIONS,
  type StationFaultTransitionOutcome,
  type StationFaultTransition,
} from './station-fault.transitions';

type Step = [StationFaultCommand, DecisionContext];

const sm: StationFaultConfig = { resultNotifier: 'station-manager' };
const opsNotifies: StationFaultConfig = { resultNotifier: 'station-ops-team' };

const intake: Step[] = [
  [command('ReportStationFault', payloads.report), ctx('cs-phone-agent')],
  [command('CreateFaultTask', payloads.createTask), ctx('cs-phone-agent')],
  [command('DispatchToRegion', payloads.dispatch), ctx('dispatch-manager')],
  [
    command('AssignInspection', payloads.assignInspection),
    ctx('regional-platform'),
  ],
  [command('StartInspection', {}), ctx('regional-inspector')],
];
const escalation: Step[] = [
  [
    command('ReportInspectionResult', payloads.notCleared),
    ctx('regional-inspector'),
  ],
  [
    command('ReportUnresolvedToDispatch', payloads.reportUnresolved),
    ctx('regional-platform'),
  ],
  [command('EscalateToStationManager', {}), ctx('dispatch-manager')],
  [command('AssignOpsTask', payloads.assignOps), ctx('station-manager')],
];
const closing: Step[] = [
  [command('InformReporter', payloads.inform), ctx('cs-phone-agent')],
];
const classifyPile: Step = [
  command('ClassifyFault', payloads.classifyPile),
  ctx('station-ops-team'),
];
const classifyNotPile: Step = [
  command('ClassifyFault', payloads.classifyNotPile),
  ctx('station-ops-team'),
];
const notify = (role: 'station-manager' | 'station-ops-team'): Step => [
  command('NotifyCustomerService', payloads.notify),
  ctx(role),
];

/** Whole tickets, start to close, that together take every rule. */
const SCENARIOS: [string, StationFaultConfig, Step[]][] = [
  [
    'cleared on the first visit',
    sm,
    [
      ...intake,
      [
        command('ReportInspectionResult', payloads.cleared),
        ctx('regional-inspector'),
      ],
      [
        command('NotifyCustomerService', payloads.notify),
        ctx('regional-platform'),
      ],
      ...closing,
    ],
  ],
  [
    'both repair loops, then the station manager tells the centre',
    sm,
    [
      ...intake,
      ...escalation,
      classifyPile,
      [
        command('CompleteSupplierHandling', payloads.supplierNotFixed),
        ctx('charging-pile-supplier'),
      ],
      classifyNotPile,
      [
        command('CompleteOpsRepair', payloads.opsNotFixed),
        ctx('station-ops-team'),
      ],
      classifyPile,
      [
        command('CompleteSupplierHandling', payloads.supplierFixed),
        ctx('charging-pile-supplier'),
      ],
      [
        command('ReportResultToStationManager', payloads.resultToManager),
        ctx('station-ops-team'),
      ],
      notify('station-manager'),
      ...closing,
    ],
  ],
  [
    'operations repair and tell the centre themselves',
    opsNotifies,
    [
      ...intake,
      ...escalation,
      classifyNotPile,
      [
        command('CompleteOpsRepair', payloads.opsFixed),
        ctx('station-ops-team'),
      ],
      notify('station-ops-team'),
      ...closing,
    ],
  ],
];

interface Taken {
  rule: StationFaultTransition;
  outcome: StationFaultTransitionOutcome;
}

function play(config: StationFaultConfig, steps: Step[]) {
  let state = stationFaultProcess.initialState;
  const taken: Taken[] = [];
  const stream: StationFaultEvent[] = [];
  for (const [cmd, context] of steps) {
    const rule = STATION_FAULT_TRANSITIONS.find(
      (r) => r.command === cmd.type && r.from === state.status,
    );
    const decided = stationFaultProcess.decide(cmd, state, context, config);
    state = decided.reduce(stationFaultProcess.evolve, state);
    const outcome = rule?.outcomes.find(
      (o) =>
        o.to === state.status &&
        o.events.join() === decided.map((event) => event.type).join(),
    );
    if (!rule || !outcome) {
      throw new Error(`${cmd.type} took no declared transition`);
    }
    taken.push({ rule, outcome });
    stream.push(...decided);
  }
  return { state, taken, stream };
}

describe('the transition table and the decider', () => {
  it.each(SCENARIOS)(
    'agree on every step of a ticket %s, which ends CLOSED',
    (_, config, steps) => {
      const { state, taken } = play(config, steps);
      expect(taken).toHaveLength(steps.length);
      expect(stationFaultProcess.isTerminal(state)).toBe(true);
    },
  );

  it('together take every rule and every outcome of the table', () => {
    const taken = new Set(
      SCENARIOS.flatMap(([, config, steps]) => play(config, steps).taken),
    );
    const declared = STATION_FAULT_TRANSITIONS.flatMap((rule) =>
      rule.outcomes.map((outcome) => ({ rule, outcome })),
    );
    const missing = declared.filter(
      (d) =>
        ![...taken].some((t) => t.rule === d.rule && t.outcome === d.outcome),
    );
    expect(missing.map((m) => `${m.rule.command} → ${m.outcome.to}`)).toEqual(
      [],
    );
  });

  it('names every command of the process', () => {
    const commands = new Set(STATION_FAULT_TRANSITIONS.map((r) => r.command));
    expect([...commands].sort()).toEqual(
      [...STATION_FAULT_COMMAND_TYPES].sort(),
    );
  });
});

describe('the allowed transitions by state', () => {
  it('has an entry for every state and nothing after CLOSED', () => {
    expect(Object.keys(allowedTransitions).sort()).toEqual(
      Object.keys(STATION_FAULT_STATES).sort(),
    );
    expect(allowedTransitions.CLOSED).toEqual([]);
  });

  it('shows who may act on a ticket cleared by the inspector', () => {
    expect(allowedTransitions.RESOLVED_BY_INSPECTION).toEqual([
      { command: 'NotifyCustomerService', roles: ['regional-platform'] },
    ]);
  });

  it('marks the commands that depend on the result-notifier setting', () => {
    expect(allowedTransitions.HANDLING_DONE).toEqual([
      {
        command: 'ReportResultToStationManager',
        roles: ['station-ops-team'],
        resultNotifier: 'station-manager',
        assignee: 'opsTeamId',
      },
      {
        command: 'NotifyCustomerService',
        roles: ['station-ops-team'],
        resultNotifier: 'station-ops-team',
        assignee: 'opsTeamId',
      },
    ]);
  });

  it('marks the commands only the assignee may issue', () => {
    expect(allowedTransitions.INSPECTING).toEqual([
      {
        command: 'ReportInspectionResult',
        roles: ['regional-inspector'],
        assignee: 'inspectorId',
      },
    ]);
    expect(allowedTransitions.SUPPLIER_HANDLING).toEqual([
      {
        command: 'CompleteSupplierHandling',
        roles: ['charging-pile-supplier'],
        assignee: 'supplierId',
      },
    ]);
    expect(allowedTransitions.AT_OPS_TEAM).toEqual([
      {
        command: 'ClassifyFault',
        roles: ['station-ops-team'],
        assignee: 'opsTeamId',
      },
    ]);
  });

  it('gives operations one next command in HANDLING_DONE per setting', () => {
    expect(
      allowedStationFaultCommands('HANDLING_DONE', 'station-ops-team', sm),
    ).toEqual(['ReportResultToStationManager']);
    expect(
      allowedStationFaultCommands(
        'HANDLING_DONE',
        'station-ops-team',
        opsNotifies,
      ),
    ).toEqual(['NotifyCustomerService']);
    expect(
      allowedStationFaultCommands('HANDLING_DONE', 'station-manager', sm),
    ).toEqual([]);
  });
});

describe('the events that may come next', () => {
  it('start a stream with the call', () => {
    expect(nextEventTypesFrom('NEW')).toEqual(['station-fault.call-received']);
  });

  it('follow the call with the fault in the same append', () => {
    expect(nextEventTypesFrom('NEW', 'station-fault.call-received')).toEqual([
      'station-fault.fault-recorded',
    ]);
  });

  it('follow a classification with either branch of D2', () => {
    expect(
      nextEventTypesFrom('AT_OPS_TEAM', 'station-fault.fault-classified'),
    ).toEqual([
      'station-fault.supplier-dispatched',
      'station-fault.on-site-repair-started',
    ]);
  });

  it('allow a new classification after a failed repair', () => {
    expect(
      nextEventTypesFrom('AT_OPS_TEAM', 'station-fault.ops-repair-completed'),
    ).toEqual([
      'station-fault.fault-classified',
      'station-fault.deadline-warned',
      'station-fault.deadline-breached',
    ]);
  });

  it('allow either setting’s event once handling is done', () => {
    expect(nextEventTypesFrom('HANDLING_DONE')).toEqual([
      'station-fault.result-reported-to-station-manager',
      'station-fault.result-notified-to-customer-service',
      'station-fault.deadline-warned',
      'station-fault.deadline-breached',
    ]);
  });

  it('end after the ticket is closed', () => {
    expect(nextEventTypesFrom('CLOSED', 'station-fault.ticket-closed')).toEqual(
      [],
    );
  });

  it.each(SCENARIOS)(
    'admit every event of a ticket %s, in order',
    (_, config, steps) => {
      const { stream } = play(config, steps);
      let state = stationFaultProcess.initialState;
      let previous: StationFaultEvent['type'] | undefined;
      for (const event of stream) {
        expect(nextEventTypesFrom(state.status, previous)).toContain(
          event.type,
        );
        state = stationFaultProcess.evolve(state, event);
        previous = event.type;
      }
    },
  );

  it('admit the written-out histories too', () => {
    for (const stream of [...Object.values(historyOf), opsHandlingDone]) {
      let state = stationFaultProcess.initialState;
      let previous: StationFaultEvent['type'] | undefined;
      for (const event of stream) {
        expect(nextEventTypesFrom(state.status, previous)).toContain(
          event.type,
        );
        state = stationFaultProcess.evolve(state, event);
        previous = event.type;
      }
    }
  });
});
