import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  type DecisionContext,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import { P17_WAIVER_TABLE, type WaiverRuleRow } from './fee-waiver.rule-table';
import { WaiverTableVersionExistsError } from './waiver-rule-table.decide';
import {
  WAIVER_RULE_TABLE_ID,
  type PublishWaiverTable,
  type WaiverTablePublished,
} from './waiver-rule-table.events';
import { waiverRuleTableProcess } from './waiver-rule-table.process';

const { given } = deciderSpec(waiverRuleTableProcess, undefined);

const NOW = '2026-03-02T06:00:00.000Z';
const supervisor: DecisionContext = {
  now: NOW,
  actor: {
    id: 'sup-1',
    role: 'cs-supervisor',
    kind: 'person',
    subsidiary: 'sh',
  },
};

const rows: WaiverRuleRow[] = P17_WAIVER_TABLE.rows.map((row) =>
  row.caseCode === 'tyre-problem' ? { ...row, method: 'full' } : row,
);

function publish(payload: Partial<PublishWaiverTable['payload']>) {
  return {
    type: 'PublishWaiverTable',
    ticketId: WAIVER_RULE_TABLE_ID,
    payload: { version: 'P17-V2.0', rows, ...payload },
  } as PublishWaiverTable;
}

const first: WaiverTablePublished = {
  type: 'waiver-rule-table.version-published',
  schemaVersion: 1,
  data: {
    version: 'P17-V2.0',
    effectiveFrom: '2026-04-01T00:00:00.000Z',
    rows,
    sequence: 1,
    publishedAt: NOW,
  },
};

describe('the supervisor publishes a new version of the waiver table', () => {
  it('takes effect at the given instant, numbered after the manual’s', () => {
    const state = given([])
      .when(publish({ effectiveFrom: '2026-04-01T08:00:00+08:00' }), supervisor)
      .then([first]);
    expect(state).toMatchObject({
      status: 'PUBLISHED',
      versions: [first.data],
    });
  });

  it('takes effect at once when no instant is given', () => {
    given([])
      .when(publish({}), supervisor)
      .then([{ ...first, data: { ...first.data, effectiveFrom: NOW } }]);
  });

  it('is numbered after the versions before it', () => {
    given([first])
      .when(
        publish({ version: 'P17-V2.1', effectiveFrom: '2026-05-01T00:00:00Z' }),
        supervisor,
      )
      .then([
        {
          ...first,
          data: {
            ...first.data,
            version: 'P17-V2.1',
            effectiveFrom: '2026-05-01T00:00:00.000Z',
            sequence: 2,
          },
        },
      ]);
  });
});

describe('a publication that would rewrite what was decided', () => {
  it('is refused when it takes effect before the publication', () => {
    const error = given([])
      .when(publish({ effectiveFrom: '2026-03-01T00:00:00Z' }), supervisor)
      .thenThrows(InvalidCommandDataError);
    expect(error.fields.map((f) => f.field)).toEqual(['payload.effectiveFrom']);
  });

  it('is refused when it takes effect before the latest version', () => {
    const error = given([first])
      .when(
        publish({ version: 'P17-V2.1', effectiveFrom: '2026-03-20T00:00:00Z' }),
        supervisor,
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.fields.map((f) => f.field)).toEqual(['payload.effectiveFrom']);
  });

  it('is refused under a version name already used', () => {
    for (const [history, version] of [
      [[], 'P17-V1.2'],
      [[first], 'P17-V2.0'],
    ] as const) {
      given([...history])
        .when(
          publish({ version, effectiveFrom: '2026-06-01T00:00:00Z' }),
          supervisor,
        )
        .thenThrows(WaiverTableVersionExistsError, {
          version,
          code: 'WAIVER_TABLE_VERSION_EXISTS',
        });
    }
  });
});

describe('a publication with bad rows', () => {
  it('names every failing field', () => {
    const error = given([])
      .when(
        publish({
          rows: [
            { ...rows[0], row: 0, moveWithinMinutes: -5 },
            { ...rows[1], caseCode: 'Bad Code', method: 'half' as never },
            { ...rows[2], row: 3, caseCode: rows[3].caseCode },
            { ...rows[3], category: ' ', moveWithinMinutes: 10 },
          ],
        }),
        supervisor,
      )
      .thenThrows(InvalidCommandDataError);
    expect(error.fields.map((f) => f.field)).toEqual([
      'payload.rows.0.row',
      'payload.rows.0.moveWithinMinutes',
      'payload.rows.1.caseCode',
      'payload.rows.1.method',
      'payload.rows.3.caseCode',
      'payload.rows.3.category',
      'payload.rows.3.moveWithinMinutes',
    ]);
  });

  it('refuses an empty table', () => {
    const error = given([])
      .when(publish({ rows: [] }), supervisor)
      .thenThrows(InvalidCommandDataError);
    expect(error.fields.map((f) => f.field)).toEqual(['payload.rows']);
  });
});

describe('a publication by anyone but the supervisor', () => {
  it('is refused naming the permission', () => {
    given([])
      .when(publish({}), {
        ...supervisor,
        actor: { ...supervisor.actor, role: 'cs-phone-agent' },
      })
      .thenThrows(RoleNotPermittedError, {
        allowed: ['cs-supervisor'],
        permission: 'waiver-rule-table:PublishWaiverTable',
      });
  });
});
