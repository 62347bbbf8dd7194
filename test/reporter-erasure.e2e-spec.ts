import { streamNameOf } from '@opsdesk/domain';
import { verifyChain } from '@opsdesk/event-store';
import { runMigrations } from '@opsdesk/platform';
import {
  createStationFaultProjections,
  ProjectionRunner,
  projectionMigrations,
  TicketQueries,
  vaultOpener,
} from '@opsdesk/read-models';
import { Writable } from 'node:stream';
import { clearedFaultAwaitingCallback } from '../apps/api/src/demo/scenarios';
import { eraseReporterIn } from '../apps/api/src/station-faults/erase-reporter-in';
import { erasedSubjects } from '../apps/audit/src/rebuild/erasures-during-rebuild';
import { takeRebuildLocks } from '../apps/audit/src/rebuild/rebuild-lock';
import { rebuildPlans } from '../apps/audit/src/rebuild/rebuild-plan';
import { buildStaging } from '../apps/audit/src/rebuild/staging-build';
import {
  createStagingTables,
  dropLeftovers,
} from '../apps/audit/src/rebuild/staging-tables';
import { swapIn } from '../apps/audit/src/rebuild/table-swap';
import { ProgressReporter } from '../apps/audit/src/progress/progress-reporter';
import { runAuditCli } from './support/audit-cli';
import { ACTIONS, crewFor, type Crew } from './support/station-fault-actions';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';
import { tablesHolding as tablesHoldingIn } from './support/tables-holding';

type ErrorAnswer = {
  error: { code: string; details: Record<string, unknown> };
};

const PHONE = '138 1234 5678';
const PHONE_DIGITS = '13812345678';
const NAME = '赵建国先生';

/**
 * A reporter's name and phone are sealed in the log with the ticket's
 * key; erasing the reporter destroys the key and scrubs the read models.
 * Afterwards no query, export, table or replay shows them, and the log
 * still verifies: its hash chains (`verifyChain`) and the audit tool's
 * `verify`, run as an operator would (from `dist/`: build first).
 */
describe('erasing a reporter', () => {
  let system: TestSystem;
  let crew: Crew;
  let ticketId: string;
  let intakeCommandId: string;
  const supervisor = { id: 'supervisor-sh', role: 'cs-supervisor' };

  beforeAll(async () => {
    system = await startTestSystem();
    crew = await crewFor(system.client);
    const created = await system.client.post<{
      commandId: string;
      ticket: { id: string };
    }>('/station-faults', {
      ...ACTIONS[0].body(crew),
      reporter: { type: 'property-management', name: NAME, phone: PHONE },
    });
    ticketId = created.ticket.id;
    intakeCommandId = created.commandId;
    await system.client.post(`/station-faults/${ticketId}/create-task`, {});
    await eventually(async () => {
      const { entries } = await system.client.get<{ entries: unknown[] }>(
        `/station-faults/${ticketId}/timeline`,
      );
      expect(entries.length).toBeGreaterThanOrEqual(3);
    });
  });

  afterAll(async () => {
    await system?.stop();
  });

  const stream = () => streamNameOf('station-fault', ticketId);

  /** Tables (of this schema) with a row whose text holds `needle`. */
  const tablesHolding = (needle: string) =>
    tablesHoldingIn(system.schema.pool, system.schema.schema, needle);

  describe('before the erasure', () => {
    it('shows the name and phone to the centre, opened from the sealed log', async () => {
      const ticket = await system.client.get<Record<string, unknown>>(
        `/station-faults/${ticketId}`,
      );
      expect(ticket).toMatchObject({
        reporterName: NAME,
        reporterPhone: PHONE,
      });
      const [received] = await system.resources.store.readStream(stream());
      const reporter = received.data.reporter as Record<string, string>;
      expect(reporter.type).toBe('property-management');
      expect(reporter.phone).toMatch(/^pd1\./);
      expect(reporter.name).toMatch(/^pd1\./);
      expect(JSON.stringify(received)).not.toContain(PHONE);
      // Only the read models hold the opened values; the log never does.
      const holding = await tablesHolding(PHONE);
      expect(holding).toEqual(
        expect.arrayContaining(['ticket_view', 'timeline_entries']),
      );
      expect(holding).not.toContain('events');
    });

    it('shows them in the audit tool’s history, opened with the ticket’s key', async () => {
      const history = await runAuditCli(['history', ticketId, '--json'], {
        url: system.schema.url,
        schema: system.schema.schema,
      });
      expect(history.code).toBe(0);
      expect(history.stdout).toContain(NAME);
    });

    it('answers 503 with Retry-After and erases nothing while the key is held', async () => {
      const holder = await system.schema.pool.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(
          'SELECT 1 FROM personal_data_keys WHERE subject = $1 FOR UPDATE',
          [stream()],
        );

        // Each of its three attempts waits out its 5 s lock timeout.
        const answer = await fetch(
          `${system.client.baseUrl}/station-faults/${ticketId}/erase-reporter`,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...system.client.headersFor({ actor: supervisor }),
            },
            body: '{}',
          },
        );

        expect(answer.status).toBe(503);
        expect(answer.headers.get('retry-after')).toBe('30');
        expect(((await answer.json()) as ErrorAnswer).error).toMatchObject({
          code: 'TICKET_BUSY',
          details: { ticketId, attempts: 3 },
        });
      } finally {
        await holder.query('ROLLBACK');
        holder.release();
      }
      // Nothing of it was kept: the centre still sees the reporter.
      const ticket = await system.client.get<Record<string, unknown>>(
        `/station-faults/${ticketId}`,
      );
      expect(ticket).toMatchObject({
        reporterName: NAME,
        reporterPhone: PHONE,
      });
    }, 60_000);

    it('refuses the erasure to a role without the permission', async () => {
      const refused = await system.client.send<ErrorAnswer>(
        `/station-faults/${ticketId}/erase-reporter`,
        {},
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: 'ROLE_NOT_PERMITTED',
        details: {
          role: 'cs-phone-agent',
          permission: 'station-fault:EraseReporter',
        },
      });
    });

    it('refuses a body with any field, naming it, and erases nothing', async () => {
      const refused = await system.client.send<ErrorAnswer>(
        `/station-faults/${ticketId}/erase-reporter`,
        { x: 1 },
        { actor: supervisor },
      );
      const ticket = await system.client.get(`/station-faults/${ticketId}`);

      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.error)).toContain('"x"');
      expect(ticket).toMatchObject({ reporterPhone: PHONE });
    });
  });

  describe('after the erasure by the supervisor', () => {
    let erasedAt: string;

    beforeAll(async () => {
      const answer = await system.client.post<{
        erased: boolean;
        erasedAt: string;
      }>(
        `/station-faults/${ticketId}/erase-reporter`,
        {},
        { actor: supervisor },
      );
      expect(answer).toMatchObject({ ticketId, erased: true });
      erasedAt = answer.erasedAt;
      // The ticket goes on: the next steps still append and project.
      await system.client.waitForTicket(
        ticketId,
        (t) => t.status === 'INSPECTION_ASSIGNED',
      );
    });

    it('shows the phone and name in no query', async () => {
      const answers = [
        await system.client.get(`/station-faults/${ticketId}`),
        await system.client.get(`/station-faults/${ticketId}/timeline`),
        await system.client.get('/station-faults?limit=200'),
        await system.client.get('/inbox/regional-inspector?limit=200'),
        await system.client.get(`/commands/${intakeCommandId}`),
      ];
      for (const answer of answers) {
        const text = JSON.stringify(answer);
        expect(text).not.toContain(PHONE);
        expect(text).not.toContain(PHONE_DIGITS);
        expect(text).not.toContain(NAME);
      }
      const ticket = answers[0] as Record<string, unknown>;
      expect(ticket).toMatchObject({
        reporterType: 'property-management',
        reporterName: null,
        reporterPhone: null,
      });
    });

    it('leaves the phone and name in no table, the log included', async () => {
      expect(await tablesHolding(PHONE)).toEqual([]);
      expect(await tablesHolding(PHONE_DIGITS)).toEqual([]);
      expect(await tablesHolding(NAME)).toEqual([]);
    });

    it('keeps the sealed values in the log, and every hash chain verifies', async () => {
      const events = await system.resources.store.readStream(stream());
      const reporter = events[0].data.reporter as Record<string, string>;
      expect(reporter.phone).toMatch(/^pd1\./);
      expect(verifyChain(events)).toEqual({ ok: true });
      expect(verifyChain(await system.resources.store.readAll())).toEqual({
        ok: true,
      });
    });

    it('shows the phone and name in no report export', async () => {
      const exports = [
        '/reports/open-tickets?format=csv&limit=500',
        '/reports/custody-periods?format=csv&ticketId=' + ticketId,
        '/reports/by-station-day?format=csv',
      ];
      for (const path of exports) {
        const answer = await fetch(`${system.client.baseUrl}${path}`, {
          headers: system.client.headersFor({ actor: supervisor }),
        });
        expect({ path, status: answer.status }).toEqual({ path, status: 200 });
        const text = await answer.text();
        expect(text).not.toContain(PHONE);
        expect(text).not.toContain(PHONE_DIGITS);
        expect(text).not.toContain(NAME);
      }
    });

    it('shows them in no export or history of the audit tool, and its verify passes', async () => {
      const database = { url: system.schema.url, schema: system.schema.schema };
      const runs = [
        await runAuditCli(['export', '--format', 'csv'], database),
        await runAuditCli(['export', '--format', 'jsonl'], database),
        await runAuditCli(['history', ticketId, '--json'], database),
      ];
      for (const run of runs) {
        expect({ code: run.code, stderr: run.stderr }).toEqual({
          code: 0,
          stderr: '',
        });
        expect(run.stdout).toContain(ticketId);
        expect(run.stdout).not.toContain(PHONE);
        expect(run.stdout).not.toContain(PHONE_DIGITS);
        expect(run.stdout).not.toContain(NAME);
      }
      const verify = await runAuditCli(['verify'], database);
      expect({ code: verify.code, stderr: verify.stderr }).toEqual({
        code: 0,
        stderr: '',
      });
    });

    it('drops the intake job that still held the plain payload', async () => {
      const job = await system.resources.queues
        .queue('cs-phone-agent')
        .getJob(`command.${intakeCommandId}`);
      expect(job).toBeUndefined();
    });

    it('cannot be undone by rebuilding the read models from the log', async () => {
      const tableSuffix = '_rebuilt';
      const { pool, schema } = system.schema;
      await runMigrations(pool, schema, projectionMigrations({ tableSuffix }));
      const runners = createStationFaultProjections({
        tableSuffix,
        personalData: vaultOpener(system.resources.vault),
      })
        .filter((p) => p.tables.some((t) => /ticket_view|timeline/.test(t)))
        .map(
          (projection) =>
            new ProjectionRunner({
              projection,
              store: system.resources.store,
              pool,
            }),
        );
      await Promise.all(runners.map((r) => r.start()));
      try {
        const rebuilt = new TicketQueries(pool, { tableSuffix });
        const ticket = await eventually(async () => {
          const view = await rebuilt.getTicket(ticketId);
          expect(view?.status).toBe('INSPECTION_ASSIGNED');
          return view!;
        });
        expect(ticket).toMatchObject({
          reporterType: 'property-management',
          reporterName: null,
          reporterPhone: null,
        });
        const timeline = await rebuilt.getTimeline(ticketId);
        expect(JSON.stringify([ticket, timeline])).not.toMatch(
          new RegExp(`${PHONE}|${PHONE_DIGITS}|${NAME}`),
        );
      } finally {
        await Promise.all(runners.map((r) => r.stop()));
      }
    });

    describe('while a rebuild of the read models runs', () => {
      /** The rebuild locks each test took, let go of after it. */
      const heldLocks: (() => Promise<void>)[] = [];

      afterEach(async () => {
        await Promise.all(heldLocks.splice(0).map((release) => release()));
      });

      /** The live tables that hold a reporter, and a call-back's if any. */
      const liveHolding = (callback: boolean) => [
        'inbox_folds',
        ...(callback
          ? ['phone_callback_tickets', 'phone_callback_timeline']
          : []),
        'ticket_view',
        'timeline_entries',
      ];

      /**
       * A ticket of its own (taken on to a call-back to its reporter, when
       * asked), its read models rebuilt up to the swap.
       */
      async function reportedAndBuilt(
        name: string,
        phone: string,
        callback = false,
      ) {
        const reporter = { type: 'user', name, phone };
        const id = callback
          ? (await clearedFaultAwaitingCallback(system.client, { reporter }))
              .ticketId
          : (
              await system.client.post<{ ticket: { id: string } }>(
                '/station-faults',
                { ...ACTIONS[0].body(crew), reporter },
              )
            ).ticket.id;
        await eventually(async () => {
          expect(await tablesHolding(name)).toEqual(liveHolding(callback));
        });
        const { pool } = system.schema;
        const plans = rebuildPlans(
          'all',
          vaultOpener(system.resources.vault),
        ).filter((plan) => plan.staging.erasePersonalData);
        expect(plans.map((plan) => plan.live.name).sort()).toEqual([
          'inbox',
          'phone-callback-tickets',
          'ticket-view',
          'timeline',
        ]);
        // Held as a rebuild holds them, from the leftovers' drop to the end.
        const locks = await takeRebuildLocks(
          pool,
          plans.map((plan) => plan.live.name),
        );
        let released = false;
        const release = async () => {
          if (released) return;
          released = true;
          await locks.release();
        };
        // A failing test still lets go of them (and of their connection).
        heldLocks.push(release);
        for (const plan of plans) {
          await dropLeftovers(pool, plan);
          await createStagingTables(pool, plan);
        }
        const erasedBefore = await erasedSubjects(pool);
        const progress = new ProgressReporter({
          out: new Writable({ write: (_chunk, _encoding, done) => done() }),
          tty: false,
          label: 'rebuild',
          lineEvery: 1_000_000,
        });
        const resources = { pool, store: system.resources.store };
        const pass = await buildStaging(resources, plans, 500, progress);
        expect(await tablesHolding(name)).toEqual(
          liveHolding(callback).flatMap((table) => [
            table,
            `${table}__rebuild`,
          ]),
        );
        const dropBackups = async () => {
          for (const table of plans.flatMap((plan) => plan.backupTables)) {
            await pool.query(`DROP TABLE IF EXISTS ${table}`);
          }
        };
        const swapAll = async (keepBackup = false) => {
          try {
            for (const plan of plans) {
              await swapIn(resources, plan, {
                pageSize: 500,
                erasedBefore,
                passEnd: pass.end,
              });
            }
          } finally {
            await release();
          }
          if (!keepBackup) await dropBackups();
        };
        /** The rebuild stopped before its swap: its staging tables stay. */
        const stop = release;
        return { id, swapAll, stop, dropBackups };
      }

      /** The supervisor's erasure of the ticket's reporter. */
      const erase = (id: string) =>
        system.client.post(
          `/station-faults/${id}/erase-reporter`,
          {},
          { actor: supervisor },
        );

      /** A call-back's ticket rebuilt and swapped in, the old tables kept. */
      async function rebuiltKeepingBackup(name: string, phone: string) {
        const { id, swapAll, dropBackups } = await reportedAndBuilt(
          name,
          phone,
          true,
        );
        await swapAll(true);
        return { id, dropBackups };
      }

      async function expectNowhere(id: string, name: string, phone: string) {
        for (const needle of [name, phone, phone.replace(/ /g, '')]) {
          expect({ needle, tables: await tablesHolding(needle) }).toEqual({
            needle,
            tables: [],
          });
        }
        const view = await system.client.get<Record<string, unknown>>(
          `/station-faults/${id}`,
        );
        expect(view).toMatchObject({ reporterName: null, reporterPhone: null });
      }

      it('stays erased when the erasure comes between the build and the swap', async () => {
        const name = '钱德明先生';
        const phone = '139 8765 4321';
        const { id, swapAll } = await reportedAndBuilt(name, phone, true);

        await erase(id);
        // The erasure scrubbed the live tables only, the call-back's too.
        expect(await tablesHolding(name)).toEqual(
          liveHolding(true).map((table) => `${table}__rebuild`),
        );
        await swapAll();

        await expectNowhere(id, name, phone);
      });

      it('drops the staging tables a stopped rebuild left, which hold the reporter', async () => {
        const name = '褚文博先生';
        const phone = '133 1357 2468';
        const { id, stop } = await reportedAndBuilt(name, phone, true);
        await stop();
        const stagingCheckpoints = async () => {
          const { rows } = await system.schema.pool.query<{ name: string }>(
            `SELECT name FROM projection_checkpoints
              WHERE right(name, 9) = '__rebuild' ORDER BY name`,
          );
          return rows.map((row) => row.name);
        };
        expect(await stagingCheckpoints()).toEqual(
          ['inbox', 'phone-callback-tickets', 'ticket-view', 'timeline'].map(
            (projection) => `${projection}__rebuild`,
          ),
        );

        await erase(id);

        await expectNowhere(id, name, phone);
        expect(await stagingCheckpoints()).toEqual([]);
      });

      it('reaches the live tables a rebuild swapped out and kept', async () => {
        const name = '郑光明先生';
        const phone = '136 9753 1864';
        const { id, dropBackups } = await rebuiltKeepingBackup(name, phone);
        try {
          // The kept tables hold the reporter as the live ones did.
          expect(await tablesHolding(name)).toEqual(
            [
              ...liveHolding(true),
              ...liveHolding(true).map((t) => `${t}__previous`),
            ].sort(),
          );

          await erase(id);

          await expectNowhere(id, name, phone);
        } finally {
          await dropBackups();
        }
      });

      it('drops a kept copy that lost one of its tables, rather than leave the reporter in it', async () => {
        const name = '冯建华先生';
        const phone = '135 8642 9753';
        const { id, dropBackups } = await rebuiltKeepingBackup(name, phone);
        const exists = async (table: string) => {
          const { rows } = await system.schema.pool.query<{ t: string }>(
            'SELECT to_regclass($1)::text AS t',
            [table],
          );
          return rows[0].t !== null;
        };
        try {
          await system.schema.pool.query(
            'DROP TABLE phone_callback_inbox__previous',
          );

          await erase(id);

          await expectNowhere(id, name, phone);
          expect(await exists('phone_callback_tickets__previous')).toBe(false);
          // The complete copies are scrubbed and kept.
          expect(await exists('ticket_view__previous')).toBe(true);
        } finally {
          await dropBackups();
        }
      });

      it('stays erased when the erasure is in flight as the swap begins', async () => {
        const name = '孙立新女士';
        const phone = '137 2468 1357';
        const { id, swapAll } = await reportedAndBuilt(name, phone);
        // The erasure's own transaction, held open: key gone, erasure
        // recorded, live tables scrubbed, nothing committed yet.
        const erasing = await system.schema.pool.connect();
        let swapped: Promise<void> | undefined;
        let committed = false;
        try {
          await erasing.query('BEGIN');
          await eraseReporterIn(erasing, system.resources, id, {
            id: supervisor.id,
            role: supervisor.role,
          });

          swapped = swapAll();
          // The swap waits for it rather than miss it.
          await eventually(async () => {
            const { rows } = await system.schema.pool.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE wait_event_type = 'Lock'
                  AND query = 'LOCK TABLE personal_data_erasures IN SHARE MODE'`,
            );
            expect(rows[0].n).toBeGreaterThan(0);
          });
          await erasing.query('COMMIT');
          committed = true;
        } finally {
          if (!committed) {
            await erasing.query('ROLLBACK').catch(() => undefined);
            await swapped?.catch(() => undefined);
          }
          erasing.release();
        }
        await swapped;

        await expectNowhere(id, name, phone);
      });
    });

    it('answers a second erasure with the first one, changing nothing', async () => {
      const again = await system.client.post<{ erasedAt: string }>(
        `/station-faults/${ticketId}/erase-reporter`,
        {},
        { actor: supervisor },
      );
      expect(again.erasedAt).toBe(erasedAt);
    });
  });
});
