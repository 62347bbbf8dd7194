import { InvalidCommandDataError } from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import {
  command,
  ctx,
  events,
  historyOf,
  NOW,
  payloads,
} from './order-anomaly.fixtures';
import { orderAnomalyProcess } from './order-anomaly.process';

const { given } = deciderSpec(orderAnomalyProcess, undefined);

describe('a phone agent takes a call about an abnormal order', () => {
  it('opens the case under the agent’s subsidiary and it is REPORTED', () => {
    const state = given([])
      .when(
        command('ReportOrderAnomaly', payloads.report),
        ctx('cs-phone-agent'),
      )
      .then([events.reported]);

    expect(state).toMatchObject({
      status: 'REPORTED',
      subsidiaryId: 'sh',
      orderId: 'ORD-20260302-88231',
    });
  });

  it('keeps a caller without a name to the phone alone', () => {
    const report = { ...payloads.report, caller: { phone: '021-6888 8888' } };
    given([])
      .when(command('ReportOrderAnomaly', report), ctx('cs-phone-agent'))
      .then([
        {
          ...events.reported,
          data: { ...events.reported.data, caller: report.caller },
        },
      ]);
  });
});

describe('the agent checks the vehicle’s trip record (4.1)', () => {
  it('records when use began and ended', () => {
    const state = given(historyOf.REPORTED)
      .when(command('ReviewTrajectory', payloads.review), ctx('cs-phone-agent'))
      .then([events.reviewed]);

    expect(state).toMatchObject({
      status: 'USAGE_DETERMINED',
      usageEndedAt: payloads.review.usageEndedAt,
    });
  });

  it('stores the times in UTC whatever offset the agent typed', () => {
    given(historyOf.REPORTED)
      .when(
        command('ReviewTrajectory', {
          usageStartedAt: '2026-03-02T11:10:00+08:00',
          usageEndedAt: '2026-03-02T12:05:00+08:00',
        }),
        ctx('cs-phone-agent'),
      )
      .then([events.reviewed]);
  });
});

describe('the order is restored (4.2, 4.3 yes)', () => {
  it('restores it with the trajectory’s times and ends with payment in the app', () => {
    const state = given(historyOf.USAGE_DETERMINED)
      .when(
        command('RecordRestoreResult', payloads.restored),
        ctx('cs-phone-agent'),
      )
      .then([events.restored, events.guided]);

    expect(state.status).toBe('CLOSED_PAID_IN_APP');
    expect(orderAnomalyProcess.isTerminal(state)).toBe(true);
  });
});

describe('restoring fails (4.3 no)', () => {
  it('reports to technical management and leaves the case with the agent', () => {
    const state = given(historyOf.USAGE_DETERMINED)
      .when(
        command('RecordRestoreResult', payloads.notRestored),
        ctx('cs-phone-agent'),
      )
      .then([events.restoreFailed, events.reportedToTech]);

    expect(state.status).toBe('MANUAL_SETTLEMENT');
    expect(orderAnomalyProcess.custody(state)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('asks the user to top up the order fee in E币 (4.3.1)', () => {
    const state = given(historyOf.MANUAL_SETTLEMENT)
      .when(command('RequestECoinTopUp', payloads.topUp), ctx('cs-phone-agent'))
      .then([events.topUpRequested]);

    expect(state).toMatchObject({
      status: 'AWAITING_TOPUP',
      orderFeeFen: 2750,
    });
  });
});

describe('the agent deducts E币 and settles (4.3.2)', () => {
  it('hands the case to technical management while its finding is open', () => {
    const state = given(historyOf.AWAITING_TOPUP)
      .when(command('SettleWithECoin', payloads.settle), ctx('cs-phone-agent'))
      .then([events.deducted, events.settled, events.notified]);

    expect(state.status).toBe('AWAITING_TECH_FINDING');
    expect(orderAnomalyProcess.custody(state)).toEqual({
      role: 'tech-manager',
    });
  });

  it('closes at once when technical management answered first', () => {
    const state = given([...historyOf.AWAITING_TOPUP, events.finding])
      .when(command('SettleWithECoin', payloads.settle), ctx('cs-phone-agent'))
      .then([events.deducted, events.settled, events.notified]);

    expect(state.status).toBe('CLOSED_SETTLED_BY_ECOIN');
  });

  it('dates the settlement at the decision', () => {
    const state = given(historyOf.AWAITING_TOPUP)
      .when(command('SettleWithECoin', payloads.settle), ctx('cs-phone-agent'))
      .then([events.deducted, events.settled, events.notified]);
    expect(state.settledAt).toBe(NOW);
  });
});

describe('technical management answers the failure report', () => {
  it('closes a settled case', () => {
    const state = given(historyOf.AWAITING_TECH_FINDING)
      .when(command('RecordTechFinding', payloads.finding), ctx('tech-manager'))
      .then([events.finding]);

    expect(state.status).toBe('CLOSED_SETTLED_BY_ECOIN');
    expect(orderAnomalyProcess.custody(state)).toEqual({ role: null });
  });

  it.each(['MANUAL_SETTLEMENT', 'AWAITING_TOPUP'] as const)(
    'is recorded in %s without taking the case from the agent',
    (status) => {
      const state = given(historyOf[status])
        .when(
          command('RecordTechFinding', payloads.finding),
          ctx('tech-manager'),
        )
        .then([events.finding]);

      expect(state.status).toBe(status);
      expect(state.techFinding).toEqual(payloads.finding);
    },
  );
});

describe('a restore result that mixes both outcomes', () => {
  it('refuses a reason and a summary with a restored order, naming both', () => {
    const error = given(historyOf.USAGE_DETERMINED)
      .when(
        command('RecordRestoreResult', {
          ...payloads.restored,
          reason: '轨迹缺失',
          techSummary: '无法恢复',
        } as never),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError, { code: 'INVALID_COMMAND_DATA' });
    expect(error.fields.map((f) => f.field)).toEqual([
      'payload.reason',
      'payload.techSummary',
    ]);
  });

  it('refuses a note with an order not restored, naming it', () => {
    const error = given(historyOf.USAGE_DETERMINED)
      .when(
        command('RecordRestoreResult', {
          ...payloads.notRestored,
          note: '已告知用户',
        } as never),
        ctx('cs-phone-agent'),
      )
      .thenThrows(InvalidCommandDataError, { code: 'INVALID_COMMAND_DATA' });
    expect(error.fields.map((f) => f.field)).toEqual(['payload.note']);
  });
});
