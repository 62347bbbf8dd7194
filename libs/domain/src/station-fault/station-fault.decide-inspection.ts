import { FieldChecks, type DecisionContext } from '../shared';
import type {
  AssignInspection,
  ReportInspectionResult,
  StartInspection,
} from './station-fault.commands';
import { checkDecisionRecord, payloadOf } from './station-fault.common-checks';
import { stationFaultEvent } from './station-fault.event-factory';
import type { StationFaultEvent } from './station-fault.events';

/** 4.4: the platform gives an inspector the 查看网点 task. */
export function decideAssignInspection(
  command: AssignInspection,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) {
    checks.nonBlank('payload.inspectorId', p.inspectorId);
    checkDecisionRecord(checks, 'payload.decision', p.decision);
  }
  checks.throwIfAny(command.type);

  const { inspectorId, decision } = command.payload;
  return [
    stationFaultEvent('station-fault.inspection-assigned', {
      inspectorId,
      taskType: '查看网点',
      decision,
    }),
  ];
}

/** 4.5: the inspector is on site. */
export function decideStartInspection(
  command: StartInspection,
  context: DecisionContext,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  payloadOf(checks, command.payload);
  checks.throwIfAny(command.type);

  return [
    stationFaultEvent('station-fault.inspector-arrived', {
      arrivedAt: context.now,
    }),
  ];
}

/** 4.6 / 4.7, decision D1: did the inspector clear the fault? */
export function decideReportInspectionResult(
  command: ReportInspectionResult,
  context: DecisionContext,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p && checks.boolean('payload.cleared', p.cleared)) {
    // The other outcome's fields are refused, not dropped: an inspector
    // who wrote findings for a cleared fault meant something else.
    if (p.cleared) {
      checks.nonBlank('payload.resolutionNote', p.resolutionNote);
      for (const field of ['findings', 'reasonNotFixed'] as const) {
        checks.absent(
          `payload.${field}`,
          p[field],
          'when the fault is cleared',
        );
      }
    } else {
      checks.nonBlank('payload.findings', p.findings);
      checks.nonBlank('payload.reasonNotFixed', p.reasonNotFixed);
      checks.absent(
        'payload.resolutionNote',
        p.resolutionNote,
        'when the fault is not cleared',
      );
    }
  }
  checks.throwIfAny(command.type);

  const result = command.payload;
  if (result.cleared) {
    return [
      stationFaultEvent('station-fault.fault-cleared-by-inspector', {
        resolutionNote: result.resolutionNote,
        resolvedAt: context.now,
      }),
    ];
  }
  return [
    stationFaultEvent('station-fault.fault-not-cleared', {
      findings: result.findings,
      reasonNotFixed: result.reasonNotFixed,
    }),
  ];
}
