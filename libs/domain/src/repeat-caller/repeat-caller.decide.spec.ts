import { deciderSpec } from '../shared/testing/given-when-then';
import {
  command,
  ctx,
  EARLIER,
  earlier,
  events,
  FIRST_CALL_ID,
  historyOf,
  payloads,
  recordedWith,
  SECOND_CALL_ID,
  THIRD_CALL_ID,
} from './repeat-caller.fixtures';
import { repeatCallerProcess } from './repeat-caller.process';

const { given } = deciderSpec(repeatCallerProcess, {
  windowHours: 72,
  threshold: 3,
});
const agent = ctx('cs-phone-agent');
const manager = ctx('cs-manager-outsourcer');
const opsHead = ctx('subsidiary-ops-head');
const pr = ctx('hq-pr-manager');
const gm = ctx('subsidiary-gm');

describe('a call (boxes 2–3)', () => {
  it('is recorded with the time frame promised, and nothing more, when it is not a repeat', () => {
    const state = given([])
      .when(command('RecordCall', payloads.firstCall), agent)
      .then([events.recordedFirst]);
    expect(state).toMatchObject({
      status: 'CALL_RECORDED',
      callCount: 1,
      linkedTicketIds: [],
    });
    expect(repeatCallerProcess.custody(state)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('that did not escalate is closed by the agent, and ends', () => {
    const state = given(historyOf.CALL_RECORDED)
      .when(command('CloseCall', payloads.close), agent)
      .then([events.closedCall]);
    expect(state.status).toBe('CALL_CLOSED');
    expect(repeatCallerProcess.isTerminal(state)).toBe(true);
    expect(repeatCallerProcess.custody(state)).toEqual({ role: null });
  });

  it('keeps the phone out of the state, matching on the caller keys only', () => {
    const state = given([])
      .when(command('RecordCall', payloads.firstCall), agent)
      .then([events.recordedFirst]);
    expect(JSON.stringify(state)).not.toContain('13800138000');
    expect(state.callerKeys).toEqual(payloads.firstCall.callerKeys);
  });

  it('as the third within the window links the earlier two and goes to the manager', () => {
    const state = given([])
      .when(command('RecordCall', payloads.thirdCall), agent)
      .then([events.linked, events.recorded, events.escalated]);
    expect(state).toMatchObject({
      status: 'ESCALATED',
      callCount: 3,
      linkedTicketIds: [FIRST_CALL_ID, SECOND_CALL_ID],
    });
    expect(repeatCallerProcess.custody(state)).toEqual({
      role: 'cs-manager-outsourcer',
    });
  });

  it('as the third with one earlier call outside the window does not link', () => {
    given([])
      .when(
        command('RecordCall', {
          ...payloads.thirdCall,
          earlierCalls: [earlier(FIRST_CALL_ID, 80), EARLIER[1]],
        }),
        agent,
      )
      .then([recordedWith([earlier(FIRST_CALL_ID, 80), EARLIER[1]])]);
  });

  it('links under the rules it is configured with', () => {
    const lenient = deciderSpec(repeatCallerProcess, {
      windowHours: 100,
      threshold: 3,
    });
    const late = earlier(FIRST_CALL_ID, 80);
    lenient
      .given([])
      .when(
        command('RecordCall', {
          ...payloads.thirdCall,
          earlierCalls: [late, EARLIER[1]],
        }),
        agent,
      )
      .then([
        {
          ...events.linked,
          data: {
            ...events.linked.data,
            linkedCalls: [
              {
                ticketId: late.ticketId,
                ticketNumber: late.ticketNumber,
                calledAt: late.calledAt,
              },
              events.linked.data.linkedCalls[1],
            ],
            rules: { windowHours: 100, threshold: 3 },
          },
        },
        recordedWith([late, EARLIER[1]], { windowHours: 100, threshold: 3 }),
        events.escalated,
      ]);
  });

  it('records a caller known by member id alone', () => {
    const { phone: _phone, ...noPhone } = payloads.firstCall.caller;
    const state = given([])
      .when(
        command('RecordCall', {
          ...payloads.firstCall,
          caller: noPhone,
          callerKeys: ['member:9e2b44'],
        }),
        agent,
      )
      .then([
        {
          ...events.recordedFirst,
          data: {
            ...events.recordedFirst.data,
            caller: noPhone,
            callerKeys: ['member:9e2b44'],
          },
        },
      ]);
    expect(state.status).toBe('CALL_RECORDED');
  });
});

describe('unlinking (reversible, never a merge)', () => {
  const fourth = () => [
    {
      ...events.linked,
      data: {
        ...events.linked.data,
        linkedCalls: [
          ...events.linked.data.linkedCalls,
          {
            ticketId: THIRD_CALL_ID,
            ticketNumber: 'RC-20260301-0103',
            calledAt: '2026-03-04T03:55:00.000Z',
          },
        ],
        callCount: 4,
      },
    },
    events.recorded,
    { ...events.escalated, data: { ...events.escalated.data, callCount: 4 } },
  ];

  it('keeps the escalation while the calls left still reach the threshold', () => {
    const state = given(fourth())
      .when(command('UnlinkCall', payloads.unlinkFirst), manager)
      .then([events.unlinkedFirst]);
    expect(state).toMatchObject({
      status: 'ESCALATED',
      callCount: 3,
      linkedTicketIds: [SECOND_CALL_ID, THIRD_CALL_ID],
    });
  });

  it('withdraws the escalation below the threshold, restoring the plain call record', () => {
    const before = given(historyOf.CALL_RECORDED).state;
    const state = given(historyOf.ESCALATED)
      .when(command('UnlinkCall', payloads.unlinkFirst), manager)
      .then([events.unlinkedWithdrawing]);
    expect(state).toEqual(before);
    expect(repeatCallerProcess.custody(state)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('judges by the threshold the link was decided on, not today’s setting', () => {
    const twoWere = deciderSpec(repeatCallerProcess, {
      windowHours: 72,
      threshold: 2,
    });
    twoWere
      .given(historyOf.ESCALATED)
      .when(command('UnlinkCall', payloads.unlinkFirst), manager)
      .then([events.unlinkedWithdrawing]);
  });

  it('keeps the review of the calls that stay, dropping the unlinked call’s recording', () => {
    const reviewedFour = {
      ...events.reviewed,
      data: {
        ...events.reviewed.data,
        recordings: [
          ...events.reviewed.data.recordings,
          { ticketId: THIRD_CALL_ID, recordingRef: 'REC-0004' },
        ],
      },
    };
    const state = given([...fourth(), reviewedFour])
      .when(command('UnlinkCall', payloads.unlinkFirst), manager)
      .then([events.unlinkedFirst]);
    expect(state.status).toBe('RECORDINGS_REVIEWED');
    expect(state.recordings?.map((r) => r.ticketId)).toEqual([
      events.reviewed.data.recordings[0].ticketId,
      SECOND_CALL_ID,
      THIRD_CALL_ID,
    ]);
  });

  it('is allowed after the recordings were reviewed, and forgets them on withdrawal', () => {
    const state = given(historyOf.RECORDINGS_REVIEWED)
      .when(command('UnlinkCall', payloads.unlinkFirst), manager)
      .then([events.unlinkedWithdrawing]);
    expect(state.status).toBe('CALL_RECORDED');
    expect(state.recordings).toBeUndefined();
  });
});

describe('the manager (boxes 5–7)', () => {
  it('reviews one recording of every call of the group', () => {
    const state = given(historyOf.ESCALATED)
      .when(command('ReviewRecordings', payloads.recordings), manager)
      .then([events.reviewed]);
    expect(state.status).toBe('RECORDINGS_REVIEWED');
  });

  it('reports the incident to the operations head with the template', () => {
    const state = given(historyOf.RECORDINGS_REVIEWED)
      .when(command('ReportIncident', payloads.incident), manager)
      .then([events.reported]);
    expect(repeatCallerProcess.custody(state)).toEqual({
      role: 'subsidiary-ops-head',
    });
  });
});

describe('the classification (box 8)', () => {
  it('an external complaint or media exposure needs both plans (AND-split)', () => {
    const state = given(historyOf.INCIDENT_REPORTED)
      .when(command('ClassifyIncident', payloads.external), opsHead)
      .then([events.classifiedExternal]);
    expect(state.status).toBe('AWAITING_PLANS');
  });

  it('media exposure alone needs both plans too', () => {
    const state = given(historyOf.INCIDENT_REPORTED)
      .when(
        command('ClassifyIncident', {
          externalComplaint: false,
          mediaExposure: true,
        }),
        opsHead,
      )
      .then([
        {
          type: 'repeat-caller.incident-classified',
          schemaVersion: 1,
          data: { externalComplaint: false, mediaExposure: true },
        },
      ]);
    expect(state.status).toBe('AWAITING_PLANS');
  });

  it('neither needs the operations plan alone', () => {
    const state = given(historyOf.INCIDENT_REPORTED)
      .when(command('ClassifyIncident', payloads.internal), opsHead)
      .then([events.classifiedInternal]);
    expect(state.status).toBe('AWAITING_OPS_PLAN');
  });
});

describe('the plans and their review (boxes 12–14)', () => {
  it('joins only when both lanes have drafted, in either order', () => {
    const afterPr = given(historyOf.AWAITING_PLANS)
      .when(command('DraftHandlingPlan', payloads.plan), pr)
      .then([events.prPlan]);
    expect(afterPr.status).toBe('AWAITING_OPS_PLAN');
    const joined = given([...historyOf.AWAITING_PLANS, events.prPlan])
      .when(command('DraftHandlingPlan', payloads.plan), opsHead)
      .then([events.opsPlan]);
    expect(joined.status).toBe('PLAN_REVIEW');
    expect(repeatCallerProcess.custody(joined)).toEqual({
      role: 'subsidiary-gm',
    });
  });

  it('the GM approves both plans', () => {
    const state = given(historyOf.PLAN_REVIEW)
      .when(command('ReviewHandlingPlan', payloads.approve), gm)
      .then([events.approved]);
    expect(repeatCallerProcess.custody(state)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('a send-back returns both plans for a redraft', () => {
    const state = given(historyOf.PLAN_REVIEW)
      .when(command('ReviewHandlingPlan', payloads.sendBack), gm)
      .then([
        {
          type: 'repeat-caller.handling-plans-sent-back',
          schemaVersion: 1,
          data: {
            reason: payloads.sendBack.reason,
            redraftBy: ['subsidiary-ops-head', 'hq-pr-manager'],
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'AWAITING_PLANS',
      plans: {},
      sentBackCount: 1,
    });
  });

  it('without an external side, a send-back returns the operations plan only', () => {
    const state = given([...historyOf.AWAITING_OPS_PLAN, events.opsPlan])
      .when(command('ReviewHandlingPlan', payloads.sendBack), gm)
      .then([
        {
          type: 'repeat-caller.handling-plans-sent-back',
          schemaVersion: 1,
          data: {
            reason: payloads.sendBack.reason,
            redraftBy: ['subsidiary-ops-head'],
          },
        },
      ]);
    expect(state.status).toBe('AWAITING_OPS_PLAN');
  });
});

describe('the call-back and the follow-up (boxes 9–10)', () => {
  it('an unreached caller leaves the call-back due', () => {
    const state = given(historyOf.PLAN_APPROVED)
      .when(command('CallBackWithPlan', payloads.unreached), agent)
      .then([
        {
          type: 'repeat-caller.user-called-back-with-plan',
          schemaVersion: 1,
          data: payloads.unreached,
        },
      ]);
    expect(state.status).toBe('PLAN_APPROVED');
  });

  it('a reached caller is followed up until resolved', () => {
    const pending = given(historyOf.FOLLOWING_UP)
      .when(command('RecordFollowUp', payloads.pending), agent)
      .then([
        {
          type: 'repeat-caller.follow-up-recorded',
          schemaVersion: 1,
          data: payloads.pending,
        },
      ]);
    expect(pending.status).toBe('FOLLOWING_UP');
    const resolved = given(historyOf.FOLLOWING_UP)
      .when(command('RecordFollowUp', payloads.resolved), agent)
      .then([events.resolved]);
    expect(repeatCallerProcess.custody(resolved)).toEqual({
      role: 'cs-manager-outsourcer',
    });
  });

  it('the result goes to everyone who drafted a plan, and the case closes', () => {
    const state = given(historyOf.RESOLVED)
      .when(command('NotifyResult', payloads.notifyBoth), manager)
      .then([events.notified]);
    expect(state.status).toBe('CLOSED');
    expect(repeatCallerProcess.isTerminal(state)).toBe(true);
    expect(state.ticketNumber).toBe('RC-20260304-0003');
  });
});
