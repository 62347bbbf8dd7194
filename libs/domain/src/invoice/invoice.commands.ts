import type { DomainCommand, Fen } from '../shared';
import type { EInvoiceBuyer, InvoiceInfoSheet } from './invoice.events';

type C<T extends string, P extends object> = DomainCommand<T, P>;

/**
 * One order per request: 金额 is read as that order's amount (P21 does not
 * say whether it is one order's or the sum of several).
 * TODO(#10): an invoice over several orders, if the business wants it.
 */
interface OrderToInvoice {
  ticketNumber: string;
  orderId: string;
  memberId: string;
  amountFen: Fen;
  orderCompletedAt: string;
}

/** 4.9: the user applies for an e-invoice in the app. */
export type ApplyForEInvoice = C<
  'ApplyForEInvoice',
  OrderToInvoice & { buyer: EInvoiceBuyer }
>;
/** The system issues the e-invoice it checked (4.1), by its number. */
export type IssueEInvoice = C<'IssueEInvoice', { invoiceNo: string }>;
/** 4.3–4.4: the user calls for a paper invoice. */
export type RecordPaperInvoiceRequest = C<
  'RecordPaperInvoiceRequest',
  OrderToInvoice & { sheet: InvoiceInfoSheet }
>;
/** 4.4: TB task to finance, info to the liaison. */
export type SendInvoiceTasks = C<
  'SendInvoiceTasks',
  { tbTaskId: string; note?: string }
>;
/** 4.5 */
export type SubmitInvoiceApplication = C<
  'SubmitInvoiceApplication',
  { note?: string }
>;
/** 4.6 */
export type IssuePaperInvoice = C<'IssuePaperInvoice', { invoiceNo: string }>;
/** 4.7 */
export type MailPaperInvoice = C<
  'MailPaperInvoice',
  { courier: string; trackingNo: string }
>;
/** 4.8 */
export type ReportInvoiceResult = C<'ReportInvoiceResult', { result: string }>;
/** 4.10–4.11 */
export type RequestReissue = C<'RequestReissue', { reason: string }>;
export type ApproveLateReissue = C<'ApproveLateReissue', { note?: string }>;
export type RefuseLateReissue = C<'RefuseLateReissue', { reason: string }>;
export type ReissueInvoice = C<'ReissueInvoice', { invoiceNo: string }>;

export type InvoiceCommand =
  | ApplyForEInvoice
  | IssueEInvoice
  | RecordPaperInvoiceRequest
  | SendInvoiceTasks
  | SubmitInvoiceApplication
  | IssuePaperInvoice
  | MailPaperInvoice
  | ReportInvoiceResult
  | RequestReissue
  | ApproveLateReissue
  | RefuseLateReissue
  | ReissueInvoice;

export type InvoiceCommandType = InvoiceCommand['type'];

const COMMAND_TYPES: Record<InvoiceCommandType, true> = {
  ApplyForEInvoice: true,
  IssueEInvoice: true,
  RecordPaperInvoiceRequest: true,
  SendInvoiceTasks: true,
  SubmitInvoiceApplication: true,
  IssuePaperInvoice: true,
  MailPaperInvoice: true,
  ReportInvoiceResult: true,
  RequestReissue: true,
  ApproveLateReissue: true,
  RefuseLateReissue: true,
  ReissueInvoice: true,
};

export const INVOICE_COMMAND_TYPES = Object.keys(
  COMMAND_TYPES,
) as InvoiceCommandType[];
