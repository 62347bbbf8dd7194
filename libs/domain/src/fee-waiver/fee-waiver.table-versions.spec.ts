import { foldEvents, deciderSpec } from '../shared/testing/given-when-then';
import { ctx, request, requested, ruleApplied } from './fee-waiver.fixtures';
import { feeWaiverProcess } from './fee-waiver.process';
import {
  P17_WAIVER_TABLE,
  waiverTableInForce,
  type WaiverTableVersion,
} from './fee-waiver.rule-table';

const { given } = deciderSpec(feeWaiverProcess, undefined);

/**
 * A later table: tyre problems are waived in full whatever the use, and
 * the car-moving limit is 20 minutes. In force from 2026-04-01 Shanghai.
 */
const V2: WaiverTableVersion = {
  version: 'P17-V2.0',
  effectiveFrom: '2026-03-31T16:00:00.000Z',
  rows: P17_WAIVER_TABLE.rows.map((row) => {
    if (row.caseCode === 'tyre-problem') return { ...row, method: 'full' };
    if (row.row === 1) return { ...row, moveWithinMinutes: 20 };
    return row;
  }),
};
const BOTH = [P17_WAIVER_TABLE, V2];

describe('the table version in force', () => {
  it('is the manual’s until the new one takes effect, then the new one', () => {
    expect(waiverTableInForce(BOTH, '2026-03-31T15:59:59.999Z')?.version).toBe(
      'P17-V1.2',
    );
    expect(waiverTableInForce(BOTH, '2026-03-31T16:00:00.000Z')?.version).toBe(
      'P17-V2.0',
    );
  });

  it('is none before the manual’s own date', () => {
    expect(waiverTableInForce(BOTH, '2017-06-21T00:00:00Z')).toBeUndefined();
  });
});

describe('a request decided under the manual’s table, after a new version is published', () => {
  // Decided on 2 March, written out as it was stored.
  const decidedInMarch = [
    requested('tyre-problem'),
    ruleApplied(7, {
      inputs: { vehicleUsed: true },
      outcome: 'not-waived',
      waiverFen: 0,
      notWaivedReason: 'vehicle-used',
    }),
  ];

  it('keeps its decision and the row that made it', () => {
    const state = foldEvents(feeWaiverProcess, decidedInMarch);
    expect(state).toMatchObject({
      status: 'CLOSED_NOT_WAIVED',
      decision: {
        tableVersion: 'P17-V1.2',
        row: 7,
        method: 'full-if-vehicle-unused',
        outcome: 'not-waived',
      },
    });
  });

  it('is decided the same way when it is replayed with the new table known', () => {
    // The decider sees both versions; on 2 March the old one is in force.
    given([])
      .when(
        request('tyre-problem', { vehicleUsed: true }, BOTH),
        ctx('cs-phone-agent'),
      )
      .then(decidedInMarch);
  });

  it('while the same case in April is decided by the new version’s row', () => {
    const april = '2026-04-02T02:00:00.000Z';
    const state = given([])
      .when(
        request(
          'tyre-problem',
          { vehicleUsed: true, callTime: '2026-04-02T01:30:00.000Z' },
          BOTH,
        ),
        ctx('cs-phone-agent', {}, april),
      )
      .then([
        requested('tyre-problem', { callTime: '2026-04-02T01:30:00.000Z' }),
        ruleApplied(7, { inputs: {}, outcome: 'waive', waiverFen: 4800 }, V2),
      ]);
    expect(state.decision).toMatchObject({
      tableVersion: 'P17-V2.0',
      method: 'full',
    });
  });

  it('applies the new version’s own car-moving limit', () => {
    const april = '2026-04-02T02:00:00.000Z';
    const state = given([])
      .when(
        request(
          'no-space-move-car',
          {
            callTime: '2026-04-02T01:00:00.000Z',
            carMovedAt: '2026-04-02T01:25:00.000Z',
            feeUntilCallFen: 1000,
          },
          BOTH,
        ),
        ctx('cs-phone-agent', {}, april),
      )
      .then([
        requested('no-space-move-car', {
          callTime: '2026-04-02T01:00:00.000Z',
        }),
        ruleApplied(
          1,
          {
            inputs: {
              feeUntilCallFen: 1000,
              carMovedAt: '2026-04-02T01:25:00.000Z',
              minutesToMove: 25,
            },
            outcome: 'not-waived',
            waiverFen: 0,
            notWaivedReason: 'moved-after-limit',
          },
          V2,
        ),
      ]);
    expect(state.status).toBe('CLOSED_NOT_WAIVED');
  });
});

describe('a request whose table list was not filled in', () => {
  it('is decided by the manual’s table', () => {
    const state = given([])
      .when(
        request('guard-blocks-exit', {}, undefined as never),
        ctx('cs-phone-agent'),
      )
      .then([
        requested('guard-blocks-exit'),
        ruleApplied(6, { inputs: {}, outcome: 'waive', waiverFen: 4800 }),
      ]);
    expect(state.decision?.tableVersion).toBe('P17-V1.2');
  });
});
