import { FieldChecks, type DecisionContext } from '../shared';
import type {
  InformReporter,
  NotifyCustomerService,
  ReportResultToStationManager,
} from './station-fault.commands';
import { payloadOf } from './station-fault.common-checks';
import { stationFaultEvent } from './station-fault.event-factory';
import type {
  ContactOutcome,
  FinalStatus,
  StationFaultEvent,
} from './station-fault.events';
import type { StationFaultState } from './station-fault.state';

const CONTACT_OUTCOMES: readonly ContactOutcome[] = ['reached', 'unreachable'];

/** Gap G-b: operations report the result to the station manager. */
export function decideReportResultToStationManager(
  command: ReportResultToStationManager,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) checks.nonBlank('payload.result', p.result);
  checks.throwIfAny(command.type);

  return [
    stationFaultEvent('station-fault.result-reported-to-station-manager', {
      result: command.payload.result,
    }),
  ];
}

/** How the fault ended, as the folded ticket tells it. */
function finalStatusOf(state: StationFaultState): FinalStatus {
  if (state.status === 'RESOLVED_BY_INSPECTION') return 'cleared-by-inspector';
  return state.handledBy === 'supplier'
    ? 'repaired-by-supplier'
    : 'repaired-by-ops-team';
}

/** 4.11 / 3.5 / gap G-d: the centre learns the result. */
export function decideNotifyCustomerService(
  command: NotifyCustomerService,
  state: StationFaultState,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) checks.nonBlank('payload.resultSummary', p.resultSummary);
  checks.throwIfAny(command.type);

  return [
    stationFaultEvent('station-fault.result-notified-to-customer-service', {
      resultSummary: command.payload.resultSummary,
      finalStatus: finalStatusOf(state),
    }),
  ];
}

const CALLBACK_OUTCOMES = [
  'satisfied',
  'unreached',
  'complaint',
  'dissatisfied',
] as const;

/**
 * Gap G-c: the centre tells the reporter the outcome and closes: an agent
 * who reached the reporter at once, or the centre's automation when the
 * call-back (电话回访流程, P08) has ended, naming it in `callback`.
 */
export function decideInformReporter(
  command: InformReporter,
  context: DecisionContext,
): StationFaultEvent[] {
  const checks = new FieldChecks();
  const p = payloadOf(checks, command.payload);
  if (p) {
    checks.oneOf('payload.contactOutcome', p.contactOutcome, CONTACT_OUTCOMES);
    checks.optionalString('payload.note', p.note);
    if (
      p.callback !== undefined &&
      checks.record('payload.callback', p.callback)
    ) {
      checks.nonBlank('payload.callback.callbackId', p.callback.callbackId);
      checks.oneOf(
        'payload.callback.outcome',
        p.callback.outcome,
        CALLBACK_OUTCOMES,
      );
    }
  }
  checks.throwIfAny(command.type);

  const { contactOutcome, note, callback } = command.payload;
  return [
    stationFaultEvent('station-fault.reporter-informed', {
      contactOutcome,
      note,
      callback: callback && {
        callbackId: callback.callbackId,
        outcome: callback.outcome,
      },
    }),
    stationFaultEvent('station-fault.ticket-closed', {
      closedAt: context.now,
    }),
  ];
}
