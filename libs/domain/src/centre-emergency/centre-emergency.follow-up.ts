import type { CentreEmergencyState } from './centre-emergency.state';

/** What a branch still owes before the emergency may close. */
export interface PendingFollowUp {
  /** Branch steps not yet taken, by event name. */
  missingSteps: string[];
  /** Hand-written entries not yet entered as tasks. */
  pendingEntries: string[];
  /** Missed calls not yet called back. */
  pendingCalls: string[];
}

/**
 * The follow-up of each scenario of 客服中心应急处理流程: the app branch hands
 * the held-over requests back; the back-office branch needs its two
 * managers and every hand-written request as a task; the hotline branch
 * needs the 天润 repair report and every missed call called back.
 */
export function pendingFollowUp(state: CentreEmergencyState): PendingFollowUp {
  const missingSteps: string[] = [];
  switch (state.faultType) {
    case 'app':
      if (state.deferredHandled === undefined) {
        missingSteps.push('deferred-requests-processed');
      }
      break;
    case 'backoffice-network-power':
      if (!state.managers) missingSteps.push('two-managers-designated');
      break;
    case 'hotline-400-or-udesk':
      if (!state.tianrunReported) missingSteps.push('tianrun-repair-reported');
      break;
    default:
      break;
  }
  return {
    missingSteps,
    pendingEntries: state.handwritten
      .filter((entry) => !entry.backfilled)
      .map((entry) => entry.entryId),
    pendingCalls: state.missedCalls
      .filter((call) => call.outcome === undefined)
      .map((call) => call.callId),
  };
}

export function nothingPending(pending: PendingFollowUp): boolean {
  return (
    pending.missingSteps.length === 0 &&
    pending.pendingEntries.length === 0 &&
    pending.pendingCalls.length === 0
  );
}
