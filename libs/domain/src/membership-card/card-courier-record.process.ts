import {
  authoriseByTable,
  FieldChecks,
  nextEventTypesByTable,
  type DecisionContext,
  type DomainCommand,
  type DomainEvent,
  type Label,
  type ProcessDefinition,
  type TableRule,
  type TableState,
} from '../shared';

/**
 * The marketing post's courier record (市场会员卡进度审核流程 4.1), a
 * stream of its own: one per member, so an inquiry finds it by the member
 * id alone. The runtime derives the stream's id from the member id.
 */
export const CARD_COURIER_RECORD_PROCESS_ID = 'card-courier-record';

/**
 * A member id as records and inquiries are matched on it: NFKC (a
 * full-width digit typed at one desk is the digit another typed) and
 * trimmed. The record's stream id is derived from it.
 */
export function cardMemberKey(memberId: string): string {
  return memberId.normalize('NFKC').trim();
}

/** 3.1 / 4.1: entered in real time once a card is made and posted. */
export type RecordCardMailed = DomainCommand<
  'RecordCardMailed',
  {
    memberId: string;
    cardNo?: string;
    courier: string;
    trackingNo: string;
    mailedAt: string;
  }
>;
export type CardCourierRecordCommand = RecordCardMailed;

export type CardMailed = DomainEvent<
  'card-courier-record.card-mailed',
  {
    memberId: string;
    subsidiaryId?: string;
    cardNo?: string;
    courier: string;
    trackingNo: string;
    mailedAt: string;
  }
>;
export type CardCourierRecordEvent = CardMailed;

export const CARD_COURIER_RECORD_STATES = {
  NEW: { zh: '未寄送', en: 'Not mailed' },
  MAILED: { zh: '会员卡已制作寄出', en: 'Card made and mailed' },
} as const satisfies Record<string, Label>;

export type CardCourierRecordStatus = keyof typeof CARD_COURIER_RECORD_STATES;

/** One posting of a card; a member sent a replacement has two. */
export interface CardMailing {
  cardNo?: string;
  courier: string;
  trackingNo: string;
  mailedAt: string;
}

export interface CardCourierRecordState extends TableState<CardCourierRecordStatus> {
  memberId?: string;
  mailings: CardMailing[];
}

export const initialCardCourierRecordState: CardCourierRecordState = {
  status: 'NEW',
  mailings: [],
};

// TODO(#11): a record belongs to the subsidiary of its first posting, so
// the marketing post of another subsidiary cannot post that member's
// replacement card (404, as for any ticket it may not see), while every
// subsidiary's inquiries read the record. Ask whether cards are posted by
// headquarters' marketing only.
export const CARD_COURIER_RECORD_TRANSITIONS: readonly TableRule<
  'RecordCardMailed',
  CardMailed['type'],
  CardCourierRecordStatus
>[] = (['NEW', 'MAILED'] as const).map((from) => ({
  command: 'RecordCardMailed',
  from,
  roles: ['marketing-manager'],
  outcomes: [{ events: ['card-courier-record.card-mailed'], to: 'MAILED' }],
}));

export function evolveCardCourierRecord(
  state: CardCourierRecordState,
  event: CardCourierRecordEvent,
): CardCourierRecordState {
  const { memberId, subsidiaryId, cardNo, courier, trackingNo, mailedAt } =
    event.data;
  return {
    ...state,
    status: 'MAILED',
    memberId,
    subsidiaryId: state.subsidiaryId ?? subsidiaryId,
    mailings: [
      ...state.mailings,
      { ...(cardNo && { cardNo }), courier, trackingNo, mailedAt },
    ],
  };
}

/** The latest posting: the one an inquiry tells the user about. */
export function latestMailing(
  state: CardCourierRecordState,
): CardMailing | undefined {
  return state.mailings[state.mailings.length - 1];
}

export function decideCardCourierRecord(
  command: CardCourierRecordCommand,
  state: CardCourierRecordState,
  context: DecisionContext,
): CardCourierRecordEvent[] {
  authoriseByTable(
    CARD_COURIER_RECORD_PROCESS_ID,
    CARD_COURIER_RECORD_TRANSITIONS,
    command,
    state,
    context,
  );
  const checks = new FieldChecks();
  const p = command.payload as unknown;
  if (checks.record('payload', p)) {
    if (
      checks.nonBlank('payload.memberId', p.memberId) &&
      state.memberId !== undefined &&
      cardMemberKey(p.memberId) !== cardMemberKey(state.memberId)
    ) {
      checks.fail('payload.memberId', 'must be the member of this record');
    }
    checks.optionalNonBlank('payload.cardNo', p.cardNo);
    checks.nonBlank('payload.courier', p.courier);
    checks.nonBlank('payload.trackingNo', p.trackingNo);
    checks.pastInstant('payload.mailedAt', p.mailedAt, context.now);
  }
  checks.throwIfAny(command.type);

  const { memberId, cardNo, courier, trackingNo, mailedAt } = command.payload;
  const data = {
    // A later posting names the record's member as first entered, however
    // the id was typed this time.
    memberId: state.memberId ?? memberId.trim(),
    subsidiaryId: context.actor.subsidiary,
    cardNo,
    courier,
    trackingNo,
    mailedAt: new Date(mailedAt).toISOString(),
  };
  return [
    {
      type: 'card-courier-record.card-mailed',
      schemaVersion: 1,
      data: Object.fromEntries(
        Object.entries(data).filter(([, v]) => v !== undefined),
      ) as CardMailed['data'],
    },
  ];
}

/** 会员卡寄送记录: the marketing post's record, as the engine runs it. */
export const cardCourierRecordProcess: ProcessDefinition<
  CardCourierRecordState,
  CardCourierRecordCommand,
  CardCourierRecordEvent
> = {
  processId: CARD_COURIER_RECORD_PROCESS_ID,
  title: { zh: '会员卡寄送记录', en: 'Membership-card courier record' },
  initialState: initialCardCourierRecordState,
  commandTypes: ['RecordCardMailed'],
  eventTypes: ['card-courier-record.card-mailed'],
  stateLabels: CARD_COURIER_RECORD_STATES,
  eventLabels: {
    'card-courier-record.card-mailed': {
      zh: '录入会员卡快递信息',
      en: 'Card courier information entered',
    },
  },
  evolve: evolveCardCourierRecord,
  decide: (command, state, context) =>
    decideCardCourierRecord(command, state, context),
  // A record, not a case: nobody's move once it exists.
  custody: () => ({ role: null }),
  isTerminal: (state) => state.status === 'MAILED',
};

export function nextCardCourierRecordEventTypes(
  status: CardCourierRecordStatus,
): CardMailed['type'][] {
  return nextEventTypesByTable(CARD_COURIER_RECORD_TRANSITIONS, status);
}
