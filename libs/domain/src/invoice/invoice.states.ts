import type { Label } from '../shared';

/**
 * The states of P21 用户开具发票流程, as read: the text stops after 4.11,
 * and 4.1's step ranges are off by one (paper is 4.3–4.8, e-invoice 4.9–).
 */
export const INVOICE_STATES = {
  NEW: { zh: '未申请', en: 'Not yet requested' },
  EINVOICE_REQUESTED: {
    zh: '已申请电子发票·系统开具中',
    en: 'E-invoice applied, system issuing',
  },
  EINVOICE_ISSUED: { zh: '电子发票已开具', en: 'E-invoice issued' },
  INFO_RECORDED: { zh: '已记录开票信息', en: 'Invoicing info recorded' },
  AT_LIAISON: { zh: '运营开票对接人处理中', en: 'At the invoicing liaison' },
  AT_FINANCE: { zh: '财务开票中', en: 'At finance' },
  WITH_LIAISON: { zh: '纸质发票已交对接人', en: 'Paper invoice with liaison' },
  MAILED: { zh: '纸质发票已邮寄', en: 'Paper invoice mailed' },
  CLOSED_PAPER: { zh: '纸质发票完成', en: 'Paper invoice done' },
  REISSUE_AT_SUPERVISOR: {
    zh: '重开超30天·待主管决定',
    en: 'Late reissue, with supervisor',
  },
  REISSUE_AT_FINANCE: { zh: '重开发票·财务处理中', en: 'Reissue at finance' },
  REISSUED: { zh: '发票已重开', en: 'Invoice reissued' },
  REISSUE_REFUSED: { zh: '不予重开', en: 'Reissue refused' },
} as const satisfies Record<string, Label>;

export type InvoiceStatus = keyof typeof INVOICE_STATES;

/**
 * Where a case ends. An issued e-invoice ends the process (4.10 否) but a
 * call for a reissue opens it again (4.10 是).
 */
export const INVOICE_TERMINAL: readonly InvoiceStatus[] = [
  'EINVOICE_ISSUED',
  'CLOSED_PAPER',
  'REISSUED',
  'REISSUE_REFUSED',
];
