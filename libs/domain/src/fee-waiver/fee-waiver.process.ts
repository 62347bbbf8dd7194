import type { ProcessDefinition } from '../shared';
import {
  FEE_WAIVER_COMMAND_TYPES,
  type FeeWaiverCommand,
} from './fee-waiver.commands';
import { feeWaiverCustody } from './fee-waiver.custody';
import { decideFeeWaiver, FEE_WAIVER_PROCESS_ID } from './fee-waiver.decide';
import type { FeeWaiverEvent, FeeWaiverEventType } from './fee-waiver.events';
import { evolveFeeWaiver } from './fee-waiver.evolve';
import { FEE_WAIVER_EVENT_LABELS } from './fee-waiver.labels';
import { initialFeeWaiverState, type FeeWaiverState } from './fee-waiver.state';
import { FEE_WAIVER_STATES, FEE_WAIVER_TERMINAL } from './fee-waiver.states';

/** P17 客服费用减免操作流程 as the engine runs it. */
export const feeWaiverProcess: ProcessDefinition<
  FeeWaiverState,
  FeeWaiverCommand,
  FeeWaiverEvent
> = {
  processId: FEE_WAIVER_PROCESS_ID,
  title: { zh: '客服费用减免', en: 'Fee waiver' },
  initialState: initialFeeWaiverState,
  commandTypes: FEE_WAIVER_COMMAND_TYPES,
  eventTypes: Object.keys(FEE_WAIVER_EVENT_LABELS) as FeeWaiverEventType[],
  stateLabels: FEE_WAIVER_STATES,
  eventLabels: FEE_WAIVER_EVENT_LABELS,
  evolve: evolveFeeWaiver,
  decide: (command, state, context) => decideFeeWaiver(command, state, context),
  custody: feeWaiverCustody,
  isTerminal: (state) => FEE_WAIVER_TERMINAL.includes(state.status),
  personalData: {
    'fee-waiver.requested': ['caller.phone', 'caller.name'],
  },
};
