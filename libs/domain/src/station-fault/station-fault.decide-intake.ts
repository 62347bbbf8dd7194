import { FieldChecks, withoutUndefined, type DecisionContext } from '../shared';
import type {
  CreateFaultTask,
  DispatchToRegion,
  ReportStationFault,
} from './station-fault.commands';
import { categoriseFault } from './station-fault.category';
import { checkDecisionRecord, payloadOf } from './station-fault.common-checks';
import { stationFaultEvent } from './station-fault.event-factory';
import type { ReporterType, StationFaultEvent } from './station-fault.events';

const REPORTER_TYPES: readonly ReporterType[] = ['property-management', 'user'];

const STATION_FIELDS = [
  'id',
  'name',
  'address',
  'district',
  'street',
  'regionId',
] as const;

function checkReport(payload: unknown, context: DecisionContext): FieldChecks {
  const checks = new FieldChecks();
  const p = payloadOf(checks, payload);
  if (!p) return checks;

  checks.nonBlank('payload.ticketNumber', p.ticketNumber);
  if (checks.record('payload.reporter', p.reporter)) {
    const reporter = p.reporter;
    checks.oneOf('payload.reporter.type', reporter.type, REPORTER_TYPES);
    checks.optionalString('payload.reporter.name', reporter.name);
    checks.phoneNumber('payload.reporter.phone', reporter.phone);
  }
  checks.pastInstant('payload.callTime', p.callTime, context.now);
  if (checks.record('payload.station', p.station)) {
    const station = p.station;
    for (const field of STATION_FIELDS) {
      checks.nonBlank(`payload.station.${field}`, station[field]);
    }
    checks.optionalNonBlank(
      'payload.station.subsidiaryId',
      station.subsidiaryId,
    );
  }
  checks.nonBlank('payload.faultDescription', p.faultDescription);
  if (
    checks.boolean('payload.suspectedChargingPile', p.suspectedChargingPile)
  ) {
    // A pile may be suspected before anyone knows which one it is.
    if (p.suspectedChargingPile) {
      checks.optionalNonBlank('payload.chargingPileId', p.chargingPileId);
    } else {
      checks.absent(
        'payload.chargingPileId',
        p.chargingPileId,
        'unless a charging pile is suspected',
      );
    }
  }
  return checks;
}

/** 4.1: the agent takes the call and records the station and the fault. */
export function decideReportStationFault(
  command: ReportStationFault,
  context: DecisionContext,
): StationFaultEvent[] {
  checkReport(command.payload, context).throwIfAny(command.type);

  const p = command.payload;
  const { type, name, phone } = p.reporter;
  const station = p.station;
  return [
    stationFaultEvent('station-fault.call-received', {
      ticketNumber: p.ticketNumber,
      reporter: withoutUndefined({ type, name, phone }),
      callTime: p.callTime,
      channel: 'phone',
    }),
    stationFaultEvent('station-fault.fault-recorded', {
      // Only the snapshot's own fields, whatever else the caller sent.
      station: withoutUndefined({
        id: station.id,
        name: station.name,
        address: station.address,
        district: station.district,
        street: station.street,
        regionId: station.regionId,
        subsidiaryId: station.subsidiaryId,
      }),
      faultDescription: p.faultDescription,
      suspectedChargingPile: p.suspectedChargingPile,
      chargingPileId: p.chargingPileId,
      category: categoriseFault(p.faultDescription, p.suspectedChargingPile),
    }),
  ];
}

/** 4.2: a task is created and sent to dispatch. */
export function decideCreateFaultTask(
  command: CreateFaultTask,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) checks.optionalString('payload.note', p.note);
  checks.throwIfAny(command.type);

  return [
    stationFaultEvent('station-fault.task-created', {
      note: command.payload.note,
    }),
  ];
}

/** 4.3: dispatch sends the task to the station's regional platform. */
export function decideDispatchToRegion(
  command: DispatchToRegion,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) {
    checks.nonBlank('payload.regionalPlatformId', p.regionalPlatformId);
    checkDecisionRecord(checks, 'payload.decision', p.decision);
    checks.optionalString('payload.note', p.note);
  }
  checks.throwIfAny(command.type);

  const { regionalPlatformId, decision, note } = command.payload;
  return [
    stationFaultEvent('station-fault.dispatched-to-region', {
      regionalPlatformId,
      decision,
      note,
    }),
  ];
}
