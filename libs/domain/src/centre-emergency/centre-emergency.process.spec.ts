import type { DecisionContext, RoleId } from '../shared';
import { foldEvents } from '../shared/testing/given-when-then';
import {
  tableEdges,
  walkedEdges,
  walkThroughTable,
} from '../shared/testing/table-walk';
import {
  CENTRE_EMERGENCY_COMMAND_TYPES,
  type CentreEmergencyCommand,
  type CentreEmergencyCommandType,
} from './centre-emergency.commands';
import type { FaultType } from './centre-emergency.events';
import {
  command,
  CONFIG,
  ctx,
  HOLIDAY_DETECTED,
  historyOf,
  payloads,
  TICKET_ID,
} from './centre-emergency.fixtures';
import { centreEmergencyProcess } from './centre-emergency.process';
import {
  CENTRE_EMERGENCY_STATES,
  type CentreEmergencyStatus,
} from './centre-emergency.states';
import { CENTRE_EMERGENCY_TRANSITIONS } from './centre-emergency.transitions';

type Step = [CentreEmergencyCommand, DecisionContext];

const agent = ctx('cs-phone-agent');
const online = ctx('cs-online-agent');
const leader = ctx('cs-shift-leader');
const supervisor = ctx('cs-supervisor');
const manager = ctx('cs-manager-outsourcer');
const tech = ctx('tech-manager');

/** The steps that bring a new emergency to `status`. */
function stepsTo(
  faultType: FaultType,
  status: CentreEmergencyStatus,
  detectedAt?: string,
): Step[] {
  if (status === 'PRE_ANNOUNCED') {
    return [
      [command('LogFault', payloads.log(faultType, true, detectedAt)), agent],
    ];
  }
  const path: Step[] = [
    [command('LogFault', payloads.log(faultType, false, detectedAt)), agent],
    [command('ConfirmRepairEta', payloads.eta), manager],
    [command('MobiliseAllHands', payloads.allHands), leader],
    [command('ResolveFault', payloads.resolve), tech],
  ];
  const length = {
    UNANNOUNCED: 1,
    ETA_CONFIRMED: 2,
    DEGRADED_OPERATION: 3,
    RECOVERING: 4,
  }[status as string];
  if (length === undefined) throw new Error(`No path to ${status}`);
  return path.slice(0, length);
}

/**
 * Whole emergencies, start to end, one per branch of P01 客服中心应急处理流程
 * (APP; back office, network and power; 400 / udesk).
 */
const SCENARIOS: [string, Step[]][] = [
  [
    'announced in advance, handed to the emergency mechanism (4.2)',
    [
      ...stepsTo('app', 'PRE_ANNOUNCED'),
      [command('ActivateEmergencyMechanism', payloads.mechanism), manager],
    ],
  ],
  [
    'of the app, not announced (4.3, 4.4)',
    [
      ...stepsTo('app', 'ETA_CONFIRMED'),
      [command('LendOnlineStaff', payloads.lend), online],
      [command('MobiliseAllHands', payloads.allHands), leader],
      [command('ResolveFault', payloads.resolve), tech],
      [command('RecordDeferredRequestsHandled', payloads.deferred), agent],
      [command('CloseEmergency', payloads.close), supervisor],
    ],
  ],
  [
    'of the back office, requests written by hand and back-filled',
    [
      ...stepsTo('backoffice-network-power', 'DEGRADED_OPERATION'),
      [command('DesignateManagers', payloads.managers), supervisor],
      [command('RecordHandwrittenRequest', payloads.handwritten), agent],
      [command('RecordHandwrittenRequest', payloads.handwritten), agent],
      [command('ResolveFault', payloads.resolve), tech],
      [command('BackfillTask', payloads.backfill), agent],
      [
        command('BackfillTask', {
          entryId: 'H2',
          task: '补建订单异常工单',
          ticket: { processId: 'order-anomaly', ticketId: 'x' },
          target: { found: true, subsidiaryId: 'sh' },
        }),
        supervisor,
      ],
      [command('CloseEmergency', payloads.close), manager],
    ],
  ],
  [
    'of the hotline, missed calls called back',
    [
      ...stepsTo('hotline-400-or-udesk', 'DEGRADED_OPERATION'),
      [command('ReportToTianrun', payloads.tianrun), supervisor],
      [command('RecordMissedCall', payloads.missedCall), online],
      [command('RecordMissedCall', payloads.missedCall), agent],
      [command('ResolveFault', payloads.resolve), tech],
      [command('RecordCallback', payloads.callback), online],
      [
        command('RecordCallback', { callId: 'M2', outcome: 'unreachable' }),
        agent,
      ],
      [command('CloseEmergency', payloads.close), supervisor],
    ],
  ],
];

/** A payload each record command accepts, and the scenario it belongs to. */
const RECORDS: Partial<
  Record<CentreEmergencyCommandType, { payload: object; faultType: FaultType }>
> = {
  LendOnlineStaff: { payload: payloads.lend, faultType: 'app' },
  DesignateManagers: {
    payload: payloads.managers,
    faultType: 'backoffice-network-power',
  },
  ReportToTianrun: {
    payload: payloads.tianrun,
    faultType: 'hotline-400-or-udesk',
  },
  RecordHandwrittenRequest: {
    payload: payloads.handwritten,
    faultType: 'backoffice-network-power',
  },
  RecordMissedCall: {
    payload: payloads.missedCall,
    faultType: 'hotline-400-or-udesk',
  },
  ReportToCsManagerOffDay: { payload: payloads.offDay, faultType: 'app' },
  CallNextShiftEarly: { payload: payloads.staff, faultType: 'app' },
  DeploySupportStaff: { payload: payloads.staff, faultType: 'app' },
  LinkTicket: { payload: payloads.link, faultType: 'app' },
};

/** Each record rule taken once in its state (a holiday fault, for 3.3). */
const RECORD_WALKS: Step[][] = CENTRE_EMERGENCY_TRANSITIONS.filter(
  (rule) => RECORDS[rule.command] !== undefined,
).map((rule) => {
  const { payload, faultType } = RECORDS[rule.command]!;
  return [
    ...stepsTo(faultType, rule.from, HOLIDAY_DETECTED),
    [
      {
        type: rule.command,
        ticketId: TICKET_ID,
        payload,
      } as CentreEmergencyCommand,
      ctx(rule.roles[0] as RoleId),
    ],
  ];
});

/** Unlinking after linking, in each state the emergency is open. */
const UNLINK_WALKS: Step[][] = CENTRE_EMERGENCY_TRANSITIONS.filter(
  (rule) => rule.command === 'UnlinkTicket',
).map((rule) => [
  ...stepsTo('app', rule.from),
  [command('LinkTicket', payloads.link), ctx('hq-cs-manager')],
  [command('UnlinkTicket', payloads.unlink), ctx('cs-phone-agent')],
]);

function walk(steps: Step[]) {
  return walkThroughTable(
    centreEmergencyProcess,
    CENTRE_EMERGENCY_TRANSITIONS,
    CONFIG,
    steps,
  );
}

describe('the centre-emergency process definition', () => {
  it('is named for its streams and its users', () => {
    expect(centreEmergencyProcess.processId).toBe('centre-emergency');
    expect(centreEmergencyProcess.title.zh).toBe('客服中心应急处理');
  });

  it('lists every command, and a label for every state and event', () => {
    expect(centreEmergencyProcess.commandTypes).toEqual(
      CENTRE_EMERGENCY_COMMAND_TYPES,
    );
    expect(Object.keys(centreEmergencyProcess.eventLabels)).toEqual(
      centreEmergencyProcess.eventTypes,
    );
    expect(centreEmergencyProcess.stateLabels).toBe(CENTRE_EMERGENCY_STATES);
  });

  it('names every event type in the transition table, and only those', () => {
    const inTable = new Set(
      CENTRE_EMERGENCY_TRANSITIONS.flatMap((r) => r.outcomes).flatMap(
        (o) => o.events,
      ),
    );
    expect([...inTable].sort()).toEqual(
      [...centreEmergencyProcess.eventTypes].sort(),
    );
  });

  it('ends at the mechanism and at the close only', () => {
    const terminal = Object.keys(CENTRE_EMERGENCY_STATES).filter((status) =>
      centreEmergencyProcess.isTerminal({
        ...centreEmergencyProcess.initialState,
        status: status as CentreEmergencyStatus,
      }),
    );
    expect(terminal).toEqual(['CLOSED_EMERGENCY_MECHANISM', 'CLOSED_RESOLVED']);
  });

  it('folds each written-out history into the state it is named for', () => {
    for (const [status, history] of Object.entries(historyOf('app'))) {
      expect(foldEvents(centreEmergencyProcess, history).status).toBe(status);
    }
  });
});

describe.each(SCENARIOS)('an emergency %s', (_, steps) => {
  it('appends only what the transition table lists, and ends closed', () => {
    const { state } = walk(steps);
    expect(centreEmergencyProcess.isTerminal(state)).toBe(true);
  });
});

describe('custody while the follow-up is owed', () => {
  it('is the agents’ until the last call is called back, then the supervisor’s', () => {
    const [, hotline] = SCENARIOS[3];
    const beforeLastCallback = walk(hotline.slice(0, -2)).state;
    expect(centreEmergencyProcess.custody(beforeLastCallback)).toEqual({
      role: 'cs-phone-agent',
    });
    const allCalledBack = walk(hotline.slice(0, -1)).state;
    expect(centreEmergencyProcess.custody(allCalledBack)).toEqual({
      role: 'cs-supervisor',
    });
  });
});

describe('the scenarios and the record walks together', () => {
  it('take every rule of the table', () => {
    const taken = new Set(
      [
        ...SCENARIOS.map(([, steps]) => steps),
        ...RECORD_WALKS,
        ...UNLINK_WALKS,
      ].flatMap((steps) =>
        walkedEdges(
          steps.map(([c]) => c.type),
          'NEW',
          walk(steps).statuses,
        ),
      ),
    );
    expect([...taken].sort()).toEqual(
      [...new Set(tableEdges(CENTRE_EMERGENCY_TRANSITIONS))].sort(),
    );
  });
});
