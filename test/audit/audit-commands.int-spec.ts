import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PostgresEventStore,
  postgresEventStoreMigrations,
  type RecordedEvent,
} from '@opsdesk/event-store';
import {
  createPool,
  DataKeyVault,
  eventIdFor,
  personalDataMigrations,
  runMigrations,
} from '@opsdesk/platform';
import {
  createMoneyProcessProjections,
  createStationFaultProjections,
  ProjectionRunner,
  readModelMigrations,
  vaultOpener,
} from '@opsdesk/read-models';
import type { Pool } from 'pg';
import {
  stationFaultLog,
  waitForCheckpoint,
} from '../../libs/read-models/src/testing/read-model.harness';
import { tableChecksum } from '../../apps/audit/src/rebuild/table-checksum';
import { audit } from '../../apps/audit/src/testing/audit-harness';
import { formatShanghai } from '../../apps/audit/src/time/shanghai-time';
import { runAuditCli } from '../support/audit-cli';
import { createTestSchema, type TestSchema } from '../support/database';
import {
  writeScenarioLog,
  type ScenarioLog,
} from '../support/station-fault-scenario-log';

// The runners read through the log's gate, which any open transaction in
// the test database holds back; the CLI runs are separate processes.
jest.setTimeout(120_000);

interface HistoryJson {
  ticket: { streamName: string; ticketNumber: string };
  events: {
    revision: number;
    type: string;
    label: { zh: string; en: string };
    recordedAt: string;
    recordedAtShanghai: string;
    actor: { id: string; role: string; roleLabel: { zh: string } };
    holder: { role: string | null };
    changes: { field: string; before?: unknown; after?: unknown }[];
  }[];
}

describe('the audit tool over the log of the three station-fault scenarios', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  let auditPool: Pool;
  let auditStore: PostgresEventStore;
  let scenarios: ScenarioLog;
  let vault: DataKeyVault;
  let log: RecordedEvent[];
  const streams = new Map<string, RecordedEvent[]>();

  const tool = () => ({
    store: auditStore,
    pool: auditPool,
    schema: db.schema,
  });
  const eventsOf = (ticket: { streamName: string }) =>
    streams.get(ticket.streamName)!;

  beforeAll(async () => {
    db = await createTestSchema('audit_cmds');
    await runMigrations(db.pool, db.schema, [
      ...postgresEventStoreMigrations,
      ...personalDataMigrations,
      ...readModelMigrations,
    ]);
    store = new PostgresEventStore(db.pool, { pollIntervalMs: 50 });
    vault = new DataKeyVault(db.pool);
    scenarios = await writeScenarioLog(store, vault);
    for (const ticket of Object.values(scenarios)) {
      streams.set(ticket.streamName, await store.readStream(ticket.streamName));
    }
    const total = [...streams.values()].reduce((n, s) => n + s.length, 0);
    log = await stationFaultLog(store, total);
    auditPool = createPool(db.url, db.schema, { max: 4 });
    auditStore = new PostgresEventStore(auditPool);
  });

  afterAll(async () => {
    await auditStore?.close();
    await auditPool?.end();
    await store?.close();
    await db?.drop();
  });

  describe('history', () => {
    it("lists the supplier ticket's 17 events with time, actor, role, action and changes", async () => {
      const events = eventsOf(scenarios.supplierRepaired);
      const run = await audit(
        ['history', scenarios.supplierRepaired.ticketId],
        tool(),
      );
      expect(run.code).toBe(0);
      expect(events).toHaveLength(17);
      const blocks = run.stdout.split('\n\n').slice(1);
      expect(blocks).toHaveLength(17);
      expect(blocks[0]).toContain(
        `r0  ${formatShanghai(events[0].recordedAt)}`,
      );
      expect(blocks[0]).toContain(
        '接听来电 · Call received (station-fault.call-received)',
      );
      expect(blocks[0]).toContain(
        '李娜 agent-0107 · 客服中心电话坐席 · CS phone agent (cs-phone-agent) · 人工 person',
      );
      // Sealed in the log, opened with the ticket's key for the auditor.
      expect(blocks[0]).toContain('reporter.phone=13800138000');
      expect(blocks[1]).toContain('status: NEW → RECORDED');
      expect(blocks[3]).toContain('自动 automatic');
      expect(blocks[11]).toContain('指派充电桩供应商到场处理');
      expect(blocks[11]).toContain('supplierId: ∅ → sup-teld');
      expect(run.stdout).toContain('Asia/Shanghai');
      expect(run.stdout).not.toContain('⚠');
    });

    it('gives machines the same in JSON, and finds the ticket by its number too', async () => {
      const events = eventsOf(scenarios.supplierRepaired);
      const byId = await audit(
        ['history', scenarios.supplierRepaired.ticketId, '--json'],
        tool(),
      );
      const byNumber = await audit(
        ['history', scenarios.supplierRepaired.ticketNumber, '--json'],
        tool(),
      );
      expect(byNumber.stdout).toBe(byId.stdout);
      const history = JSON.parse(byId.stdout) as HistoryJson;
      expect(history.ticket).toMatchObject({
        streamName: scenarios.supplierRepaired.streamName,
        ticketNumber: 'SF-20261204-0001',
      });
      expect(history.events.map((e) => e.type)).toEqual(
        events.map((e) => e.type),
      );
      for (const [i, entry] of history.events.entries()) {
        expect(entry.recordedAt).toBe(events[i].recordedAt);
        expect(entry.recordedAtShanghai).toBe(
          formatShanghai(events[i].recordedAt),
        );
        expect(entry.label.zh).not.toBe(entry.type);
      }
      expect(history.events[0].actor).toMatchObject({
        id: 'agent-0107',
        role: 'cs-phone-agent',
        roleLabel: { zh: '客服中心电话坐席' },
      });
      expect(history.events.map((e) => e.holder.role).slice(-3)).toEqual([
        'cs-phone-agent',
        'cs-phone-agent',
        null,
      ]);
    });
  });

  describe('state --at', () => {
    it('between the assignment and the arrival, shows the ticket with the inspector', async () => {
      const events = eventsOf(scenarios.supplierRepaired);
      const assigned = events[4];
      const arrived = events[5];
      expect(assigned.type).toBe('station-fault.inspection-assigned');
      expect(arrived.type).toBe('station-fault.inspector-arrived');
      const between =
        (Date.parse(assigned.recordedAt) + Date.parse(arrived.recordedAt)) / 2;
      const at = formatShanghai(new Date(Math.floor(between)).toISOString());
      expect(
        Date.parse(arrived.recordedAt) - Date.parse(assigned.recordedAt),
      ).toBeGreaterThan(1);

      const json = await audit(
        ['state', scenarios.supplierRepaired.ticketId, '--at', at, '--json'],
        tool(),
      );
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({
        status: 'INSPECTION_ASSIGNED',
        statusLabel: { zh: '已指派巡检' },
        holder: { role: 'regional-inspector', roleLabel: { zh: '区域巡检' } },
        assigneeId: 'insp-zhang',
        eventsApplied: 5,
        eventsLater: 12,
        lastEvent: { revision: 4, type: 'station-fault.inspection-assigned' },
        deadlines: [],
      });

      const text = await audit(
        ['state', scenarios.supplierRepaired.ticketNumber, '--at', at],
        tool(),
      );
      expect(text.stdout).toContain(
        '已指派巡检 · Inspection assigned (INSPECTION_ASSIGNED)',
      );
      expect(text.stdout).toContain(
        '区域巡检 · Regional inspector (regional-inspector)',
      );
      expect(text.stdout).toContain('insp-zhang');
      expect(text.stdout).toContain('none recorded in the log by then');
    });

    it('at the very instant of an event, includes that event', async () => {
      const arrived = eventsOf(scenarios.supplierRepaired)[5];
      const run = await audit(
        [
          'state',
          scenarios.supplierRepaired.ticketId,
          '--at',
          arrived.recordedAt,
          '--json',
        ],
        tool(),
      );
      expect(JSON.parse(run.stdout)).toMatchObject({
        status: 'INSPECTING',
        eventsApplied: 6,
      });
    });

    it('before the call, says the ticket did not exist yet', async () => {
      const run = await audit(
        ['state', scenarios.clearedByInspector.ticketId, '--at', '2020-01-01'],
        tool(),
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('the ticket did not exist');
      expect(run.stdout).toContain('(NEW)');
    });
  });

  describe('verify', () => {
    it('finds every chain intact, every sequence allowed and no gap', async () => {
      const run = await audit(['verify', '--json'], tool());
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({
        ok: true,
        streams: 3,
        events: log.length,
        processes: { 'station-fault': { streams: 3, events: log.length } },
      });
      const text = await audit(['verify'], tool());
      expect(text.stdout).toMatch(/hash chains\s+intact/);
      expect(text.stdout).toMatch(/state machines\s+every sequence allowed/);
      expect(text.stdout).toMatch(/revisions\s+gap-free/);
    });
  });

  describe('export', () => {
    it('writes the whole log as JSON Lines in log order, every stored field kept', async () => {
      const run = await audit(['export'], tool());
      expect(run.code).toBe(0);
      const lines = run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.position)).toEqual(log.map((e) => e.position));
      expect(lines[0]).toEqual({
        position: log[0].position,
        streamName: log[0].streamName,
        revision: log[0].revision,
        eventId: log[0].eventId,
        type: log[0].type,
        schemaVersion: log[0].schemaVersion,
        recordedAt: log[0].recordedAt,
        data: log[0].data,
        metadata: log[0].metadata,
        hash: log[0].hash,
        previousHash: log[0].previousHash,
      });
    });

    it('writes one ticket as CSV with a byte-order mark and Chinese labels', async () => {
      const events = eventsOf(scenarios.clearedByInspector);
      const run = await audit(
        [
          'export',
          '--ticket',
          scenarios.clearedByInspector.ticketNumber,
          '--format',
          'csv',
        ],
        tool(),
      );
      expect(run.code).toBe(0);
      expect(run.stdout.startsWith('\uFEFFposition,recorded_at,')).toBe(true);
      const records = run.stdout.trimEnd().split('\r\n');
      expect(records).toHaveLength(events.length + 1);
      expect(records[7]).toContain(',巡检排除故障,Fault cleared by inspector,');
    });

    it('keeps to a time range given on the Shanghai clock', async () => {
      const events = eventsOf(scenarios.clearedByInspector);
      const from = formatShanghai(events[0].recordedAt);
      const last = Date.parse(events[events.length - 1].recordedAt);
      const to = formatShanghai(new Date(last + 1).toISOString());
      const run = await audit(['export', '--from', from, '--to', to], tool());
      const ids = run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).eventId);
      expect(ids).toEqual(events.map((e) => e.eventId));
    });

    it('writes to a file via a partial one, renamed when complete', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'audit-export-'));
      try {
        const out = join(dir, 'log.csv');
        const run = await audit(
          ['export', '--format', 'csv', '--out', out],
          tool(),
        );
        expect(run).toMatchObject({ code: 0, stdout: '' });
        expect(await readdir(dir)).toEqual(['log.csv']);
        const text = await readFile(out, 'utf8');
        expect(text.trimEnd().split('\r\n')).toHaveLength(log.length + 1);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('conformance', () => {
    it("finds all three tickets on the manual's path, with no deviation", async () => {
      const run = await audit(['conformance', '--json'], tool());
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(
        report.processes.find(
          (p: { processId: string }) => p.processId === 'station-fault',
        ),
      ).toMatchObject({
        tickets: 3,
        followedExactly: 3,
        onPathSoFar: 0,
        withDeviations: 0,
      });
      expect(report.deviations).toEqual([]);
      const text = await audit(['conformance', '--from', '2020-01-01'], tool());
      expect(text.stdout).toContain('完全符合 exact');
      expect(text.stdout).toContain('no deviations');
    });
  });

  describe('rebuild', () => {
    it('rebuilds every projection to the same rows as the projector built live', async () => {
      // As the projector runs them: sealed personal data opened. The
      // other processes' projections have no event in this log, so their
      // tables stay empty live; they are compared all the same.
      const personalData = vaultOpener(vault);
      const projections = [
        ...createStationFaultProjections({ personalData }),
        ...createMoneyProcessProjections({ personalData }),
      ];
      const following = createStationFaultProjections({ personalData });
      // The projector's own pool: each runner's subscription holds one.
      const projectorPool = createPool(db.url, db.schema, { max: 8 });
      const projectorStore = new PostgresEventStore(projectorPool, {
        pollIntervalMs: 50,
      });
      const runners = following.map(
        (projection) =>
          new ProjectionRunner({
            projection,
            store: projectorStore,
            pool: projectorPool,
          }),
      );
      await Promise.all(runners.map((r) => r.start()));
      for (const projection of following) {
        await waitForCheckpoint(
          db.pool,
          projection.name,
          log[log.length - 1].position,
        );
      }
      await Promise.all(runners.map((r) => r.stop()));
      await projectorStore.close();
      await projectorPool.end();
      const tables = projections.flatMap((p) => p.tables);
      const builtLive = await Promise.all(
        tables.map((t) => tableChecksum(db.pool, t)),
      );

      const run = await audit(['rebuild', 'all'], tool());
      expect(run.code).toBe(0);
      const rebuilt = await Promise.all(
        tables.map((t) => tableChecksum(db.pool, t)),
      );
      expect(rebuilt).toEqual(builtLive);
      for (const t of builtLive) expect(run.stdout).toContain(t.checksum);
    });
  });

  describe('the built command-line tool', () => {
    const database = () => ({ url: db.url, schema: db.schema });

    it.each([
      [
        'an unknown ticket',
        ['history', '01900000-0000-7000-8000-000000000000'],
        /^audit history: no ticket/,
      ],
      [
        'an unparseable time',
        ['state', 'x', '--at', 'half past ten'],
        /^audit state: --at "half past ten" is not a time/,
      ],
      [
        'an unknown projection',
        ['rebuild', 'tickets'],
        /^audit rebuild: no projection "tickets"/,
      ],
    ])('answers %s with one line and exit code 2', async (_, args, line) => {
      const run = await runAuditCli(args, database());
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(line),
      ]);
    });

    it('verifies the log and exits 0', async () => {
      const run = await runAuditCli(['verify'], database());
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain('ok');
    });
  });

  describe('after a stream that skipped a step was written', () => {
    const skipping = 'station-fault-01900000-0000-7000-8000-00000000beef';

    beforeAll(async () => {
      // The intake of ticket (b), then straight to its inspector.
      const [call, recorded, , , assigned] = eventsOf(
        scenarios.clearedByInspector,
      );
      await store.appendToStream(
        skipping,
        [call, recorded, assigned].map((e, i) => ({
          eventId: eventIdFor('skipping-stream', i),
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: {
            ...e.data,
            ...(i === 0 && { ticketNumber: 'SF-20261204-0099' }),
          },
          metadata: e.metadata,
        })),
        { expectedRevision: 'no-stream' },
      );
      await stationFaultLog(store, log.length + 3);
    });

    it('conformance counts the skipped steps', async () => {
      const run = await audit(['conformance', '--json'], tool());
      const report = JSON.parse(run.stdout);
      expect(report.processes[0]).toMatchObject({
        tickets: 4,
        followedExactly: 3,
        withDeviations: 1,
      });
      expect(report.deviations).toEqual([
        expect.objectContaining({
          kind: 'skipped-step',
          subject: 'station-fault.dispatched-to-region',
          subjectLabel: {
            zh: '派发任务给区域平台',
            en: 'Dispatched to regional platform',
          },
          tickets: 1,
          occurrences: 1,
        }),
        expect.objectContaining({
          kind: 'skipped-step',
          subject: 'station-fault.task-created',
          tickets: 1,
        }),
      ]);
    });

    it('verify fails on it, naming the stream, revision and rule', async () => {
      const run = await audit(['verify'], tool());
      expect(run.code).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^audit verify: stream ${skipping} revision 2 breaks rule event-not-allowed`,
          ),
        ),
      ]);
      expect(run.stdout).toContain('BROKEN');
    });
  });

  describe('after an event was edited in the database', () => {
    it('the built tool fails verify with exit code 1, naming stream, revision and rule', async () => {
      const { streamName } = scenarios.repairedOnSite;
      await db.pool.query(
        `UPDATE events SET data = jsonb_set(data, '{note}', '"edited"')
          WHERE stream_name = $1 AND revision = 2`,
        [streamName],
      );
      const run = await runAuditCli(['verify'], {
        url: db.url,
        schema: db.schema,
      });
      expect(run.code).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^audit verify: stream ${streamName} revision 2 breaks rule hash-mismatch`,
          ),
        ),
      ]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
