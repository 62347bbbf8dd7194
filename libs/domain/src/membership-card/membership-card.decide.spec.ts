import { deciderSpec } from '../shared/testing/given-when-then';
import {
  command,
  ctx,
  events,
  historyOf,
  mailed,
  notMailed,
  payloads,
  THREE_DAYS_ON,
  warning,
} from './membership-card.fixtures';
import { membershipCardProcess } from './membership-card.process';

const { given } = deciderSpec(membershipCardProcess, undefined);

describe('an inquiry received', () => {
  it('by the online agent is an online inquiry, held by that post', () => {
    const state = given([])
      .when(
        command('ReceiveCardInquiry', payloads.inquiry),
        ctx('cs-online-agent'),
      )
      .then([events.received('online')]);
    expect(membershipCardProcess.custody(state)).toEqual({
      role: 'cs-online-agent',
    });
  });
});

describe('an application not approved (4.3.1)', () => {
  it('records the reason and closes', () => {
    given(historyOf.STATUS_CHECK)
      .when(
        command('RecordApplicationRejected', payloads.rejected),
        ctx('cs-phone-agent'),
      )
      .then([events.reasonLookedUp, events.rejectionTold]);
  });

  it('records that the platform has no reason (暂时查不到)', () => {
    given(historyOf.STATUS_CHECK)
      .when(command('RecordApplicationRejected', {}), ctx('cs-phone-agent'))
      .then([
        {
          type: 'membership-card.rejection-reason-looked-up',
          schemaVersion: 1,
          data: { reasonKnown: false },
        },
        events.rejectionTold,
      ]);
  });
});

describe('an approved application (4.3.2)', () => {
  it('made and posted: the tracking number from the courier record', () => {
    const state = given(historyOf.STATUS_CHECK)
      .when(
        command('LookUpCardProgress', { courier: mailed }),
        ctx('cs-phone-agent'),
      )
      .then([events.trackingLookedUp, events.trackingTold]);
    expect(state.status).toBe('CLOSED_SHIPPED');
  });

  it('not made: the user waits, and nobody holds the case meanwhile', () => {
    const state = given(historyOf.STATUS_CHECK)
      .when(
        command('LookUpCardProgress', { courier: notMailed }),
        ctx('cs-phone-agent'),
      )
      .then([events.toldToWait]);
    expect(membershipCardProcess.custody(state)).toEqual({ role: null });
  });
});

describe('while the user waits', () => {
  it('the 3-working-day warning brings the case back to the agent', () => {
    const state = given(historyOf.AWAITING_CARD)
      .when(
        command('RecordDeadline', warning),
        ctx('system', {}, THREE_DAYS_ON),
      )
      .then([events.warned]);
    expect(membershipCardProcess.custody(state)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('a look at a still empty record waits on, out of the inbox', () => {
    const state = given([...historyOf.AWAITING_CARD, events.warned])
      .when(
        command('CheckCourierRecord', { courier: notMailed }),
        ctx('cs-phone-agent', {}, THREE_DAYS_ON),
      )
      .then([events.stillNotMailed]);
    expect(state.status).toBe('AWAITING_CARD');
    expect(membershipCardProcess.custody(state)).toEqual({ role: null });
  });

  it('past the 5-working-day breach, a look that finds nothing leaves the case with the agent', () => {
    const state = given([
      ...historyOf.AWAITING_CARD,
      events.warned,
      events.stillNotMailed,
      events.breached,
    ])
      .when(
        command('CheckCourierRecord', { courier: notMailed }),
        ctx('cs-phone-agent', {}, warning.deadlineAt),
      )
      .then([
        {
          ...events.stillNotMailed,
          data: { checkedAt: warning.deadlineAt },
        },
      ]);
    expect(state).toMatchObject({
      status: 'AWAITING_CARD',
      reminded: false,
      escalated: true,
    });
    expect(membershipCardProcess.custody(state)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('the system’s look, when marketing posts the card, closes it as shipped', () => {
    given(historyOf.AWAITING_CARD)
      .when(
        command('CheckCourierRecord', { courier: mailed }),
        ctx('system', { kind: 'automatic' }, THREE_DAYS_ON),
      )
      .then([events.trackingLookedUp, events.trackingTold]);
  });

  it('a courier record entered meanwhile closes it as shipped', () => {
    given([...historyOf.AWAITING_CARD, events.warned])
      .when(
        command('CheckCourierRecord', { courier: mailed }),
        ctx('cs-phone-agent', {}, THREE_DAYS_ON),
      )
      .then([events.trackingLookedUp, events.trackingTold]);
  });
});
