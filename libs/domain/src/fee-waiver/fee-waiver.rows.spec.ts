import { deciderSpec } from '../shared/testing/given-when-then';
import type { RequestWaiver } from './fee-waiver.commands';
import type { WaiverRuleApplied } from './fee-waiver.events';
import {
  CALL_TIME,
  ctx,
  request,
  requested,
  ruleApplied,
} from './fee-waiver.fixtures';
import { feeWaiverProcess } from './fee-waiver.process';
import { P17_WAIVER_TABLE } from './fee-waiver.rule-table';
import type { FeeWaiverStatus } from './fee-waiver.states';

const { given } = deciderSpec(feeWaiverProcess, undefined);

type Decision = Omit<WaiverRuleApplied['data'], 'table' | 'row'>;

interface RowCase {
  row: number;
  caseCode: string;
  inputs: Partial<RequestWaiver['payload']>;
  decision: Decision;
  status: FeeWaiverStatus;
}

const unused = { vehicleUsed: false };
const waiveAll: Decision = { inputs: {}, outcome: 'waive', waiverFen: 4800 };
const waiveUnused: Decision = {
  inputs: unused,
  outcome: 'waive',
  waiverFen: 4800,
};
// ¥12.00 accrued up to the call, ¥36.00 after it.
const fromCall = { feeUntilCallFen: 1200 };
const waiveFromCall: Decision = {
  inputs: fromCall,
  outcome: 'waive',
  waiverFen: 3600,
  chargeUntil: CALL_TIME,
};

/** Each row of P17's waiver table (`P17_WAIVER_TABLE`), decided once. */
const ROWS: RowCase[] = [
  {
    row: 1,
    caseCode: 'no-space-move-car',
    // Moved 25 minutes after the first call: within the half hour.
    inputs: { ...fromCall, carMovedAt: '2026-03-02T05:45:00.000Z' },
    decision: {
      ...waiveFromCall,
      inputs: {
        ...fromCall,
        carMovedAt: '2026-03-02T05:45:00.000Z',
        minutesToMove: 25,
      },
    },
    status: 'WAIVER_GRANTED',
  },
  {
    row: 2,
    caseCode: 'cannot-start-at-station',
    inputs: unused,
    decision: waiveUnused,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 3,
    caseCode: 'cannot-start-en-route',
    inputs: fromCall,
    decision: waiveFromCall,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 4,
    caseCode: 'cannot-open-door-at-station',
    inputs: {},
    decision: waiveAll,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 5,
    caseCode: 'cannot-open-door-en-route',
    inputs: fromCall,
    decision: waiveFromCall,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 6,
    caseCode: 'guard-blocks-exit',
    inputs: {},
    decision: waiveAll,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 7,
    caseCode: 'tyre-problem',
    inputs: unused,
    decision: waiveUnused,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 8,
    caseCode: 'rescue-out-of-charge',
    inputs: fromCall,
    decision: waiveFromCall,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 9,
    caseCode: 'rescue-accident',
    inputs: fromCall,
    decision: waiveFromCall,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 10,
    caseCode: 'damaged-en-route',
    inputs: fromCall,
    decision: waiveFromCall,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 11,
    caseCode: 'lost-belongings',
    inputs: { proposedWaiverFen: 1500, reason: '手机遗落车内' },
    decision: {
      inputs: { proposedWaiverFen: 1500 },
      outcome: 'needs-approval',
      waiverFen: 1500,
    },
    status: 'AWAITING_APPROVAL',
  },
  {
    row: 12,
    caseCode: 'own-fault-power-off',
    inputs: { proposedWaiverFen: 800, reason: '未熄火导致多计费' },
    decision: {
      inputs: { proposedWaiverFen: 800 },
      outcome: 'needs-approval',
      waiverFen: 800,
    },
    status: 'AWAITING_APPROVAL',
  },
  {
    row: 13,
    caseCode: 'own-fault-bystander-helped',
    inputs: {},
    decision: waiveAll,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 14,
    caseCode: 'system-auto-pickup-unused',
    inputs: {},
    decision: waiveAll,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 15,
    caseCode: 'range-mismatch',
    inputs: unused,
    decision: waiveUnused,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 16,
    caseCode: 'battery-drained-at-station',
    inputs: unused,
    decision: waiveUnused,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 17,
    caseCode: 'battery-drained-en-route',
    inputs: fromCall,
    decision: waiveFromCall,
    status: 'WAIVER_GRANTED',
  },
  {
    row: 18,
    caseCode: 'vehicle-condition',
    inputs: unused,
    decision: waiveUnused,
    status: 'WAIVER_GRANTED',
  },
];

describe('the manual’s waiver table', () => {
  it('has 18 rows, each named by a case the cases below cover', () => {
    expect(P17_WAIVER_TABLE.rows.map((r) => r.row)).toEqual(
      Array.from({ length: 18 }, (_, i) => i + 1),
    );
    expect(ROWS.map((c) => c.caseCode)).toEqual(
      P17_WAIVER_TABLE.rows.map((r) => r.caseCode),
    );
  });

  it('pairs at-station with full waivers and mid-trip with the call time', () => {
    const method = (code: string) =>
      P17_WAIVER_TABLE.rows.find((r) => r.caseCode === code)!.method;
    expect([
      method('cannot-start-at-station'),
      method('cannot-start-en-route'),
      method('cannot-open-door-at-station'),
      method('cannot-open-door-en-route'),
      method('battery-drained-at-station'),
      method('battery-drained-en-route'),
    ]).toEqual([
      'full-if-vehicle-unused',
      'waive-from-call-time',
      'full',
      'waive-from-call-time',
      'full-if-vehicle-unused',
      'waive-from-call-time',
    ]);
  });
});

describe.each(ROWS)('a request under row $row ($caseCode)', (c) => {
  it(`is decided by row ${c.row} and recorded with it`, () => {
    const state = given([])
      .when(request(c.caseCode, c.inputs), ctx('cs-phone-agent'))
      .then([
        requested(
          c.caseCode,
          'reason' in c.inputs ? { reason: c.inputs.reason } : {},
        ),
        ruleApplied(c.row, c.decision),
      ]);

    expect(state.status).toBe(c.status);
    expect(state.decision).toMatchObject({
      tableVersion: 'P17-V1.2',
      row: c.row,
      method: P17_WAIVER_TABLE.rows[c.row - 1].method,
    });
  });
});

describe('the conditions of the conditional methods', () => {
  it('waives nothing under 未使用车辆全额减免 when the vehicle was used (P17 is silent)', () => {
    const state = given([])
      .when(
        request('range-mismatch', { vehicleUsed: true }),
        ctx('cs-phone-agent'),
      )
      .then([
        requested('range-mismatch'),
        ruleApplied(15, {
          inputs: { vehicleUsed: true },
          outcome: 'not-waived',
          waiverFen: 0,
          notWaivedReason: 'vehicle-used',
        }),
      ]);
    expect(state.status).toBe('CLOSED_NOT_WAIVED');
  });

  it('waives nothing from the call time when nothing was charged after it', () => {
    given([])
      .when(
        request('cannot-start-en-route', { feeUntilCallFen: 4800 }),
        ctx('cs-phone-agent'),
      )
      .then([
        requested('cannot-start-en-route'),
        ruleApplied(3, {
          inputs: { feeUntilCallFen: 4800 },
          outcome: 'not-waived',
          waiverFen: 0,
          chargeUntil: CALL_TIME,
          notWaivedReason: 'nothing-after-call',
        }),
      ]);
  });
});

describe('the 30-minute rule of row 1, counted from the first call', () => {
  const moved = (at: string) =>
    request('no-space-move-car', { feeUntilCallFen: 1200, carMovedAt: at });

  it('waives from the call time when the car moved exactly 30 minutes later', () => {
    const state = given([])
      .when(moved('2026-03-02T05:50:00.000Z'), ctx('cs-phone-agent'))
      .then([
        requested('no-space-move-car'),
        ruleApplied(1, {
          inputs: {
            feeUntilCallFen: 1200,
            carMovedAt: '2026-03-02T05:50:00.000Z',
            minutesToMove: 30,
          },
          outcome: 'waive',
          waiverFen: 3600,
          chargeUntil: CALL_TIME,
        }),
      ]);
    expect(state.status).toBe('WAIVER_GRANTED');
  });

  it('charges normally when the car moved one second past the half hour', () => {
    const state = given([])
      .when(moved('2026-03-02T05:50:01.000Z'), ctx('cs-phone-agent'))
      .then([
        requested('no-space-move-car'),
        ruleApplied(1, {
          inputs: {
            feeUntilCallFen: 1200,
            carMovedAt: '2026-03-02T05:50:01.000Z',
            minutesToMove: 30,
          },
          outcome: 'not-waived',
          waiverFen: 0,
          notWaivedReason: 'moved-after-limit',
        }),
      ]);
    expect(state.status).toBe('CLOSED_NOT_WAIVED');
  });

  it('counts from the call, not from when the agent records the request', () => {
    // Recorded three hours after the call; the car moved 10 minutes after it.
    given([])
      .when(
        moved('2026-03-02T05:30:00+00:00'),
        ctx('cs-phone-agent', {}, '2026-03-02T08:20:00.000Z'),
      )
      .then([
        requested('no-space-move-car'),
        ruleApplied(1, {
          inputs: {
            feeUntilCallFen: 1200,
            carMovedAt: '2026-03-02T05:30:00.000Z',
            minutesToMove: 10,
          },
          outcome: 'waive',
          waiverFen: 3600,
          chargeUntil: CALL_TIME,
        }),
      ]);
  });
});
