import type { RecordDeadline } from '../deadlines/deadline-events';
import {
  DeadlineNotDueError,
  DeadlineStepEndedError,
} from '../deadlines/record-deadline';
import {
  RoleNotPermittedError,
  TicketNotInStateError,
  type DecisionContext,
} from '../shared';
import { deciderSpec } from '../shared/testing/given-when-then';
import { ctx, historyOf, NOW, TICKET_ID } from './station-fault.fixtures';
import { stationFaultProcess } from './station-fault.process';
import { defaultStationFaultConfig } from './station-fault.state';

const { given } = deciderSpec(stationFaultProcess, defaultStationFaultConfig);

const timer: DecisionContext = {
  now: NOW,
  actor: { id: 'timer', role: 'system', kind: 'automatic' },
};

const facts = {
  step: 'AWAITING_DISPATCH',
  startRevision: 2,
  stepStartedAt: '2026-03-02T01:00:00.000Z',
  level: 'warn-1' as const,
  dueAt: '2026-03-02T01:45:00.000Z',
  deadlineAt: '2026-03-02T02:00:00.000Z',
  clock: 'working' as const,
  policy: { policy: 'default', version: 1 },
  priority: 'normal' as const,
};

function record(payload: Partial<RecordDeadline['payload']> = {}) {
  return {
    type: 'RecordDeadline' as const,
    ticketId: TICKET_ID,
    payload: { ...facts, ...payload },
  };
}

describe('a timer firing while the ticket is still in its step', () => {
  it('records a warning and leaves status and holder as they were', () => {
    const before = given(historyOf.AWAITING_DISPATCH).state;
    const after = given(historyOf.AWAITING_DISPATCH)
      .when(record(), timer)
      .then([
        {
          type: 'station-fault.deadline-warned',
          schemaVersion: 1,
          data: facts,
        },
      ]);
    expect(after).toEqual(before);
    expect(stationFaultProcess.custody(after)).toEqual(
      stationFaultProcess.custody(before),
    );
  });

  it('records a breach that raises the priority when its actions say so', () => {
    const actions = [
      { type: 'escalate' as const, role: 'cs-supervisor' as const },
      { type: 'raise-priority' as const, to: 'high' as const },
    ];
    const after = given(historyOf.AWAITING_DISPATCH)
      .when(
        record({ level: 'breach', dueAt: facts.deadlineAt, actions }),
        timer,
      )
      .then([
        {
          type: 'station-fault.deadline-breached',
          schemaVersion: 1,
          data: {
            ...facts,
            level: 'breach',
            dueAt: facts.deadlineAt,
            actions,
            priorityRaisedTo: 'high',
          },
        },
      ]);
    expect(after.priority).toBe('high');
    expect(after.status).toBe('AWAITING_DISPATCH');
  });
});

describe('a timer firing after its step ended', () => {
  it('is refused: the ticket moved on', () => {
    given(historyOf.AT_REGIONAL_PLATFORM)
      .when(record(), timer)
      .thenThrows(DeadlineStepEndedError, {
        step: 'AWAITING_DISPATCH',
        state: 'AT_REGIONAL_PLATFORM',
      });
  });

  it('is refused on a closed ticket, which has no step', () => {
    given(historyOf.CLOSED)
      .when(record({ step: 'CLOSED' }), timer)
      .thenThrows(TicketNotInStateError, { state: 'CLOSED' });
  });
});

describe('a timer firing before its level is due by the decision clock', () => {
  it('is refused with the instant it is due', () => {
    given(historyOf.AWAITING_DISPATCH)
      .when(record({ dueAt: '2026-03-02T02:00:00.001Z' }), timer)
      .thenThrows(DeadlineNotDueError, {
        dueAt: '2026-03-02T02:00:00.001Z',
        now: NOW,
      });
  });
});

describe('a person recording a deadline', () => {
  it('is refused: only the system’s timer may', () => {
    given(historyOf.AWAITING_DISPATCH)
      .when(record(), ctx('dispatch-manager'))
      .thenThrows(RoleNotPermittedError, { allowed: ['system'] });
  });
});
