import { nextEventTypesByTable, type ProcessDefinition } from '../shared';
import {
  REPAIR_ORDER_COMMAND_TYPES,
  type RepairOrderCommand,
} from './repair-order.commands';
import { repairOrderCustody } from './repair-order.custody';
import {
  decideRepairOrder,
  REPAIR_ORDER_PROCESS_ID,
} from './repair-order.decide';
import type {
  RepairOrderEvent,
  RepairOrderEventType,
} from './repair-order.events';
import { evolveRepairOrder } from './repair-order.evolve';
import { REPAIR_ORDER_EVENT_LABELS } from './repair-order.labels';
import { REPAIR_ORDER_PERSONAL_DATA } from './repair-order.personal-data';
import {
  DEFAULT_REPAIR_ORDER_RULES,
  type RepairOrderRules,
} from './repair-order.rules';
import {
  initialRepairOrderState,
  type RepairOrderState,
} from './repair-order.state';
import {
  REPAIR_ORDER_STATES,
  type RepairOrderStatus,
} from './repair-order.states';
import { REPAIR_ORDER_TRANSITIONS } from './repair-order.transitions';

/**
 * 维修站服务流程: one shop visit, after the repair texts G2 车辆维修报修流程方案,
 * G5 汽车维修服务流程图, G6 汽车维修店服务流程预案, G7 汽车维修店服务流程手册,
 * G8 汽车维修服务流程指南 and G9 简述汽车售后维修工作流程.
 */
export const repairOrderProcess: ProcessDefinition<
  RepairOrderState,
  RepairOrderCommand,
  RepairOrderEvent,
  RepairOrderRules | undefined
> = {
  processId: REPAIR_ORDER_PROCESS_ID,
  title: { zh: '维修站接待与维修', en: 'Repair-shop visit' },
  initialState: initialRepairOrderState,
  commandTypes: REPAIR_ORDER_COMMAND_TYPES,
  eventTypes: Object.keys(REPAIR_ORDER_EVENT_LABELS) as RepairOrderEventType[],
  stateLabels: REPAIR_ORDER_STATES,
  eventLabels: REPAIR_ORDER_EVENT_LABELS,
  evolve: evolveRepairOrder,
  decide: (command, state, context, rules) =>
    decideRepairOrder(
      command,
      state,
      context,
      rules ?? DEFAULT_REPAIR_ORDER_RULES,
    ),
  custody: repairOrderCustody,
  isTerminal: (state) => state.status === 'ARCHIVED',
  personalData: REPAIR_ORDER_PERSONAL_DATA,
};

/** The event types that may follow in a stream folded to `status`. */
export function nextRepairOrderEventTypes(
  status: RepairOrderStatus,
  previous?: RepairOrderEventType,
): RepairOrderEventType[] {
  return nextEventTypesByTable(REPAIR_ORDER_TRANSITIONS, status, previous);
}
