import {
  P17_WAIVER_TABLE,
  TRAFFIC_VIOLATION_PROCESS_ID,
} from '@opsdesk/domain';
import { CheckpointStore, WORKER_ROLES } from '@opsdesk/messaging';
import { SteppableClock } from '@opsdesk/platform';
import {
  createMoneyProcessProjections,
  createStationFaultProjections,
  loadCheckpoint,
} from '@opsdesk/read-models';
import { clearedFaultAwaitingCallback } from '../../apps/api/src/demo/scenarios';
import { projectionNames } from '../../apps/audit/src/rebuild/rebuild-plan';
import { tableChecksum } from '../../apps/audit/src/rebuild/table-checksum';
import { runAuditCli } from '../support/audit-cli';
import { eventually } from '../support/eventually';
import { logBarrier } from '../support/log-barrier';
import { startTestSystem, type TestSystem } from '../support/system';

// Every process through the whole system, then two rebuilds of all.
jest.setTimeout(180_000);

/** `2026-09-24 11:00` in Shanghai: a Thursday, when violations are entered. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const agent = { id: 'agent-0107', role: 'cs-phone-agent' };
const supervisor = { id: 'sup-chen', role: 'cs-supervisor' };
const specialist = { id: 'spec-zhou', role: 'subsidiary-violation-specialist' };

/** Every projection the projector runs, and the tables they write. */
const projections = [
  ...createStationFaultProjections(),
  ...createMoneyProcessProjections(),
];
const tables = projections.flatMap((p) => p.tables);

/**
 * `rebuild all` over a log that holds every process the projector follows
 * (station faults, phone call-backs, fee waivers and their rule table,
 * invoices, order anomalies, repeat callers, e-mail cases, traffic
 * violations, repair orders and the shops' books, vehicle repairs, centre
 * emergencies, membership-card inquiries and the courier record): the
 * rebuilt tables equal the ones the projector built live, row for row,
 * twice over.
 */
describe('rebuild all over a log of every process', () => {
  let system: TestSystem;
  const clock = new SteppableClock(sh('2026-09-24 11:00'));
  const database = () => ({
    url: system.schema.url,
    schema: system.schema.schema,
  });

  async function opened(path: string, body: object, actor: object) {
    const answer = await system.client.send<{ ticket: { id: string } }>(
      path,
      body,
      { actor },
    );
    expect({ path, status: answer.status }).toEqual({ path, status: 201 });
  }

  async function checkpoints() {
    const out: Record<string, string | null> = {};
    for (const projection of projections) {
      const { position } = await loadCheckpoint(
        system.schema.pool,
        projection.name,
      );
      out[projection.name] = position;
    }
    return out;
  }

  async function checksums() {
    const out: Record<string, { rows: number; checksum: string }> = {};
    for (const table of tables) {
      const { rows, checksum } = await tableChecksum(system.schema.pool, table);
      out[table] = { rows, checksum };
    }
    return out;
  }

  beforeAll(async () => {
    system = await startTestSystem({}, { clock });
    const now = clock.now().getTime();
    // A station fault the inspector cleared: its result opens a call-back.
    await clearedFaultAwaitingCallback(system.client, {
      callTime: new Date(now - 60_000).toISOString(),
    });
    await opened(
      '/fee-waivers',
      {
        orderId: 'ORD-REBUILD-1',
        memberId: 'M-310000-7788',
        caller: { phone: '13900001111' },
        caseCode: 'cannot-open-door-at-station',
        orderFeeFen: 4800,
      },
      agent,
    );
    // A new version of the waiver rule table (its own process).
    await opened(
      '/fee-waivers/rule-table/versions',
      {
        version: 'P17-V2.0',
        rows: P17_WAIVER_TABLE.rows,
        note: '重新发布',
      },
      supervisor,
    );
    await opened(
      '/invoices/paper-requests',
      {
        orderId: 'ORD-REBUILD-2',
        memberId: 'M-310000-9001',
        amountFen: 1000,
        orderCompletedAt: new Date(now - 5 * DAY).toISOString(),
        sheet: {
          title: '赵某某',
          name: '赵先生',
          phone: '13700007777',
          address: '上海市浦东新区张杨路500号',
        },
      },
      agent,
    );
    await opened(
      '/order-anomalies',
      {
        orderId: 'ORD-REBUILD-3',
        memberId: 'M-310000-5521',
        vehicleId: '沪A·D12345',
        caller: { phone: '13800138000', name: '刘女士' },
        description: '还车后订单仍在计费',
      },
      agent,
    );
    await opened(
      '/repeat-callers',
      {
        caller: { phone: '13500005555' },
        subject: 'refund',
        issue: '押金退款一周未到账',
        promisedTimeframe: '24小时内回电',
      },
      agent,
    );
    // 邮件客服: a mail recorded by hand (the maildir adapter is off here).
    await opened(
      '/email-cases',
      {
        from: { address: 'liu@example.com', name: '刘女士' },
        subject: '押金退还咨询',
        body: '请问押金多久退还？',
      },
      { id: 'mail-chen', role: 'cs-email-specialist' },
    );
    await opened(
      '/traffic-violations',
      {
        memberId: 'M-310000-4411',
        phone: '13600006666',
        email: 'li@example.com',
        violation: {
          plate: '沪A·D54321',
          occurredAt: '2026-09-01T10:30:00+08:00',
          location: '上海市徐汇区漕溪北路',
          description: '违法停车',
          fineFen: 20000,
          points: 0,
        },
      },
      specialist,
    );
    // Day 0's SMS is due at once: its timer appends it a moment after the
    // entry, maybe after every projection looked caught up. Wait for it.
    await eventually(async () => {
      const events = await system.resources.store.readAll({
        filter: { streamPrefixes: [`${TRAFFIC_VIOLATION_PROCESS_ID}-`] },
      });
      expect(events.map((e) => e.type)).toContain('traffic-violation.sms-sent');
    }, 30_000);
    // 维修站 (issue #13): a shop's appointment book, and a quick repair.
    await system.client.post(
      '/repair-orders/shops/SH-REBUILD',
      { name: '重建维修站', bays: 1, partsOnHand: {}, partsLeadHours: 0 },
      { actor: { id: 'fleet-chen', role: 'fleet-admin' } },
    );
    await opened(
      '/repair-orders/walk-ins',
      {
        shopCode: 'SH-REBUILD',
        kind: 'quick-repair',
        vehicle: { plate: '沪A·R9002', model: '荣威 Ei5' },
        customer: { phone: '13900139000' },
        symptoms: '刹车片报警',
        preliminaryDiagnosis: '前刹车片磨损到限',
      },
      { id: 'quick-liu', role: 'repair-quick-team' },
    );
    // 车辆报修与救援维修: a driver's report, now with the shop's reception.
    await opened(
      '/vehicle-repairs',
      {
        memberId: 'M-310000-5521',
        plate: '沪A·D12345',
        caller: { phone: '13800138000', name: '王先生' },
        description: '仪表盘故障灯常亮',
        occurredAt: new Date(now - 30 * 60_000).toISOString(),
        location: '上海市浦东新区张杨路500号',
        emergencyMeasures: '已靠边停车，关闭电源',
        canMove: true,
        payer: 'member',
      },
      agent,
    );
    // 客服中心应急处理: an unannounced back-office outage.
    await opened(
      '/centre-emergencies',
      {
        faultType: 'backoffice-network-power',
        advanceNotice: false,
        description: '后台系统无法登录',
      },
      agent,
    );
    // 市场会员卡进度审核: the marketing post's courier record of a card,
    // and a member's inquiry about it.
    await opened(
      '/card-courier-records',
      {
        memberId: 'M-310000-0003',
        courier: '顺丰速运',
        trackingNo: 'SF1234567890',
        cardNo: 'EV-000123',
      },
      { id: 'mkt-sun', role: 'marketing-manager' },
    );
    await opened(
      '/membership-cards',
      { memberId: 'M-310000-0003', caller: { phone: '13800138000' } },
      agent,
    );
    // Every projection has events (each process opened a ticket above,
    // and a step a worker takes after the answer may still be on its way)
    // and has applied the last of them; and nothing is on its way any
    // more: the process manager has followed the whole log, no job waits
    // or runs, and the log's end did not move while this looked. A
    // projection that never gets any is named when this gives up.
    await eventually(async () => {
      const end = await logEnd();
      const manager = await new CheckpointStore(
        system.schema.pool,
        'process_manager_checkpoints',
      ).load('process-manager');
      expect({ processManager: manager }).toEqual({ processManager: end });
      for (const projection of projections) {
        const events = await system.resources.store.readAll({
          filter: { streamPrefixes: [...projection.streamPrefixes] },
        });
        const checkpoint = await loadCheckpoint(
          system.schema.pool,
          projection.name,
        );
        expect({ name: projection.name, events: events.length > 0 }).toEqual({
          name: projection.name,
          events: true,
        });
        expect({ name: projection.name, at: checkpoint.position }).toEqual({
          name: projection.name,
          at: events[events.length - 1].position,
        });
      }
      expect({ jobsInFlight: await jobsInFlight() }).toEqual({
        jobsInFlight: 0,
      });
      expect({ endAfterwards: await logEnd() }).toEqual({
        endAfterwards: end,
      });
    }, 30_000);
  });

  /**
   * The log's last position, read once every transaction that had begun
   * by now has ended (the read gate could hide a late commit otherwise).
   */
  async function logEnd(): Promise<string | null> {
    const passed = await logBarrier(system.schema.pool);
    await eventually(async () => expect(await passed()).toBe(true));
    const log = await system.resources.store.readAll({});
    return log.length > 0 ? log[log.length - 1].position : null;
  }

  /** Jobs any role's queue holds waiting or running (timers wait delayed). */
  async function jobsInFlight(): Promise<number> {
    let jobs = 0;
    for (const role of WORKER_ROLES) {
      const counts = await system.resources.queues
        .queue(role)
        .getJobCounts('waiting', 'active', 'prioritized');
      jobs += Object.values(counts).reduce((sum, n) => sum + n, 0);
    }
    return jobs;
  }

  afterAll(async () => {
    await system?.stop();
  });

  it('gives every table, each process’s included, the rows built live, twice', async () => {
    const builtLive = await checksums();
    // Each process left rows: the comparison is not of empty tables. Only
    // the inboxes of records that wait for nobody once written are empty.
    const empty = Object.entries(builtLive)
      .filter(([, t]) => t.rows === 0)
      .map(([table]) => table);
    expect(empty).toEqual([
      // A published rule table ends where it is published.
      'waiver_rule_table_inbox',
      // A shop's appointment book is a register that waits for nobody.
      'repair_shop_book_inbox',
      // The marketing post's courier record ends at 已寄出 (MAILED).
      'card_courier_record_inbox',
    ]);

    // Where each live runner stands: its projection's own last event.
    const held = await checkpoints();

    for (const round of [1, 2]) {
      const run = await runAuditCli(['rebuild', 'all', '--json'], database());
      expect({ round, code: run.code, stderr: run.stderr }).toEqual({
        round,
        code: 0,
        stderr: expect.any(String),
      });
      const rebuilt = JSON.parse(run.stdout).rebuilt as {
        projection: string;
      }[];
      expect(rebuilt.map((r) => r.projection)).toEqual(projectionNames());
      expect(await checksums()).toEqual(builtLive);
      // Each swap hands its runner the position it holds, so no runner
      // finds its checkpoint moved under it (a compare-and-set failure).
      expect({ round, checkpoints: await checkpoints() }).toEqual({
        round,
        checkpoints: held,
      });
    }
  });
});
