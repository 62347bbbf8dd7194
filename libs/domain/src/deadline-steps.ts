import type { DeadlineProcess } from './deadlines/step-occurrences';
import type { DeadlineSteps } from './deadlines/deadline-policy.checks';
import { phoneCallbackProcess, PHONE_CALLBACK_STEPS } from './phone-callback';
import { stationFaultProcess, STATION_FAULT_STEPS } from './station-fault';
import {
  membershipCardProcess,
  MEMBERSHIP_CARD_STEPS,
} from './membership-card';

/** The processes whose steps carry deadlines, as the timers fold them. */
export const DEADLINE_PROCESSES: readonly DeadlineProcess[] = [
  {
    processId: stationFaultProcess.processId,
    initialState: stationFaultProcess.initialState,
    evolve: stationFaultProcess.evolve as DeadlineProcess['evolve'],
    steps: STATION_FAULT_STEPS,
  },
  {
    processId: phoneCallbackProcess.processId,
    initialState: phoneCallbackProcess.initialState,
    evolve: phoneCallbackProcess.evolve as DeadlineProcess['evolve'],
    steps: PHONE_CALLBACK_STEPS,
  },
  {
    processId: membershipCardProcess.processId,
    initialState: membershipCardProcess.initialState,
    evolve: membershipCardProcess.evolve as DeadlineProcess['evolve'],
    steps: MEMBERSHIP_CARD_STEPS,
  },
];

/** What a published policy may name: each process's steps. */
export const DEADLINE_STEPS: DeadlineSteps = Object.fromEntries(
  DEADLINE_PROCESSES.map((p) => [p.processId, p.steps]),
);

export function deadlineProcessOf(
  processId: string,
): DeadlineProcess | undefined {
  return DEADLINE_PROCESSES.find((p) => p.processId === processId);
}
