import type { ProcessDefinition } from '../shared';
import {
  MEMBERSHIP_CARD_COMMAND_TYPES,
  type MembershipCardCommand,
} from './membership-card.commands';
import { membershipCardCustody } from './membership-card.custody';
import {
  decideMembershipCard,
  MEMBERSHIP_CARD_PROCESS_ID,
} from './membership-card.decide';
import type {
  MembershipCardEvent,
  MembershipCardEventType,
} from './membership-card.events';
import { evolveMembershipCard } from './membership-card.evolve';
import { MEMBERSHIP_CARD_EVENT_LABELS } from './membership-card.labels';
import {
  initialMembershipCardState,
  type MembershipCardState,
} from './membership-card.state';
import {
  MEMBERSHIP_CARD_STATES,
  type MembershipCardStatus,
} from './membership-card.states';

const TERMINAL: readonly MembershipCardStatus[] = [
  'CLOSED_REJECTED',
  'CLOSED_SHIPPED',
];

/** 市场会员卡进度审核流程 as the engine runs it. */
export const membershipCardProcess: ProcessDefinition<
  MembershipCardState,
  MembershipCardCommand,
  MembershipCardEvent
> = {
  processId: MEMBERSHIP_CARD_PROCESS_ID,
  title: { zh: '会员卡进度查询', en: 'Membership-card progress inquiry' },
  initialState: initialMembershipCardState,
  commandTypes: MEMBERSHIP_CARD_COMMAND_TYPES,
  eventTypes: Object.keys(
    MEMBERSHIP_CARD_EVENT_LABELS,
  ) as MembershipCardEventType[],
  stateLabels: MEMBERSHIP_CARD_STATES,
  eventLabels: MEMBERSHIP_CARD_EVENT_LABELS,
  evolve: evolveMembershipCard,
  decide: (command, state, context) =>
    decideMembershipCard(command, state, context),
  custody: membershipCardCustody,
  isTerminal: (state) => TERMINAL.includes(state.status),
  personalData: { 'membership-card.inquiry-received': ['caller.phone'] },
};
