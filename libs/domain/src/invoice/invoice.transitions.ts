import type { TableRule } from '../shared';
import type { InvoiceCommandType } from './invoice.commands';
import type { InvoiceEventType } from './invoice.events';
import type { InvoiceStatus } from './invoice.states';

export type InvoiceRule = TableRule<
  InvoiceCommandType,
  InvoiceEventType,
  InvoiceStatus
>;

const REISSUE: readonly InvoiceEventType[] = [
  'invoice.reissue-requested',
  'invoice.reissue-age-checked',
];

function reissueFrom(from: InvoiceStatus): InvoiceRule {
  // The 30-day check (4.11): within 30 days finance reissues; beyond, the
  // supervisor decides (the manual's text ends at the check).
  return {
    command: 'RequestReissue',
    from,
    roles: ['cs-phone-agent'],
    outcomes: [
      { events: REISSUE, to: 'REISSUE_AT_FINANCE' },
      { events: REISSUE, to: 'REISSUE_AT_SUPERVISOR' },
    ],
  };
}

/** Which role may issue which command in which state, and what it appends. */
export const INVOICE_TRANSITIONS: readonly InvoiceRule[] = [
  {
    // 4.9, with the system's check of 4.1: refused unless it passes.
    command: 'ApplyForEInvoice',
    from: 'NEW',
    roles: ['user'],
    outcomes: [
      {
        events: [
          'invoice.requested',
          'invoice.eligibility-checked',
          'invoice.e-invoice-applied',
        ],
        to: 'EINVOICE_REQUESTED',
      },
    ],
  },
  {
    command: 'IssueEInvoice',
    from: 'EINVOICE_REQUESTED',
    roles: ['system'],
    outcomes: [{ events: ['invoice.e-invoice-issued'], to: 'EINVOICE_ISSUED' }],
  },
  {
    command: 'RecordPaperInvoiceRequest',
    from: 'NEW',
    roles: ['cs-phone-agent'],
    outcomes: [
      {
        events: [
          'invoice.requested',
          'invoice.eligibility-checked',
          'invoice.invoice-info-recorded',
        ],
        to: 'INFO_RECORDED',
      },
    ],
  },
  {
    command: 'SendInvoiceTasks',
    from: 'INFO_RECORDED',
    roles: ['cs-phone-agent'],
    outcomes: [
      {
        events: [
          'invoice.finance-task-created',
          'invoice.info-sent-to-liaison',
        ],
        to: 'AT_LIAISON',
      },
    ],
  },
  {
    command: 'SubmitInvoiceApplication',
    from: 'AT_LIAISON',
    roles: ['ops-invoicing-liaison'],
    outcomes: [{ events: ['invoice.application-submitted'], to: 'AT_FINANCE' }],
  },
  {
    command: 'IssuePaperInvoice',
    from: 'AT_FINANCE',
    roles: ['finance-manager'],
    outcomes: [
      {
        events: [
          'invoice.paper-invoice-issued',
          'invoice.paper-invoice-handed-to-liaison',
        ],
        to: 'WITH_LIAISON',
      },
    ],
  },
  {
    command: 'MailPaperInvoice',
    from: 'WITH_LIAISON',
    roles: ['ops-invoicing-liaison'],
    outcomes: [{ events: ['invoice.paper-invoice-mailed'], to: 'MAILED' }],
  },
  {
    command: 'ReportInvoiceResult',
    from: 'MAILED',
    roles: ['ops-invoicing-liaison'],
    outcomes: [
      { events: ['invoice.result-reported-to-centre'], to: 'CLOSED_PAPER' },
    ],
  },
  reissueFrom('EINVOICE_ISSUED'),
  // A second reissue still counts from the first invoice.
  reissueFrom('REISSUED'),
  {
    command: 'ApproveLateReissue',
    from: 'REISSUE_AT_SUPERVISOR',
    roles: ['cs-supervisor'],
    outcomes: [
      { events: ['invoice.late-reissue-approved'], to: 'REISSUE_AT_FINANCE' },
    ],
  },
  {
    command: 'RefuseLateReissue',
    from: 'REISSUE_AT_SUPERVISOR',
    roles: ['cs-supervisor'],
    outcomes: [
      { events: ['invoice.late-reissue-refused'], to: 'REISSUE_REFUSED' },
    ],
  },
  {
    command: 'ReissueInvoice',
    from: 'REISSUE_AT_FINANCE',
    roles: ['finance-manager'],
    outcomes: [{ events: ['invoice.invoice-reissued'], to: 'REISSUED' }],
  },
];
