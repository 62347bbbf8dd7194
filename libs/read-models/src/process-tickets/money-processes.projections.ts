import type { PoolClient } from 'pg';
import type { Projection, ReadModelProjectionOptions } from '../projection';
import {
  feeWaiverReadModel,
  waiverRuleTableReadModel,
} from '../fee-waiver/fee-waiver.read-model';
import { invoiceReadModel } from '../invoice/invoice.read-model';
import {
  repairOrderReadModel,
  shopBookReadModel,
} from '../repair-order/repair-order.read-model';
import { repeatCallerReadModel } from '../repeat-caller/repeat-caller.read-model';
import { orderAnomalyReadModel } from '../order-anomaly/order-anomaly.read-model';
import { trafficViolationReadModel } from '../traffic-violation/traffic-violation.read-model';
import { phoneCallbackReadModel } from '../phone-callback/phone-callback.read-model';
import { emailCaseReadModel } from '../email-case/email-case.read-model';
import { centreEmergencyReadModel } from '../centre-emergency/centre-emergency.read-model';
import {
  cardCourierRecordReadModel,
  membershipCardReadModel,
} from '../membership-card/membership-card.read-model';
import { vehicleRepairReadModel } from '../vehicle-repair/vehicle-repair.read-model';
import { createProcessTicketsProjection } from './process-tickets.projection';
import type { ProcessReadModelSpec } from './process-tickets.spec-type';

/**
 * The read models of the money and compliance processes (P17, P21, P23,
 * P25) and of the processes added after them, one spec per process.
 * TODO(#10): fold these into per-process inbox/timeline read models once
 * the station-fault ones are generalised to every registered process.
 */
export const MONEY_PROCESS_READ_MODELS: readonly ProcessReadModelSpec[] = [
  orderAnomalyReadModel,
  feeWaiverReadModel,
  waiverRuleTableReadModel,
  invoiceReadModel,
  // 维修站接待与维修 (issue #13) and the shops' appointment books.
  repairOrderReadModel,
  shopBookReadModel,
  // P14 重复来电类敏感问题上报流程.
  repeatCallerReadModel,
  trafficViolationReadModel,
  // P08 电话回访流程 shares the generic read models.
  phoneCallbackReadModel,
  // P05 邮件客服岗位工作流程.
  emailCaseReadModel,
  // 车辆报修与救援维修 (G1–G4).
  vehicleRepairReadModel,
  // P01 客服中心应急处理流程.
  centreEmergencyReadModel,
  // P29 市场会员卡进度审核流程 and the marketing post's courier record.
  membershipCardReadModel,
  cardCourierRecordReadModel,
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

/**
 * One subject's personal data (the subject is a stream name) out of the
 * process read models that keep it, in the caller's transaction together
 * with the key's erasure: the projection of the subject's process scrubs
 * its own tables, as a rebuild's swap asks it for its staging tables.
 */
export async function erasePersonalDataFromProcessReadModels(
  client: PoolClient,
  subject: string,
  options: ReadModelProjectionOptions = {},
): Promise<void> {
  for (const projection of createMoneyProcessProjections(options)) {
    await projection.erasePersonalData?.(client, subject);
  }
}
