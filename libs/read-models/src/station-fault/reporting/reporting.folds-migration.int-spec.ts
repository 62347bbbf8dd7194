import { postgresEventStoreMigrations } from '@opsdesk/event-store';
import { runMigrations } from '@opsdesk/platform';
import {
  createTestSchema,
  type TestSchema,
} from '../../../../../test/support/database';
import { readModelMigrations } from '../../read-model.migrations';
import { ReportingQueries } from '../../queries/reporting-queries';
import { applyAll, snapshot } from '../../testing/read-model.harness';
import {
  byRecordedAt,
  reportingScenario,
} from '../../testing/reporting-scenario.fixture';
import { createReportingProjection } from './reporting.projection';
import { REPORTING_TICKET_COLUMNS } from './reporting.tables';

/** Stable for good: a deployed database records it once applied. */
const MOVE_FOLDS = 'read-models/003-reporting_tickets-folds';
const FOLD_COLUMNS = [
  'last_revision',
  'state',
  'custody_periods',
  'holder_since',
];

/** A database deployed before #9: the fold in `reporting_tickets`. */
async function deployedBeforeTheMove(db: TestSchema): Promise<void> {
  await runMigrations(db.pool, db.schema, [
    ...postgresEventStoreMigrations,
    ...readModelMigrations.filter((m) => m.id !== MOVE_FOLDS),
  ]);
}

async function columnsOf(db: TestSchema, table: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [db.schema, table],
  );
  return rows.map((r) => r.name);
}

describe('a database whose reporting_tickets still hold the fold', () => {
  let db: TestSchema;
  const log = byRecordedAt(reportingScenario());
  // The move comes with the gate closed, the pile part way through its
  // holders, and the light not yet called in.
  const moveAt = '2026-03-10T04:00:00.000Z';
  const earlier = log.filter((event) => event.recordedAt < moveAt);
  const later = log.filter((event) => event.recordedAt >= moveAt);
  let foldsBefore: unknown[];
  let applied: string[];

  beforeAll(async () => {
    db = await createTestSchema('reporting_folds');
    await deployedBeforeTheMove(db);
    // What the projection kept before the move, built by today's code
    // into tables of their own and joined into the wide rows.
    const early = createReportingProjection({ tableSuffix: '_early' });
    await runMigrations(db.pool, db.schema, early.migrations);
    await applyAll(db.pool, early, earlier);
    const ticketColumns = REPORTING_TICKET_COLUMNS.join(', ');
    await db.pool.query(
      `INSERT INTO reporting_tickets (${ticketColumns}, ${FOLD_COLUMNS.join(', ')})
         SELECT ${REPORTING_TICKET_COLUMNS.map((c) => `t.${c}`).join(', ')},
                ${FOLD_COLUMNS.map((c) => `f.${c}`).join(', ')}
           FROM reporting_tickets_early t
           JOIN reporting_folds_early f USING (ticket_id);
       INSERT INTO reporting_custody SELECT * FROM reporting_custody_early;`,
    );
    ({ rows: foldsBefore } = await db.pool.query(
      `SELECT ticket_id, ${FOLD_COLUMNS.join(', ')}
         FROM reporting_tickets ORDER BY ticket_id`,
    ));

    applied = await runMigrations(db.pool, db.schema, readModelMigrations);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('runs the one new migration', () => {
    expect(foldsBefore).toHaveLength(2);
    expect(applied).toEqual([MOVE_FOLDS]);
  });

  it('moves every fold into reporting_folds as it was', async () => {
    const { rows } = await db.pool.query(
      `SELECT ticket_id, ${FOLD_COLUMNS.join(', ')}
         FROM reporting_folds ORDER BY ticket_id`,
    );
    expect(rows).toEqual(foldsBefore);
  });

  it('leaves reporting_tickets the report columns only', async () => {
    expect(await columnsOf(db, 'reporting_tickets')).toEqual([
      ...REPORTING_TICKET_COLUMNS,
    ]);
  });

  it('goes on from the moved folds to the rows a build from scratch gives', async () => {
    const live = createReportingProjection();
    await applyAll(db.pool, live, later);

    const fresh = createReportingProjection({ tableSuffix: '_fresh' });
    await runMigrations(db.pool, db.schema, fresh.migrations);
    await applyAll(db.pool, fresh, log);
    expect(await snapshot(db.pool, live)).toEqual(
      await snapshot(db.pool, fresh),
    );
    // The views over the narrowed table answer as before.
    expect(await new ReportingQueries(db.pool).summary({})).toMatchObject({
      reported: 3,
      cleared: 2,
      stillOpen: 1,
    });
  });
});

describe('the move on a table of many wide rows', () => {
  const TICKETS = 2000;
  let db: TestSchema;

  beforeAll(async () => {
    db = await createTestSchema('reporting_folds_size');
    await deployedBeforeTheMove(db);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('rewrites the table, so the dropped fold takes no room', async () => {
    // Closed tickets, each with a fold about as wide as a real one.
    await db.pool.query(
      `INSERT INTO reporting_tickets (ticket_id, report_day, call_time,
         recorded_at, region_id, status, inspection_visits, escalated,
         supplier_involved, repaired_on_site, updated_at, last_revision,
         state, custody_periods)
       SELECT 'ticket-' || n, date '2026-03-01' + n % 7, at, at,
              'rp-central', 'CLOSED', 1, false, false, false, at, 9,
              jsonb_build_object('status', 'CLOSED',
                                 'notes', repeat('x', 1500)), 6
         FROM generate_series(1, $1::integer) AS n,
              LATERAL (SELECT timestamptz '2026-03-01T00:00:00Z'
                                + n * interval '1 minute' AS at) AS a`,
      [TICKETS],
    );
    const size = async () => {
      const { rows } = await db.pool.query<{ bytes: string }>(
        `SELECT pg_relation_size('reporting_tickets') AS bytes`,
      );
      return Number(rows[0].bytes);
    };
    const wide = await size();

    await runMigrations(db.pool, db.schema, readModelMigrations);

    const { rows } = await db.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM reporting_folds
        WHERE length(state::text) > 1500`,
    );
    expect(Number(rows[0].n)).toBe(TICKETS);
    expect(await size()).toBeLessThan(wide / 4);
  });
});
