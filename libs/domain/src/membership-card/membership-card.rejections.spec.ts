import {
  DeadlineNotDueError,
  DeadlineStepEndedError,
} from '../deadlines/record-deadline';
import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { MembershipCardCommand } from './membership-card.commands';
import {
  command,
  ctx,
  historyOf,
  mailed,
  notMailed,
  payloads,
  TICKET_ID,
  warning,
} from './membership-card.fixtures';
import { membershipCardProcess } from './membership-card.process';
import type { MembershipCardStatus } from './membership-card.states';

const { given } = deciderSpec(membershipCardProcess, undefined);
const AGENTS = ['cs-phone-agent', 'cs-online-agent'];

interface Case {
  command: MembershipCardCommand;
  inState: Exclude<MembershipCardStatus, 'NEW'>;
  wrongState: Exclude<MembershipCardStatus, 'NEW'>;
  expected: MembershipCardStatus[];
  /** The roles that may issue it, when more than the two agents. */
  allowed?: string[];
}

const CASES: Case[] = [
  {
    command: command('GuideSelfCheck', {}),
    inState: 'INQUIRY',
    wrongState: 'STATUS_CHECK',
    expected: ['INQUIRY'],
  },
  {
    command: command('RecordApplicationRejected', payloads.rejected),
    inState: 'STATUS_CHECK',
    wrongState: 'INQUIRY',
    expected: ['STATUS_CHECK'],
  },
  {
    command: command('LookUpCardProgress', { courier: notMailed }),
    inState: 'STATUS_CHECK',
    wrongState: 'CLOSED_REJECTED',
    expected: ['STATUS_CHECK'],
  },
  {
    command: command('CheckCourierRecord', { courier: notMailed }),
    inState: 'AWAITING_CARD',
    wrongState: 'CLOSED_SHIPPED',
    expected: ['AWAITING_CARD'],
    allowed: [...AGENTS, 'system'],
  },
];

describe.each(CASES)('$command.type, refused', (c) => {
  const role: RoleId = 'cs-phone-agent';

  it('as not found on an inquiry that does not exist', () => {
    given([])
      .when(c.command, ctx(role))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('as not found for another subsidiary, so the id leaks nothing', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(role, { subsidiary: 'hz' }))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('to the marketing post, naming the permission', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx('marketing-manager'))
      .thenThrows(RoleNotPermittedError, {
        role: 'marketing-manager',
        allowed: c.allowed ?? AGENTS,
        permission: `membership-card:${c.command.type}`,
      });
  });

  it('in a state that does not allow it, naming the states that do', () => {
    given(historyOf[c.wrongState])
      .when(c.command, ctx(role))
      .thenThrows(TicketNotInStateError, {
        state: c.wrongState,
        expected: c.expected,
        command: c.command.type,
      });
  });
});

describe('an inquiry', () => {
  it('is refused on a ticket that exists', () => {
    given(historyOf.INQUIRY)
      .when(
        command('ReceiveCardInquiry', payloads.inquiry),
        ctx('cs-phone-agent'),
      )
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('is refused to the marketing post', () => {
    given([])
      .when(
        command('ReceiveCardInquiry', payloads.inquiry),
        ctx('marketing-manager'),
      )
      .thenThrows(RoleNotPermittedError, { allowed: AGENTS });
  });

  it('is refused naming every failing field', () => {
    const error = given([])
      .when(
        command('ReceiveCardInquiry', {
          ticketNumber: 'MC-1',
          memberId: ' ',
          caller: { phone: 'call me' },
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.details().fields.map((f) => f.field)).toEqual([
      'payload.memberId',
      'payload.caller.phone',
    ]);
  });
});

describe('the courier look-up', () => {
  it('is refused when the runtime filled in nothing', () => {
    given(historyOf.STATUS_CHECK)
      .when(command('LookUpCardProgress', {}), ctx('cs-phone-agent'))
      .thenThrows(InvalidCommandDataError);
  });

  it('is refused when a found record lacks its tracking number', () => {
    given(historyOf.STATUS_CHECK)
      .when(
        command('LookUpCardProgress', {
          courier: { ...mailed, trackingNo: undefined },
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
  });

  it('refuses a blank rejection reason (absent means unknown)', () => {
    given(historyOf.STATUS_CHECK)
      .when(
        command('RecordApplicationRejected', { reason: ' ' }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
  });
});

describe('a timer', () => {
  it('is refused before its level is due', () => {
    given(historyOf.AWAITING_CARD)
      .when(command('RecordDeadline', warning), ctx('system'))
      .thenThrows(DeadlineNotDueError, { dueAt: warning.dueAt });
  });

  it('is refused once the case has left the waiting step', () => {
    given(historyOf.CLOSED_SHIPPED)
      .when(command('RecordDeadline', warning), ctx('system'))
      .thenThrows(TicketNotInStateError);
    given(historyOf.AWAITING_CARD)
      .when(
        command('RecordDeadline', { ...warning, step: 'STATUS_CHECK' }),
        ctx('system', {}, warning.dueAt),
      )
      .thenThrows(DeadlineStepEndedError, { step: 'STATUS_CHECK' });
  });

  it('is refused to a person', () => {
    given(historyOf.AWAITING_CARD)
      .when(command('RecordDeadline', warning), ctx('cs-phone-agent'))
      .thenThrows(RoleNotPermittedError, { allowed: ['system'] });
  });
});
