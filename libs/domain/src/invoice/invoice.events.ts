import type { DomainEvent, Fen } from '../shared';
import type { InvoiceRules, PaperReason } from './invoice.rules';

type E<T extends string, D extends object> = DomainEvent<`invoice.${T}`, D>;

/** 《用户开票信息表》: what the agent records for a paper invoice (4.4). */
export interface InvoiceInfoSheet {
  /** 抬头 */
  title: string;
  name: string;
  phone: string;
  address: string;
  taxId?: string;
  email?: string;
}

/** The e-invoice's buyer details as filled in the app (4.9). */
export interface EInvoiceBuyer {
  title: string;
  name: string;
  memberCardNo: string;
  email: string;
}

/** 4.1: a user asks for an invoice of one order, in the app or by phone. */
export type InvoiceRequested = E<
  'requested',
  {
    ticketNumber: string;
    subsidiaryId?: string;
    channel: 'app' | 'phone';
    orderId: string;
    memberId: string;
    amountFen: Fen;
    orderCompletedAt: string;
  }
>;
/** 4.1–4.2: the route, and the numbers that chose it. */
export type InvoiceEligibilityChecked = E<
  'eligibility-checked',
  {
    route: 'e-invoice' | 'paper';
    amountFen: Fen;
    orderAgeDays: number;
    reasons: PaperReason[];
    rules: Pick<InvoiceRules, 'eInvoiceAboveFen' | 'maxOrderAgeDays'>;
  }
>;
/** 4.9: what the user filled in the app for the e-invoice. */
export type EInvoiceApplied = E<'e-invoice-applied', { buyer: EInvoiceBuyer }>;
/** The system issued the e-invoice to the user's e-mail. */
export type EInvoiceIssued = E<
  'e-invoice-issued',
  { invoiceNo: string; issuedAt: string }
>;
/** 4.4: 《用户开票信息表》 recorded. */
export type InvoiceInfoRecorded = E<
  'invoice-info-recorded',
  { sheet: InvoiceInfoSheet }
>;
/** 4.4: a TB task for finance (tracking only: finance acts on 4.5). */
export type FinanceTaskCreated = E<
  'finance-task-created',
  { tbTaskId: string }
>;
/** 4.4: the info compiled for the ops invoicing liaison. */
export type InfoSentToLiaison = E<'info-sent-to-liaison', { note?: string }>;
/** 4.5: the liaison raises the application and notifies finance. */
export type InvoiceApplicationSubmitted = E<
  'application-submitted',
  { note?: string }
>;
/** 4.6: finance issues the paper invoice … */
export type PaperInvoiceIssued = E<
  'paper-invoice-issued',
  { invoiceNo: string; amountFen: Fen; issuedAt: string }
>;
/** … and hands it to the liaison. */
export type PaperInvoiceHandedToLiaison = E<
  'paper-invoice-handed-to-liaison',
  Record<string, never>
>;
/** 4.7: mailed to the address the user left. */
export type PaperInvoiceMailed = E<
  'paper-invoice-mailed',
  { courier: string; trackingNo: string; mailedAt: string }
>;
/** 4.8: the liaison reports the result to the centre; the end. */
export type InvoiceResultReported = E<
  'result-reported-to-centre',
  { result: string }
>;
/** 4.10 是: the user calls for a reissue … */
export type ReissueRequested = E<'reissue-requested', { reason: string }>;
/** 4.11: … and the agent checks how old the first invoice is. */
export type ReissueAgeChecked = E<
  'reissue-age-checked',
  {
    firstIssuedAt: string;
    daysSinceFirstIssue: number;
    limitDays: number;
    overLimit: boolean;
  }
>;
/** Gap (4.11 truncated): the supervisor lets a late reissue through. */
export type LateReissueApproved = E<'late-reissue-approved', { note?: string }>;
export type LateReissueRefused = E<'late-reissue-refused', { reason: string }>;
/** 3.3: finance issues the new invoice. */
export type InvoiceReissued = E<
  'invoice-reissued',
  { invoiceNo: string; replacesInvoiceNo: string; issuedAt: string }
>;

export type InvoiceEvent =
  | InvoiceRequested
  | InvoiceEligibilityChecked
  | EInvoiceApplied
  | EInvoiceIssued
  | InvoiceInfoRecorded
  | FinanceTaskCreated
  | InfoSentToLiaison
  | InvoiceApplicationSubmitted
  | PaperInvoiceIssued
  | PaperInvoiceHandedToLiaison
  | PaperInvoiceMailed
  | InvoiceResultReported
  | ReissueRequested
  | ReissueAgeChecked
  | LateReissueApproved
  | LateReissueRefused
  | InvoiceReissued;

export type InvoiceEventType = InvoiceEvent['type'];
