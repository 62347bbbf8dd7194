import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { RepeatCallerCommand } from './repeat-caller.commands';
import {
  CallNotLinkedError,
  NotifiedPartiesMissingError,
  RecordingsIncompleteError,
} from './repeat-caller.errors';
import {
  command,
  ctx,
  events,
  FIRST_CALL_ID,
  historyOf,
  payloads,
  SECOND_CALL_ID,
  TICKET_ID,
} from './repeat-caller.fixtures';
import { repeatCallerProcess } from './repeat-caller.process';
import type { RepeatCallerStatus } from './repeat-caller.states';

const { given } = deciderSpec(repeatCallerProcess, {
  windowHours: 72,
  threshold: 3,
});

interface Case {
  command: RepeatCallerCommand;
  role: RoleId;
  inState: Exclude<RepeatCallerStatus, 'NEW'>;
  wrongRole: RoleId;
  allowed: RoleId[];
  wrongState: Exclude<RepeatCallerStatus, 'NEW'>;
  expected: RepeatCallerStatus[];
}

const CASES: Case[] = [
  {
    command: command('CloseCall', payloads.close),
    role: 'cs-phone-agent',
    inState: 'CALL_RECORDED',
    wrongRole: 'cs-manager-outsourcer',
    allowed: ['cs-phone-agent'],
    wrongState: 'ESCALATED',
    expected: ['CALL_RECORDED'],
  },
  {
    command: command('UnlinkCall', payloads.unlinkFirst),
    role: 'cs-manager-outsourcer',
    inState: 'ESCALATED',
    wrongRole: 'cs-phone-agent',
    allowed: ['cs-manager-outsourcer'],
    wrongState: 'INCIDENT_REPORTED',
    expected: ['ESCALATED', 'RECORDINGS_REVIEWED'],
  },
  {
    command: command('ReviewRecordings', payloads.recordings),
    role: 'cs-manager-outsourcer',
    inState: 'ESCALATED',
    wrongRole: 'subsidiary-gm',
    allowed: ['cs-manager-outsourcer'],
    wrongState: 'CALL_RECORDED',
    expected: ['ESCALATED'],
  },
  {
    command: command('ReportIncident', payloads.incident),
    role: 'cs-manager-outsourcer',
    inState: 'RECORDINGS_REVIEWED',
    wrongRole: 'subsidiary-ops-head',
    allowed: ['cs-manager-outsourcer'],
    wrongState: 'ESCALATED',
    expected: ['RECORDINGS_REVIEWED'],
  },
  {
    command: command('ClassifyIncident', payloads.external),
    role: 'subsidiary-ops-head',
    inState: 'INCIDENT_REPORTED',
    wrongRole: 'hq-pr-manager',
    allowed: ['subsidiary-ops-head'],
    wrongState: 'AWAITING_PLANS',
    expected: ['INCIDENT_REPORTED'],
  },
  {
    command: command('DraftHandlingPlan', payloads.plan),
    role: 'hq-pr-manager',
    inState: 'AWAITING_PLANS',
    wrongRole: 'subsidiary-gm',
    allowed: ['subsidiary-ops-head', 'hq-pr-manager'],
    wrongState: 'PLAN_REVIEW',
    expected: ['AWAITING_PLANS', 'AWAITING_OPS_PLAN', 'AWAITING_PR_PLAN'],
  },
  {
    command: command('ReviewHandlingPlan', payloads.approve),
    role: 'subsidiary-gm',
    inState: 'PLAN_REVIEW',
    wrongRole: 'subsidiary-ops-head',
    allowed: ['subsidiary-gm'],
    wrongState: 'AWAITING_PR_PLAN',
    expected: ['PLAN_REVIEW'],
  },
  {
    command: command('CallBackWithPlan', payloads.reached),
    role: 'cs-phone-agent',
    inState: 'PLAN_APPROVED',
    wrongRole: 'hq-pr-manager',
    allowed: ['cs-phone-agent'],
    wrongState: 'PLAN_REVIEW',
    expected: ['PLAN_APPROVED'],
  },
  {
    command: command('RecordFollowUp', payloads.resolved),
    role: 'cs-phone-agent',
    inState: 'FOLLOWING_UP',
    wrongRole: 'cs-manager-outsourcer',
    allowed: ['cs-phone-agent'],
    wrongState: 'PLAN_APPROVED',
    expected: ['FOLLOWING_UP'],
  },
  {
    command: command('NotifyResult', payloads.notifyBoth),
    role: 'cs-manager-outsourcer',
    inState: 'RESOLVED',
    wrongRole: 'cs-phone-agent',
    allowed: ['cs-manager-outsourcer'],
    wrongState: 'CLOSED',
    expected: ['RESOLVED'],
  },
];

describe.each(CASES)('$command.type, refused', (c) => {
  it('as not found on a ticket that does not exist', () => {
    given([])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('as not found for another subsidiary, so the id leaks nothing', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.role, { subsidiary: 'hz' }))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('to a role that never issues it, naming the permission', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.wrongRole))
      .thenThrows(RoleNotPermittedError, {
        role: c.wrongRole,
        allowed: c.allowed,
        permission: `repeat-caller:${c.command.type}`,
      });
  });

  it('in a state that does not allow it, naming the states that do', () => {
    given(historyOf[c.wrongState])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotInStateError, {
        state: c.wrongState,
        expected: c.expected,
        command: c.command.type,
      });
  });
});

describe('a call recorded on a ticket that exists', () => {
  it('is refused as already existing', () => {
    given(historyOf.CALL_RECORDED)
      .when(command('RecordCall', payloads.firstCall), ctx('cs-phone-agent'))
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('is refused to the CS manager', () => {
    given([])
      .when(
        command('RecordCall', payloads.firstCall),
        ctx('cs-manager-outsourcer'),
      )
      .thenThrows(RoleNotPermittedError, { allowed: ['cs-phone-agent'] });
  });
});

describe('a plan drafted out of turn in the AND-split', () => {
  it('is refused to the lane that has already drafted', () => {
    given(historyOf.AWAITING_PR_PLAN)
      .when(
        command('DraftHandlingPlan', payloads.plan),
        ctx('subsidiary-ops-head'),
      )
      .thenThrows(RoleNotPermittedError, {
        role: 'subsidiary-ops-head',
        allowed: ['hq-pr-manager'],
      });
  });

  it('is refused to HQ PR when no external side was found', () => {
    given(historyOf.AWAITING_OPS_PLAN)
      .when(command('DraftHandlingPlan', payloads.plan), ctx('hq-pr-manager'))
      .thenThrows(RoleNotPermittedError, { allowed: ['subsidiary-ops-head'] });
  });
});

describe('a command the process does not have', () => {
  it('is refused as invalid data naming the type', () => {
    given(historyOf.ESCALATED)
      .when(
        {
          type: 'MergeCalls',
          ticketId: TICKET_ID,
          payload: {},
        } as unknown as RepeatCallerCommand,
        ctx('cs-manager-outsourcer'),
      )
      .thenThrows(InvalidCommandDataError, { command: 'MergeCalls' });
  });
});

function fieldsOf(error: InvalidCommandDataError): string[] {
  return error.fields.map((f) => f.field);
}

function refusedFields(
  history: keyof typeof historyOf | 'NEW',
  cmd: RepeatCallerCommand,
  role: RoleId,
): string[] {
  const error = given(history === 'NEW' ? [] : historyOf[history])
    .when(cmd, ctx(role))
    .thenThrows(InvalidCommandDataError);
  return fieldsOf(error);
}

describe('invalid data', () => {
  it('lists every failing field of a call at once', () => {
    expect(
      refusedFields(
        'NEW',
        command('RecordCall', {
          ticketNumber: '',
          caller: { phone: 'call me', name: 3 },
          memberId: ' ',
          subject: 'weather',
          issue: '',
          promisedTimeframe: 7,
          calledAt: '2026-02-30T10:00:00Z',
          callerKeys: [],
          earlierCalls: [{ ticketId: 'x' }],
        } as never),
        'cs-phone-agent',
      ),
    ).toEqual([
      'payload.ticketNumber',
      'payload.caller.phone',
      'payload.caller.name',
      'payload.memberId',
      'payload.subject',
      'payload.issue',
      'payload.promisedTimeframe',
      'payload.calledAt',
      'payload.callerKeys',
      'payload.earlierCalls',
    ]);
  });

  it('refuses a call with neither a phone nor a member id', () => {
    const { memberId: _m, ...rest } = payloads.firstCall;
    expect(
      refusedFields(
        'NEW',
        command('RecordCall', { ...rest, caller: {} }),
        'cs-phone-agent',
      ),
    ).toEqual(['payload.caller.phone']);
  });

  it('refuses a call time after the decision', () => {
    expect(
      refusedFields(
        'NEW',
        command('RecordCall', {
          ...payloads.firstCall,
          calledAt: '2026-03-04T06:00:01.000Z',
        }),
        'cs-phone-agent',
      ),
    ).toEqual(['payload.calledAt']);
  });

  it('refuses a payload that is not an object', () => {
    expect(
      refusedFields(
        'ESCALATED',
        command('ReviewRecordings', null as never),
        'cs-manager-outsourcer',
      ),
    ).toEqual(['payload']);
  });

  it.each<
    [string, keyof typeof historyOf, RepeatCallerCommand, RoleId, string[]]
  >([
    [
      'a close without a resolution',
      'CALL_RECORDED',
      command('CloseCall', { resolution: '' }),
      'cs-phone-agent',
      ['payload.resolution'],
    ],
    [
      'an unlink without a ticket or a reason',
      'ESCALATED',
      command('UnlinkCall', { linkedTicketId: '', reason: ' ' }),
      'cs-manager-outsourcer',
      ['payload.linkedTicketId', 'payload.reason'],
    ],
    [
      'a review without recordings or findings',
      'ESCALATED',
      command('ReviewRecordings', {
        recordings: [{ ticketId: TICKET_ID }],
        findings: '',
      } as never),
      'cs-manager-outsourcer',
      ['payload.recordings', 'payload.findings'],
    ],
    [
      'an incident report with an empty template',
      'RECORDINGS_REVIEWED',
      command('ReportIncident', {
        template: { summary: '', actionsSoFar: 1 },
      } as never),
      'cs-manager-outsourcer',
      [
        'payload.template.summary',
        'payload.template.userDemand',
        'payload.template.impact',
        'payload.template.actionsSoFar',
      ],
    ],
    [
      'an incident report without a template',
      'RECORDINGS_REVIEWED',
      command('ReportIncident', {} as never),
      'cs-manager-outsourcer',
      ['payload.template'],
    ],
    [
      'a classification that is not yes or no',
      'INCIDENT_REPORTED',
      command('ClassifyIncident', {
        externalComplaint: 'yes',
        note: 2,
      } as never),
      'subsidiary-ops-head',
      ['payload.externalComplaint', 'payload.mediaExposure', 'payload.note'],
    ],
    [
      'an empty plan',
      'AWAITING_PLANS',
      command('DraftHandlingPlan', { plan: ' ' }),
      'subsidiary-ops-head',
      ['payload.plan'],
    ],
    [
      'a send-back without a reason',
      'PLAN_REVIEW',
      command('ReviewHandlingPlan', { approved: false } as never),
      'subsidiary-gm',
      ['payload.reason'],
    ],
    [
      'a review without a verdict',
      'PLAN_REVIEW',
      command('ReviewHandlingPlan', {} as never),
      'subsidiary-gm',
      ['payload.approved'],
    ],
    [
      'a call-back without an outcome',
      'PLAN_APPROVED',
      command('CallBackWithPlan', { contactOutcome: 'maybe' } as never),
      'cs-phone-agent',
      ['payload.contactOutcome'],
    ],
    [
      'a follow-up without a note',
      'FOLLOWING_UP',
      command('RecordFollowUp', { resolved: 'no' } as never),
      'cs-phone-agent',
      ['payload.resolved', 'payload.note'],
    ],
    [
      'a notification to nobody known',
      'RESOLVED',
      command('NotifyResult', { notified: ['press'], summary: '' } as never),
      'cs-manager-outsourcer',
      ['payload.notified', 'payload.summary'],
    ],
  ])('refuses %s', (_, state, cmd, role, fields) => {
    expect(refusedFields(state, cmd, role)).toEqual(fields);
  });
});

describe('the process’s own rules', () => {
  it('refuses to unlink a call that is not linked', () => {
    given(historyOf.ESCALATED)
      .when(
        command('UnlinkCall', { linkedTicketId: TICKET_ID, reason: '误操作' }),
        ctx('cs-manager-outsourcer'),
      )
      .thenThrows(CallNotLinkedError, {
        code: 'CALL_NOT_LINKED',
        ticketId: TICKET_ID,
        linkedTicketId: TICKET_ID,
        linkedTicketIds: [FIRST_CALL_ID, SECOND_CALL_ID],
      });
  });

  it('refuses to unlink a call already unlinked', () => {
    const fourLinked = {
      ...events.linked,
      data: {
        ...events.linked.data,
        linkedCalls: [
          ...events.linked.data.linkedCalls,
          { ticketId: 'third', calledAt: '2026-03-04T03:55:00.000Z' },
        ],
        callCount: 4,
      },
    };
    given([fourLinked, events.recorded, events.escalated, events.unlinkedFirst])
      .when(
        command('UnlinkCall', payloads.unlinkFirst),
        ctx('cs-manager-outsourcer'),
      )
      .thenThrows(CallNotLinkedError, { linkedTicketId: FIRST_CALL_ID });
  });

  it('refuses a review that leaves out a related recording', () => {
    given(historyOf.ESCALATED)
      .when(
        command('ReviewRecordings', {
          ...payloads.recordings,
          recordings: payloads.recordings.recordings.slice(0, 2),
        }),
        ctx('cs-manager-outsourcer'),
      )
      .thenThrows(RecordingsIncompleteError, {
        code: 'RECORDINGS_INCOMPLETE',
        missing: [SECOND_CALL_ID],
        unrelated: [],
      });
  });

  it('refuses a review with a recording of an unrelated call', () => {
    given(historyOf.ESCALATED)
      .when(
        command('ReviewRecordings', {
          ...payloads.recordings,
          recordings: [
            ...payloads.recordings.recordings,
            { ticketId: 'someone-else', recordingRef: 'REC-9' },
          ],
        }),
        ctx('cs-manager-outsourcer'),
      )
      .thenThrows(RecordingsIncompleteError, {
        missing: [],
        unrelated: ['someone-else'],
      });
  });

  it('refuses a result notice that leaves out HQ PR after it drafted a plan', () => {
    given(historyOf.RESOLVED)
      .when(
        command('NotifyResult', payloads.notifyOps),
        ctx('cs-manager-outsourcer'),
      )
      .thenThrows(NotifiedPartiesMissingError, {
        code: 'NOTIFIED_PARTIES_MISSING',
        ticketId: TICKET_ID,
        missing: ['hq-pr-manager'],
      });
  });
});
