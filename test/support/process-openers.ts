import type { RoleId } from '@opsdesk/domain';

/** How a person opens a ticket of each process over HTTP. */
export interface Opener {
  processId: string;
  /** The route prefix of the process. */
  base: string;
  path: string;
  command: string;
  actor: { id: string; role: RoleId; lead?: boolean };
  body: Record<string, unknown>;
  /** What the API adds to the body before it becomes the command's payload. */
  added?: Record<string, unknown>;
  /** The role whose inbox holds the ticket once opened. */
  holder: RoleId;
  hasReport: boolean;
  /** Every action on an open ticket: its route, command and a body its DTO accepts. */
  actions: readonly {
    path: string;
    command: string;
    body: Record<string, unknown>;
  }[];
}

const iso = (minutesAgo: number) =>
  new Date(Date.now() - minutesAgo * 60_000).toISOString();

const agent = { id: 'agent-0107', role: 'cs-phone-agent' as const };

export const OPENERS: Opener[] = [
  {
    processId: 'phone-callback',
    base: '/phone-callbacks',
    path: '/phone-callbacks',
    command: 'OpenCallback',
    actor: agent,
    body: {
      reason: 'user-requested',
      contact: { phone: '13800138000', name: '李女士' },
      subject: '用户询问退款进度，承诺今日回电',
    },
    holder: 'cs-phone-agent',
    hasReport: false,
    actions: [
      { path: 'prepare', command: 'PrepareCallback', body: {} },
      {
        path: 'attempts',
        command: 'RecordCallAttempt',
        body: { outcome: 'answered' },
      },
      { path: 'report-unreached', command: 'ReportUnreached', body: {} },
      {
        path: 'conclude',
        command: 'ConcludeCall',
        body: { userSatisfied: true },
      },
      {
        path: 'second-call',
        command: 'RecordSecondCall',
        body: { userSatisfied: true },
      },
      {
        path: 'complaint',
        command: 'OpenComplaint',
        body: { note: '用户投诉' },
      },
      {
        path: 'close-dissatisfied',
        command: 'CloseDissatisfied',
        body: { note: '仍不满意' },
      },
      {
        path: 'close-unreached',
        command: 'CloseUnreached',
        body: { note: '三次未接通' },
      },
      { path: 'cancel', command: 'CancelCallback', body: { reason: 'other' } },
    ],
  },
  {
    processId: 'order-anomaly',
    base: '/order-anomalies',
    path: '/order-anomalies',
    command: 'ReportOrderAnomaly',
    actor: agent,
    body: {
      orderId: 'ORD-20260302-88231',
      memberId: 'M-310000-5521',
      vehicleId: '沪A·D12345',
      caller: { phone: '13800138000', name: '刘女士' },
      description: '还车后订单仍在计费',
    },
    added: { callTime: new Date(Date.now() - 60_000).toISOString() },
    holder: 'cs-phone-agent',
    hasReport: true,
    actions: [
      {
        path: 'review-trajectory',
        command: 'ReviewTrajectory',
        body: { usageStartedAt: iso(60), usageEndedAt: iso(10) },
      },
      {
        path: 'restore-result',
        command: 'RecordRestoreResult',
        body: { restored: true },
      },
      {
        path: 'request-top-up',
        command: 'RequestECoinTopUp',
        body: { orderFeeFen: 1200 },
      },
      {
        path: 'settle',
        command: 'SettleWithECoin',
        body: { eCoinFen: 1200, contactOutcome: 'reached' },
      },
      {
        path: 'tech-finding',
        command: 'RecordTechFinding',
        body: { finding: '网关超时', fixed: true },
      },
    ],
  },
  {
    processId: 'fee-waiver',
    base: '/fee-waivers',
    path: '/fee-waivers',
    command: 'RequestWaiver',
    actor: agent,
    body: {
      orderId: 'ORD-1',
      memberId: 'M-310000-7788',
      caller: { phone: '13900001111' },
      caseCode: 'cannot-open-door-at-station',
      orderFeeFen: 4800,
    },
    added: { callTime: new Date(Date.now() - 60_000).toISOString() },
    holder: 'cs-phone-agent',
    hasReport: true,
    actions: [
      {
        path: 'approve',
        command: 'ApproveDiscretionaryWaiver',
        body: { approvedWaiverFen: 1000 },
      },
      {
        path: 'reject',
        command: 'RejectDiscretionaryWaiver',
        body: { reason: '不符合' },
      },
      {
        path: 'apply',
        command: 'ApplyWaiver',
        body: { billingReference: 'BILL-ADJ-1', contactOutcome: 'reached' },
      },
    ],
  },
  {
    processId: 'invoice',
    base: '/invoices',
    path: '/invoices/paper-requests',
    command: 'RecordPaperInvoiceRequest',
    actor: agent,
    body: {
      orderId: 'ORD-1000-5',
      memberId: 'M-310000-9001',
      amountFen: 1000,
      orderCompletedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      sheet: {
        title: '赵某某',
        name: '赵先生',
        phone: '13700007777',
        address: '上海市浦东新区张杨路500号',
      },
    },
    holder: 'cs-phone-agent',
    hasReport: true,
    actions: [
      {
        path: 'send-tasks',
        command: 'SendInvoiceTasks',
        body: { tbTaskId: 'TB-5521' },
      },
      {
        path: 'submit-application',
        command: 'SubmitInvoiceApplication',
        body: {},
      },
      {
        path: 'issue-paper',
        command: 'IssuePaperInvoice',
        body: { invoiceNo: 'PI-0000450' },
      },
      {
        path: 'mail',
        command: 'MailPaperInvoice',
        body: { courier: '顺丰', trackingNo: 'SF1234567890' },
      },
      {
        path: 'report-result',
        command: 'ReportInvoiceResult',
        body: { result: '已寄出' },
      },
      {
        path: 'reissue-requests',
        command: 'RequestReissue',
        body: { reason: '抬头有误' },
      },
      { path: 'approve-late-reissue', command: 'ApproveLateReissue', body: {} },
      {
        path: 'refuse-late-reissue',
        command: 'RefuseLateReissue',
        body: { reason: '超期' },
      },
      {
        path: 'reissue',
        command: 'ReissueInvoice',
        body: { invoiceNo: 'PI-0000451' },
      },
    ],
  },
  {
    processId: 'traffic-violation',
    base: '/traffic-violations',
    path: '/traffic-violations',
    command: 'EnterViolation',
    // A lead may enter a violation on any day (4.1), so the test does not
    // depend on today being a Monday or a Thursday.
    actor: {
      id: 'spec-zhou',
      role: 'subsidiary-violation-specialist',
      lead: true,
    },
    body: {
      memberId: 'M-310000-4411',
      phone: '13600006666',
      email: 'li@example.com',
      overrideReason: '测试：任意一天录入',
      violation: {
        plate: '沪A·D54321',
        occurredAt: '2026-09-01T10:30:00+08:00',
        location: '上海市徐汇区漕溪北路',
        description: '违法停车',
        fineFen: 20000,
        points: 0,
      },
    },
    holder: 'system',
    hasReport: true,
    actions: [
      { path: 'route-caller', command: 'RouteCallerToOnline', body: {} },
      {
        path: 'materials-emailed',
        command: 'RecordMaterialsEmailed',
        body: { email: 'li@example.com', materials: ['vehicle-licence-scan'] },
      },
      {
        path: 'reminder-call',
        command: 'RecordReminderCall',
        body: { contactOutcome: 'reached' },
      },
      {
        path: 'warning-call',
        command: 'RecordWarningCall',
        body: { contactOutcome: 'reached' },
      },
      {
        path: 'risk-control-call',
        command: 'RecordRiskControlCall',
        body: { contactOutcome: 'reached' },
      },
      {
        path: 'in-person-collection',
        command: 'StartInPersonCollection',
        body: { reason: '多次未接通' },
      },
      {
        path: 'collection-result',
        command: 'RecordCollectionResult',
        body: { collected: false },
      },
      {
        path: 'request-deduction',
        command: 'RequestDepositDeduction',
        body: {},
      },
      {
        path: 'deposit-deducted',
        command: 'RecordDepositDeducted',
        body: { amountFen: 20000 },
      },
      {
        path: 'hand-off-to-receivables',
        command: 'HandOffToReceivables',
        body: { result: '转应收', receivableCaseId: 'AR-1' },
      },
      {
        path: 'handled',
        command: 'RecordViolationHandled',
        body: { evidence: '已处理' },
      },
    ],
  },
];
