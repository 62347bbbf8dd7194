import type { ProcessDefinition } from '../shared';
import { INVOICE_COMMAND_TYPES, type InvoiceCommand } from './invoice.commands';
import { invoiceCustody } from './invoice.custody';
import { decideInvoice, INVOICE_PROCESS_ID } from './invoice.decide';
import type { InvoiceEvent, InvoiceEventType } from './invoice.events';
import { evolveInvoice } from './invoice.evolve';
import { INVOICE_EVENT_LABELS } from './invoice.labels';
import {
  initialInvoiceState,
  type InvoiceConfig,
  type InvoiceState,
} from './invoice.state';
import { INVOICE_STATES, INVOICE_TERMINAL } from './invoice.states';

/** P21 用户开具发票流程 as the engine runs it. */
export const invoiceProcess: ProcessDefinition<
  InvoiceState,
  InvoiceCommand,
  InvoiceEvent,
  InvoiceConfig
> = {
  processId: INVOICE_PROCESS_ID,
  title: { zh: '用户开具发票', en: 'User invoice issuance' },
  initialState: initialInvoiceState,
  commandTypes: INVOICE_COMMAND_TYPES,
  eventTypes: Object.keys(INVOICE_EVENT_LABELS) as InvoiceEventType[],
  stateLabels: INVOICE_STATES,
  eventLabels: INVOICE_EVENT_LABELS,
  evolve: evolveInvoice,
  decide: decideInvoice,
  custody: invoiceCustody,
  isTerminal: (state) => INVOICE_TERMINAL.includes(state.status),
  personalData: {
    'invoice.e-invoice-applied': ['buyer.name', 'buyer.email'],
    'invoice.invoice-info-recorded': [
      'sheet.name',
      'sheet.phone',
      'sheet.address',
      'sheet.email',
    ],
  },
};
