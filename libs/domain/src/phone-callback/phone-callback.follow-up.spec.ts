import {
  InvalidCommandDataError,
  RoleNotPermittedError,
  TicketNotInStateError,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import {
  at,
  callbackHistory,
  CALLBACK_ID,
  command,
  opened,
  openPayload,
  stillDissatisfied,
} from './phone-callback.fixtures';
import { phoneCallbackProcess } from './phone-callback.process';
import { callbackOutcomeReached } from './phone-callback.outcome';

const { given } = deciderSpec(phoneCallbackProcess, undefined);

describe('opening a call-back for a station-fault result', () => {
  it('records the reason, whom to call, what to tell and the origin ticket', () => {
    const state = given([])
      .when(command('OpenCallback', openPayload), at('2026-03-02 09:40'))
      .then([opened]);
    expect(state).toMatchObject({
      status: 'OPEN',
      origin: { processId: 'station-fault' },
    });
    expect(phoneCallbackProcess.custody(state).role).toBe('cs-phone-agent');
  });

  it('is refused without the ticket it reports on', () => {
    const { origin: _omitted, ...withoutOrigin } = openPayload;
    given([])
      .when(command('OpenCallback', withoutOrigin), at('2026-03-02 09:40'))
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.origin',
            message: 'is required to report a ticket’s result',
          },
        ],
      });
  });

  it('may be opened without one when an agent promised a call', () => {
    const { origin: _omitted, ...promised } = openPayload;
    given([])
      .when(
        command('OpenCallback', { ...promised, reason: 'agent-promised' }),
        at('2026-03-02 09:40'),
      )
      .then([
        {
          type: 'phone-callback.opened',
          schemaVersion: 1,
          data: { ...promised, reason: 'agent-promised' },
        },
      ]);
  });
});

describe('a connected call whose result satisfies the user', () => {
  it('closes the call-back as satisfied (no rating is asked for)', () => {
    const before = given(callbackHistory.CONNECTED).state;
    const state = given(callbackHistory.CONNECTED)
      .when(
        command('ConcludeCall', { userSatisfied: true }),
        at('2026-03-02 10:05'),
      )
      .then([
        { type: 'phone-callback.closed-satisfied', schemaVersion: 1, data: {} },
      ]);
    expect(phoneCallbackProcess.isTerminal(state)).toBe(true);
    expect(callbackOutcomeReached(before, state)).toBe('satisfied');
  });
});

describe('a connected call whose result the user doubts', () => {
  it('goes to the shift leader for a second call', () => {
    const state = given(callbackHistory.CONNECTED)
      .when(
        command('ConcludeCall', {
          userSatisfied: false,
          doubts: '用户认为充电桩仍不稳定',
        }),
        at('2026-03-02 10:05'),
      )
      .then([
        {
          type: 'phone-callback.escalated',
          schemaVersion: 1,
          data: { to: 'cs-shift-leader', doubts: '用户认为充电桩仍不稳定' },
        },
      ]);
    expect(phoneCallbackProcess.custody(state).role).toBe('cs-shift-leader');
  });

  it('goes to the supervisor when the agent names the supervisor', () => {
    const state = given(callbackHistory.CONNECTED)
      .when(
        command('ConcludeCall', {
          userSatisfied: false,
          doubts: '用户要求主管回电',
          escalateTo: 'cs-supervisor',
        }),
        at('2026-03-02 10:05'),
      )
      .then([
        {
          type: 'phone-callback.escalated',
          schemaVersion: 1,
          data: { to: 'cs-supervisor', doubts: '用户要求主管回电' },
        },
      ]);
    expect(phoneCallbackProcess.custody(state).role).toBe('cs-supervisor');
  });
});

describe('the second call by the shift leader', () => {
  it('closes as satisfied when the user is convinced', () => {
    given(callbackHistory.ESCALATED)
      .when(
        command('RecordSecondCall', { userSatisfied: true, note: '已解释' }),
        at('2026-03-02 11:00', 'cs-shift-leader'),
      )
      .then([
        {
          type: 'phone-callback.second-call-made',
          schemaVersion: 1,
          data: { userSatisfied: true, note: '已解释' },
        },
        {
          type: 'phone-callback.closed-satisfied',
          schemaVersion: 1,
          data: { note: '已解释' },
        },
      ]);
  });

  it('leaves the case with the leader when the user is still dissatisfied', () => {
    const state = given(callbackHistory.ESCALATED)
      .when(
        command('RecordSecondCall', {
          userSatisfied: false,
          note: '用户仍不认可',
        }),
        at('2026-03-02 11:00', 'cs-shift-leader'),
      )
      .then([stillDissatisfied]);
    expect(state.status).toBe('STILL_DISSATISFIED');
  });

  it('may not be made by the agent', () => {
    given(callbackHistory.ESCALATED)
      .when(
        command('RecordSecondCall', { userSatisfied: true }),
        at('2026-03-02 11:00'),
      )
      .thenThrows(RoleNotPermittedError, {
        role: 'cs-phone-agent',
        allowed: ['cs-shift-leader', 'cs-supervisor'],
      });
  });
});

describe('a user still dissatisfied after the second call', () => {
  it('can be handed to the complaint process', () => {
    const before = given(callbackHistory.STILL_DISSATISFIED).state;
    const state = given(callbackHistory.STILL_DISSATISFIED)
      .when(
        command('OpenComplaint', {
          note: '用户要求投诉',
          complaintRef: 'TS-0099',
        }),
        at('2026-03-02 11:30', 'cs-supervisor'),
      )
      .then([
        {
          type: 'phone-callback.complaint-opened',
          schemaVersion: 1,
          data: { note: '用户要求投诉', complaintRef: 'TS-0099' },
        },
      ]);
    expect(state.status).toBe('HANDED_TO_COMPLAINT');
    expect(callbackOutcomeReached(before, state)).toBe('complaint');
  });

  it('can be closed without a complaint', () => {
    const state = given(callbackHistory.STILL_DISSATISFIED)
      .when(
        command('CloseDissatisfied', { note: '用户不再追究' }),
        at('2026-03-02 11:30', 'cs-shift-leader'),
      )
      .then([
        {
          type: 'phone-callback.closed-dissatisfied',
          schemaVersion: 1,
          data: { note: '用户不再追究' },
        },
      ]);
    expect(state.outcome).toBe('dissatisfied');
  });
});

describe('an unreached user with the shift leader', () => {
  it('is closed by the shift leader with a note', () => {
    const state = given(callbackHistory.UNREACHED_REPORTED)
      .when(
        command('CloseUnreached', { note: '已发送短信告知处理结果' }),
        at('2026-03-02 17:00', 'cs-shift-leader'),
      )
      .then([
        {
          type: 'phone-callback.unreached-closed',
          schemaVersion: 1,
          data: { note: '已发送短信告知处理结果' },
        },
      ]);
    expect(state).toMatchObject({
      status: 'CLOSED_UNREACHED',
      outcome: 'unreached',
    });
  });
});

describe('a call-back no longer needed', () => {
  it('is cancelled before anyone is reached', () => {
    const state = given(callbackHistory.ATTEMPTING)
      .when(
        command('CancelCallback', { reason: 'reporter-informed-directly' }),
        {
          now: at('2026-03-02 10:10').now,
          actor: { id: 'auto', role: 'cs-phone-agent', kind: 'automatic' },
        },
      )
      .then([
        {
          type: 'phone-callback.cancelled',
          schemaVersion: 1,
          data: { reason: 'reporter-informed-directly' },
        },
      ]);
    expect(state.outcome).toBe('not-needed');
  });

  it('is not cancelled once the user is on the line', () => {
    given(callbackHistory.CONNECTED)
      .when(
        command('CancelCallback', { reason: 'other' }),
        at('2026-03-02 10:10'),
      )
      .thenThrows(TicketNotInStateError, {
        ticketId: CALLBACK_ID,
        state: 'CONNECTED',
      });
  });
});
