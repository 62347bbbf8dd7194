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
    // 邮件客服: a mail recorded by hand (the maildir adapter is the usual way).
    processId: 'email-case',
    base: '/email-cases',
    path: '/email-cases',
    command: 'ReceiveMail',
    actor: { id: 'mail-chen', role: 'cs-email-specialist' },
    body: {
      messageId: '<opener-1@mail.example.com>',
      from: { address: 'liu@example.com', name: '刘女士' },
      subject: '押金退还咨询',
      body: '请问押金多久退还？',
    },
    added: { receivedAt: new Date(Date.now() - 60_000).toISOString() },
    holder: 'cs-email-specialist',
    hasReport: true,
    actions: [
      { path: 'triage', command: 'TriageMail', body: { category: 'ordinary' } },
      {
        path: 'faq-reply',
        command: 'ReplyFromFaq',
        body: { faqReference: 'FAQ-押金-03', reply: '7个工作日内退回。' },
      },
      {
        path: 'incident',
        command: 'SubmitIncident',
        body: { incidentReference: 'INC-1' },
      },
      {
        path: 'follow-up-label',
        command: 'LabelForFollowUp',
        body: { label: '待核实' },
      },
      {
        path: 'handling-reply',
        command: 'SendHandlingReply',
        body: { reply: '已处理。' },
      },
      {
        path: 'forward',
        command: 'ForwardToDepartment',
        body: { department: '运营管理部', owner: '王经理' },
      },
      { path: 'guide', command: 'GuideReply', body: { guidance: '先致歉。' } },
      {
        path: 'escalate',
        command: 'EscalateToDepartmentAndLeadership',
        body: { department: '公关', leadership: '经理', summary: '敏感' },
      },
      {
        path: 'department-reply',
        command: 'RecordDepartmentReply',
        body: { reply: '已回复用户。' },
      },
    ],
  },
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
    processId: 'vehicle-repair',
    base: '/vehicle-repairs',
    path: '/vehicle-repairs',
    command: 'ReportVehicleFault',
    actor: agent,
    body: {
      memberId: 'M-310000-5521',
      plate: '沪A·D12345',
      caller: { phone: '13800138000', name: '王先生' },
      description: '仪表盘故障灯常亮',
      occurredAt: iso(30),
      location: '上海市浦东新区张杨路500号',
      emergencyMeasures: '已靠边停车，关闭电源',
      canMove: true,
      payer: 'member',
    },
    holder: 'repair-shop-receptionist',
    hasReport: true,
    actions: [
      {
        path: 'dispatch-rescue',
        command: 'DispatchRescue',
        body: { rescueVehicle: '沪B·J8801 拖车' },
      },
      { path: 'towed-in', command: 'RecordTowedIn', body: {} },
      {
        path: 'receive',
        command: 'ReceiveVehicle',
        body: {
          model: '荣威 Ei5',
          plate: '沪A·D12345',
          symptoms: '故障灯常亮',
          usage: '分时租赁',
        },
      },
      {
        path: 'diagnose',
        command: 'DiagnoseFault',
        body: {
          diagnosis: '制动分泵损坏',
          repairPlan: '更换制动分泵',
          quoteFen: 86000,
          faultClass: 'ordinary',
        },
      },
      {
        path: 'escalate-to-assistant-gm',
        command: 'EscalateToAssistantGm',
        body: { reason: '需厂家支持' },
      },
      {
        path: 'resolve-escalation',
        command: 'ResolveEscalation',
        body: { guidance: '按厂家方案维修' },
      },
      { path: 'approve-quote', command: 'ApproveQuote', body: {} },
      {
        path: 'refuse-quote',
        command: 'RefuseQuote',
        body: { reason: '费用过高' },
      },
      {
        path: 'return-unrepaired',
        command: 'ReturnVehicleUnrepaired',
        body: {},
      },
      {
        path: 'escalate',
        command: 'EscalateFault',
        body: { faultClass: 'difficult', reason: '拆检发现新故障' },
      },
      {
        path: 'complete-repair',
        command: 'CompleteRepair',
        body: { workDone: '更换制动分泵' },
      },
      {
        path: 'quality-check',
        command: 'RecordQualityCheck',
        body: { passed: true },
      },
      {
        path: 'notify-owner',
        command: 'NotifyOwnerToCollect',
        body: { channel: 'phone' },
      },
      {
        path: 'collected',
        command: 'RecordVehicleCollected',
        body: { collectedBy: '王先生' },
      },
      {
        path: 'warranty-claims',
        command: 'FileWarrantyClaim',
        body: { description: '制动再次发软' },
      },
      {
        path: 'warranty-follow-up',
        command: 'CompleteWarrantyFollowUp',
        body: { contactOutcome: 'reached' },
      },
      {
        path: 'survey',
        command: 'RecordSatisfactionSurvey',
        body: { answered: true, score: 5, channel: 'phone' },
      },
      {
        path: 'analysis-report',
        command: 'SubmitAnalysisReport',
        body: { rootCause: '批次缺陷', report: '已报上级部门' },
      },
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
    processId: 'repeat-caller',
    base: '/repeat-callers',
    path: '/repeat-callers',
    command: 'RecordCall',
    actor: agent,
    body: {
      caller: { phone: '13500005555', name: '王先生' },
      memberId: 'M-310000-5555',
      subject: 'refund',
      issue: '押金退款一周未到账',
      promisedTimeframe: '24小时内回电',
    },
    added: { calledAt: new Date(Date.now() - 60_000).toISOString() },
    holder: 'cs-phone-agent',
    hasReport: true,
    actions: [
      { path: 'close', command: 'CloseCall', body: { resolution: '已回电' } },
      {
        path: 'unlink',
        command: 'UnlinkCall',
        body: { linkedTicketId: 'RC-1', reason: '不同问题' },
      },
      {
        path: 'recordings-reviewed',
        command: 'ReviewRecordings',
        body: {
          recordings: [{ ticketId: 'RC-1', recordingRef: 'REC-1' }],
          findings: '同一问题',
        },
      },
      {
        path: 'incident-report',
        command: 'ReportIncident',
        body: {
          template: { summary: '重复来电', userDemand: '退款', impact: '投诉' },
        },
      },
      {
        path: 'classification',
        command: 'ClassifyIncident',
        body: { externalComplaint: false, mediaExposure: false },
      },
      { path: 'plans', command: 'DraftHandlingPlan', body: { plan: '退款' } },
      {
        path: 'plan-review',
        command: 'ReviewHandlingPlan',
        body: { approved: true },
      },
      {
        path: 'call-back',
        command: 'CallBackWithPlan',
        body: { contactOutcome: 'reached' },
      },
      {
        path: 'follow-ups',
        command: 'RecordFollowUp',
        body: { resolved: true, note: '已解决' },
      },
      {
        path: 'result',
        command: 'NotifyResult',
        body: { notified: ['subsidiary-ops-head'], summary: '已退款' },
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
  {
    processId: 'centre-emergency',
    base: '/centre-emergencies',
    path: '/centre-emergencies',
    command: 'LogFault',
    actor: agent,
    body: {
      faultType: 'backoffice-network-power',
      advanceNotice: false,
      description: '后台系统无法登录',
    },
    added: { detectedAt: iso(1) },
    holder: 'cs-manager-outsourcer',
    hasReport: true,
    actions: [
      {
        path: 'emergency-mechanism',
        command: 'ActivateEmergencyMechanism',
        body: {},
      },
      {
        path: 'repair-eta',
        command: 'ConfirmRepairEta',
        body: {
          eta: new Date(Date.now() + 3_600_000).toISOString(),
          techContact: '王工',
        },
      },
      {
        path: 'all-hands',
        command: 'MobiliseAllHands',
        body: { staff: ['坐席 0107'] },
      },
      {
        path: 'online-staff',
        command: 'LendOnlineStaff',
        body: { staff: ['在线 0201'] },
      },
      {
        path: 'managers',
        command: 'DesignateManagers',
        body: { managers: ['主管 周', '经理 吴'] },
      },
      { path: 'tianrun-report', command: 'ReportToTianrun', body: {} },
      {
        path: 'handwritten-requests',
        command: 'RecordHandwrittenRequest',
        body: { customer: { phone: '13800138000' }, request: '无法还车' },
      },
      {
        path: 'missed-calls',
        command: 'RecordMissedCall',
        body: { caller: { phone: '13900139000' } },
      },
      { path: 'off-day-report', command: 'ReportToCsManagerOffDay', body: {} },
      {
        path: 'next-shift',
        command: 'CallNextShiftEarly',
        body: { staff: ['翻班 0301'] },
      },
      {
        path: 'support-staff',
        command: 'DeploySupportStaff',
        body: { staff: ['主管 周'] },
      },
      {
        path: 'resolve',
        command: 'ResolveFault',
        body: { cause: '交换机故障' },
      },
      {
        path: 'backfill',
        command: 'BackfillTask',
        body: { entryId: 'H1', task: '补建工单' },
      },
      {
        path: 'callbacks',
        command: 'RecordCallback',
        body: { callId: 'M1', outcome: 'reached' },
      },
      {
        path: 'deferred-requests',
        command: 'RecordDeferredRequestsHandled',
        body: { handled: 1 },
      },
      { path: 'close', command: 'CloseEmergency', body: { summary: '恢复' } },
      {
        path: 'links',
        command: 'LinkTicket',
        body: {
          processId: 'order-anomaly',
          ticketId: '01956f3a-7c2e-7a10-9b1e-0a00000000ff',
        },
      },
      {
        path: 'unlink',
        command: 'UnlinkTicket',
        body: {
          processId: 'order-anomaly',
          ticketId: '01956f3a-7c2e-7a10-9b1e-0a00000000ff',
        },
      },
    ],
  },
  {
    processId: 'membership-card',
    base: '/membership-cards',
    path: '/membership-cards',
    command: 'ReceiveCardInquiry',
    actor: agent,
    body: { memberId: 'M-310000-5521', caller: { phone: '13800138000' } },
    holder: 'cs-phone-agent',
    hasReport: true,
    actions: [
      { path: 'self-check', command: 'GuideSelfCheck', body: {} },
      {
        path: 'rejected',
        command: 'RecordApplicationRejected',
        body: { reason: '驾驶证照片不清晰' },
      },
      { path: 'progress', command: 'LookUpCardProgress', body: {} },
      { path: 'check-courier', command: 'CheckCourierRecord', body: {} },
    ],
  },
  {
    // A quick repair needs no booking (the booking needs a shop's book).
    processId: 'repair-order',
    base: '/repair-orders',
    path: '/repair-orders/walk-ins',
    command: 'RegisterWalkIn',
    actor: { id: 'quick-liu', role: 'repair-quick-team' },
    body: {
      shopCode: 'SH-MH-01',
      kind: 'quick-repair',
      vehicle: { plate: '沪A·R9001', model: '荣威 Ei5' },
      customer: { phone: '13900139000' },
      symptoms: '刹车片报警',
      preliminaryDiagnosis: '前刹车片磨损到限',
    },
    added: { ticketNumber: 'RO-20261207-9001', comeback: null },
    holder: 'repair-quick-team',
    hasReport: true,
    actions: [
      {
        path: 'confirmation',
        command: 'RecordConfirmation',
        body: { confirmed: true },
      },
      {
        path: 'shop-cannot-keep',
        command: 'ShopCannotKeepAppointment',
        body: { reason: '举升机故障' },
      },
      {
        path: 'rebook',
        command: 'RebookAppointment',
        body: { slotStart: '2026-12-08T10:00:00+08:00' },
      },
      { path: 'receive', command: 'ReceiveBookedVehicle', body: {} },
      {
        path: 'authorisation',
        command: 'SignRepairAuthorisation',
        body: {
          signedBy: '李女士',
          engineNumber: 'EN-1',
          fault: { symptom: '异响', location: '前轮' },
          historyNote: '首次来店',
          items: [
            { code: 'BP-F', description: '刹车片', labourFen: 1, partsFen: 1 },
          ],
          promisedAt: '2099-01-01T10:00:00+08:00',
        },
      },
      {
        path: 'work-order',
        command: 'IssueWorkOrder',
        body: { technicianId: 'tech-li' },
      },
      {
        path: 'progress',
        command: 'ReportRepairProgress',
        body: { progress: '拆检', customerTold: true },
      },
      {
        path: 'changes',
        command: 'ProposeRepairChange',
        body: {
          reason: '刹车盘磨损',
          addedItems: [
            { code: 'BD-F', description: '刹车盘', labourFen: 1, partsFen: 1 },
          ],
        },
      },
      {
        path: 'change-decision',
        command: 'RecordChangeDecision',
        body: { agreed: true },
      },
      {
        path: 'self-check',
        command: 'CompleteSelfCheck',
        body: { note: '合格' },
      },
      {
        path: 'inspection',
        command: 'RecordQualityInspection',
        body: { passed: true, findings: '合格' },
      },
      {
        path: 'settle',
        command: 'SettleRepairCosts',
        body: {
          partsFen: 1,
          labourFen: 1,
          otherFen: 0,
          invoiceTitle: '李女士',
        },
      },
      {
        path: 'fee-dispute',
        command: 'RaiseFeeDispute',
        body: { reason: '偏高', disputedFen: 1 },
      },
      {
        path: 'fee-dispute/resolve',
        command: 'ResolveFeeDispute',
        body: { resolution: '减免', agreedTotalFen: 1 },
      },
      {
        path: 'deliver',
        command: 'DeliverVehicle',
        body: { slipSignedBy: '李女士', cleaned: true },
      },
      {
        path: 'survey',
        command: 'RecordSatisfactionSurvey',
        body: { score: 5 },
      },
      { path: 'archive', command: 'ArchiveRepairOrder', body: {} },
    ],
  },
];
