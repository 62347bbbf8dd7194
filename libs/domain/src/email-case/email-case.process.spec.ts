import { nextEventTypesByTable, type DecisionContext } from '../shared';
import { foldEvents } from '../shared/testing/given-when-then';
import {
  tableEdges,
  walkedEdges,
  walkThroughTable,
} from '../shared/testing/table-walk';
import {
  EMAIL_CASE_COMMAND_TYPES,
  type EmailCaseCommand,
} from './email-case.commands';
import { command, ctx, historyOf, payloads } from './email-case.fixtures';
import { emailCaseProcess } from './email-case.process';
import { EMAIL_CASE_STATES, type EmailCaseStatus } from './email-case.states';
import { EMAIL_CASE_TRANSITIONS } from './email-case.transitions';

type Step = [EmailCaseCommand, DecisionContext];

const specialist = ctx('cs-email-specialist');
const supervisor = ctx('cs-supervisor');
const department = ctx('related-department');
const received: Step = [
  command('ReceiveMail', payloads.receive),
  ctx('system'),
];
const triage = (payload: EmailCaseCommand['payload']): Step => [
  command('TriageMail', payload as never),
  specialist,
];
const reply: Step = [command('SendHandlingReply', payloads.reply), specialist];

/** Whole cases, start to end, that together take every rule. */
const SCENARIOS: [string, Step[]][] = [
  [
    'answered from the FAQ',
    [
      received,
      triage(payloads.ordinary),
      [command('ReplyFromFaq', payloads.faq), specialist],
    ],
  ],
  [
    'not directly answerable, followed up under a label',
    [
      received,
      triage(payloads.notAnswerable),
      [command('SubmitIncident', payloads.incident), specialist],
      [command('LabelForFollowUp', payloads.label), specialist],
      reply,
    ],
  ],
  [
    'not directly answerable, answered without a label',
    [
      received,
      triage(payloads.notAnswerable),
      [command('SubmitIncident', payloads.incident), specialist],
      reply,
    ],
  ],
  [
    'for another department',
    [
      received,
      triage(payloads.otherDepartment),
      [command('ForwardToDepartment', payloads.forward), specialist],
      [command('RecordDepartmentReply', payloads.departmentReply), department],
    ],
  ],
  [
    'sensitive, answered with the supervisor’s guidance',
    [
      received,
      triage(payloads.sensitive),
      [command('GuideReply', payloads.guide), supervisor],
      reply,
    ],
  ],
  [
    'sensitive, escalated to the department and leadership',
    [
      received,
      triage(payloads.sensitive),
      [
        command('EscalateToDepartmentAndLeadership', payloads.escalate),
        supervisor,
      ],
      [command('RecordDepartmentReply', payloads.departmentReply), department],
    ],
  ],
];

describe('the email-case process definition', () => {
  it('is named for its streams and its users', () => {
    expect(emailCaseProcess.processId).toBe('email-case');
    expect(emailCaseProcess.title.zh).toBe('邮件客服');
  });

  it('lists every command, and a label for every state and event', () => {
    expect(emailCaseProcess.commandTypes).toEqual(EMAIL_CASE_COMMAND_TYPES);
    expect(Object.keys(emailCaseProcess.eventLabels)).toEqual(
      emailCaseProcess.eventTypes,
    );
    expect(emailCaseProcess.stateLabels).toBe(EMAIL_CASE_STATES);
  });

  it('names every event type in the transition table, and only those', () => {
    const inTable = new Set(
      EMAIL_CASE_TRANSITIONS.flatMap((r) => r.outcomes).flatMap(
        (o) => o.events,
      ),
    );
    expect([...inTable].sort()).toEqual(
      [...emailCaseProcess.eventTypes].sort(),
    );
  });

  it('ends at CLOSED only', () => {
    const terminal = Object.keys(EMAIL_CASE_STATES).filter((status) =>
      emailCaseProcess.isTerminal({ status: status as EmailCaseStatus }),
    );
    expect(terminal).toEqual(['CLOSED']);
  });

  it('folds each written-out history into the state it is named for', () => {
    for (const [status, history] of Object.entries(historyOf)) {
      expect(foldEvents(emailCaseProcess, history).status).toBe(status);
    }
  });
});

describe.each(SCENARIOS)('a mail %s', (_, steps) => {
  it('appends only what the transition table lists, and ends closed', () => {
    const walk = walkThroughTable(
      emailCaseProcess,
      EMAIL_CASE_TRANSITIONS,
      undefined,
      steps,
    );
    expect(emailCaseProcess.isTerminal(walk.state)).toBe(true);
  });
});

describe('the scenarios together', () => {
  it('take every rule of the table', () => {
    const taken = new Set(
      SCENARIOS.flatMap(([, steps]) => {
        const walk = walkThroughTable(
          emailCaseProcess,
          EMAIL_CASE_TRANSITIONS,
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
      [...new Set(tableEdges(EMAIL_CASE_TRANSITIONS))].sort(),
    );
  });
});

describe('what may come next in a stream', () => {
  it('expects the supervisor report right after a sensitive triage', () => {
    expect(
      nextEventTypesByTable(
        EMAIL_CASE_TRANSITIONS,
        'MAIL_RECEIVED',
        'email-case.mail-triaged',
      ),
    ).toEqual(['email-case.reported-to-on-duty-supervisor']);
  });

  it('expects a label or the handling reply once the incident is in', () => {
    expect(
      nextEventTypesByTable(EMAIL_CASE_TRANSITIONS, 'IN_PROGRESS'),
    ).toEqual([
      'email-case.follow-up-labelled',
      'email-case.handling-reply-sent',
    ]);
  });
});
