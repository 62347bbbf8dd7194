import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketAlreadyExistsError,
  TicketNotFoundError,
  TicketNotInStateError,
  type RoleId,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import type { InvoiceCommand } from './invoice.commands';
import {
  TICKET_ID,
  command,
  ctx,
  historyOf,
  payloads,
} from './invoice.fixtures';
import { invoiceProcess } from './invoice.process';
import { DEFAULT_INVOICE_RULES } from './invoice.rules';
import type { InvoiceStatus } from './invoice.states';

const { given } = deciderSpec(invoiceProcess, DEFAULT_INVOICE_RULES);

type Open = Exclude<InvoiceStatus, 'NEW'>;

interface Case {
  command: InvoiceCommand;
  role: RoleId;
  inState: Open;
  wrongRole: RoleId;
  wrongState: Open;
  expected: InvoiceStatus[];
}

const CASES: Case[] = [
  {
    command: command('IssueEInvoice', payloads.issue),
    role: 'system',
    inState: 'EINVOICE_REQUESTED',
    wrongRole: 'finance-manager',
    wrongState: 'EINVOICE_ISSUED',
    expected: ['EINVOICE_REQUESTED'],
  },
  {
    command: command('SendInvoiceTasks', payloads.tasks),
    role: 'cs-phone-agent',
    inState: 'INFO_RECORDED',
    wrongRole: 'finance-manager',
    wrongState: 'AT_LIAISON',
    expected: ['INFO_RECORDED'],
  },
  {
    command: command('SubmitInvoiceApplication', {}),
    role: 'ops-invoicing-liaison',
    inState: 'AT_LIAISON',
    wrongRole: 'cs-phone-agent',
    wrongState: 'AT_FINANCE',
    expected: ['AT_LIAISON'],
  },
  {
    command: command('IssuePaperInvoice', payloads.paperIssued),
    role: 'finance-manager',
    inState: 'AT_FINANCE',
    wrongRole: 'ops-invoicing-liaison',
    wrongState: 'AT_LIAISON',
    expected: ['AT_FINANCE'],
  },
  {
    command: command('MailPaperInvoice', payloads.mail),
    role: 'ops-invoicing-liaison',
    inState: 'WITH_LIAISON',
    wrongRole: 'finance-manager',
    wrongState: 'MAILED',
    expected: ['WITH_LIAISON'],
  },
  {
    command: command('ReportInvoiceResult', payloads.result),
    role: 'ops-invoicing-liaison',
    inState: 'MAILED',
    wrongRole: 'cs-phone-agent',
    wrongState: 'CLOSED_PAPER',
    expected: ['MAILED'],
  },
  {
    command: command('RequestReissue', payloads.reissue),
    role: 'cs-phone-agent',
    inState: 'EINVOICE_ISSUED',
    wrongRole: 'finance-manager',
    wrongState: 'CLOSED_PAPER',
    expected: ['EINVOICE_ISSUED', 'REISSUED'],
  },
  {
    command: command('ApproveLateReissue', {}),
    role: 'cs-supervisor',
    inState: 'REISSUE_AT_SUPERVISOR',
    wrongRole: 'cs-phone-agent',
    wrongState: 'REISSUE_AT_FINANCE',
    expected: ['REISSUE_AT_SUPERVISOR'],
  },
  {
    command: command('RefuseLateReissue', { reason: '超期' }),
    role: 'cs-supervisor',
    inState: 'REISSUE_AT_SUPERVISOR',
    wrongRole: 'finance-manager',
    wrongState: 'REISSUED',
    expected: ['REISSUE_AT_SUPERVISOR'],
  },
  {
    command: command('ReissueInvoice', payloads.reissued),
    role: 'finance-manager',
    inState: 'REISSUE_AT_FINANCE',
    wrongRole: 'cs-supervisor',
    wrongState: 'REISSUE_AT_SUPERVISOR',
    expected: ['REISSUE_AT_FINANCE'],
  },
];

describe.each(CASES)('$command.type, refused', (c) => {
  it('as not found on a case that does not exist', () => {
    given([])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('as not found for another subsidiary', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.role, { subsidiary: 'hz' }))
      .thenThrows(TicketNotFoundError, { ticketId: TICKET_ID });
  });

  it('to a role that never issues it, naming the permission', () => {
    given(historyOf[c.inState])
      .when(c.command, ctx(c.wrongRole))
      .thenThrows(RoleNotPermittedError, {
        allowed: [c.role],
        permission: `invoice:${c.command.type}`,
      });
  });

  it('in a state that does not allow it', () => {
    given(historyOf[c.wrongState])
      .when(c.command, ctx(c.role))
      .thenThrows(TicketNotInStateError, {
        state: c.wrongState,
        expected: c.expected,
      });
  });
});

describe('the two intakes', () => {
  it('are refused on a case that exists', () => {
    given(historyOf.EINVOICE_ISSUED)
      .when(command('ApplyForEInvoice', payloads.eInvoice), ctx('user'))
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
    given(historyOf.CLOSED_PAPER)
      .when(
        command('RecordPaperInvoiceRequest', payloads.paper),
        ctx('cs-phone-agent'),
      )
      .thenThrows(TicketAlreadyExistsError, { ticketId: TICKET_ID });
  });

  it('belong to their own channel’s role', () => {
    given([])
      .when(
        command('ApplyForEInvoice', payloads.eInvoice),
        ctx('cs-phone-agent'),
      )
      .thenThrows(RoleNotPermittedError, { allowed: ['user'] });
    given([])
      .when(command('RecordPaperInvoiceRequest', payloads.paper), ctx('user'))
      .thenThrows(RoleNotPermittedError, { allowed: ['cs-phone-agent'] });
  });
});

function fieldsOf(error: InvalidCommandDataError): string[] {
  return error.fields.map((f) => f.field);
}

describe('invalid data', () => {
  it('names every failing field of an e-invoice application', () => {
    const error = given([])
      .when(
        command('ApplyForEInvoice', {
          ticketNumber: '',
          orderId: 'O',
          memberId: 'M',
          amountFen: -1,
          orderCompletedAt: '2026-03-03T00:00:00Z',
          buyer: { title: '', name: 'N', memberCardNo: 'C', email: 'nope' },
        }),
        ctx('user'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual([
      'payload.ticketNumber',
      'payload.amountFen',
      'payload.orderCompletedAt',
      'payload.buyer.title',
      'payload.buyer.email',
    ]);
  });

  it('names every failing field of the invoicing sheet', () => {
    const error = given([])
      .when(
        command('RecordPaperInvoiceRequest', {
          ...payloads.paper,
          sheet: {
            title: '抬头',
            name: '',
            phone: 'x',
            address: ' ',
            email: 'a@b',
          },
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual([
      'payload.sheet.name',
      'payload.sheet.address',
      'payload.sheet.phone',
      'payload.sheet.email',
    ]);
  });

  it.each([
    ['IssueEInvoice', 'EINVOICE_REQUESTED', 'system', 'payload.invoiceNo'],
    ['SendInvoiceTasks', 'INFO_RECORDED', 'cs-phone-agent', 'payload.tbTaskId'],
    ['IssuePaperInvoice', 'AT_FINANCE', 'finance-manager', 'payload.invoiceNo'],
    [
      'ReportInvoiceResult',
      'MAILED',
      'ops-invoicing-liaison',
      'payload.result',
    ],
    ['RequestReissue', 'EINVOICE_ISSUED', 'cs-phone-agent', 'payload.reason'],
    [
      'RefuseLateReissue',
      'REISSUE_AT_SUPERVISOR',
      'cs-supervisor',
      'payload.reason',
    ],
  ] as const)('refuses %s without its text', (type, state, role, field) => {
    const error = given(historyOf[state])
      .when(command(type, {} as never), ctx(role))
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual([field]);
  });

  it('refuses mailing without courier and tracking number', () => {
    const error = given(historyOf.WITH_LIAISON)
      .when(
        command('MailPaperInvoice', {} as never),
        ctx('ops-invoicing-liaison'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.courier', 'payload.trackingNo']);
  });

  it('refuses a reissue under the number it replaces', () => {
    const error = given(historyOf.REISSUE_AT_FINANCE)
      .when(
        command('ReissueInvoice', { invoiceNo: 'EI-0000881' }),
        ctx('finance-manager'),
      )
      .thenThrows(InvalidCommandDataError);
    expect(fieldsOf(error)).toEqual(['payload.invoiceNo']);
  });
});
