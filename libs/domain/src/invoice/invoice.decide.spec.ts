import { deciderSpec } from '../shared/testing/given-when-then';
import {
  EligibleForEInvoiceError,
  NotEligibleForEInvoiceError,
} from './invoice.errors';
import {
  command,
  ctx,
  events,
  historyOf,
  NOW,
  payloads,
  TICKET_ID,
} from './invoice.fixtures';
import { invoiceProcess } from './invoice.process';
import { DEFAULT_INVOICE_RULES, invoiceRoute } from './invoice.rules';

const { given } = deciderSpec(invoiceProcess, DEFAULT_INVOICE_RULES);

describe('the route rule of 4.1–4.2, at its boundaries', () => {
  const rules = DEFAULT_INVOICE_RULES;
  it.each([
    ['10.01 yuan, 89 days', 1001, '2025-12-03T12:00:00+08:00', 'e-invoice', []],
    [
      'exactly 10 yuan (not above it)',
      1000,
      '2026-02-20T12:00:00+08:00',
      'paper',
      ['amount-not-above-threshold'],
    ],
    [
      'exactly 90 days (九十天及以上)',
      5000,
      '2025-12-02T23:59:59+08:00',
      'paper',
      ['order-too-old'],
    ],
    [
      'both',
      999,
      '2025-11-01T08:00:00+08:00',
      'paper',
      ['amount-not-above-threshold', 'order-too-old'],
    ],
  ])('routes %s', (_, amountFen, completedAt, route, reasons) => {
    expect(invoiceRoute(amountFen, completedAt, NOW, rules)).toMatchObject({
      route,
      reasons,
    });
  });

  it('counts order age in Shanghai calendar days, not 24-hour spans', () => {
    // 23:30 on 1 March in Shanghai is one day before 00:10 on 2 March.
    expect(
      invoiceRoute(5000, '2026-03-01T15:30:00Z', '2026-03-01T16:10:00Z', rules)
        .orderAgeDays,
    ).toBe(1);
  });
});

describe('a user applies for an e-invoice in the app (4.1 yes, 4.9)', () => {
  it('records the check and the application, and the system holds it', () => {
    const state = given([])
      .when(command('ApplyForEInvoice', payloads.eInvoice), ctx('user'))
      .then([events.appRequested, events.eligible, events.eApplied]);

    expect(state.status).toBe('EINVOICE_REQUESTED');
    expect(invoiceProcess.custody(state)).toEqual({ role: 'system' });
  });

  it('is issued by the system, and the process ends', () => {
    const state = given(historyOf.EINVOICE_REQUESTED)
      .when(command('IssueEInvoice', payloads.issue), ctx('system'))
      .then([events.eIssued]);

    expect(state).toMatchObject({
      status: 'EINVOICE_ISSUED',
      invoiceNo: 'EI-0000881',
      firstIssuedAt: NOW,
    });
    expect(invoiceProcess.isTerminal(state)).toBe(true);
    expect(invoiceProcess.custody(state)).toEqual({ role: null });
  });

  it('is refused for an order of exactly 10 yuan, naming the reason', () => {
    given([])
      .when(
        command('ApplyForEInvoice', { ...payloads.eInvoice, amountFen: 1000 }),
        ctx('user'),
      )
      .thenThrows(NotEligibleForEInvoiceError, {
        code: 'NOT_ELIGIBLE_FOR_E_INVOICE',
        orderId: payloads.eInvoice.orderId,
      });
  });

  it('is refused for an order 90 days old', () => {
    const error = given([])
      .when(
        command('ApplyForEInvoice', {
          ...payloads.eInvoice,
          orderCompletedAt: '2025-12-02T02:00:00Z',
        }),
        ctx('user'),
      )
      .thenThrows(NotEligibleForEInvoiceError);
    expect(error.details()).toMatchObject({
      orderAgeDays: 90,
      reasons: ['order-too-old'],
    });
  });
});

describe('a paper invoice by phone (4.3–4.8)', () => {
  it('records the request, the route and 《用户开票信息表》', () => {
    const state = given([])
      .when(
        command('RecordPaperInvoiceRequest', payloads.paper),
        ctx('cs-phone-agent'),
      )
      .then([events.phoneRequested, events.paperRoute, events.sheetRecorded]);
    expect(state.status).toBe('INFO_RECORDED');
  });

  it('is refused for an order the app invoices, so the user is sent there', () => {
    given([])
      .when(
        command('RecordPaperInvoiceRequest', {
          ...payloads.paper,
          amountFen: 1001,
        }),
        ctx('cs-phone-agent'),
      )
      .thenThrows(EligibleForEInvoiceError, {
        code: 'ELIGIBLE_FOR_E_INVOICE',
        orderId: payloads.paper.orderId,
      });
  });

  it('accepts an old order above 10 yuan', () => {
    const state = given([])
      .when(
        command('RecordPaperInvoiceRequest', {
          ...payloads.paper,
          amountFen: 8000,
          orderCompletedAt: '2025-10-01T02:00:00Z',
        }),
        ctx('cs-phone-agent'),
      )
      .then([
        {
          ...events.phoneRequested,
          data: {
            ...events.phoneRequested.data,
            amountFen: 8000,
            orderCompletedAt: '2025-10-01T02:00:00.000Z',
          },
        } as never,
        {
          ...events.paperRoute,
          data: {
            ...events.paperRoute.data,
            amountFen: 8000,
            orderAgeDays: 152,
            reasons: ['order-too-old'],
          },
        } as never,
        events.sheetRecorded,
      ]);
    expect(state.route?.reasons).toEqual(['order-too-old']);
  });

  it('sends a TB task to finance and the info to the liaison (4.4)', () => {
    const state = given(historyOf.INFO_RECORDED)
      .when(command('SendInvoiceTasks', payloads.tasks), ctx('cs-phone-agent'))
      .then([events.tbTask, events.toLiaison]);
    expect(invoiceProcess.custody(state)).toEqual({
      role: 'ops-invoicing-liaison',
    });
  });

  it('goes to finance on the liaison’s application (4.5)', () => {
    const state = given(historyOf.AT_LIAISON)
      .when(
        command('SubmitInvoiceApplication', {}),
        ctx('ops-invoicing-liaison'),
      )
      .then([events.submitted]);
    expect(invoiceProcess.custody(state)).toEqual({ role: 'finance-manager' });
  });

  it('is issued by finance for the order’s amount and handed over (4.6)', () => {
    const state = given(historyOf.AT_FINANCE)
      .when(
        command('IssuePaperInvoice', payloads.paperIssued),
        ctx('finance-manager'),
      )
      .then([events.paperIssued, events.handed]);
    expect(state.status).toBe('WITH_LIAISON');
  });

  it('is mailed, then reported to the centre, which ends it (4.7–4.8)', () => {
    const mailed = given(historyOf.WITH_LIAISON)
      .when(
        command('MailPaperInvoice', payloads.mail),
        ctx('ops-invoicing-liaison'),
      )
      .then([events.mailed]);
    expect(mailed.trackingNo).toBe('SF1234567890');

    const closed = given(historyOf.MAILED)
      .when(
        command('ReportInvoiceResult', payloads.result),
        ctx('ops-invoicing-liaison'),
      )
      .then([events.reported]);
    expect(invoiceProcess.isTerminal(closed)).toBe(true);
  });
});

describe('a reissue call (4.10–4.11), checked against the first invoice’s age', () => {
  const at = (day: string) => ctx('cs-phone-agent', {}, day);

  it('goes to finance on day 30', () => {
    const state = given(historyOf.EINVOICE_ISSUED)
      .when(
        command('RequestReissue', payloads.reissue),
        at('2026-04-01T06:00:00Z'),
      )
      .then([
        events.reissueAsked,
        {
          ...events.withinLimit,
          data: { ...events.withinLimit.data, daysSinceFirstIssue: 30 },
        } as never,
      ]);
    expect(state.status).toBe('REISSUE_AT_FINANCE');
  });

  it('goes to the supervisor on day 31', () => {
    const state = given(historyOf.EINVOICE_ISSUED)
      .when(
        command('RequestReissue', payloads.reissue),
        at('2026-04-02T06:00:00Z'),
      )
      .then([events.reissueAsked, events.overLimit]);
    expect(invoiceProcess.custody(state)).toEqual({ role: 'cs-supervisor' });
  });

  it('is reissued by finance, replacing the old number', () => {
    const state = given(historyOf.REISSUE_AT_FINANCE)
      .when(
        command('ReissueInvoice', payloads.reissued),
        ctx('finance-manager'),
      )
      .then([events.reissued]);
    expect(state).toMatchObject({
      status: 'REISSUED',
      invoiceNo: 'EI-0000999',
      reissues: 1,
    });
  });

  it('reaches finance when the supervisor approves a late one', () => {
    given(historyOf.REISSUE_AT_SUPERVISOR)
      .when(command('ApproveLateReissue', {}), ctx('cs-supervisor'))
      .then([events.approved]);
  });

  it('ends when the supervisor refuses a late one', () => {
    const state = given(historyOf.REISSUE_AT_SUPERVISOR)
      .when(
        command('RefuseLateReissue', { reason: '超过30天' }),
        ctx('cs-supervisor'),
      )
      .then([events.refused]);
    expect(state.status).toBe('REISSUE_REFUSED');
  });

  it('counts a second reissue from the first invoice', () => {
    given(historyOf.REISSUED)
      .when(
        command('RequestReissue', payloads.reissue),
        at('2026-04-02T06:00:00Z'),
      )
      .then([events.reissueAsked, events.overLimit]);
  });

  it('keeps the ticket id of the case it reopens', () => {
    const state = given(historyOf.REISSUED).state;
    expect(state.ticketNumber).toBe('IV-20260302-0001');
    expect(TICKET_ID).toMatch(/^[0-9a-f-]{36}$/);
  });
});
