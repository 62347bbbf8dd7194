import {
  DomainError,
  ROLE_IDS,
  RoleNotPermittedError,
  type RoleId,
} from '../shared';
import { STATION_FAULT_COMMAND_TYPES } from './station-fault.command-types';
import type {
  StationFaultCommand,
  StationFaultCommandType,
} from './station-fault.commands';
import { command, ctx, historyOf, payloads } from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import type { StationFaultConfig } from './station-fault.state';
import {
  STATION_FAULT_STATES,
  type StationFaultStatus,
} from './station-fault.states';
import {
  STATION_FAULT_TRANSITIONS,
  stationFaultRuleApplies,
} from './station-fault.transitions';

/** A valid command of each type, so that only permissions decide. */
const COMMANDS: Record<StationFaultCommandType, StationFaultCommand> = {
  ReportStationFault: command('ReportStationFault', payloads.report),
  CreateFaultTask: command('CreateFaultTask', payloads.createTask),
  DispatchToRegion: command('DispatchToRegion', payloads.dispatch),
  AssignInspection: command('AssignInspection', payloads.assignInspection),
  StartInspection: command('StartInspection', {}),
  ReportInspectionResult: command('ReportInspectionResult', payloads.cleared),
  ReportUnresolvedToDispatch: command(
    'ReportUnresolvedToDispatch',
    payloads.reportUnresolved,
  ),
  EscalateToStationManager: command('EscalateToStationManager', {}),
  AssignOpsTask: command('AssignOpsTask', payloads.assignOps),
  ClassifyFault: command('ClassifyFault', payloads.classifyPile),
  CompleteSupplierHandling: command(
    'CompleteSupplierHandling',
    payloads.supplierFixed,
  ),
  CompleteOpsRepair: command('CompleteOpsRepair', payloads.opsFixed),
  ReportResultToStationManager: command(
    'ReportResultToStationManager',
    payloads.resultToManager,
  ),
  NotifyCustomerService: command('NotifyCustomerService', payloads.notify),
  InformReporter: command('InformReporter', payloads.inform),
};

const STATES = Object.keys(STATION_FAULT_STATES) as StationFaultStatus[];
const CONFIGS: StationFaultConfig[] = [
  { resultNotifier: 'station-manager' },
  { resultNotifier: 'station-ops-team' },
];

type Verdict = 'decided' | DomainError['code'];

function verdict(
  type: StationFaultCommandType,
  role: RoleId,
  status: StationFaultStatus,
  config: StationFaultConfig,
): Verdict {
  const state = historyOf[status].reduce(
    stationFaultProcess.evolve,
    stationFaultProcess.initialState,
  );
  try {
    stationFaultProcess.decide(COMMANDS[type], state, ctx(role), config);
    return 'decided';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

function permitted(
  type: StationFaultCommandType,
  role: RoleId,
  status: StationFaultStatus,
  config: StationFaultConfig,
): boolean {
  return STATION_FAULT_TRANSITIONS.some(
    (rule) =>
      rule.command === type &&
      rule.from === status &&
      rule.roles.includes(role) &&
      stationFaultRuleApplies(rule, config),
  );
}

const CELLS = CONFIGS.flatMap((config) =>
  STATION_FAULT_COMMAND_TYPES.flatMap((type) =>
    ROLE_IDS.map((role) => ({ config, type, role })),
  ),
);

describe('every command × every role × every state, under both settings', () => {
  it.each(CELLS)(
    '$type by $role ($config.resultNotifier) is decided exactly where the table allows it',
    ({ config, type, role }) => {
      for (const status of STATES) {
        const got = verdict(type, role, status, config);
        const want = permitted(type, role, status, config);
        expect({ status, decided: got === 'decided' }).toEqual({
          status,
          decided: want,
        });
        if (!want) {
          expect([
            'ROLE_NOT_PERMITTED',
            'TICKET_NOT_IN_STATE',
            'TICKET_NOT_FOUND',
            'TICKET_ALREADY_EXISTS',
          ]).toContain(got);
        }
      }
    },
  );
});

describe('a role that may never issue a command', () => {
  it('is refused with 403 naming the missing permission', () => {
    const state = historyOf.AT_OPS_TEAM.reduce(
      stationFaultProcess.evolve,
      stationFaultProcess.initialState,
    );
    let error: unknown;
    try {
      stationFaultProcess.decide(
        COMMANDS.ClassifyFault,
        state,
        ctx('cs-phone-agent'),
        CONFIGS[0],
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RoleNotPermittedError);
    expect((error as RoleNotPermittedError).httpStatus).toBe(403);
    expect((error as RoleNotPermittedError).details()).toMatchObject({
      permission: 'station-fault:ClassifyFault',
      role: 'cs-phone-agent',
      allowed: ['station-ops-team'],
    });
  });
});
