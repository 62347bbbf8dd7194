import {
  stationFaultProcess,
  type Actor,
  type RoleId,
  type StationSnapshot,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import {
  CommandExecutor,
  ProcessCatalog,
  SealingEventStore,
} from '@opsdesk/messaging';
import { createLogger, uuidv7, type DataKeyVault } from '@opsdesk/platform';

/**
 * The three station-fault scenarios of the demo (apps/api/src/demo/
 * scenarios) as their commands, run through the real command path (load,
 * decide, append: `CommandExecutor` with the station-fault decider), but
 * without HTTP and queues: a log exactly as the workers write it, quick
 * and with no timers or other traffic in it.
 */
export interface ScenarioTicket {
  name: string;
  ticketId: string;
  ticketNumber: string;
  streamName: string;
}

export interface ScenarioLog {
  supplierRepaired: ScenarioTicket;
  clearedByInspector: ScenarioTicket;
  repairedOnSite: ScenarioTicket;
}

const SUBSIDIARY = 'sh';

const ZHANGJIANG: StationSnapshot = {
  id: 'st-pd-0231',
  name: '张江高科地铁站网点',
  address: '上海市浦东新区张江路665号',
  district: '浦东新区',
  street: '张江镇',
  regionId: 'region-pudong',
  subsidiaryId: SUBSIDIARY,
};

const XINZHUANG: StationSnapshot = {
  id: 'st-mh-0407',
  name: '莘庄地铁站北广场网点',
  address: '上海市闵行区莘建路1号',
  district: '闵行区',
  street: '莘庄镇',
  regionId: 'region-minhang',
  subsidiaryId: SUBSIDIARY,
};

function person(role: RoleId, id: string, extra: Partial<Actor> = {}): Actor {
  return { id, role, kind: 'person', subsidiary: SUBSIDIARY, ...extra };
}

function automatic(role: RoleId): Actor {
  return { id: `auto:${role}`, role, kind: 'automatic' };
}

const agent = person('cs-phone-agent', 'agent-0107', { name: '李娜' });
const platformDesk = person('regional-platform', 'platform-desk');
const dispatchDesk = person('dispatch-manager', 'dispatch-desk');
const stationManager = person('station-manager', 'station-manager-01');

const routed = (inputs: Record<string, unknown>) => ({
  mode: 'automatic',
  ruleVersion: 'station-region/v1',
  inputs,
});

/** Runs one ticket's commands, a few milliseconds apart. */
class TicketRun {
  readonly ticketId = uuidv7();
  private correlationId = '';

  constructor(
    private readonly executor: CommandExecutor,
    readonly ticketNumber: string,
  ) {}

  async command(
    actor: Actor,
    type: string,
    payload: Record<string, unknown>,
  ): Promise<this> {
    const commandId = uuidv7();
    this.correlationId ||= commandId;
    await this.executor.execute({
      commandId,
      processId: stationFaultProcess.processId,
      ticketId: this.ticketId,
      type,
      payload,
      actor,
      correlationId: this.correlationId,
      causationId: commandId,
      issuedAt: new Date().toISOString(),
    });
    // Distinct recordedAt instants, so a test can ask between two events.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return this;
  }

  ticket(name: string): ScenarioTicket {
    return {
      name,
      ticketId: this.ticketId,
      ticketNumber: this.ticketNumber,
      streamName: `${stationFaultProcess.processId}-${this.ticketId}`,
    };
  }
}

/** 4.1–4.5: intake, task, routing, assignment, the inspector on site. */
async function intakeToSite(
  run: TicketRun,
  station: StationSnapshot,
  report: Record<string, unknown>,
  inspectorId: string,
) {
  await run.command(agent, 'ReportStationFault', {
    ticketNumber: run.ticketNumber,
    callTime: new Date(Date.now() - 60_000).toISOString(),
    station,
    ...report,
  });
  await run.command(agent, 'CreateFaultTask', {});
  await run.command(automatic('dispatch-manager'), 'DispatchToRegion', {
    regionalPlatformId: `rp-${station.regionId}`,
    decision: routed({ district: station.district, street: station.street }),
  });
  await run.command(automatic('regional-platform'), 'AssignInspection', {
    inspectorId,
    decision: routed({ onDuty: [inspectorId], openTickets: {} }),
  });
  await run.command(
    person('regional-inspector', inspectorId),
    'StartInspection',
    {},
  );
}

/** 4.7–4.10: not cleared, up the chain to the operations team. */
async function escalate(
  run: TicketRun,
  inspectorId: string,
  opsTeamId: string,
) {
  await run.command(
    person('regional-inspector', inspectorId),
    'ReportInspectionResult',
    {
      cleared: false,
      findings: '需专业维修',
      reasonNotFixed: '需专业维修，巡检无法现场处理',
    },
  );
  await run.command(platformDesk, 'ReportUnresolvedToDispatch', {
    note: '巡检未能排除',
  });
  await run.command(dispatchDesk, 'EscalateToStationManager', {
    note: '转网点管理岗处理',
  });
  await run.command(stationManager, 'AssignOpsTask', { opsTeamId });
}

/** G-b, 4.11, G-c: the result back to the centre, the reporter told. */
async function reportBack(run: TicketRun, ops: Actor, result: string) {
  await run.command(ops, 'ReportResultToStationManager', { result });
  await run.command(stationManager, 'NotifyCustomerService', {
    resultSummary: result,
  });
  await run.command(agent, 'InformReporter', {
    contactOutcome: 'reached',
    note: '已电话告知处理结果',
  });
}

/**
 * Writes the three tickets. With a vault, the reporter's name and phone
 * are sealed with each ticket's key, as the workers' store does.
 */
export async function writeScenarioLog(
  store: EventStore,
  vault?: DataKeyVault,
): Promise<ScenarioLog> {
  const catalog = new ProcessCatalog().register(stationFaultProcess, {
    resultNotifier: 'station-manager',
  });
  const executor = new CommandExecutor(
    vault ? new SealingEventStore(store, catalog, vault) : store,
    catalog,
    createLogger('scenario-log', 'silent'),
  );

  // (a) 物业方 reports a broken charging pile; the supplier repairs it.
  const a = new TicketRun(executor, 'SF-20261204-0001');
  const opsA = person('station-ops-team', 'ops-engineer-01', {
    org: 'ops-pudong-1',
  });
  await intakeToSite(
    a,
    ZHANGJIANG,
    {
      reporter: {
        type: 'property-management',
        name: '王经理',
        phone: '13800138000',
      },
      faultDescription: 'cp-0231-02 充电桩无法启动充电，屏幕黑屏',
      suspectedChargingPile: true,
      chargingPileId: 'cp-0231-02',
    },
    'insp-zhang',
  );
  await escalate(a, 'insp-zhang', 'ops-pudong-1');
  await a.command(opsA, 'ClassifyFault', {
    isChargingPileIssue: true,
    supplierId: 'sup-teld',
    chargingPileId: 'cp-0231-02',
  });
  await a.command(
    person('charging-pile-supplier', 'sup-engineer-07', { org: 'sup-teld' }),
    'CompleteSupplierHandling',
    { outcome: 'fixed', result: '更换充电模块，测试充电正常' },
  );
  await reportBack(a, opsA, '供应商已更换充电模块，充电桩恢复使用');

  // (b) 用户 reports a blocked gate; the inspector clears it (G-d, G-c).
  const b = new TicketRun(executor, 'SF-20261204-0002');
  await intakeToSite(
    b,
    XINZHUANG,
    {
      reporter: { type: 'user', name: '李女士', phone: '13912345678' },
      faultDescription: '网点出入口道闸不抬杆，车辆无法驶出',
      suspectedChargingPile: false,
    },
    'insp-li',
  );
  await b.command(
    person('regional-inspector', 'insp-li'),
    'ReportInspectionResult',
    { cleared: true, resolutionNote: '道闸地感线圈复位，抬杆恢复正常' },
  );
  await b.command(automatic('regional-platform'), 'NotifyCustomerService', {
    resultSummary: '道闸地感线圈复位，抬杆恢复正常',
  });
  await b.command(agent, 'InformReporter', {
    contactOutcome: 'reached',
    note: '已告知用户道闸恢复',
  });

  // (c) Not the charging pile: operations repair it on site.
  const c = new TicketRun(executor, 'SF-20261204-0003');
  const opsC = person('station-ops-team', 'ops-engineer-02', {
    org: 'ops-minhang-1',
  });
  await intakeToSite(
    c,
    XINZHUANG,
    {
      reporter: {
        type: 'property-management',
        name: '物业张工',
        phone: '02158881234',
      },
      faultDescription: '网点照明及指示牌损坏，夜间无法识别车位',
      suspectedChargingPile: false,
    },
    'insp-li',
  );
  await escalate(c, 'insp-li', 'ops-minhang-1');
  await c.command(opsC, 'ClassifyFault', {
    isChargingPileIssue: false,
    repairTicketId: 'repair-0003',
  });
  await c.command(opsC, 'CompleteOpsRepair', {
    outcome: 'fixed',
    result: '更换灯箱线路与指示牌，照明恢复',
  });
  await reportBack(c, opsC, '运维团队已现场修复照明与指示牌');

  return {
    supplierRepaired: a.ticket('(a) 充电桩故障 · 供应商维修'),
    clearedByInspector: b.ticket('(b) 道闸故障 · 巡检现场排除'),
    repairedOnSite: c.ticket('(c) 网点设施故障 · 运维现场维修'),
  };
}
