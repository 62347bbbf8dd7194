// Shared by the invoice specs; givens written out by hand.
import type { Actor, DecisionContext, RoleId } from '../shared';
import type { InvoiceCommand, InvoiceCommandType } from './invoice.commands';
import type { InvoiceEvent } from './invoice.events';
import type { InvoiceStatus } from './invoice.states';

export const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a0000000021';
/** 2026-03-02 14:00 in Shanghai. */
export const NOW = '2026-03-02T06:00:00.000Z';
/** An order that ended on 2026-02-20 in Shanghai: 10 days old. */
export const ORDER_DONE = '2026-02-20T03:00:00.000Z';

export function ctx(
  role: RoleId,
  overrides: Partial<Actor> = {},
  now = NOW,
): DecisionContext {
  return {
    now,
    actor: {
      id: `${role}-1`,
      role,
      kind: 'person',
      subsidiary: 'sh',
      ...overrides,
    },
  };
}

type CommandOf<T extends InvoiceCommandType> = Extract<
  InvoiceCommand,
  { type: T }
>;

export function command<T extends InvoiceCommandType>(
  type: T,
  payload: CommandOf<T>['payload'],
): CommandOf<T> {
  return { type, ticketId: TICKET_ID, payload } as CommandOf<T>;
}

const order = {
  ticketNumber: 'IV-20260302-0001',
  orderId: 'ORD-20260220-55120',
  memberId: 'M-310000-9001',
  amountFen: 5620,
  orderCompletedAt: ORDER_DONE,
};

export const buyer = {
  title: '上海某某科技有限公司',
  name: '赵先生',
  memberCardNo: 'EV310000123456',
  email: 'zhao@example.com',
};

export const sheet = {
  title: '赵某某',
  name: '赵先生',
  phone: '13700007777',
  address: '上海市浦东新区张杨路500号',
};

export const payloads = {
  eInvoice: { ...order, buyer },
  issue: { invoiceNo: 'EI-0000881' },
  paper: { ...order, amountFen: 800, sheet },
  tasks: { tbTaskId: 'TB-5521' },
  paperIssued: { invoiceNo: 'PI-0000450' },
  mail: { courier: '顺丰', trackingNo: 'SF1234567890' },
  result: { result: '已寄出，快递单号 SF1234567890' },
  reissue: { reason: '抬头写错' },
  reissued: { invoiceNo: 'EI-0000999' },
};

function e<T extends InvoiceEvent['type']>(
  type: T,
  data: Extract<InvoiceEvent, { type: T }>['data'],
): InvoiceEvent {
  return { type, schemaVersion: 1, data } as InvoiceEvent;
}

const RULES = { eInvoiceAboveFen: 1000, maxOrderAgeDays: 90 };

export const events = {
  appRequested: e('invoice.requested', {
    ticketNumber: order.ticketNumber,
    subsidiaryId: 'sh',
    channel: 'app',
    orderId: order.orderId,
    memberId: order.memberId,
    amountFen: 5620,
    orderCompletedAt: ORDER_DONE,
  }),
  eligible: e('invoice.eligibility-checked', {
    route: 'e-invoice',
    amountFen: 5620,
    orderAgeDays: 10,
    reasons: [],
    rules: RULES,
  }),
  eApplied: e('invoice.e-invoice-applied', { buyer }),
  eIssued: e('invoice.e-invoice-issued', {
    invoiceNo: 'EI-0000881',
    issuedAt: NOW,
  }),
  phoneRequested: e('invoice.requested', {
    ticketNumber: order.ticketNumber,
    subsidiaryId: 'sh',
    channel: 'phone',
    orderId: order.orderId,
    memberId: order.memberId,
    amountFen: 800,
    orderCompletedAt: ORDER_DONE,
  }),
  paperRoute: e('invoice.eligibility-checked', {
    route: 'paper',
    amountFen: 800,
    orderAgeDays: 10,
    reasons: ['amount-not-above-threshold'],
    rules: RULES,
  }),
  sheetRecorded: e('invoice.invoice-info-recorded', { sheet }),
  tbTask: e('invoice.finance-task-created', { tbTaskId: 'TB-5521' }),
  toLiaison: e('invoice.info-sent-to-liaison', {}),
  submitted: e('invoice.application-submitted', {}),
  paperIssued: e('invoice.paper-invoice-issued', {
    invoiceNo: 'PI-0000450',
    amountFen: 800,
    issuedAt: NOW,
  }),
  handed: e('invoice.paper-invoice-handed-to-liaison', {}),
  mailed: e('invoice.paper-invoice-mailed', {
    courier: '顺丰',
    trackingNo: 'SF1234567890',
    mailedAt: NOW,
  }),
  reported: e('invoice.result-reported-to-centre', payloads.result),
  reissueAsked: e('invoice.reissue-requested', payloads.reissue),
  withinLimit: e('invoice.reissue-age-checked', {
    firstIssuedAt: NOW,
    daysSinceFirstIssue: 0,
    limitDays: 30,
    overLimit: false,
  }),
  overLimit: e('invoice.reissue-age-checked', {
    firstIssuedAt: NOW,
    daysSinceFirstIssue: 31,
    limitDays: 30,
    overLimit: true,
  }),
  approved: e('invoice.late-reissue-approved', {}),
  refused: e('invoice.late-reissue-refused', { reason: '超过30天' }),
  reissued: e('invoice.invoice-reissued', {
    invoiceNo: 'EI-0000999',
    replacesInvoiceNo: 'EI-0000881',
    issuedAt: NOW,
  }),
};

const v = events;
const applied = [v.appRequested, v.eligible, v.eApplied];
const issued = [...applied, v.eIssued];
const recorded = [v.phoneRequested, v.paperRoute, v.sheetRecorded];

export const historyOf: Record<
  Exclude<InvoiceStatus, 'NEW'>,
  InvoiceEvent[]
> = {
  EINVOICE_REQUESTED: applied,
  EINVOICE_ISSUED: issued,
  INFO_RECORDED: recorded,
  AT_LIAISON: [...recorded, v.tbTask, v.toLiaison],
  AT_FINANCE: [...recorded, v.tbTask, v.toLiaison, v.submitted],
  WITH_LIAISON: [
    ...recorded,
    v.tbTask,
    v.toLiaison,
    v.submitted,
    v.paperIssued,
    v.handed,
  ],
  MAILED: [
    ...recorded,
    v.tbTask,
    v.toLiaison,
    v.submitted,
    v.paperIssued,
    v.handed,
    v.mailed,
  ],
  CLOSED_PAPER: [
    ...recorded,
    v.tbTask,
    v.toLiaison,
    v.submitted,
    v.paperIssued,
    v.handed,
    v.mailed,
    v.reported,
  ],
  REISSUE_AT_FINANCE: [...issued, v.reissueAsked, v.withinLimit],
  REISSUE_AT_SUPERVISOR: [...issued, v.reissueAsked, v.overLimit],
  REISSUED: [...issued, v.reissueAsked, v.withinLimit, v.reissued],
  REISSUE_REFUSED: [...issued, v.reissueAsked, v.overLimit, v.refused],
};
