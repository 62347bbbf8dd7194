import {
  authoriseByTable,
  checkFen,
  eventFactory,
  FieldChecks,
  type DecisionContext,
} from '../shared';
import type {
  ApplyForEInvoice,
  InvoiceCommand,
  RecordPaperInvoiceRequest,
} from './invoice.commands';
import {
  EligibleForEInvoiceError,
  NotEligibleForEInvoiceError,
} from './invoice.errors';
import type { InvoiceEvent } from './invoice.events';
import {
  DEFAULT_INVOICE_RULES,
  invoiceRoute,
  shanghaiDaysBetween,
  type InvoiceRules,
} from './invoice.rules';
import type { InvoiceState } from './invoice.state';
import { INVOICE_TRANSITIONS } from './invoice.transitions';

export const INVOICE_PROCESS_ID = 'invoice';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const event = eventFactory<InvoiceEvent>(1);

function payloadChecks(payload: unknown) {
  const checks = new FieldChecks();
  const p = checks.record('payload', payload) ? payload : undefined;
  return { checks, p };
}

function checkOrder(
  checks: FieldChecks,
  p: Record<string, unknown>,
  context: DecisionContext,
): void {
  for (const field of ['ticketNumber', 'orderId', 'memberId'] as const) {
    checks.nonBlank(`payload.${field}`, p[field]);
  }
  checkFen(checks, 'payload.amountFen', p.amountFen, { positive: true });
  if (
    checks.isoInstant('payload.orderCompletedAt', p.orderCompletedAt) &&
    Date.parse(p.orderCompletedAt) > Date.parse(context.now)
  ) {
    checks.fail(
      'payload.orderCompletedAt',
      'must not be after the decision time',
    );
  }
}

function checkEmail(checks: FieldChecks, field: string, value: unknown) {
  if (typeof value !== 'string' || !EMAIL.test(value)) {
    checks.fail(field, 'must be an e-mail address');
  }
}

function opening(
  command: ApplyForEInvoice | RecordPaperInvoiceRequest,
  channel: 'app' | 'phone',
  context: DecisionContext,
  rules: InvoiceRules,
) {
  const p = command.payload;
  const route = invoiceRoute(
    p.amountFen,
    p.orderCompletedAt,
    context.now,
    rules,
  );
  const events = [
    event('invoice.requested', {
      ticketNumber: p.ticketNumber,
      subsidiaryId: context.actor.subsidiary,
      channel,
      orderId: p.orderId,
      memberId: p.memberId,
      amountFen: p.amountFen,
      orderCompletedAt: new Date(p.orderCompletedAt).toISOString(),
    }),
    event('invoice.eligibility-checked', {
      ...route,
      rules: {
        eInvoiceAboveFen: rules.eInvoiceAboveFen,
        maxOrderAgeDays: rules.maxOrderAgeDays,
      },
    }),
  ];
  return { route, events };
}

/** 4.9 with 4.1's check: an e-invoice only if the rules allow it. */
function decideEInvoice(
  command: ApplyForEInvoice,
  context: DecisionContext,
  rules: InvoiceRules,
): InvoiceEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checkOrder(checks, p, context);
    if (checks.record('payload.buyer', p.buyer)) {
      checks.nonBlank('payload.buyer.title', p.buyer.title);
      checks.nonBlank('payload.buyer.name', p.buyer.name);
      checks.nonBlank('payload.buyer.memberCardNo', p.buyer.memberCardNo);
      checkEmail(checks, 'payload.buyer.email', p.buyer.email);
    }
  }
  checks.throwIfAny(command.type);

  const { route, events } = opening(command, 'app', context, rules);
  if (route.route !== 'e-invoice') {
    throw new NotEligibleForEInvoiceError(command.payload.orderId, route);
  }
  const { title, name, memberCardNo, email } = command.payload.buyer;
  return [
    ...events,
    event('invoice.e-invoice-applied', {
      buyer: { title, name, memberCardNo, email },
    }),
  ];
}

/** 4.3–4.4: a paper invoice, for an order the app may not invoice. */
function decidePaper(
  command: RecordPaperInvoiceRequest,
  context: DecisionContext,
  rules: InvoiceRules,
): InvoiceEvent[] {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    checkOrder(checks, p, context);
    if (checks.record('payload.sheet', p.sheet)) {
      const sheet = p.sheet;
      for (const field of ['title', 'name', 'address'] as const) {
        checks.nonBlank(`payload.sheet.${field}`, sheet[field]);
      }
      checks.phoneNumber('payload.sheet.phone', sheet.phone);
      checks.optionalNonBlank('payload.sheet.taxId', sheet.taxId);
      if (sheet.email !== undefined) {
        checkEmail(checks, 'payload.sheet.email', sheet.email);
      }
    }
  }
  checks.throwIfAny(command.type);

  const { route, events } = opening(command, 'phone', context, rules);
  if (route.route === 'e-invoice') {
    throw new EligibleForEInvoiceError(command.payload.orderId, route);
  }
  const { title, name, phone, address, taxId, email } = command.payload.sheet;
  return [
    ...events,
    event('invoice.invoice-info-recorded', {
      sheet: {
        title,
        name,
        phone,
        address,
        ...(taxId !== undefined && { taxId }),
        ...(email !== undefined && { email }),
      },
    }),
  ];
}

/** The command's one required text field, or none. */
function simple(
  command: InvoiceCommand,
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, string> {
  const { checks, p } = payloadChecks(command.payload);
  if (p) {
    for (const field of required) checks.nonBlank(`payload.${field}`, p[field]);
    for (const field of optional) {
      checks.optionalString(`payload.${field}`, p[field]);
    }
  }
  checks.throwIfAny(command.type);
  return command.payload as Record<string, string>;
}

/**
 * The events a command appends, or a `DomainError`: existence, role and
 * state from the transition table, then the data, then P21's rules.
 */
export function decideInvoice(
  command: InvoiceCommand,
  state: InvoiceState,
  context: DecisionContext,
  rules: InvoiceRules = DEFAULT_INVOICE_RULES,
): InvoiceEvent[] {
  authoriseByTable(
    INVOICE_PROCESS_ID,
    INVOICE_TRANSITIONS,
    command,
    state,
    context,
  );

  switch (command.type) {
    case 'ApplyForEInvoice':
      return decideEInvoice(command, context, rules);
    case 'IssueEInvoice': {
      const { invoiceNo } = simple(command, ['invoiceNo']);
      return [
        event('invoice.e-invoice-issued', { invoiceNo, issuedAt: context.now }),
      ];
    }
    case 'RecordPaperInvoiceRequest':
      return decidePaper(command, context, rules);
    case 'SendInvoiceTasks': {
      const { tbTaskId, note } = simple(command, ['tbTaskId'], ['note']);
      return [
        event('invoice.finance-task-created', { tbTaskId }),
        event('invoice.info-sent-to-liaison', { note }),
      ];
    }
    case 'SubmitInvoiceApplication': {
      const { note } = simple(command, [], ['note']);
      return [event('invoice.application-submitted', { note })];
    }
    case 'IssuePaperInvoice': {
      const { invoiceNo } = simple(command, ['invoiceNo']);
      return [
        event('invoice.paper-invoice-issued', {
          invoiceNo,
          amountFen: state.amountFen as number,
          issuedAt: context.now,
        }),
        event('invoice.paper-invoice-handed-to-liaison', {}),
      ];
    }
    case 'MailPaperInvoice': {
      const { courier, trackingNo } = simple(command, [
        'courier',
        'trackingNo',
      ]);
      return [
        event('invoice.paper-invoice-mailed', {
          courier,
          trackingNo,
          mailedAt: context.now,
        }),
      ];
    }
    case 'ReportInvoiceResult': {
      const { result } = simple(command, ['result']);
      return [event('invoice.result-reported-to-centre', { result })];
    }
    case 'RequestReissue': {
      const { reason } = simple(command, ['reason']);
      const firstIssuedAt = state.firstIssuedAt as string;
      const days = shanghaiDaysBetween(firstIssuedAt, context.now);
      return [
        event('invoice.reissue-requested', { reason }),
        event('invoice.reissue-age-checked', {
          firstIssuedAt,
          daysSinceFirstIssue: days,
          limitDays: rules.reissueLimitDays,
          // 超过30天: day 30 itself is not over.
          overLimit: days > rules.reissueLimitDays,
        }),
      ];
    }
    case 'ApproveLateReissue': {
      const { note } = simple(command, [], ['note']);
      return [event('invoice.late-reissue-approved', { note })];
    }
    case 'RefuseLateReissue': {
      const { reason } = simple(command, ['reason']);
      return [event('invoice.late-reissue-refused', { reason })];
    }
    case 'ReissueInvoice': {
      const { invoiceNo } = simple(command, ['invoiceNo']);
      if (invoiceNo === state.invoiceNo) {
        const checks = new FieldChecks();
        checks.fail(
          'payload.invoiceNo',
          'must differ from the invoice it replaces',
        );
        checks.throwIfAny(command.type);
      }
      return [
        event('invoice.invoice-reissued', {
          invoiceNo,
          replacesInvoiceNo: state.invoiceNo as string,
          issuedAt: context.now,
        }),
      ];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
