import type { DecisionContext } from '../shared';
import { foldEvents } from '../shared/testing/given-when-then';
import {
  tableEdges,
  walkedEdges,
  walkThroughTable,
} from '../shared/testing/table-walk';
import {
  VEHICLE_REPAIR_COMMAND_TYPES,
  type VehicleRepairCommand,
} from './vehicle-repair.commands';
import { command, ctx, historyOf, payloads } from './vehicle-repair.fixtures';
import { vehicleRepairProcess } from './vehicle-repair.process';
import { DEFAULT_VEHICLE_REPAIR_RULES } from './vehicle-repair.rules';
import {
  VEHICLE_REPAIR_STATES,
  type VehicleRepairStatus,
} from './vehicle-repair.states';
import { VEHICLE_REPAIR_TRANSITIONS } from './vehicle-repair.transitions';

type Step = [VehicleRepairCommand, DecisionContext];

const agent = ctx('cs-phone-agent');
const desk = ctx('repair-shop-receptionist');
const tech = ctx('repair-technician');
const inspector = ctx('repair-quality-inspector');
const afterSales = ctx('repair-after-sales');
const gm = ctx('repair-assistant-gm');
const fleet = ctx('fleet-admin');

const received: Step[] = [
  [command('ReportVehicleFault', payloads.report), agent],
  [command('ReceiveVehicle', payloads.receive), desk],
];
const rescued: Step[] = [
  [command('ReportVehicleFault', payloads.reportStranded), agent],
  [command('DispatchRescue', payloads.rescue), desk],
  [command('RecordTowedIn', {}), desk],
  [command('ReceiveVehicle', payloads.receive), desk],
];
const fromRepairToSurvey: Step[] = [
  [command('CompleteRepair', payloads.repair), tech],
  [command('RecordQualityCheck', payloads.qcPassed), inspector],
  [command('NotifyOwnerToCollect', payloads.notify), desk],
  [command('RecordVehicleCollected', payloads.collected), desk],
  [command('CompleteWarrantyFollowUp', payloads.followUp), agent],
  [command('RecordSatisfactionSurvey', payloads.survey), agent],
];
const diagnosedMajor: Step = [
  command('DiagnoseFault', payloads.diagnoseMajor),
  tech,
];

/** Whole cases, start to end, that together take every rule. */
const SCENARIOS: [string, Step[]][] = [
  [
    'rescued, approved by the member on the phone, repaired and surveyed',
    [
      ...rescued,
      [command('DiagnoseFault', payloads.diagnose), tech],
      [command('ApproveQuote', payloads.approve), agent],
      ...fromRepairToSurvey,
    ],
  ],
  [
    'a fleet car driven in, approved by the fleet, failing one quality check',
    [
      [command('ReportVehicleFault', payloads.reportFleet), agent],
      [command('ReceiveVehicle', payloads.receive), desk],
      [command('DiagnoseFault', payloads.diagnose), tech],
      [command('ApproveQuote', {}), fleet],
      [command('CompleteRepair', payloads.repair), tech],
      [command('RecordQualityCheck', payloads.qcFailed), inspector],
      ...fromRepairToSurvey,
    ],
  ],
  [
    'a quote the member refuses at the desk',
    [
      ...received,
      [command('DiagnoseFault', payloads.diagnose), tech],
      [command('RefuseQuote', payloads.refuse), desk],
      [command('ReturnVehicleUnrepaired', {}), desk],
    ],
  ],
  [
    'a quote the fleet refuses',
    [
      [command('ReportVehicleFault', payloads.reportFleet), agent],
      [command('ReceiveVehicle', payloads.receive), desk],
      [command('DiagnoseFault', payloads.diagnose), tech],
      [command('RefuseQuote', payloads.refuse), fleet],
      [command('ReturnVehicleUnrepaired', {}), desk],
    ],
  ],
  [
    'a major fault through after-sales and the assistant GM, with its report',
    [
      ...received,
      diagnosedMajor,
      [command('EscalateToAssistantGm', payloads.toGm), afterSales],
      [command('ResolveEscalation', payloads.resolve), gm],
      [command('ApproveQuote', {}), desk],
      ...fromRepairToSurvey,
      [command('SubmitAnalysisReport', payloads.analysis), afterSales],
    ],
  ],
  [
    'a major fault of a fleet car resolved by after-sales, then refused',
    [
      [command('ReportVehicleFault', payloads.reportFleet), agent],
      [command('ReceiveVehicle', payloads.receive), desk],
      diagnosedMajor,
      [command('ResolveEscalation', payloads.resolve), afterSales],
      [command('RefuseQuote', payloads.refuse), fleet],
      [command('ReturnVehicleUnrepaired', {}), desk],
      [command('SubmitAnalysisReport', payloads.analysis), afterSales],
    ],
  ],
  [
    'a major fault of a member’s car resolved by after-sales, with its report',
    [
      ...received,
      diagnosedMajor,
      [command('ResolveEscalation', payloads.resolve), afterSales],
      [command('ApproveQuote', {}), agent],
      ...fromRepairToSurvey,
      [command('SubmitAnalysisReport', payloads.analysis), afterSales],
    ],
  ],
  [
    'a difficult fault of a fleet car through the assistant GM, no report due',
    [
      [command('ReportVehicleFault', payloads.reportFleet), agent],
      [command('ReceiveVehicle', payloads.receive), desk],
      [
        command('DiagnoseFault', {
          ...payloads.diagnoseMajor,
          faultClass: 'difficult',
        }),
        tech,
      ],
      [command('EscalateToAssistantGm', payloads.toGm), afterSales],
      [command('ResolveEscalation', payloads.resolve), gm],
      [command('ApproveQuote', {}), fleet],
      ...fromRepairToSurvey,
    ],
  ],
  [
    'escalated while repairing, then a warranty claim reopens the repair',
    [
      ...received,
      [command('DiagnoseFault', payloads.diagnose), tech],
      [command('ApproveQuote', {}), agent],
      [command('EscalateFault', payloads.escalate), tech],
      [command('EscalateToAssistantGm', payloads.toGm), afterSales],
      [command('ResolveEscalation', payloads.resolve), gm],
      [command('CompleteRepair', payloads.repair), tech],
      [command('RecordQualityCheck', payloads.qcPassed), inspector],
      [command('NotifyOwnerToCollect', payloads.notify), desk],
      [command('RecordVehicleCollected', payloads.collected), desk],
      [command('FileWarrantyClaim', payloads.claim), agent],
      [command('EscalateFault', payloads.escalate), tech],
      [command('ResolveEscalation', payloads.resolve), afterSales],
      ...fromRepairToSurvey,
    ],
  ],
];

function walk(steps: Step[]) {
  return walkThroughTable(
    vehicleRepairProcess,
    VEHICLE_REPAIR_TRANSITIONS,
    DEFAULT_VEHICLE_REPAIR_RULES,
    steps,
  );
}

describe('the vehicle-repair process definition', () => {
  it('is named for its streams and its users', () => {
    expect(vehicleRepairProcess.processId).toBe('vehicle-repair');
    expect(vehicleRepairProcess.title.zh).toBe('车辆报修与救援维修');
  });

  it('lists every command, and a label for every state and event', () => {
    expect(vehicleRepairProcess.commandTypes).toEqual(
      VEHICLE_REPAIR_COMMAND_TYPES,
    );
    expect(Object.keys(vehicleRepairProcess.eventLabels)).toEqual(
      vehicleRepairProcess.eventTypes,
    );
    expect(vehicleRepairProcess.stateLabels).toBe(VEHICLE_REPAIR_STATES);
  });

  it('names every event type in the transition table, and only those', () => {
    const inTable = new Set(
      VEHICLE_REPAIR_TRANSITIONS.flatMap((r) => r.outcomes).flatMap(
        (o) => o.events,
      ),
    );
    expect([...inTable].sort()).toEqual(
      [...vehicleRepairProcess.eventTypes].sort(),
    );
  });

  it('gives every state a holder, and none to the ends', () => {
    for (const status of Object.keys(VEHICLE_REPAIR_STATES)) {
      const state = { status: status as VehicleRepairStatus };
      const { role } = vehicleRepairProcess.custody(state);
      expect({ status, held: role !== null }).toEqual({
        status,
        held: !vehicleRepairProcess.isTerminal(state) && status !== 'NEW',
      });
    }
  });

  it('ends at the two closed states only', () => {
    const terminal = Object.keys(VEHICLE_REPAIR_STATES).filter((status) =>
      vehicleRepairProcess.isTerminal({
        status: status as VehicleRepairStatus,
      }),
    );
    expect(terminal).toEqual(['CLOSED_REPAIRED', 'CLOSED_UNREPAIRED']);
  });

  it('folds each written-out history into the state it is named for', () => {
    for (const [status, history] of Object.entries(historyOf)) {
      expect(foldEvents(vehicleRepairProcess, history).status).toBe(status);
    }
  });
});

describe.each(SCENARIOS)('a case %s', (_, steps) => {
  it('appends only what the transition table lists, and ends closed', () => {
    expect(vehicleRepairProcess.isTerminal(walk(steps).state)).toBe(true);
  });
});

describe('the scenarios together', () => {
  it('take every rule of the table', () => {
    const taken = new Set(
      SCENARIOS.flatMap(([, steps]) =>
        walkedEdges(
          steps.map(([c]) => c.type),
          'NEW',
          walk(steps).statuses,
        ),
      ),
    );
    expect([...taken].sort()).toEqual(
      [...new Set(tableEdges(VEHICLE_REPAIR_TRANSITIONS))].sort(),
    );
  });
});
