import type { Actor, StationFaultState } from '@opsdesk/domain';
import type { WorkerRole } from '@opsdesk/messaging';
import { deterministicUuid } from '@opsdesk/platform';
import {
  findRegion,
  opsTeamsFor,
  stationCatalogue,
  suppliersFor,
  toStationSnapshot,
  type Roster,
  type Station,
} from '@opsdesk/stations';

/**
 * The paths a harness ticket takes; together they pass every role:
 * - `cleared`: the inspector clears it (b), the platform passes it on (G-d);
 * - `supplier`: escalated to the station manager, operations send the
 *   charging-pile supplier (a);
 * - `ops-repair`: escalated, operations repair it themselves (c);
 * - `supplier-retry`: the supplier cannot fix it (G-e), operations repair.
 */
export type PlanKind = 'cleared' | 'supplier' | 'ops-repair' | 'supplier-retry';

export interface TicketPlan {
  index: number;
  ticketId: string;
  kind: PlanKind;
  station: Station;
}

/** A person's next step on a ticket, as the driver issues it. */
export interface PersonStep {
  role: WorkerRole;
  type: string;
  payload: Record<string, unknown>;
  actor: Actor;
  /** Deterministic, so a retried step, and the reference run, agree. */
  commandId: string;
}

/** What a person's step depends on besides the state. */
export interface TicketProgress {
  state: StationFaultState;
  /** Revision of the stream's last event; -1 before the first. */
  revision: number;
  /** How many events of each type the stream holds. */
  seen: ReadonlyMap<string, number>;
}

/** Mostly short tickets, so the run is about faults, not about length. */
const MIX: readonly [PlanKind, number][] = [
  ['cleared', 0.7],
  ['supplier', 0.12],
  ['ops-repair', 0.12],
  ['supplier-retry', 0.06],
];

/** `count` tickets; the same seed gives the same tickets. */
export function planTickets(count: number, seed: string): TicketPlan[] {
  const stations = stationCatalogue().filter(
    (s) => s.chargingPileIds.length > 0,
  );
  return Array.from({ length: count }, (_, index) => {
    const ticketId = deterministicUuid(`fault-harness:${seed}:${index}`);
    const roll = unitFrom(`${ticketId}:kind`);
    let kind: PlanKind = 'cleared';
    let edge = 0;
    for (const [candidate, share] of MIX) {
      edge += share;
      if (roll < edge) {
        kind = candidate;
        break;
      }
    }
    const station =
      stations[Math.floor(unitFrom(`${ticketId}:station`) * stations.length)];
    return { index, ticketId, kind, station };
  });
}

/**
 * The person's step the plan calls for in this state, or null when it is
 * automatic work's move (routing, assignment, G-d) or the ticket is done.
 */
export function nextPersonStep(
  plan: TicketPlan,
  progress: TicketProgress,
  roster: Roster,
): PersonStep | null {
  const { state } = progress;
  const regionId = plan.station.regionId;
  const pile = plan.station.chargingPileIds[0];
  const escalates = plan.kind !== 'cleared';
  const step = (
    role: WorkerRole,
    type: string,
    payload: Record<string, unknown>,
    actorId = `harness-${role}`,
  ): PersonStep => ({
    role,
    type,
    payload,
    actor: {
      id: actorId,
      role,
      kind: 'person',
      subsidiary: findRegion(regionId)?.subsidiaryId,
      org: actorId,
    },
    commandId: deterministicUuid(
      `fault-harness:${plan.ticketId}:${progress.revision}:${type}`,
    ),
  });

  switch (state.status) {
    case 'NEW':
      return step('cs-phone-agent', 'ReportStationFault', {
        reporter:
          plan.index % 3 === 0
            ? {
                type: 'property-management',
                name: '物业',
                phone: '13800138000',
              }
            : { type: 'user', phone: '13900001111' },
        callTime: new Date(
          Date.UTC(2026, 11, 4, 1, 0, plan.index),
        ).toISOString(),
        station: toStationSnapshot(
          plan.station,
          findRegion(regionId)?.subsidiaryId,
        ),
        faultDescription: escalates
          ? `${pile} 充电桩无法启动充电`
          : '道闸无法抬杆，车辆无法驶出',
        suspectedChargingPile: escalates,
        ...(escalates ? { chargingPileId: pile } : {}),
      });
    case 'RECORDED':
      return step('cs-phone-agent', 'CreateFaultTask', {});
    case 'INSPECTION_ASSIGNED':
      return step(
        'regional-inspector',
        'StartInspection',
        {},
        state.inspectorId,
      );
    case 'INSPECTING':
      return step(
        'regional-inspector',
        'ReportInspectionResult',
        escalates
          ? {
              cleared: false,
              findings: '充电桩通电但无法握手',
              reasonNotFixed: '疑似充电模块损坏',
            }
          : { cleared: true, resolutionNote: '清理道闸异物后恢复' },
        state.inspectorId,
      );
    case 'UNRESOLVED_AT_PLATFORM':
      return step('regional-platform', 'ReportUnresolvedToDispatch', {});
    case 'UNRESOLVED_AT_DISPATCH':
      return step('dispatch-manager', 'EscalateToStationManager', {});
    case 'AT_STATION_MANAGER':
      return step('station-manager', 'AssignOpsTask', {
        opsTeamId: opsTeamsFor(roster, regionId)[0].id,
      });
    case 'AT_OPS_TEAM': {
      const supplier =
        plan.kind === 'supplier' ||
        (plan.kind === 'supplier-retry' &&
          !progress.seen.has('station-fault.supplier-handling-completed'));
      return step(
        'station-ops-team',
        'ClassifyFault',
        supplier
          ? {
              isChargingPileIssue: true,
              supplierId: suppliersFor(roster, regionId)[0].id,
              chargingPileId: pile,
            }
          : {
              isChargingPileIssue: false,
              repairTicketId: `MR-${plan.index}`,
            },
        state.opsTeamId,
      );
    }
    case 'SUPPLIER_HANDLING':
      return step(
        'charging-pile-supplier',
        'CompleteSupplierHandling',
        plan.kind === 'supplier-retry'
          ? { outcome: 'not-fixed', result: '模块缺货，无法修复' }
          : { outcome: 'fixed', result: '更换充电模块，测试充电正常' },
        state.supplierId,
      );
    case 'OPS_REPAIRING':
      return step(
        'station-ops-team',
        'CompleteOpsRepair',
        { outcome: 'fixed', result: '运维现场维修完成' },
        state.opsTeamId,
      );
    case 'HANDLING_DONE':
      return step(
        'station-ops-team',
        'ReportResultToStationManager',
        { result: '现场处理完成' },
        state.opsTeamId,
      );
    case 'RESULT_AT_STATION_MANAGER':
      return step('station-manager', 'NotifyCustomerService', {
        resultSummary: '故障已修复',
      });
    case 'RESULT_NOTIFIED':
      return step('cs-phone-agent', 'InformReporter', {
        contactOutcome: 'reached',
      });
    default:
      // AWAITING_DISPATCH, AT_REGIONAL_PLATFORM, RESOLVED_BY_INSPECTION:
      // automatic work moves them; CLOSED: done.
      return null;
  }
}

/** A number in [0, 1) from a name: the plans need no random state. */
function unitFrom(name: string): number {
  const hex = deterministicUuid(name).replace(/-/g, '').slice(0, 12);
  return parseInt(hex, 16) / 2 ** 48;
}
