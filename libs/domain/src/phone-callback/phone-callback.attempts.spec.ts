import { InvalidCommandDataError } from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import {
  CallbackAttemptsExhaustedError,
  CallbackAttemptTooSoonError,
  CallbackDayOverError,
} from './phone-callback.errors';
import {
  at,
  attempt,
  callbackHistory,
  command,
  sh,
} from './phone-callback.fixtures';
import { phoneCallbackProcess } from './phone-callback.process';

const { given } = deciderSpec(phoneCallbackProcess, undefined);

const noAnswer = command('RecordCallAttempt', { outcome: 'no-answer' });

describe('the first call of a prepared call-back', () => {
  it('is recorded as attempt 1 at the decision instant', () => {
    const state = given(callbackHistory.PREPARED)
      .when(noAnswer, at('2026-03-02 10:00'))
      .then([attempt(1, '2026-03-02 10:00')]);
    expect(state.status).toBe('ATTEMPTING');
    expect(phoneCallbackProcess.custody(state)).toEqual({
      role: 'cs-phone-agent',
    });
  });

  it('connects when the user answers', () => {
    const state = given(callbackHistory.PREPARED)
      .when(
        command('RecordCallAttempt', { outcome: 'answered' }),
        at('2026-03-02 10:00'),
      )
      .then([attempt(1, '2026-03-02 10:00', 'answered')]);
    expect(state.status).toBe('CONNECTED');
  });
});

describe('a second call sooner than 30 minutes after the first', () => {
  it('is refused with the earliest time the next call is allowed', () => {
    given(callbackHistory.ATTEMPTING)
      .when(noAnswer, at('2026-03-02 10:29'))
      .thenThrows(CallbackAttemptTooSoonError, {
        lastAttemptAt: sh('2026-03-02 10:00'),
        earliestAllowedAt: sh('2026-03-02 10:30'),
      });
  });

  it('is allowed at exactly 30 minutes', () => {
    given(callbackHistory.ATTEMPTING)
      .when(noAnswer, at('2026-03-02 10:30'))
      .then([attempt(2, '2026-03-02 10:30')]);
  });
});

describe('the third unanswered call of the day', () => {
  const twoDone = [
    ...callbackHistory.ATTEMPTING,
    attempt(2, '2026-03-02 10:30'),
  ];

  it('hands the user to the shift leader in the same event', () => {
    const state = given(twoDone)
      .when(noAnswer, at('2026-03-02 14:00'))
      .then([attempt(3, '2026-03-02 14:00', 'no-answer', true)]);
    expect(state.status).toBe('UNREACHED_REPORTED');
    expect(state.outcome).toBe('unreached');
    expect(phoneCallbackProcess.custody(state)).toEqual({
      role: 'cs-shift-leader',
    });
  });

  it('counts a user who asked to be called later as not reached', () => {
    const state = given(twoDone)
      .when(
        command('RecordCallAttempt', { outcome: 'not-convenient' }),
        at('2026-03-02 14:00'),
      )
      .then([attempt(3, '2026-03-02 14:00', 'not-convenient', true)]);
    expect(state.status).toBe('UNREACHED_REPORTED');
  });
});

describe('a fourth call on the same day', () => {
  it('is refused: all three calls have been made', () => {
    given(callbackHistory.UNREACHED_REPORTED)
      .when(noAnswer, at('2026-03-02 16:00'))
      .thenThrows(CallbackAttemptsExhaustedError, {
        attempts: 3,
        maxAttempts: 3,
        day: '2026-03-02',
      });
  });
});

describe('a call on a later day than the first one', () => {
  it('is refused: the three calls belong to one day', () => {
    given(callbackHistory.ATTEMPTING)
      .when(noAnswer, at('2026-03-03 09:30'))
      .thenThrows(CallbackDayOverError, {
        firstAttemptDay: '2026-03-02',
        day: '2026-03-03',
      });
  });

  it('is judged by the Shanghai day, not the UTC one', () => {
    // 07:50 in Shanghai is 23:50 UTC the day before; 08:20 is 00:20 UTC.
    given([...callbackHistory.PREPARED, attempt(1, '2026-03-03 07:50')])
      .when(noAnswer, at('2026-03-03 08:20'))
      .then([attempt(2, '2026-03-03 08:20')]);
  });
});

describe('an agent who cannot make three calls before going off shift', () => {
  it('reports the unreached user to the shift leader', () => {
    const state = given(callbackHistory.ATTEMPTING)
      .when(
        command('ReportUnreached', { note: '已近下班，未能再次外呼' }),
        at('2026-03-02 17:50'),
      )
      .then([
        {
          type: 'phone-callback.unreached-reported',
          schemaVersion: 1,
          data: {
            attempts: 1,
            reportedAt: sh('2026-03-02 17:50'),
            note: '已近下班，未能再次外呼',
          },
        },
      ]);
    expect(phoneCallbackProcess.custody(state).role).toBe('cs-shift-leader');
  });
});

describe('a call with an unknown outcome', () => {
  it('is refused naming the field', () => {
    given(callbackHistory.PREPARED)
      .when(
        command('RecordCallAttempt', { outcome: 'voicemail' as never }),
        at('2026-03-02 10:00'),
      )
      .thenThrows(InvalidCommandDataError, {
        fields: [
          {
            field: 'payload.outcome',
            message: 'must be one of: answered, no-answer, not-convenient',
          },
        ],
      });
  });
});
