import { deciderSpec } from '../shared/testing/given-when-then';
import {
  command,
  ctx,
  events,
  historyOf,
  NOW,
  payloads,
  WARRANTY_ENDS_AT,
} from './vehicle-repair.fixtures';
import { vehicleRepairProcess } from './vehicle-repair.process';
import { DEFAULT_VEHICLE_REPAIR_RULES } from './vehicle-repair.rules';

const { given } = deciderSpec(
  vehicleRepairProcess,
  DEFAULT_VEHICLE_REPAIR_RULES,
);
const agent = ctx('cs-phone-agent');
const desk = ctx('repair-shop-receptionist');
const technician = ctx('repair-technician');
const afterSales = ctx('repair-after-sales');

describe('the agent takes the driver’s report (G1 1–2, G4 2.3)', () => {
  it('sends a car that can move to the shop’s reception', () => {
    const state = given([])
      .when(command('ReportVehicleFault', payloads.report), agent)
      .then([events.reported]);

    expect(state).toMatchObject({
      status: 'AWAITING_RECEPTION',
      subsidiaryId: 'sh',
      payer: 'member',
    });
    expect(vehicleRepairProcess.custody(state)).toEqual({
      role: 'repair-shop-receptionist',
    });
  });

  it('asks the shop for a rescue when the car cannot move', () => {
    const state = given([])
      .when(command('ReportVehicleFault', payloads.reportStranded), agent)
      .then([events.reportedStranded]);

    expect(state.status).toBe('AWAITING_RESCUE');
  });

  it('names the fleet that pays', () => {
    const state = given([])
      .when(command('ReportVehicleFault', payloads.reportFleet), agent)
      .then([events.reportedFleet]);

    expect(state).toMatchObject({ payer: 'fleet', fleetId: 'FLEET-SH-07' });
  });

  it('stores the time of the fault in UTC whatever offset was typed', () => {
    given([])
      .when(
        command('ReportVehicleFault', {
          ...payloads.report,
          occurredAt: '2026-03-02T13:30:00+08:00',
        }),
        agent,
      )
      .then([events.reported]);
  });
});

describe('rescue (G1 3)', () => {
  it('dispatches a rescue vehicle, then receives the towed car', () => {
    const dispatched = given(historyOf.AWAITING_RESCUE)
      .when(command('DispatchRescue', payloads.rescue), desk)
      .then([events.rescueDispatched]);
    expect(dispatched.status).toBe('RESCUE_DISPATCHED');

    const towed = given(historyOf.RESCUE_DISPATCHED)
      .when(command('RecordTowedIn', {}), desk)
      .then([events.towedIn]);
    expect(towed).toMatchObject({
      status: 'AWAITING_RECEPTION',
      rescued: true,
    });
  });
});

describe('reception and diagnosis (G1 4–5)', () => {
  it('records the vehicle, the same plate written another way', () => {
    const state = given(historyOf.AWAITING_RECEPTION)
      .when(command('ReceiveVehicle', payloads.receive), desk)
      .then([events.received]);

    expect(state.status).toBe('RECEIVED');
    expect(vehicleRepairProcess.custody(state)).toEqual({
      role: 'repair-technician',
    });
  });

  it('quotes an ordinary fault to the member', () => {
    const state = given(historyOf.RECEIVED)
      .when(command('DiagnoseFault', payloads.diagnose), technician)
      .then([events.diagnosed, events.quoteIssued]);

    expect(state).toMatchObject({
      status: 'QUOTE_AWAITING_MEMBER',
      quoteFen: 86000,
    });
  });

  it('quotes a fleet’s car to the fleet administrator', () => {
    const state = given([events.reportedFleet, events.received])
      .when(command('DiagnoseFault', payloads.diagnose), technician)
      .then([events.diagnosed, events.quoteIssuedFleet]);

    expect(vehicleRepairProcess.custody(state)).toEqual({
      role: 'fleet-admin',
    });
  });

  it('sends a major fault to after-sales before any quote (G3 3)', () => {
    const state = given(historyOf.RECEIVED)
      .when(command('DiagnoseFault', payloads.diagnoseMajor), technician)
      .then([events.diagnosedMajor, events.escalatedAtDiagnosis]);

    expect(state).toMatchObject({
      status: 'AFTER_SALES_SUPPORT',
      faultClass: 'major',
      escalationLevel: 'after-sales',
    });
  });
});

describe('escalation (G3 3)', () => {
  it('goes on to the assistant GM, whose support leads to the quote', () => {
    const atGm = given(historyOf.AFTER_SALES_SUPPORT)
      .when(command('EscalateToAssistantGm', payloads.toGm), afterSales)
      .then([events.escalatedToGm]);
    expect(vehicleRepairProcess.custody(atGm)).toEqual({
      role: 'repair-assistant-gm',
    });

    const quoted = given(historyOf.ASSISTANT_GM_SUPPORT)
      .when(
        command('ResolveEscalation', payloads.resolve),
        ctx('repair-assistant-gm'),
      )
      .then([events.resolvedToQuote, events.quoteIssuedMajor]);
    expect(quoted).toMatchObject({
      status: 'QUOTE_AWAITING_MEMBER',
      escalationLevel: 'assistant-gm',
    });
  });

  it('takes a fault found while repairing back to the technician', () => {
    const escalated = given(historyOf.REPAIRING)
      .when(command('EscalateFault', payloads.escalate), technician)
      .then([events.escalatedWhileRepairing]);
    expect(escalated).toMatchObject({
      status: 'AFTER_SALES_SUPPORT',
      faultClass: 'difficult',
    });

    const back = given([...historyOf.REPAIRING, events.escalatedWhileRepairing])
      .when(command('ResolveEscalation', payloads.resolve), afterSales)
      .then([events.resolvedToRepair]);
    expect(back.status).toBe('REPAIRING');
  });

  it('never downgrades a major fault', () => {
    const state = given([
      ...historyOf.AWAITING_ANALYSIS_REPORT.slice(0, 7),
      events.escalatedWhileRepairing,
    ]).state;
    expect(state.faultClass).toBe('major');
  });
});

describe('the quote (G1 6)', () => {
  it('is approved on the member’s word, recorded by the agent', () => {
    const state = given(historyOf.QUOTE_AWAITING_MEMBER)
      .when(command('ApproveQuote', payloads.approve), agent)
      .then([events.quoteApproved]);
    expect(state.status).toBe('REPAIRING');
  });

  it('is approved by the fleet administrator for a fleet', () => {
    given(historyOf.QUOTE_AWAITING_FLEET)
      .when(command('ApproveQuote', {}), ctx('fleet-admin'))
      .then([
        {
          type: 'vehicle-repair.quote-approved',
          schemaVersion: 1,
          data: { approvedBy: 'fleet', quoteFen: 86000 },
        },
      ]);
  });

  it('refused, sends the car back unrepaired and closes', () => {
    const refused = given(historyOf.QUOTE_AWAITING_MEMBER)
      .when(command('RefuseQuote', payloads.refuse), desk)
      .then([events.quoteRefused]);
    expect(refused.status).toBe('AWAITING_RETURN_UNREPAIRED');

    const closed = given(historyOf.AWAITING_RETURN_UNREPAIRED)
      .when(command('ReturnVehicleUnrepaired', {}), desk)
      .then([events.returnedUnrepaired]);
    expect(closed.status).toBe('CLOSED_UNREPAIRED');
    expect(vehicleRepairProcess.isTerminal(closed)).toBe(true);
  });

  it('refused for a major fault, waits for the analysis report', () => {
    const history = [
      ...historyOf.AFTER_SALES_SUPPORT,
      events.resolvedToQuote,
      events.quoteIssuedMajor,
      events.quoteRefused,
    ];
    const waiting = given(history)
      .when(command('ReturnVehicleUnrepaired', {}), desk)
      .then([events.returnedUnrepaired]);
    expect(waiting.status).toBe('AWAITING_ANALYSIS_REPORT');

    const closed = given([...history, events.returnedUnrepaired])
      .when(command('SubmitAnalysisReport', payloads.analysis), afterSales)
      .then([events.analysed]);
    expect(closed.status).toBe('CLOSED_UNREPAIRED');
  });
});

describe('repair and quality check (G1 7–8)', () => {
  it('hands the finished repair to the inspector', () => {
    const state = given(historyOf.REPAIRING)
      .when(command('CompleteRepair', payloads.repair), technician)
      .then([events.repairCompleted]);
    expect(vehicleRepairProcess.custody(state)).toEqual({
      role: 'repair-quality-inspector',
    });
  });

  it('records a repair without parts as replacing none', () => {
    given(historyOf.REPAIRING)
      .when(command('CompleteRepair', { workDone: '紧固线束' }), technician)
      .then([
        {
          type: 'vehicle-repair.repair-completed',
          schemaVersion: 1,
          data: { workDone: '紧固线束', partsReplaced: [] },
        },
      ]);
  });

  it('sends a failed check back to repair, counting it', () => {
    const state = given(historyOf.AWAITING_QUALITY_CHECK)
      .when(
        command('RecordQualityCheck', payloads.qcFailed),
        ctx('repair-quality-inspector'),
      )
      .then([events.qcFailed]);
    expect(state).toMatchObject({ status: 'REPAIRING', qualityFailures: 1 });
  });

  it('passes the car on to delivery', () => {
    const state = given(historyOf.AWAITING_QUALITY_CHECK)
      .when(
        command('RecordQualityCheck', payloads.qcPassed),
        ctx('repair-quality-inspector'),
      )
      .then([events.qcPassed]);
    expect(state.status).toBe('READY_FOR_DELIVERY');
  });
});

describe('delivery and warranty (G1 8–9)', () => {
  it('notifies the owner, then starts the warranty at collection', () => {
    const notified = given(historyOf.READY_FOR_DELIVERY)
      .when(command('NotifyOwnerToCollect', payloads.notify), desk)
      .then([events.ownerNotified]);
    expect(notified.status).toBe('AWAITING_COLLECTION');

    const delivered = given(historyOf.AWAITING_COLLECTION)
      .when(command('RecordVehicleCollected', payloads.collected), desk)
      .then([events.delivered]);
    expect(delivered).toMatchObject({
      status: 'UNDER_WARRANTY',
      deliveredAt: NOW,
      warrantyEndsAt: WARRANTY_ENDS_AT,
    });
    expect(vehicleRepairProcess.custody(delivered)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('runs the configured warranty, ending at midnight in Shanghai', () => {
    const short = deciderSpec(vehicleRepairProcess, { warrantyDays: 10 });
    const state = short
      .given(historyOf.AWAITING_COLLECTION)
      .when(
        command('RecordVehicleCollected', payloads.collected),
        ctx('repair-shop-receptionist', {}, '2026-03-02T17:00:00.000Z'),
      )
      .then([
        {
          type: 'vehicle-repair.vehicle-delivered',
          schemaVersion: 1,
          data: {
            collectedBy: '王先生',
            deliveredAt: '2026-03-02T17:00:00.000Z',
            warrantyDays: 10,
            // 01:00 on 3 March in Shanghai: day one is 3 March.
            warrantyEndsAt: '2026-03-13T16:00:00.000Z',
          },
        },
      ]);
    expect(state.status).toBe('UNDER_WARRANTY');
  });

  it('reopens the repair for a claim within the period', () => {
    const state = given(historyOf.UNDER_WARRANTY)
      .when(
        command('FileWarrantyClaim', payloads.claim),
        ctx('cs-phone-agent', {}, '2026-04-01T15:59:59.000Z'),
      )
      .then([events.claimFiled]);
    expect(state).toMatchObject({ status: 'REPAIRING', warrantyClaims: 1 });
  });

  it('keeps the first warranty end when the car is delivered again after a warranty repair', () => {
    // Claimed on 20 March, repaired, collected again on 25 March.
    const later = '2026-03-25T02:00:00.000Z';
    const state = given([
      ...historyOf.UNDER_WARRANTY,
      events.claimFiled,
      events.repairCompleted,
      events.qcPassed,
      events.ownerNotified,
    ])
      .when(
        command('RecordVehicleCollected', payloads.collected),
        ctx('repair-shop-receptionist', {}, later),
      )
      .then([
        {
          type: 'vehicle-repair.vehicle-delivered',
          schemaVersion: 1,
          data: {
            collectedBy: '王先生',
            deliveredAt: later,
            warrantyDays: 30,
            warrantyEndsAt: WARRANTY_ENDS_AT,
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'UNDER_WARRANTY',
      deliveredAt: later,
      warrantyEndsAt: WARRANTY_ENDS_AT,
    });
  });

  it('moves to the survey after a follow-up with nothing to repair', () => {
    const state = given(historyOf.UNDER_WARRANTY)
      .when(command('CompleteWarrantyFollowUp', payloads.followUp), agent)
      .then([events.followUpDone]);
    expect(state.status).toBe('AWAITING_SURVEY');
  });
});

describe('the survey (G1 10) and the analysis report (G3 6)', () => {
  it('closes an ordinary repair', () => {
    const state = given(historyOf.AWAITING_SURVEY)
      .when(command('RecordSatisfactionSurvey', payloads.survey), agent)
      .then([events.surveyed]);
    expect(state).toMatchObject({ status: 'CLOSED_REPAIRED', surveyScore: 5 });
    expect(vehicleRepairProcess.custody(state)).toEqual({ role: null });
  });

  it('closes without a score when the member would not answer', () => {
    const state = given(historyOf.AWAITING_SURVEY)
      .when(
        command('RecordSatisfactionSurvey', {
          answered: false,
          channel: 'phone',
          comment: '车主不愿评价',
        }),
        agent,
      )
      .then([
        {
          type: 'vehicle-repair.survey-recorded',
          schemaVersion: 1,
          data: { answered: false, channel: 'phone', comment: '车主不愿评价' },
        },
      ]);
    expect(state.status).toBe('CLOSED_REPAIRED');
    expect(state.surveyScore).toBeUndefined();
  });

  it('keeps a major fault open for after-sales’ report, which closes it', () => {
    const history = historyOf.AWAITING_ANALYSIS_REPORT;
    const waiting = given(history.slice(0, -1))
      .when(command('RecordSatisfactionSurvey', payloads.survey), agent)
      .then([events.surveyed]);
    expect(waiting.status).toBe('AWAITING_ANALYSIS_REPORT');

    const closed = given(history)
      .when(command('SubmitAnalysisReport', payloads.analysis), afterSales)
      .then([events.analysed]);
    expect(closed).toMatchObject({
      status: 'CLOSED_REPAIRED',
      analysisReported: true,
    });
  });
});
