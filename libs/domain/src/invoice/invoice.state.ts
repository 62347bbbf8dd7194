import type { Fen, TableState } from '../shared';
import type { InvoiceRoute, InvoiceRules } from './invoice.rules';
import type { InvoiceStatus } from './invoice.states';

export interface InvoiceState extends TableState<InvoiceStatus> {
  ticketNumber?: string;
  channel?: 'app' | 'phone';
  orderId?: string;
  memberId?: string;
  amountFen?: Fen;
  orderCompletedAt?: string;
  route?: InvoiceRoute;
  /** The invoice in force now (the latest reissue, if any). */
  invoiceNo?: string;
  /** When the first invoice was issued: the 30-day check counts from it. */
  firstIssuedAt?: string;
  tbTaskId?: string;
  trackingNo?: string;
  reissues: number;
  lastReissueCheck?: { daysSinceFirstIssue: number; overLimit: boolean };
}

export const initialInvoiceState: InvoiceState = {
  status: 'NEW',
  reissues: 0,
};

export type InvoiceConfig = InvoiceRules;
