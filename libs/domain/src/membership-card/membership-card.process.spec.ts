import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  type DecisionContext,
} from '../shared';
import { deciderSpec, foldEvents } from '../shared/testing/given-when-then';
import {
  tableEdges,
  walkedEdges,
  walkThroughTable,
} from '../shared/testing/table-walk';
import {
  CARD_COURIER_RECORD_TRANSITIONS,
  cardCourierRecordProcess,
  latestMailing,
} from './card-courier-record.process';
import {
  MEMBERSHIP_CARD_COMMAND_TYPES,
  type MembershipCardCommand,
} from './membership-card.commands';
import {
  command,
  ctx,
  historyOf,
  mailed,
  notMailed,
  payloads,
  THREE_DAYS_ON,
  warning,
} from './membership-card.fixtures';
import { membershipCardProcess } from './membership-card.process';
import {
  MEMBERSHIP_CARD_STATES,
  type MembershipCardStatus,
} from './membership-card.states';
import { MEMBERSHIP_CARD_TRANSITIONS } from './membership-card.transitions';

type Step = [MembershipCardCommand, DecisionContext];

const agent = ctx('cs-phone-agent');
const later = ctx('cs-phone-agent', {}, THREE_DAYS_ON);
const timer = ctx('system', {}, '2026-10-12T02:00:00.000Z');
const opening: Step[] = [
  [command('ReceiveCardInquiry', payloads.inquiry), agent],
  [command('GuideSelfCheck', {}), agent],
];
const waiting: Step[] = [
  ...opening,
  [command('LookUpCardProgress', { courier: notMailed }), agent],
];

/** Whole inquiries, start to end, that together take every rule. */
const SCENARIOS: [string, Step[]][] = [
  [
    'not approved',
    [...opening, [command('RecordApplicationRejected', {}), agent]],
  ],
  [
    'made and posted',
    [...opening, [command('LookUpCardProgress', { courier: mailed }), agent]],
  ],
  [
    'waiting past both reminders, then posted',
    [
      ...waiting,
      [command('RecordDeadline', warning), timer],
      [command('CheckCourierRecord', { courier: notMailed }), later],
      [
        command('RecordDeadline', {
          ...warning,
          level: 'breach',
          dueAt: warning.deadlineAt,
        }),
        timer,
      ],
      [command('CheckCourierRecord', { courier: mailed }), later],
    ],
  ],
];

function walk(steps: Step[]) {
  return walkThroughTable(
    membershipCardProcess,
    MEMBERSHIP_CARD_TRANSITIONS,
    undefined,
    steps,
  );
}

describe('the membership-card process definition', () => {
  it('is named for its streams and its users', () => {
    expect(membershipCardProcess.processId).toBe('membership-card');
    expect(membershipCardProcess.title.zh).toBe('会员卡进度查询');
  });

  it('lists every command, and a label for every state and event', () => {
    expect(membershipCardProcess.commandTypes).toEqual(
      MEMBERSHIP_CARD_COMMAND_TYPES,
    );
    expect(Object.keys(membershipCardProcess.eventLabels)).toEqual(
      membershipCardProcess.eventTypes,
    );
    expect(membershipCardProcess.stateLabels).toBe(MEMBERSHIP_CARD_STATES);
  });

  it('names every event type in the transition table, and only those', () => {
    const inTable = new Set(
      MEMBERSHIP_CARD_TRANSITIONS.flatMap((r) => r.outcomes).flatMap(
        (o) => o.events,
      ),
    );
    expect([...inTable].sort()).toEqual(
      [...membershipCardProcess.eventTypes].sort(),
    );
  });

  it('ends at rejected and at shipped only; waiting stays open', () => {
    const terminal = Object.keys(MEMBERSHIP_CARD_STATES).filter((status) =>
      membershipCardProcess.isTerminal({
        status: status as MembershipCardStatus,
      }),
    );
    expect(terminal).toEqual(['CLOSED_REJECTED', 'CLOSED_SHIPPED']);
  });

  it('folds each written-out history into the state it is named for', () => {
    for (const [status, history] of Object.entries(historyOf)) {
      expect(foldEvents(membershipCardProcess, history).status).toBe(status);
    }
  });
});

describe.each(SCENARIOS)('an inquiry %s', (_, steps) => {
  it('appends only what the transition table lists, and ends closed', () => {
    expect(membershipCardProcess.isTerminal(walk(steps).state)).toBe(true);
  });
});

describe('the scenarios together', () => {
  it('take every rule of the table', () => {
    const taken = new Set(
      SCENARIOS.flatMap(([, steps]) =>
        walkedEdges(
          steps.map(([c]) => c.type),
          'NEW',
          walk(steps).statuses,
        ),
      ),
    );
    expect([...taken].sort()).toEqual(
      [...new Set(tableEdges(MEMBERSHIP_CARD_TRANSITIONS))].sort(),
    );
  });
});

describe('the marketing post’s courier record', () => {
  const { given } = deciderSpec(cardCourierRecordProcess, undefined);
  const marketing = ctx('marketing-manager');
  const entry = {
    memberId: 'M-310000-5521',
    courier: '顺丰速运',
    trackingNo: 'SF0000000004',
    mailedAt: '2026-09-28T08:00:00.000Z',
  };
  const recordCommand = (payload: object) => ({
    type: 'RecordCardMailed' as const,
    ticketId: 'x',
    payload: payload as typeof entry,
  });

  it('keeps every posting and tells the latest, by the table', () => {
    const first = walkThroughTable(
      cardCourierRecordProcess,
      CARD_COURIER_RECORD_TRANSITIONS,
      undefined,
      [
        [recordCommand(entry), marketing],
        [recordCommand({ ...entry, trackingNo: 'SF2' }), marketing],
      ],
    );
    expect(first.statuses).toEqual(['MAILED', 'MAILED']);
    expect(latestMailing(first.state)?.trackingNo).toBe('SF2');
    expect(first.state.mailings).toHaveLength(2);
  });

  it('refuses a blank courier and a posting after the decision time', () => {
    const error = given([])
      .when(
        recordCommand({
          ...entry,
          courier: ' ',
          mailedAt: '2026-09-30T00:00:00.000Z',
        }),
        marketing,
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.details().fields.map((f) => f.field)).toEqual([
      'payload.courier',
      'payload.mailedAt',
    ]);
  });

  it('takes a second posting for the member typed with full-width digits or spaces', () => {
    const [event] = cardCourierRecordProcess.decide(
      recordCommand(entry),
      cardCourierRecordProcess.initialState,
      marketing,
      undefined,
    );
    const state = given([event])
      .when(
        recordCommand({
          ...entry,
          memberId: ' M-３１００００-5521 ',
          trackingNo: 'SF2',
        }),
        marketing,
      )
      .then([
        {
          type: 'card-courier-record.card-mailed',
          schemaVersion: 1,
          data: { ...entry, trackingNo: 'SF2', subsidiaryId: 'sh' },
        },
      ]);
    expect(state.memberId).toBe(entry.memberId);
    expect(state.mailings.map((m) => m.trackingNo)).toEqual([
      'SF0000000004',
      'SF2',
    ]);
  });

  it('refuses another member’s posting on this record, and an agent', () => {
    const [event] = cardCourierRecordProcess.decide(
      recordCommand(entry),
      cardCourierRecordProcess.initialState,
      marketing,
      undefined,
    );
    given([event])
      .when(recordCommand({ ...entry, memberId: 'M-2' }), marketing)
      .thenThrows(InvalidCommandDataError);
    given([])
      .when(recordCommand(entry), ctx('cs-phone-agent'))
      .thenThrows(RoleNotPermittedError, { allowed: ['marketing-manager'] });
  });
});
