import { authoriseByTable, type DecisionContext } from '../shared';
import type { RepairOrderCommand } from './repair-order.commands';
import { REPAIR_ORDER_PROCESS_ID } from './repair-order.process-id';
import type { RepairOrderState } from './repair-order.state';
import { REPAIR_ORDER_TRANSITIONS } from './repair-order.transitions';

/** The state, role and existence checks of the transition table. */
export function authoriseRepairOrder(
  command: RepairOrderCommand,
  state: RepairOrderState,
  context: DecisionContext,
): void {
  authoriseByTable(
    REPAIR_ORDER_PROCESS_ID,
    REPAIR_ORDER_TRANSITIONS,
    command,
    state,
    context,
  );
}
