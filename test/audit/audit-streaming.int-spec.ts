import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { postgresEventStoreMigrations } from '@opsdesk/event-store';
import { personalDataMigrations, runMigrations } from '@opsdesk/platform';
import { readModelMigrations } from '@opsdesk/read-models';
import { tableChecksum } from '../../apps/audit/src/rebuild/table-checksum';
import { runAuditCli } from '../support/audit-cli';
import { appendBulkLog } from '../support/bulk-log';
import { createTestSchema, type TestSchema } from '../support/database';

// 200,000 events are written, rebuilt and exported by child processes.
jest.setTimeout(600_000);

/** 11,765 tickets of 17 events: a little over 200,000 events. */
const TICKETS = 11_765;
const PEAK_LIMIT_KB = 200 * 1024;

async function countLines(path: string): Promise<number> {
  let lines = 0;
  const reader = createInterface({ input: createReadStream(path) });
  for await (const line of reader) if (line.length > 0) lines += 1;
  return lines;
}

describe('the audit tool over a log of 200,000 events', () => {
  let db: TestSchema;
  let events: number;
  let dir: string;
  const database = () => ({ url: db.url, schema: db.schema });

  beforeAll(async () => {
    db = await createTestSchema('audit_bulk');
    await runMigrations(db.pool, db.schema, [
      ...postgresEventStoreMigrations,
      ...personalDataMigrations,
      ...readModelMigrations,
    ]);
    ({ events } = await appendBulkLog(db.pool, TICKETS));
    dir = await mkdtemp(join(tmpdir(), 'audit-bulk-'));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('holds at least 200,000 events', () => {
    expect(events).toBeGreaterThanOrEqual(200_000);
  });

  describe('a rebuild interrupted half-way', () => {
    it('leaves the live table as it was and its staging table behind', async () => {
      const liveBefore = await tableChecksum(db.pool, 'timeline_entries');
      const oidBefore = await db.pool.query(
        `SELECT 'timeline_entries'::regclass::oid::text AS oid`,
      );
      let killed = false;
      const running = runAuditCli(
        [
          'rebuild',
          'timeline',
          '--batch-size',
          '200',
          '--progress-every',
          '2000',
        ],
        database(),
        {
          onStderr: (text) => {
            if (!killed && /events/.test(text)) {
              killed = true;
              running.kill('SIGINT');
            }
          },
        },
      );
      const run = await running;
      expect(killed).toBe(true);
      expect(run.code).toBe(130);
      expect(run.stderr).toContain('audit: interrupted');

      const staging = await db.pool.query(
        `SELECT to_regclass('timeline_entries__rebuild')::text AS t`,
      );
      expect(staging.rows[0].t).toBe('timeline_entries__rebuild');
      const oidAfter = await db.pool.query(
        `SELECT 'timeline_entries'::regclass::oid::text AS oid`,
      );
      expect(oidAfter.rows[0].oid).toBe(oidBefore.rows[0].oid);
      expect(await tableChecksum(db.pool, 'timeline_entries')).toEqual(
        liveBefore,
      );
    });
  });

  describe('rebuild, run again after the interruption', () => {
    it('drops the leftovers, streams the log and stays under 200 MB', async () => {
      const run = await runAuditCli(
        ['rebuild', 'timeline', '--json', '--progress-every', '50000'],
        database(),
        { measureMemory: true },
      );
      expect(run.code).toBe(0);
      const [report] = JSON.parse(run.stdout).rebuilt;
      expect(report).toMatchObject({
        droppedLeftovers: ['timeline_entries__rebuild'],
        eventsBuilt: events,
        tables: [{ table: 'timeline_entries', rows: events }],
      });
      expect(run.stderr).toMatch(/^rebuild timeline 100% \d+\/\d+ events/m);
      expect(run.peakRssKb).toBeGreaterThan(0);
      expect(run.peakRssKb).toBeLessThan(PEAK_LIMIT_KB);
    });
  });

  describe('rebuild of the reporting projection', () => {
    // Timeline (above) and reporting are the two kinds of projection:
    // a row per event, and rows per ticket folded from all its events.
    it('streams the log into its tables and stays under 200 MB', async () => {
      const run = await runAuditCli(
        ['rebuild', 'reporting', '--json', '--progress-every', '100000'],
        database(),
        { measureMemory: true },
      );
      expect(run.code).toBe(0);
      const [report] = JSON.parse(run.stdout).rebuilt;
      expect(report).toMatchObject({
        projection: 'reporting',
        eventsBuilt: events,
      });
      expect(report.tables).toContainEqual(
        expect.objectContaining({ table: 'reporting_tickets', rows: TICKETS }),
      );
      expect(run.peakRssKb).toBeGreaterThan(0);
      expect(run.peakRssKb).toBeLessThan(PEAK_LIMIT_KB);
    });
  });

  describe('export of the whole log', () => {
    it.each(['jsonl', 'csv'])(
      'streams it as %s to a file and stays under 200 MB',
      async (format) => {
        const out = join(dir, `log.${format}`);
        const run = await runAuditCli(
          ['export', '--format', format, '--out', out],
          database(),
          { measureMemory: true },
        );
        expect(run).toMatchObject({ code: 0, stdout: '' });
        expect(run.peakRssKb).toBeGreaterThan(0);
        expect(run.peakRssKb).toBeLessThan(PEAK_LIMIT_KB);
        const header = format === 'csv' ? 1 : 0;
        expect(await countLines(out)).toBe(events + header);
        expect(
          (await readdir(dir)).filter((f) => f.endsWith('.partial')),
        ).toEqual([]);
      },
    );
  });
});
