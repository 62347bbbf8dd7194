import {
  DEADLINE_POLICY_TRANSITIONS,
  deadlinePolicyProcess,
} from './deadlines';
import {
  FEE_WAIVER_TRANSITIONS,
  feeWaiverProcess,
  WAIVER_RULE_TABLE_TRANSITIONS,
  waiverRuleTableProcess,
} from './fee-waiver';
import { INVOICE_TRANSITIONS, invoiceProcess } from './invoice';
import {
  VEHICLE_REPAIR_TRANSITIONS,
  vehicleRepairProcess,
} from './vehicle-repair';
import { REPAIR_ORDER_TRANSITIONS, repairOrderProcess } from './repair-order';
import { SHOP_BOOK_TRANSITIONS, shopBookProcess } from './repair-shop-book';
import {
  REPEAT_CALLER_TRANSITIONS,
  repeatCallerProcess,
} from './repeat-caller';
import { EMAIL_CASE_TRANSITIONS, emailCaseProcess } from './email-case';
import {
  CENTRE_EMERGENCY_TRANSITIONS,
  centreEmergencyProcess,
} from './centre-emergency';
import {
  CARD_COURIER_RECORD_TRANSITIONS,
  cardCourierRecordProcess,
  MEMBERSHIP_CARD_TRANSITIONS,
  membershipCardProcess,
} from './membership-card';
import {
  TRAFFIC_VIOLATION_TRANSITIONS,
  trafficViolationProcess,
} from './traffic-violation';
import {
  ORDER_ANOMALY_TRANSITIONS,
  orderAnomalyProcess,
} from './order-anomaly';
import {
  PHONE_CALLBACK_TRANSITIONS,
  phoneCallbackProcess,
} from './phone-callback';
import {
  STATION_FAULT_DEADLINE_TRANSITIONS,
  STATION_FAULT_TRANSITIONS,
  stationFaultProcess,
} from './station-fault';

/** Every process the engine runs, by process id (the stream prefix). */
export const PROCESSES = {
  [stationFaultProcess.processId]: stationFaultProcess,
  [phoneCallbackProcess.processId]: phoneCallbackProcess,
  [deadlinePolicyProcess.processId]: deadlinePolicyProcess,
  [orderAnomalyProcess.processId]: orderAnomalyProcess,
  [feeWaiverProcess.processId]: feeWaiverProcess,
  [waiverRuleTableProcess.processId]: waiverRuleTableProcess,
  [invoiceProcess.processId]: invoiceProcess,
  [repairOrderProcess.processId]: repairOrderProcess,
  [shopBookProcess.processId]: shopBookProcess,
  [repeatCallerProcess.processId]: repeatCallerProcess,
  [emailCaseProcess.processId]: emailCaseProcess,
  [trafficViolationProcess.processId]: trafficViolationProcess,
  [centreEmergencyProcess.processId]: centreEmergencyProcess,
  [membershipCardProcess.processId]: membershipCardProcess,
  [cardCourierRecordProcess.processId]: cardCourierRecordProcess,
  [vehicleRepairProcess.processId]: vehicleRepairProcess,
} as const;

export type ProcessId = keyof typeof PROCESSES;
export type AnyProcessDefinition = (typeof PROCESSES)[ProcessId];

/**
 * One rule of a process's state machine as the audit tool reads it: from
 * a state, the event sequences one command may append and where each
 * leads. A process's own transition table has this shape.
 */
export interface StateMachineRule {
  readonly from: string;
  readonly outcomes: readonly {
    readonly events: readonly string[];
    readonly to: string;
  }[];
}

/**
 * The transition table of every process in PROCESSES, by process id. The
 * audit tool checks each stored stream against it (verify, conformance),
 * so a process registered above needs its table here too.
 */
export const PROCESS_TRANSITIONS: Readonly<
  Record<ProcessId, readonly StateMachineRule[]>
> = {
  [stationFaultProcess.processId]: [
    ...STATION_FAULT_TRANSITIONS,
    ...STATION_FAULT_DEADLINE_TRANSITIONS,
  ],
  [phoneCallbackProcess.processId]: PHONE_CALLBACK_TRANSITIONS,
  [deadlinePolicyProcess.processId]: DEADLINE_POLICY_TRANSITIONS,
  [orderAnomalyProcess.processId]: ORDER_ANOMALY_TRANSITIONS,
  [feeWaiverProcess.processId]: FEE_WAIVER_TRANSITIONS,
  [waiverRuleTableProcess.processId]: WAIVER_RULE_TABLE_TRANSITIONS,
  [invoiceProcess.processId]: INVOICE_TRANSITIONS,
  [repairOrderProcess.processId]: REPAIR_ORDER_TRANSITIONS,
  [shopBookProcess.processId]: SHOP_BOOK_TRANSITIONS,
  [repeatCallerProcess.processId]: REPEAT_CALLER_TRANSITIONS,
  [emailCaseProcess.processId]: EMAIL_CASE_TRANSITIONS,
  [trafficViolationProcess.processId]: TRAFFIC_VIOLATION_TRANSITIONS,
  [centreEmergencyProcess.processId]: CENTRE_EMERGENCY_TRANSITIONS,
  [membershipCardProcess.processId]: MEMBERSHIP_CARD_TRANSITIONS,
  [cardCourierRecordProcess.processId]: CARD_COURIER_RECORD_TRANSITIONS,
  [vehicleRepairProcess.processId]: VEHICLE_REPAIR_TRANSITIONS,
};

/** Every process with its stream prefix, longest id first. */
const BY_PREFIX: readonly { prefix: string; process: AnyProcessDefinition }[] =
  Object.values(PROCESSES)
    .map((process) => ({ prefix: `${process.processId}-`, process }))
    .sort((a, b) => b.prefix.length - a.prefix.length);

/**
 * The process a stream belongs to, from its name `<processId>-<ticketId>`.
 * Ticket ids contain hyphens and one process id may prefix another, so
 * the longest matching id wins: the first match, longest first. (Every
 * projection asks this of every event it opens, so nothing is built per
 * call.)
 */
export function processOfStream(
  streamName: string,
): AnyProcessDefinition | undefined {
  for (const { prefix, process } of BY_PREFIX) {
    if (streamName.length > prefix.length && streamName.startsWith(prefix)) {
      return process;
    }
  }
  return undefined;
}
