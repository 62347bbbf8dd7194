import { randomUUID } from 'node:crypto';
import type {
  StationFaultCommandType,
  StationFaultStatus,
} from '@opsdesk/domain';
import type { CommandEnvelope, CommandOutcome } from '@opsdesk/messaging';
import { uuidv7 } from '@opsdesk/platform';
import type {
  Actor,
  OpsdeskClient,
} from '../../apps/api/src/demo/opsdesk-client';
import type { StationSummary } from '../../apps/api/src/demo/scenarios';
import { eventually } from './eventually';
import type { TestSystem } from './system';

/** The people who work a ticket at a station, from its region's roster. */
export interface Crew {
  station: StationSummary & { subsidiaryId: string };
  inspectorId: string;
  opsTeamId: string;
  supplierId: string;
  chargingPileId: string;
}

const DECISION = { mode: 'manual', ruleVersion: 'manual', inputs: {} };

/** One action endpoint: its path, its role, a valid body and its payload. */
export interface ActionCase {
  command: StationFaultCommandType;
  /** `''` for the intake (`POST /station-faults`). */
  path: string;
  role: string;
  body(crew: Crew): Record<string, unknown>;
  /** What the API puts on the queue for that body. */
  payload(crew: Crew): Record<string, unknown>;
}

const same = (body: (crew: Crew) => Record<string, unknown>) => ({
  body,
  payload: body,
});

export const ACTIONS: readonly ActionCase[] = [
  {
    command: 'ReportStationFault',
    path: '',
    role: 'cs-phone-agent',
    body: ({ station }) => ({
      reporter: { type: 'user', phone: '13900001111' },
      stationId: station.id,
      faultDescription: '充电桩无法启动',
      suspectedChargingPile: false,
    }),
    payload: ({ station }) => ({
      ticketNumber: 'SF-FORGED-0001',
      reporter: { type: 'user', phone: '13900001111' },
      callTime: new Date().toISOString(),
      station: {
        id: station.id,
        name: station.name,
        address: 'forged',
        district: 'forged',
        street: 'forged',
        regionId: station.regionId,
        subsidiaryId: station.subsidiaryId,
      },
      faultDescription: '充电桩无法启动',
      suspectedChargingPile: false,
    }),
  },
  {
    command: 'CreateFaultTask',
    path: 'create-task',
    role: 'cs-phone-agent',
    ...same(() => ({})),
  },
  {
    command: 'DispatchToRegion',
    path: 'dispatch',
    role: 'dispatch-manager',
    body: ({ station }) => ({ regionalPlatformId: station.regionId }),
    payload: ({ station }) => ({
      regionalPlatformId: station.regionId,
      decision: DECISION,
    }),
  },
  {
    command: 'AssignInspection',
    path: 'assign-inspection',
    role: 'regional-platform',
    body: ({ inspectorId }) => ({ inspectorId }),
    payload: ({ inspectorId }) => ({ inspectorId, decision: DECISION }),
  },
  {
    command: 'StartInspection',
    path: 'start-inspection',
    role: 'regional-inspector',
    ...same(() => ({})),
  },
  {
    command: 'ReportInspectionResult',
    path: 'inspection-result',
    role: 'regional-inspector',
    ...same(() => ({
      cleared: false,
      findings: '充电模块无输出',
      reasonNotFixed: '需更换模块',
    })),
  },
  {
    command: 'ReportUnresolvedToDispatch',
    path: 'report-unresolved',
    role: 'regional-platform',
    ...same(() => ({})),
  },
  {
    command: 'EscalateToStationManager',
    path: 'escalate',
    role: 'dispatch-manager',
    ...same(() => ({})),
  },
  {
    command: 'AssignOpsTask',
    path: 'assign-ops-team',
    role: 'station-manager',
    ...same(({ opsTeamId }) => ({ opsTeamId })),
  },
  {
    command: 'ClassifyFault',
    path: 'classify',
    role: 'station-ops-team',
    ...same(({ supplierId, chargingPileId }) => ({
      isChargingPileIssue: true,
      supplierId,
      chargingPileId,
    })),
  },
  {
    command: 'CompleteSupplierHandling',
    path: 'supplier-result',
    role: 'charging-pile-supplier',
    ...same(() => ({ outcome: 'fixed', result: '更换充电模块' })),
  },
  {
    command: 'CompleteOpsRepair',
    path: 'ops-repair-result',
    role: 'station-ops-team',
    ...same(() => ({ outcome: 'fixed', result: '更换线路' })),
  },
  {
    command: 'ReportResultToStationManager',
    path: 'report-result',
    role: 'station-ops-team',
    ...same(() => ({ result: '已修复' })),
  },
  {
    command: 'NotifyCustomerService',
    path: 'notify-customer-service',
    role: 'station-manager',
    ...same(() => ({ resultSummary: '已修复' })),
  },
  {
    command: 'InformReporter',
    path: 'inform-reporter',
    role: 'cs-phone-agent',
    ...same(() => ({ contactOutcome: 'reached' })),
  },
];

export function actionOf(command: StationFaultCommandType): ActionCase {
  const action = ACTIONS.find((a) => a.command === command);
  if (!action) throw new Error(`No action case for ${command}`);
  return action;
}

export function pathOf(action: ActionCase, ticketId: string): string {
  return action.path === ''
    ? '/station-faults'
    : `/station-faults/${ticketId}/${action.path}`;
}

/**
 * The person who rightly takes a step: the assignee for the inspector's,
 * the operations team's and the supplier's steps, a desk otherwise.
 */
export function rightfulActor(action: ActionCase, crew: Crew): Actor {
  const subsidiary = crew.station.subsidiaryId;
  switch (action.role) {
    case 'regional-inspector':
      return { id: crew.inspectorId, role: action.role, subsidiary };
    case 'station-ops-team':
      return {
        id: 'ops-engineer-01',
        role: action.role,
        org: crew.opsTeamId,
        subsidiary,
      };
    case 'charging-pile-supplier':
      return {
        id: 'supplier-engineer-01',
        role: action.role,
        org: crew.supplierId,
        subsidiary,
      };
    default:
      return { id: `${action.role}-desk`, role: action.role, subsidiary };
  }
}

/** The steps that bring a new ticket to each state, in order. */
const PATHS: Partial<Record<StationFaultStatus, StationFaultCommandType[]>> = {
  RECORDED: ['ReportStationFault'],
};
const MAIN: StationFaultCommandType[] = [
  'ReportStationFault',
  'CreateFaultTask',
  'DispatchToRegion',
  'AssignInspection',
  'StartInspection',
  'ReportInspectionResult',
  'ReportUnresolvedToDispatch',
  'EscalateToStationManager',
  'AssignOpsTask',
  'ClassifyFault',
  'CompleteSupplierHandling',
  'ReportResultToStationManager',
  'NotifyCustomerService',
  'InformReporter',
];
const MAIN_STATES: StationFaultStatus[] = [
  'RECORDED',
  'AWAITING_DISPATCH',
  'AT_REGIONAL_PLATFORM',
  'INSPECTION_ASSIGNED',
  'INSPECTING',
  'UNRESOLVED_AT_PLATFORM',
  'UNRESOLVED_AT_DISPATCH',
  'AT_STATION_MANAGER',
  'AT_OPS_TEAM',
  'SUPPLIER_HANDLING',
  'HANDLING_DONE',
  'RESULT_AT_STATION_MANAGER',
  'RESULT_NOTIFIED',
  'CLOSED',
];
MAIN_STATES.forEach((state, i) => (PATHS[state] = MAIN.slice(0, i + 1)));

/**
 * A fresh ticket at `crew`'s station in `state`, reached through HTTP
 * by the rightful people (routing and assignment must be manual).
 * OPS_REPAIRING is reached by classifying the fault as not the pile.
 */
export async function ticketIn(
  client: OpsdeskClient,
  crew: Crew,
  state: StationFaultStatus,
): Promise<string> {
  const notPile = state === 'OPS_REPAIRING';
  const steps = notPile ? PATHS.AT_OPS_TEAM! : PATHS[state];
  if (!steps) throw new Error(`No way to ${state} in the test support`);
  let ticketId = '';
  for (const command of steps) {
    const action = actionOf(command);
    const answer = await client.post<{ ticket: { id: string } }>(
      pathOf(action, ticketId),
      action.body(crew),
      { actor: rightfulActor(action, crew) },
    );
    ticketId = answer.ticket.id;
  }
  if (notPile) {
    await client.post(
      `/station-faults/${ticketId}/classify`,
      { isChargingPileIssue: false, repairTicketId: 'SRM-TEST' },
      { actor: rightfulActor(actionOf('ClassifyFault'), crew) },
    );
  }
  return ticketId;
}

/** The crew of the first station with a charging pile the client sees. */
export async function crewFor(client: OpsdeskClient): Promise<Crew> {
  const { items } = await client.get<{ items: StationSummary[] }>('/stations');
  const station = items.find((s) => s.chargingPileIds.length > 0)!;
  const roster = await client.get<{
    region: { subsidiaryId: string };
    inspectors: { id: string }[];
    stationOpsTeams: { id: string }[];
    chargingPileSuppliers: { id: string }[];
  }>(`/regions/${station.regionId}/roster`);
  return {
    station: { ...station, subsidiaryId: roster.region.subsidiaryId },
    inspectorId: roster.inspectors[0].id,
    opsTeamId: roster.stationOpsTeams[0].id,
    supplierId: roster.chargingPileSuppliers[0].id,
    chargingPileId: station.chargingPileIds[0],
  };
}

/**
 * Puts a command straight on a role's queue, as anyone with access to
 * Redis could, and waits for the worker's recorded outcome.
 */
export async function forgeJob(
  system: TestSystem,
  queueRole: string,
  command: Omit<
    CommandEnvelope,
    'commandId' | 'correlationId' | 'causationId' | 'issuedAt' | 'processId'
  >,
): Promise<CommandOutcome> {
  const commandId = uuidv7();
  const envelope: CommandEnvelope = {
    commandId,
    processId: 'station-fault',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    issuedAt: new Date().toISOString(),
    ...command,
  };
  await system.resources.queues.addCommand(queueRole as never, envelope);
  return eventually(async () => {
    const outcome = await system.resources.ledger.find(commandId);
    if (!outcome) throw new Error(`No outcome yet for ${commandId}`);
    return outcome;
  }, 20_000);
}
