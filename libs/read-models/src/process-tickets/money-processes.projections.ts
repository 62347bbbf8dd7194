import type { Projection, ReadModelProjectionOptions } from '../projection';
import {
  feeWaiverReadModel,
  waiverRuleTableReadModel,
} from '../fee-waiver/fee-waiver.read-model';
import { invoiceReadModel } from '../invoice/invoice.read-model';
import { orderAnomalyReadModel } from '../order-anomaly/order-anomaly.read-model';
import { trafficViolationReadModel } from '../traffic-violation/traffic-violation.read-model';
import { phoneCallbackReadModel } from '../phone-callback/phone-callback.read-model';
import { createProcessTicketsProjection } from './process-tickets.projection';
import type { ProcessReadModelSpec } from './process-tickets.spec-type';

/**
 * The read models of the money and compliance processes (DOMAIN.md §4–§6,
 * §10), one spec per process.
 * TODO(#10): fold these into per-process inbox/timeline read models once
 * the station-fault ones are generalised to every registered process.
 */
export const MONEY_PROCESS_READ_MODELS: readonly ProcessReadModelSpec[] = [
  orderAnomalyReadModel,
  feeWaiverReadModel,
  waiverRuleTableReadModel,
  invoiceReadModel,
  trafficViolationReadModel,
  // 电话回访 (DOMAIN.md §7) shares the generic read models.
  phoneCallbackReadModel,
];

/**
 * One projection per process (ticket view, inbox and timeline in one
 * transaction); each needs its own runner. Start-up, migrations and
 * rebuilds all find them here.
 */
export function createMoneyProcessProjections(
  options: ReadModelProjectionOptions = {},
): Projection[] {
  return MONEY_PROCESS_READ_MODELS.map((spec) =>
    createProcessTicketsProjection(spec, options),
  );
}

/** The read-model spec of a process, by its id. */
export function moneyProcessReadModel(
  processId: string,
): ProcessReadModelSpec | undefined {
  return MONEY_PROCESS_READ_MODELS.find(
    (spec) => spec.definition.processId === processId,
  );
}
