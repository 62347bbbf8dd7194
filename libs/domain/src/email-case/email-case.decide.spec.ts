import { deciderSpec } from '../shared/testing/given-when-then';
import {
  command,
  ctx,
  events,
  historyOf,
  payloads,
} from './email-case.fixtures';
import { emailCaseProcess } from './email-case.process';

const { given } = deciderSpec(emailCaseProcess, undefined);

describe('a new mail is taken from the mailbox', () => {
  it('opens a case under the inbox’s subsidiary, awaiting triage', () => {
    const state = given([])
      .when(command('ReceiveMail', payloads.receive), ctx('system'))
      .then([events.received]);

    expect(state).toMatchObject({
      status: 'MAIL_RECEIVED',
      subsidiaryId: 'sh',
      receivedAt: payloads.receive.receivedAt,
    });
    expect(emailCaseProcess.custody(state)).toEqual({
      role: 'cs-email-specialist',
    });
  });

  it('may be recorded by the specialist by hand, without a Date header', () => {
    const { sentAt: _sentAt, ...withoutDate } = payloads.receive;
    const { sentAt: _stored, ...data } = events.received.data;
    given([])
      .when(command('ReceiveMail', withoutDate), ctx('cs-email-specialist'))
      .then([{ ...events.received, data }]);
  });

  it('takes an old mail the mailbox still held, with the mailbox’s time', () => {
    const receivedAt = '2019-03-02T05:40:00.000Z';
    given([])
      .when(
        command('ReceiveMail', { ...payloads.receive, receivedAt }),
        ctx('system'),
      )
      .then([
        { ...events.received, data: { ...events.received.data, receivedAt } },
      ]);
  });

  it('stores the times in UTC whatever offset the mailbox wrote', () => {
    given([])
      .when(
        command('ReceiveMail', {
          ...payloads.receive,
          sentAt: '2026-03-02T13:39:30+08:00',
          receivedAt: '2026-03-02T13:40:00+08:00',
        }),
        ctx('system'),
      )
      .then([events.received]);
  });
});

describe('the specialist triages the mail (the OR gateway)', () => {
  it.each([
    [
      'ordinary',
      payloads.ordinary,
      events.triagedOrdinary,
      'ORDINARY_QUESTION',
    ],
    [
      'not directly answerable',
      payloads.notAnswerable,
      events.triagedNotAnswerable,
      'NOT_DIRECTLY_ANSWERABLE',
    ],
    [
      'another department’s',
      payloads.otherDepartment,
      events.triagedOtherDepartment,
      'FOR_OTHER_DEPARTMENT',
    ],
  ] as const)('sends an %s question on its branch', (_, payload, e, to) => {
    const state = given(historyOf.MAIL_RECEIVED)
      .when(command('TriageMail', payload), ctx('cs-email-specialist'))
      .then([e]);
    expect(state.status).toBe(to);
  });

  it('raises a sensitive mail to the supervisor on duty at once', () => {
    const state = given(historyOf.MAIL_RECEIVED)
      .when(
        command('TriageMail', payloads.sensitive),
        ctx('cs-email-specialist'),
      )
      .then([events.triagedSensitive, events.reportedToSupervisor]);
    expect(emailCaseProcess.custody(state)).toEqual({ role: 'cs-supervisor' });
  });

  it('triages when no older mail waits', () => {
    given(historyOf.MAIL_RECEIVED)
      .when(
        command('TriageMail', { ...payloads.ordinary, olderUntriaged: [] }),
        ctx('cs-email-specialist'),
      )
      .then([events.triagedOrdinary]);
  });
});

describe('an ordinary question', () => {
  it('is answered from the FAQ and closed', () => {
    const state = given(historyOf.ORDINARY_QUESTION)
      .when(command('ReplyFromFaq', payloads.faq), ctx('cs-email-specialist'))
      .then([events.repliedFromFaq]);
    expect(state).toMatchObject({
      status: 'CLOSED',
      outcome: 'replied-from-faq',
    });
    expect(emailCaseProcess.isTerminal(state)).toBe(true);
  });
});

describe('a question that cannot be answered directly', () => {
  it('gets an incident and tells the user it is in progress', () => {
    const state = given(historyOf.NOT_DIRECTLY_ANSWERABLE)
      .when(
        command('SubmitIncident', payloads.incident),
        ctx('cs-email-specialist'),
      )
      .then([events.incidentSubmitted, events.toldInProgress]);
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      incidentReference: 'INC-20260302-17',
    });
  });

  it('is put under a follow-up label when it needs verification', () => {
    const state = given(historyOf.IN_PROGRESS)
      .when(
        command('LabelForFollowUp', payloads.label),
        ctx('cs-email-specialist'),
      )
      .then([events.labelled]);
    expect(state.followUpLabel).toBe('待核实-计费');
  });

  it.each(['IN_PROGRESS', 'FOLLOW_UP_LABELLED'] as const)(
    'closes with the handling reply from %s',
    (from) => {
      const state = given(historyOf[from])
        .when(
          command('SendHandlingReply', payloads.reply),
          ctx('cs-email-specialist'),
        )
        .then([events.handlingReply]);
      expect(state).toMatchObject({
        status: 'CLOSED',
        outcome: 'handling-reply',
      });
    },
  );
});

describe('another department’s question', () => {
  it('tells the user and forwards the mail to the department’s owner', () => {
    const state = given(historyOf.FOR_OTHER_DEPARTMENT)
      .when(
        command('ForwardToDepartment', payloads.forward),
        ctx('cs-email-specialist'),
      )
      .then([events.toldForwarded, events.forwarded]);
    expect(emailCaseProcess.custody(state)).toEqual({
      role: 'related-department',
    });
    expect(state).toMatchObject({
      department: payloads.forward.department,
      departmentOwner: payloads.forward.owner,
    });
  });

  it('closes when the department replies', () => {
    const state = given(historyOf.WITH_DEPARTMENT)
      .when(
        command('RecordDepartmentReply', payloads.departmentReply),
        ctx('related-department'),
      )
      .then([events.departmentReplied]);
    expect(state).toMatchObject({
      status: 'CLOSED',
      outcome: 'department-replied',
    });
  });
});

describe('a sensitive mail with the supervisor on duty', () => {
  it('comes back to the specialist with the supervisor’s guidance', () => {
    const state = given(historyOf.WITH_SUPERVISOR)
      .when(command('GuideReply', payloads.guide), ctx('cs-supervisor'))
      .then([events.guided]);
    expect(emailCaseProcess.custody(state)).toEqual({
      role: 'cs-email-specialist',
    });
  });

  it('closes with the guided handling reply', () => {
    given(historyOf.REPLY_GUIDED)
      .when(
        command('SendHandlingReply', payloads.reply),
        ctx('cs-email-specialist'),
      )
      .then([events.handlingReply]);
  });

  it('goes to the department and leadership when the supervisor escalates', () => {
    const state = given(historyOf.WITH_SUPERVISOR)
      .when(
        command('EscalateToDepartmentAndLeadership', payloads.escalate),
        ctx('cs-supervisor'),
      )
      .then([events.escalated]);
    expect(state).toMatchObject({
      status: 'WITH_DEPARTMENT',
      escalated: true,
      department: '市场与品牌管理部',
    });
  });
});
