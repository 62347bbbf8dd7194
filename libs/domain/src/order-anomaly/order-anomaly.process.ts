import { nextEventTypesByTable, type ProcessDefinition } from '../shared';
import {
  ORDER_ANOMALY_COMMAND_TYPES,
  type OrderAnomalyCommand,
} from './order-anomaly.commands';
import { orderAnomalyCustody } from './order-anomaly.custody';
import {
  decideOrderAnomaly,
  ORDER_ANOMALY_PROCESS_ID,
} from './order-anomaly.decide';
import type {
  OrderAnomalyEvent,
  OrderAnomalyEventType,
} from './order-anomaly.events';
import { evolveOrderAnomaly } from './order-anomaly.evolve';
import { ORDER_ANOMALY_EVENT_LABELS } from './order-anomaly.labels';
import { ORDER_ANOMALY_PERSONAL_DATA } from './order-anomaly.personal-data';
import {
  initialOrderAnomalyState,
  type OrderAnomalyState,
} from './order-anomaly.state';
import {
  ORDER_ANOMALY_STATES,
  type OrderAnomalyStatus,
} from './order-anomaly.states';
import { ORDER_ANOMALY_TRANSITIONS } from './order-anomaly.transitions';

const TERMINAL: readonly OrderAnomalyStatus[] = [
  'CLOSED_PAID_IN_APP',
  'CLOSED_SETTLED_BY_ECOIN',
];

/** P25 订单异常处理流程 as the engine runs it. */
export const orderAnomalyProcess: ProcessDefinition<
  OrderAnomalyState,
  OrderAnomalyCommand,
  OrderAnomalyEvent
> = {
  processId: ORDER_ANOMALY_PROCESS_ID,
  title: { zh: '订单异常处理', en: 'Order anomaly handling' },
  initialState: initialOrderAnomalyState,
  commandTypes: ORDER_ANOMALY_COMMAND_TYPES,
  eventTypes: Object.keys(
    ORDER_ANOMALY_EVENT_LABELS,
  ) as OrderAnomalyEventType[],
  stateLabels: ORDER_ANOMALY_STATES,
  eventLabels: ORDER_ANOMALY_EVENT_LABELS,
  evolve: evolveOrderAnomaly,
  decide: (command, state, context) =>
    decideOrderAnomaly(command, state, context),
  custody: orderAnomalyCustody,
  isTerminal: (state) => TERMINAL.includes(state.status),
  personalData: ORDER_ANOMALY_PERSONAL_DATA,
};

/** The event types that may follow in a stream folded to `status`. */
export function nextOrderAnomalyEventTypes(
  status: OrderAnomalyStatus,
  previous?: OrderAnomalyEventType,
): OrderAnomalyEventType[] {
  return nextEventTypesByTable(ORDER_ANOMALY_TRANSITIONS, status, previous);
}
