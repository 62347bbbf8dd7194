import type { ProcessDefinition } from '../shared';
import {
  decideWaiverRuleTable,
  evolveWaiverRuleTable,
} from './waiver-rule-table.decide';
import {
  initialWaiverRuleTableState,
  WAIVER_RULE_TABLE_PROCESS_ID,
  type WaiverRuleTableCommand,
  type WaiverRuleTableEvent,
  type WaiverRuleTableState,
} from './waiver-rule-table.events';

/**
 * 费用减免规则表: the reference table of P17 as versioned data, one
 * stream. Fee-waiver requests read it when they are decided and record
 * the version and row that decided them.
 */
export const waiverRuleTableProcess: ProcessDefinition<
  WaiverRuleTableState,
  WaiverRuleTableCommand,
  WaiverRuleTableEvent
> = {
  processId: WAIVER_RULE_TABLE_PROCESS_ID,
  title: { zh: '费用减免规则表', en: 'Fee-waiver rule table' },
  initialState: initialWaiverRuleTableState,
  commandTypes: ['PublishWaiverTable'],
  eventTypes: ['waiver-rule-table.version-published'],
  stateLabels: {
    NEW: { zh: '仅手册版本', en: 'Manual version only' },
    PUBLISHED: { zh: '已发布新版本', en: 'Versions published' },
  },
  eventLabels: {
    'waiver-rule-table.version-published': {
      zh: '发布减免规则表新版本',
      en: 'Rule-table version published',
    },
  },
  evolve: evolveWaiverRuleTable,
  decide: (command, state, context) =>
    decideWaiverRuleTable(command, state, context),
  // Nobody holds reference data: publishing hands nothing on.
  custody: () => ({ role: null }),
  isTerminal: () => false,
};
