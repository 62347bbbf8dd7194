import type { RepairOrderState } from './repair-order.state';

const MINUTE_MS = 60 * 1000;

function minutesBetween(from?: string, to?: string): number | undefined {
  if (!from || !to) return undefined;
  return Math.round((Date.parse(to) - Date.parse(from)) / MINUTE_MS);
}

/** G8 §8: time per stage, for the statistics the archive feeds. */
export function stageMinutesOf(
  state: RepairOrderState,
  archivedAt: string,
): Record<string, number> {
  const stages: Record<string, number | undefined> = {
    reception: minutesBetween(state.receivedAt, state.authorisedAt),
    preparation: minutesBetween(state.authorisedAt, state.workOrderIssuedAt),
    repair: minutesBetween(state.workOrderIssuedAt, state.inspectionPassedAt),
    settlement: minutesBetween(state.inspectionPassedAt, state.settledAt),
    delivery: minutesBetween(state.settledAt, state.deliveredAt),
    total: minutesBetween(state.receivedAt, archivedAt),
  };
  return Object.fromEntries(
    Object.entries(stages).filter(([, v]) => v !== undefined),
  ) as Record<string, number>;
}
