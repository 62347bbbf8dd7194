import type { Label } from '../shared';
import type { InvoiceEventType } from './invoice.events';

/** Timeline labels: Chinese first, English second. */
export const INVOICE_EVENT_LABELS: Record<InvoiceEventType, Label> = {
  'invoice.requested': { zh: '受理开票申请', en: 'Invoice requested' },
  'invoice.eligibility-checked': {
    zh: '系统判断金额与订单时间',
    en: 'Amount and order age checked',
  },
  'invoice.e-invoice-applied': {
    zh: '用户在APP申请电子发票',
    en: 'E-invoice applied for in the app',
  },
  'invoice.e-invoice-issued': {
    zh: '系统开具电子发票',
    en: 'E-invoice issued',
  },
  'invoice.invoice-info-recorded': {
    zh: '记录用户开票信息表',
    en: 'Invoicing sheet recorded',
  },
  'invoice.finance-task-created': {
    zh: '新建财务TB任务',
    en: 'TB task created for finance',
  },
  'invoice.info-sent-to-liaison': {
    zh: '汇总开票信息给运营开票对接人',
    en: 'Info sent to the invoicing liaison',
  },
  'invoice.application-submitted': {
    zh: '提交开票申请并通知财务',
    en: 'Application submitted to finance',
  },
  'invoice.paper-invoice-issued': {
    zh: '财务开具纸质发票',
    en: 'Paper invoice issued',
  },
  'invoice.paper-invoice-handed-to-liaison': {
    zh: '纸质发票交运营开票对接人',
    en: 'Paper invoice handed to the liaison',
  },
  'invoice.paper-invoice-mailed': {
    zh: '邮寄纸质发票',
    en: 'Paper invoice mailed',
  },
  'invoice.result-reported-to-centre': {
    zh: '处理结果反馈客服中心',
    en: 'Result reported to the centre',
  },
  'invoice.reissue-requested': {
    zh: '受理重开发票来电',
    en: 'Reissue requested',
  },
  'invoice.reissue-age-checked': {
    zh: '判断开票是否超过30天',
    en: 'Invoice age checked',
  },
  'invoice.late-reissue-approved': {
    zh: '主管同意超期重开',
    en: 'Late reissue approved',
  },
  'invoice.late-reissue-refused': {
    zh: '主管不同意超期重开',
    en: 'Late reissue refused',
  },
  'invoice.invoice-reissued': { zh: '财务重开发票', en: 'Invoice reissued' },
};
