import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { EmailCaseCommand } from './email-case.commands';
import { OlderMailUntriagedError } from './email-case.errors';
import {
  command,
  ctx,
  historyOf,
  payloads,
  RECEIVED_AT,
  TICKET_ID,
} from './email-case.fixtures';
import { emailCaseProcess } from './email-case.process';
import type { EmailCaseStatus } from './email-case.states';

const { given } = deciderSpec(emailCaseProcess, undefined);

interface Case {
  command: EmailCaseCommand;
  role: RoleId;
  inState: Exclude<EmailCaseStatus, 'NEW'>;
  wrongRole: RoleId;
  wrongState: Exclude<EmailCaseStatus, 'NEW'>;
  expected: EmailCaseStatus[];
}

const specialist = 'cs-email-specialist';

const CASES: Case[] = [
  {
    command: command('TriageMail', payloads.ordinary),
    role: specialist,
    inState: 'MAIL_RECEIVED',
    wrongRole: 'cs-phone-agent',
    wrongState: 'ORDINARY_QUESTION',
    expected: ['MAIL_RECEIVED'],
  },
  {
    command: command('ReplyFromFaq', payloads.faq),
    role: specialist,
    inState: 'ORDINARY_QUESTION',
    wrongRole: 'cs-supervisor',
    wrongState: 'MAIL_RECEIVED',
    expected: ['ORDINARY_QUESTION'],
  },
  {
    command: command('SubmitIncident', payloads.incident),
    role: specialist,
    inState: 'NOT_DIRECTLY_ANSWERABLE',
    wrongRole: 'related-department',
    wrongState: 'ORDINARY_QUESTION',
    expected: ['NOT_DIRECTLY_ANSWERABLE'],
  },
  {
    command: command('LabelForFollowUp', payloads.label),
    role: specialist,
    inState: 'IN_PROGRESS',
    wrongRole: 'cs-supervisor',
    wrongState: 'FOLLOW_UP_LABELLED',
    expected: ['IN_PROGRESS'],
  },
  {
    command: command('SendHandlingReply', payloads.reply),
    role: specialist,
    inState: 'FOLLOW_UP_LABELLED',
    wrongRole: 'related-department',
    wrongState: 'WITH_SUPERVISOR',
    expected: ['IN_PROGRESS', 'FOLLOW_UP_LABELLED', 'REPLY_GUIDED'],
  },
  {
    command: command('ForwardToDepartment', payloads.forward),
    role: specialist,
    inState: 'FOR_OTHER_DEPARTMENT',
    wrongRole: 'related-department',
    wrongState: 'WITH_DEPARTMENT',
    expected: ['FOR_OTHER_DEPARTMENT'],
  },
  {
    command: command('GuideReply', payloads.guide),
    role: 'cs-supervisor',
    inState: 'WITH_SUPERVISOR',
    wrongRole: specialist,
    wrongState: 'REPLY_GUIDED',
    expected: ['WITH_SUPERVISOR'],
  },
  {
    command: command('EscalateToDepartmentAndLeadership', payloads.escalate),
    role: 'cs-supervisor',
    inState: 'WITH_SUPERVISOR',
    wrongRole: specialist,
    wrongState: 'WITH_DEPARTMENT',
    expected: ['WITH_SUPERVISOR'],
  },
  {
    command: command('RecordDepartmentReply', payloads.departmentReply),
    role: 'related-department',
    inState: 'WITH_DEPARTMENT',
    wrongRole: specialist,
    wrongState: 'CLOSED',
    expected: ['WITH_DEPARTMENT'],
  },
];

describe.each(CASES)('$command.type, refused', (c) => {
  it('as not found on a case that does not exist', () => {
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
        allowed: [c.role],
        permission: `email-case:${c.command.type}`,
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

describe('a mail taken in a second time', () => {
  it('is refused as already existing', () => {
    given(historyOf.MAIL_RECEIVED)
      .when(command('ReceiveMail', payloads.receive), ctx('system'))
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('is refused to the supervisor, who takes no mail in', () => {
    given([])
      .when(command('ReceiveMail', payloads.receive), ctx('cs-supervisor'))
      .thenThrows(RoleNotPermittedError, {
        allowed: ['system', 'cs-email-specialist'],
      });
  });
});

describe('a command the process does not have', () => {
  it('is refused as invalid data naming the type', () => {
    given(historyOf.MAIL_RECEIVED)
      .when(
        {
          type: 'DeleteMail',
          ticketId: TICKET_ID,
          payload: {},
        } as unknown as EmailCaseCommand,
        ctx(specialist),
      )
      .thenThrows(InvalidCommandDataError, { command: 'DeleteMail' });
  });
});

function fieldsOf(error: InvalidCommandDataError): string[] {
  return error.fields.map((f) => f.field);
}

describe('invalid data', () => {
  it('lists every failing field of a mail at once', () => {
    const error = given([])
      .when(
        command('ReceiveMail', {
          ticketNumber: '',
          messageId: ' ',
          from: { address: 'not an address', name: 7 },
          subject: null,
          body: 3,
          sentAt: 'yesterday',
          receivedAt: '2026-02-30T10:00:00Z',
        } as never),
        ctx('system'),
      )
      .thenThrows(InvalidCommandDataError);

    expect(fieldsOf(error)).toEqual([
      'payload.ticketNumber',
      'payload.messageId',
      'payload.from.address',
      'payload.from.name',
      'payload.subject',
      'payload.body',
      'payload.sentAt',
      'payload.receivedAt',
    ]);
  });

  it('refuses a mail without a sender', () => {
    const { from: _from, ...rest } = payloads.receive;
    const error = given([])
      .when(command('ReceiveMail', rest as never), ctx('system'))
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.from']);
  });

  it('refuses a mail received after the decision', () => {
    const error = given([])
      .when(
        command('ReceiveMail', {
          ...payloads.receive,
          receivedAt: '2026-03-02T06:00:01.000Z',
        }),
        ctx('system'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.receivedAt']);
  });

  it('refuses a mail typed in by hand as received more than a year before the decision', () => {
    // It would head the triage queue, oldest first, ahead of every mail.
    const error = given([])
      .when(
        command('ReceiveMail', {
          ...payloads.receive,
          receivedAt: '1999-03-02T06:00:00.000Z',
        }),
        ctx(specialist),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.receivedAt']);
  });

  it('refuses a payload that is not an object', () => {
    const error = given(historyOf.MAIL_RECEIVED)
      .when(command('TriageMail', null as never), ctx(specialist))
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload']);
  });

  it.each([
    [{ category: 'urgent' }, ['payload.category']],
    [{ category: 'ordinary', note: 5 }, ['payload.note']],
    [
      { category: 'ordinary', olderUntriaged: [{ ticketId: 1 }] },
      ['payload.olderUntriaged'],
    ],
  ])('refuses a triage %j', (payload, fields) => {
    const error = given(historyOf.MAIL_RECEIVED)
      .when(command('TriageMail', payload as never), ctx(specialist))
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(fields);
  });

  it.each([
    [
      'ReplyFromFaq',
      'ORDINARY_QUESTION',
      specialist,
      { faqReference: '', reply: ' ' },
      ['payload.faqReference', 'payload.reply'],
    ],
    [
      'SubmitIncident',
      'NOT_DIRECTLY_ANSWERABLE',
      specialist,
      { userNotice: 1 },
      ['payload.incidentReference', 'payload.userNotice'],
    ],
    [
      'LabelForFollowUp',
      'IN_PROGRESS',
      specialist,
      { label: '' },
      ['payload.label'],
    ],
    ['SendHandlingReply', 'IN_PROGRESS', specialist, {}, ['payload.reply']],
    [
      'ForwardToDepartment',
      'FOR_OTHER_DEPARTMENT',
      specialist,
      { owner: ' ', userNotice: 2 },
      ['payload.department', 'payload.owner', 'payload.userNotice'],
    ],
    [
      // 转发邮件给相关负责人: a forward names the person it goes to.
      'ForwardToDepartment',
      'FOR_OTHER_DEPARTMENT',
      specialist,
      { department: '运营管理部' },
      ['payload.owner'],
    ],
    [
      'GuideReply',
      'WITH_SUPERVISOR',
      'cs-supervisor',
      { guidance: '' },
      ['payload.guidance'],
    ],
    [
      'EscalateToDepartmentAndLeadership',
      'WITH_SUPERVISOR',
      'cs-supervisor',
      { department: '公关' },
      ['payload.leadership', 'payload.summary'],
    ],
    [
      'RecordDepartmentReply',
      'WITH_DEPARTMENT',
      'related-department',
      { reply: '' },
      ['payload.reply'],
    ],
  ] as const)(
    'refuses %s without its fields',
    (type, from, role, payload, fields) => {
      const error = given(historyOf[from])
        .when(
          { type, ticketId: TICKET_ID, payload } as unknown as EmailCaseCommand,
          ctx(role),
        )
        .thenThrows(InvalidCommandDataError);
      expect(fieldsOf(error)).toEqual(fields);
    },
  );
});

describe('mail is taken in order of receipt', () => {
  const older = [
    {
      ticketId: '01956f3a-7c2e-7a10-9b1e-0a0000000907',
      ticketNumber: 'EM-20260302-0003',
      receivedAt: '2026-03-02T05:30:00.000Z',
    },
    {
      ticketId: '01956f3a-7c2e-7a10-9b1e-0a0000000906',
      ticketNumber: 'EM-20260302-0002',
      receivedAt: '2026-03-02T05:20:00.000Z',
    },
  ];

  it('refuses a triage while an older mail is untriaged, naming the oldest', () => {
    given(historyOf.MAIL_RECEIVED)
      .when(
        command('TriageMail', { ...payloads.ordinary, olderUntriaged: older }),
        ctx(specialist),
      )
      .thenThrows(OlderMailUntriagedError, {
        code: 'OLDER_MAIL_UNTRIAGED',
        ticketId: TICKET_ID,
        receivedAt: RECEIVED_AT,
        older: older[1],
      });
  });

  it('refuses a sensitive mail behind an older one too', () => {
    // "立即" is about the supervisor, once the mail is read in turn.
    given(historyOf.MAIL_RECEIVED)
      .when(
        command('TriageMail', {
          ...payloads.sensitive,
          olderUntriaged: [older[0]],
        }),
        ctx(specialist),
      )
      .thenThrows(OlderMailUntriagedError, { older: older[0] });
  });
});
