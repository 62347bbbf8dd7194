import {
  authoriseByTable,
  FieldChecks,
  isRecord,
  type DecisionContext,
} from '../shared';
import { MAIL_CATEGORIES } from './email-case.categories';
import type {
  EmailCaseCommand,
  EscalateToDepartmentAndLeadership,
  ForwardToDepartment,
  GuideReply,
  LabelForFollowUp,
  OlderUntriagedMail,
  ReceiveMail,
  RecordDepartmentReply,
  ReplyFromFaq,
  SendHandlingReply,
  SubmitIncident,
  TriageMail,
} from './email-case.commands';
import { OlderMailUntriagedError } from './email-case.errors';
import { emailCaseEvent as event } from './email-case.event-factory';
import type { EmailCaseEvent } from './email-case.events';
import type { EmailCaseState } from './email-case.state';
import { EMAIL_CASE_TRANSITIONS } from './email-case.transitions';

export const EMAIL_CASE_PROCESS_ID = 'email-case';

// Enough for `local@domain`; the mailbox has already delivered it.
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}

function text(checks: FieldChecks, field: string, value: unknown): boolean {
  if (typeof value === 'string') return true;
  checks.fail(field, 'must be a string');
  return false;
}

/** Trigger: a new mail, as the mailbox gave it. */
function decideReceive(
  command: ReceiveMail,
  context: DecisionContext,
): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.ticketNumber', p.ticketNumber);
    checks.nonBlank('payload.messageId', p.messageId);
    if (checks.record('payload.from', p.from)) {
      const address = p.from.address;
      if (typeof address !== 'string' || !ADDRESS.test(address)) {
        checks.fail('payload.from.address', 'must be an e-mail address');
      }
      checks.optionalString('payload.from.name', p.from.name);
    }
    // A mail may come without a subject or a text body.
    text(checks, 'payload.subject', p.subject);
    text(checks, 'payload.body', p.body);
    if (p.sentAt !== undefined) checks.isoInstant('payload.sentAt', p.sentAt);
    // The mailbox's time stands however old the mail (a mailbox first
    // read may hold old ones); a time typed in by hand must be recent.
    checks.pastInstant('payload.receivedAt', p.receivedAt, context.now, {
      anyAge: context.actor.kind === 'automatic',
    });
  }
  checks.throwIfAny(command.type);

  const { ticketNumber, messageId, from, subject, body, sentAt } =
    command.payload;
  return [
    event('email-case.mail-received', {
      ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      messageId,
      from:
        from.name === undefined
          ? { address: from.address }
          : { address: from.address, name: from.name },
      subject,
      body,
      sentAt: sentAt === undefined ? undefined : iso(sentAt),
      receivedAt: iso(command.payload.receivedAt),
    }),
  ];
}

function iso(instant: string): string {
  return new Date(instant).toISOString();
}

function checkOlder(checks: FieldChecks, value: unknown): boolean {
  if (value === undefined) return true;
  const valid =
    Array.isArray(value) &&
    value.every(
      (mail) =>
        isRecord(mail) &&
        typeof mail.ticketId === 'string' &&
        typeof mail.receivedAt === 'string',
    );
  if (!valid) {
    checks.fail('payload.olderUntriaged', 'must be a list of older mails');
  }
  return valid;
}

/**
 * 根据邮件内容归类, in order of receipt: refused while an older mail
 * waits untriaged. A sensitive mail goes to the supervisor on duty in the
 * same step (立即).
 */
function decideTriage(
  command: TriageMail,
  state: EmailCaseState,
): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.oneOf('payload.category', p.category, MAIL_CATEGORIES);
    checks.optionalString('payload.note', p.note);
    checkOlder(checks, p.olderUntriaged);
  }
  checks.throwIfAny(command.type);

  const { category, note, olderUntriaged = [] } = command.payload;
  const oldest = oldestOf(olderUntriaged);
  if (oldest) {
    throw new OlderMailUntriagedError(
      command.ticketId,
      state.receivedAt as string,
      oldest,
    );
  }
  const triaged = event('email-case.mail-triaged', { category, note });
  return category === 'sensitive'
    ? [triaged, event('email-case.reported-to-on-duty-supervisor', { note })]
    : [triaged];
}

function oldestOf(
  mails: readonly OlderUntriagedMail[],
): OlderUntriagedMail | undefined {
  return [...mails].sort(
    (a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt),
  )[0];
}

function decideFaqReply(command: ReplyFromFaq): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.faqReference', p.faqReference);
    checks.nonBlank('payload.reply', p.reply);
  }
  checks.throwIfAny(command.type);

  const { faqReference, reply } = command.payload;
  return [event('email-case.replied-from-faq', { faqReference, reply })];
}

function decideIncident(command: SubmitIncident): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.incidentReference', p.incidentReference);
    checks.optionalString('payload.userNotice', p.userNotice);
  }
  checks.throwIfAny(command.type);

  const { incidentReference, userNotice } = command.payload;
  return [
    event('email-case.incident-submitted', { incidentReference }),
    event('email-case.user-told-in-progress', { notice: userNotice }),
  ];
}

function decideLabel(command: LabelForFollowUp): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.label', p.label);
  checks.throwIfAny(command.type);

  return [
    event('email-case.follow-up-labelled', { label: command.payload.label }),
  ];
}

function decideHandlingReply(command: SendHandlingReply): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.reply', p.reply);
  checks.throwIfAny(command.type);

  return [
    event('email-case.handling-reply-sent', { reply: command.payload.reply }),
  ];
}

function decideForward(command: ForwardToDepartment): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.department', p.department);
    checks.nonBlank('payload.owner', p.owner);
    checks.optionalString('payload.userNotice', p.userNotice);
  }
  checks.throwIfAny(command.type);

  const { department, owner, userNotice } = command.payload;
  return [
    event('email-case.user-told-forwarded', {
      department,
      notice: userNotice,
    }),
    event('email-case.mail-forwarded-to-department', { department, owner }),
  ];
}

function decideGuide(command: GuideReply): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.guidance', p.guidance);
  checks.throwIfAny(command.type);

  return [
    event('email-case.supervisor-guided-reply', {
      guidance: command.payload.guidance,
    }),
  ];
}

function decideEscalate(
  command: EscalateToDepartmentAndLeadership,
): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checks.nonBlank('payload.department', p.department);
    checks.nonBlank('payload.leadership', p.leadership);
    checks.nonBlank('payload.summary', p.summary);
  }
  checks.throwIfAny(command.type);

  const { department, leadership, summary } = command.payload;
  return [
    event('email-case.escalated-to-department-and-leadership', {
      department,
      leadership,
      summary,
    }),
  ];
}

function decideDepartmentReply(
  command: RecordDepartmentReply,
): EmailCaseEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) checks.nonBlank('payload.reply', p.reply);
  checks.throwIfAny(command.type);

  return [
    event('email-case.department-replied', { reply: command.payload.reply }),
  ];
}

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state first (from the transition table), then every failing field at
 * once, then the process's own rules.
 */
export function decideEmailCase(
  command: EmailCaseCommand,
  state: EmailCaseState,
  context: DecisionContext,
): EmailCaseEvent[] {
  authoriseByTable(
    EMAIL_CASE_PROCESS_ID,
    EMAIL_CASE_TRANSITIONS,
    command,
    state,
    context,
  );

  switch (command.type) {
    case 'ReceiveMail':
      return decideReceive(command, context);
    case 'TriageMail':
      return decideTriage(command, state);
    case 'ReplyFromFaq':
      return decideFaqReply(command);
    case 'SubmitIncident':
      return decideIncident(command);
    case 'LabelForFollowUp':
      return decideLabel(command);
    case 'SendHandlingReply':
      return decideHandlingReply(command);
    case 'ForwardToDepartment':
      return decideForward(command);
    case 'GuideReply':
      return decideGuide(command);
    case 'EscalateToDepartmentAndLeadership':
      return decideEscalate(command);
    case 'RecordDepartmentReply':
      return decideDepartmentReply(command);
    default: {
      // The table has already refused a type it does not list.
      const unknown: never = command;
      return unknown;
    }
  }
}
