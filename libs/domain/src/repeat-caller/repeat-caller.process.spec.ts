import { foldEvents } from '../shared/testing/given-when-then';
import {
  tableEdges,
  walkedEdges,
  walkThroughTable,
} from '../shared/testing/table-walk';
import type { DecisionContext } from '../shared';
import {
  REPEAT_CALLER_COMMAND_TYPES,
  type RepeatCallerCommand,
} from './repeat-caller.commands';
import {
  command,
  ctx,
  FIRST_CALL_ID,
  historyOf,
  payloads,
  SECOND_CALL_ID,
  THIRD_CALL_ID,
  TICKET_ID,
} from './repeat-caller.fixtures';
import { repeatCallerProcess } from './repeat-caller.process';
import type { RepeatCallRules } from './repeat-caller.rules';
import {
  REPEAT_CALLER_STATES,
  type RepeatCallerStatus,
} from './repeat-caller.states';
import { REPEAT_CALLER_TRANSITIONS } from './repeat-caller.transitions';

type Step = [RepeatCallerCommand, DecisionContext];

const RULES: RepeatCallRules = { windowHours: 72, threshold: 3 };
const agent = ctx('cs-phone-agent');
const manager = ctx('cs-manager-outsourcer');
const opsHead = ctx('subsidiary-ops-head');
const pr = ctx('hq-pr-manager');
const gm = ctx('subsidiary-gm');

const recordingsOf = (ids: string[]) => ({
  recordings: ids.map((ticketId, i) => ({
    ticketId,
    recordingRef: `REC-${i}`,
  })),
  findings: '同一问题多次来电',
});

const escalatedAndReported: Step[] = [
  [command('RecordCall', payloads.thirdCall), agent],
  [command('ReviewRecordings', payloads.recordings), manager],
  [command('ReportIncident', payloads.incident), manager],
];
const toCloseBoth: Step[] = [
  [command('ReviewHandlingPlan', payloads.approve), gm],
  [command('CallBackWithPlan', payloads.reached), agent],
  [command('RecordFollowUp', payloads.resolved), agent],
  [command('NotifyResult', payloads.notifyBoth), manager],
];

/** Whole cases, start to end, that together take every rule. */
const SCENARIOS: [string, Step[]][] = [
  [
    'a single call, recorded and closed by the agent',
    [
      [command('RecordCall', payloads.firstCall), agent],
      [command('CloseCall', payloads.close), agent],
    ],
  ],
  [
    'an external complaint, PR drafting first, the caller reached on the second try',
    [
      ...escalatedAndReported,
      [command('ClassifyIncident', payloads.external), opsHead],
      [command('DraftHandlingPlan', payloads.plan), pr],
      [command('DraftHandlingPlan', payloads.plan), opsHead],
      [command('ReviewHandlingPlan', payloads.approve), gm],
      [command('CallBackWithPlan', payloads.unreached), agent],
      [command('CallBackWithPlan', payloads.reached), agent],
      [command('RecordFollowUp', payloads.pending), agent],
      [command('RecordFollowUp', payloads.resolved), agent],
      [command('NotifyResult', payloads.notifyBoth), manager],
    ],
  ],
  [
    'an external complaint whose plans the GM sends back once',
    [
      ...escalatedAndReported,
      [command('ClassifyIncident', payloads.external), opsHead],
      [command('DraftHandlingPlan', payloads.plan), opsHead],
      [command('DraftHandlingPlan', payloads.plan), pr],
      [command('ReviewHandlingPlan', payloads.sendBack), gm],
      [command('DraftHandlingPlan', payloads.plan), opsHead],
      [command('DraftHandlingPlan', payloads.plan), pr],
      ...toCloseBoth,
    ],
  ],
  [
    'an internal matter: the operations plan alone, sent back once',
    [
      ...escalatedAndReported,
      [command('ClassifyIncident', payloads.internal), opsHead],
      [command('DraftHandlingPlan', payloads.plan), opsHead],
      [command('ReviewHandlingPlan', payloads.sendBack), gm],
      [command('DraftHandlingPlan', payloads.plan), opsHead],
      [command('ReviewHandlingPlan', payloads.approve), gm],
      [command('CallBackWithPlan', payloads.reached), agent],
      [command('RecordFollowUp', payloads.resolved), agent],
      [command('NotifyResult', payloads.notifyOps), manager],
    ],
  ],
  [
    'an escalation withdrawn when an unlink leaves too few calls',
    [
      [command('RecordCall', payloads.thirdCall), agent],
      [command('UnlinkCall', payloads.unlinkFirst), manager],
      [command('CloseCall', payloads.close), agent],
    ],
  ],
  [
    'a fourth call: one unlinked before the review, the case carried on',
    [
      [command('RecordCall', payloads.fourthCall), agent],
      [command('UnlinkCall', payloads.unlinkFirst), manager],
      [
        command(
          'ReviewRecordings',
          recordingsOf([TICKET_ID, SECOND_CALL_ID, THIRD_CALL_ID]),
        ),
        manager,
      ],
      [command('ReportIncident', payloads.incident), manager],
      [command('ClassifyIncident', payloads.internal), opsHead],
      [command('DraftHandlingPlan', payloads.plan), opsHead],
      [command('ReviewHandlingPlan', payloads.approve), gm],
      [command('CallBackWithPlan', payloads.reached), agent],
      [command('RecordFollowUp', payloads.resolved), agent],
      [command('NotifyResult', payloads.notifyOps), manager],
    ],
  ],
  [
    'a fourth call: two unlinked after the review, withdrawn',
    [
      [command('RecordCall', payloads.fourthCall), agent],
      [
        command(
          'ReviewRecordings',
          recordingsOf([
            TICKET_ID,
            FIRST_CALL_ID,
            SECOND_CALL_ID,
            THIRD_CALL_ID,
          ]),
        ),
        manager,
      ],
      [command('UnlinkCall', payloads.unlinkFirst), manager],
      [
        command('UnlinkCall', {
          linkedTicketId: SECOND_CALL_ID,
          reason: '不同问题',
        }),
        manager,
      ],
      [command('CloseCall', payloads.close), agent],
    ],
  ],
];

describe('the repeat-caller process definition', () => {
  it('is named for its streams and its users', () => {
    expect(repeatCallerProcess.processId).toBe('repeat-caller');
    expect(repeatCallerProcess.title.zh).toBe('重复来电类敏感问题上报');
  });

  it('lists every command, and a label for every state and event', () => {
    expect(repeatCallerProcess.commandTypes).toEqual(
      REPEAT_CALLER_COMMAND_TYPES,
    );
    expect(Object.keys(repeatCallerProcess.eventLabels)).toEqual(
      repeatCallerProcess.eventTypes,
    );
    expect(repeatCallerProcess.stateLabels).toBe(REPEAT_CALLER_STATES);
  });

  it('names every event type in the transition table, and only those', () => {
    const inTable = new Set(
      REPEAT_CALLER_TRANSITIONS.flatMap((r) => r.outcomes).flatMap(
        (o) => o.events,
      ),
    );
    expect([...inTable].sort()).toEqual(
      [...repeatCallerProcess.eventTypes].sort(),
    );
  });

  it('ends at a closed call or a closed case only', () => {
    const terminal = Object.keys(REPEAT_CALLER_STATES).filter((status) =>
      repeatCallerProcess.isTerminal({
        ...repeatCallerProcess.initialState,
        status: status as RepeatCallerStatus,
      }),
    );
    expect(terminal).toEqual(['CALL_CLOSED', 'CLOSED']);
  });

  it('folds each written-out history into the state it is named for', () => {
    for (const [status, history] of Object.entries(historyOf)) {
      expect(foldEvents(repeatCallerProcess, history).status).toBe(status);
    }
  });

  it('seals the caller’s phone and name in the log', () => {
    expect(repeatCallerProcess.personalData).toEqual({
      'repeat-caller.call-recorded': ['caller.phone', 'caller.name'],
    });
  });
});

describe.each(SCENARIOS)('a case: %s', (_, steps) => {
  it('appends only what the transition table lists, and ends', () => {
    const walk = walkThroughTable(
      repeatCallerProcess,
      REPEAT_CALLER_TRANSITIONS,
      RULES,
      steps,
    );
    expect(repeatCallerProcess.isTerminal(walk.state)).toBe(true);
  });
});

describe('the scenarios together', () => {
  it('take every rule of the table', () => {
    const taken = new Set(
      SCENARIOS.flatMap(([, steps]) => {
        const walk = walkThroughTable(
          repeatCallerProcess,
          REPEAT_CALLER_TRANSITIONS,
          RULES,
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
      [...new Set(tableEdges(REPEAT_CALLER_TRANSITIONS))].sort(),
    );
  });
});
