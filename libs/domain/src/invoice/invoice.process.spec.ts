import type { DecisionContext } from '../shared';
import { foldEvents } from '../shared/testing/given-when-then';
import {
  tableEdges,
  walkedEdges,
  walkThroughTable,
} from '../shared/testing/table-walk';
import type { InvoiceCommand } from './invoice.commands';
import { command, ctx, historyOf, payloads } from './invoice.fixtures';
import { invoiceProcess } from './invoice.process';
import { DEFAULT_INVOICE_RULES } from './invoice.rules';
import { INVOICE_STATES, type InvoiceStatus } from './invoice.states';
import { INVOICE_TRANSITIONS } from './invoice.transitions';

type Step = [InvoiceCommand, DecisionContext];

const later = (role: Parameters<typeof ctx>[0], day: string) =>
  ctx(role, {}, day);
const applied: Step = [
  command('ApplyForEInvoice', payloads.eInvoice),
  ctx('user'),
];
const issued: Step = [command('IssueEInvoice', payloads.issue), ctx('system')];
const reissueSoon: Step = [
  command('RequestReissue', payloads.reissue),
  later('cs-phone-agent', '2026-03-10T06:00:00Z'),
];
const reissueLate: Step = [
  command('RequestReissue', payloads.reissue),
  later('cs-phone-agent', '2026-05-10T06:00:00Z'),
];
const reissue = (no: string): Step => [
  command('ReissueInvoice', { invoiceNo: no }),
  ctx('finance-manager'),
];

const SCENARIOS: [string, Step[]][] = [
  [
    'paper, start to end',
    [
      [
        command('RecordPaperInvoiceRequest', payloads.paper),
        ctx('cs-phone-agent'),
      ],
      [command('SendInvoiceTasks', payloads.tasks), ctx('cs-phone-agent')],
      [command('SubmitInvoiceApplication', {}), ctx('ops-invoicing-liaison')],
      [
        command('IssuePaperInvoice', payloads.paperIssued),
        ctx('finance-manager'),
      ],
      [
        command('MailPaperInvoice', payloads.mail),
        ctx('ops-invoicing-liaison'),
      ],
      [
        command('ReportInvoiceResult', payloads.result),
        ctx('ops-invoicing-liaison'),
      ],
    ],
  ],
  ['an e-invoice nobody asks to reissue', [applied, issued]],
  [
    'an e-invoice reissued twice within 30 days',
    [
      applied,
      issued,
      reissueSoon,
      reissue('EI-0000999'),
      [
        command('RequestReissue', { reason: '邮箱填错' }),
        later('cs-phone-agent', '2026-03-20T06:00:00Z'),
      ],
      reissue('EI-0001000'),
    ],
  ],
  [
    'an e-invoice reissued within 30 days, then again late with approval',
    [
      applied,
      issued,
      reissueSoon,
      reissue('EI-0000999'),
      reissueLate,
      [command('ApproveLateReissue', {}), ctx('cs-supervisor')],
      reissue('EI-0001000'),
    ],
  ],
  [
    'an e-invoice whose late reissue is refused',
    [
      applied,
      issued,
      reissueLate,
      [
        command('RefuseLateReissue', { reason: '超过30天' }),
        ctx('cs-supervisor'),
      ],
    ],
  ],
];

describe('the invoice process definition', () => {
  it('has a label for every state and event, and every event in its table', () => {
    expect(invoiceProcess.stateLabels).toBe(INVOICE_STATES);
    const inTable = new Set(
      INVOICE_TRANSITIONS.flatMap((r) => r.outcomes).flatMap((o) => o.events),
    );
    expect([...inTable].sort()).toEqual([...invoiceProcess.eventTypes].sort());
  });

  it('ends at an issued e-invoice, a finished paper one, or a reissue’s end', () => {
    const terminal = Object.keys(INVOICE_STATES).filter((status) =>
      invoiceProcess.isTerminal({
        status: status as InvoiceStatus,
        reissues: 0,
      }),
    );
    expect(terminal).toEqual([
      'EINVOICE_ISSUED',
      'CLOSED_PAPER',
      'REISSUED',
      'REISSUE_REFUSED',
    ]);
  });

  it('folds each written-out history into the state it is named for', () => {
    for (const [status, history] of Object.entries(historyOf)) {
      expect(foldEvents(invoiceProcess, history).status).toBe(status);
    }
  });
});

describe.each(SCENARIOS)('a case: %s', (_, steps) => {
  it('appends only what the transition table lists, and ends', () => {
    const walk = walkThroughTable(
      invoiceProcess,
      INVOICE_TRANSITIONS,
      DEFAULT_INVOICE_RULES,
      steps,
    );
    expect(invoiceProcess.isTerminal(walk.state)).toBe(true);
  });
});

describe('the scenarios together', () => {
  it('take every rule of the table', () => {
    const taken = new Set(
      SCENARIOS.flatMap(([, steps]) => {
        const walk = walkThroughTable(
          invoiceProcess,
          INVOICE_TRANSITIONS,
          DEFAULT_INVOICE_RULES,
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
      [...new Set(tableEdges(INVOICE_TRANSITIONS))].sort(),
    );
  });
});
