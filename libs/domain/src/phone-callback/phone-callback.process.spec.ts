import type { DecisionContext, TableOutcome } from '../shared';
import { PHONE_CALLBACK_COMMAND_TYPES } from './phone-callback.commands';
import type { PhoneCallbackCommand } from './phone-callback.commands';
import type {
  PhoneCallbackEvent,
  PhoneCallbackEventType,
} from './phone-callback.events';
import { at, command, openPayload } from './phone-callback.fixtures';
import { phoneCallbackProcess } from './phone-callback.process';
import {
  PHONE_CALLBACK_STATES,
  PHONE_CALLBACK_STEPS,
  type PhoneCallbackStatus,
} from './phone-callback.states';
import {
  PHONE_CALLBACK_TRANSITIONS,
  phoneCallbackNextEventTypes,
  type PhoneCallbackTransition,
} from './phone-callback.transitions';

type Step = [PhoneCallbackCommand, DecisionContext];

const system = (local: string): DecisionContext => ({
  now: at(local).now,
  actor: { id: 'timer', role: 'system', kind: 'automatic' },
});
const open: Step = [
  command('OpenCallback', openPayload),
  at('2026-03-02 09:00'),
];
const prepare: Step = [command('PrepareCallback', {}), at('2026-03-02 09:05')];
const call = (
  local: string,
  outcome: 'answered' | 'no-answer' = 'no-answer',
): Step => [command('RecordCallAttempt', { outcome }), at(local)];
const deadline = (
  step: PhoneCallbackStatus,
  level: 'warn-1' | 'breach',
  local: string,
): Step => [
  command('RecordDeadline', {
    step,
    startRevision: 0,
    stepStartedAt: at('2026-03-02 09:00').now,
    level,
    dueAt: at(local).now,
    deadlineAt: at(local).now,
    clock: 'elapsed',
    policy: { policy: 'default', version: 1 },
    priority: 'normal',
  }),
  system(local),
];
const cancel: Step = [
  command('CancelCallback', { reason: 'reporter-informed-directly' }),
  at('2026-03-02 09:30'),
];
const leader = (local: string) => at(local, 'cs-shift-leader');

/** Whole call-backs, open to end, that together take every rule. */
const SCENARIOS: [string, Step[]][] = [
  [
    'the user answers and is satisfied',
    [
      open,
      prepare,
      call('2026-03-02 10:00', 'answered'),
      [
        command('ConcludeCall', { userSatisfied: true }),
        at('2026-03-02 10:05'),
      ],
    ],
  ],
  [
    'three unanswered calls, then the shift leader',
    [
      open,
      prepare,
      call('2026-03-02 10:00'),
      call('2026-03-02 10:30'),
      call('2026-03-02 11:00'),
      [
        command('CloseUnreached', { note: '短信告知' }),
        leader('2026-03-02 17:00'),
      ],
    ],
  ],
  [
    'one call, the day ends, the agent reports it',
    [
      open,
      prepare,
      call('2026-03-02 17:20'),
      [command('ReportUnreached', {}), at('2026-03-02 17:55')],
      [
        command('CloseUnreached', { note: '次日短信' }),
        leader('2026-03-03 09:00'),
      ],
    ],
  ],
  [
    'dissatisfied, convinced by the shift leader',
    [
      open,
      prepare,
      call('2026-03-02 10:00', 'answered'),
      [
        command('ConcludeCall', { userSatisfied: false, doubts: '有疑问' }),
        at('2026-03-02 10:05'),
      ],
      [
        command('RecordSecondCall', { userSatisfied: true }),
        leader('2026-03-02 11:00'),
      ],
    ],
  ],
  [
    'dissatisfied twice, handed to complaints',
    [
      open,
      prepare,
      call('2026-03-02 10:00', 'answered'),
      [
        command('ConcludeCall', { userSatisfied: false, doubts: '有疑问' }),
        at('2026-03-02 10:05'),
      ],
      [
        command('RecordSecondCall', { userSatisfied: false }),
        leader('2026-03-02 11:00'),
      ],
      [command('OpenComplaint', { note: '投诉' }), leader('2026-03-02 11:10')],
    ],
  ],
  [
    'dissatisfied twice, closed without a complaint',
    [
      open,
      prepare,
      call('2026-03-02 10:00', 'answered'),
      [
        command('ConcludeCall', { userSatisfied: false, doubts: '有疑问' }),
        at('2026-03-02 10:05'),
      ],
      [
        command('RecordSecondCall', { userSatisfied: false }),
        leader('2026-03-02 11:00'),
      ],
      [
        command('CloseDissatisfied', { note: '不再追究' }),
        leader('2026-03-02 11:10'),
      ],
    ],
  ],
  ['cancelled when just opened', [open, cancel]],
  ['cancelled when prepared', [open, prepare, cancel]],
  ['cancelled after a call', [open, prepare, call('2026-03-02 09:10'), cancel]],
  [
    'a warning and a breach in every step',
    [
      open,
      deadline('OPEN', 'warn-1', '2026-03-02 09:01'),
      deadline('OPEN', 'breach', '2026-03-02 09:02'),
      prepare,
      deadline('PREPARED', 'warn-1', '2026-03-02 09:06'),
      deadline('PREPARED', 'breach', '2026-03-02 09:07'),
      call('2026-03-02 10:00'),
      deadline('ATTEMPTING', 'warn-1', '2026-03-02 10:01'),
      deadline('ATTEMPTING', 'breach', '2026-03-02 10:02'),
      call('2026-03-02 10:30', 'answered'),
      deadline('CONNECTED', 'warn-1', '2026-03-02 10:31'),
      deadline('CONNECTED', 'breach', '2026-03-02 10:32'),
      [
        command('ConcludeCall', { userSatisfied: false, doubts: '有疑问' }),
        at('2026-03-02 10:35'),
      ],
      deadline('ESCALATED', 'warn-1', '2026-03-02 10:36'),
      deadline('ESCALATED', 'breach', '2026-03-02 10:37'),
      [
        command('RecordSecondCall', { userSatisfied: false }),
        leader('2026-03-02 11:00'),
      ],
      deadline('STILL_DISSATISFIED', 'warn-1', '2026-03-02 11:01'),
      deadline('STILL_DISSATISFIED', 'breach', '2026-03-02 11:02'),
      [command('OpenComplaint', { note: '投诉' }), leader('2026-03-02 11:10')],
    ],
  ],
  [
    'a warning and a breach with the shift leader',
    [
      open,
      prepare,
      call('2026-03-02 10:00'),
      call('2026-03-02 10:30'),
      call('2026-03-02 11:00'),
      deadline('UNREACHED_REPORTED', 'warn-1', '2026-03-02 17:00'),
      deadline('UNREACHED_REPORTED', 'breach', '2026-03-02 18:00'),
      [
        command('CloseUnreached', { note: '短信告知' }),
        leader('2026-03-02 18:10'),
      ],
    ],
  ],
];

interface Taken {
  rule: PhoneCallbackTransition;
  outcome: TableOutcome<PhoneCallbackEventType, PhoneCallbackStatus>;
}

function play(steps: Step[]) {
  let state = phoneCallbackProcess.initialState;
  const taken: Taken[] = [];
  const stream: PhoneCallbackEvent[] = [];
  for (const [cmd, context] of steps) {
    const rule = PHONE_CALLBACK_TRANSITIONS.find(
      (r) => r.command === cmd.type && r.from === state.status,
    );
    const decided = phoneCallbackProcess.decide(cmd, state, context, undefined);
    state = decided.reduce(phoneCallbackProcess.evolve, state);
    const outcome = rule?.outcomes.find(
      (o) =>
        o.to === state.status &&
        o.events.join() === decided.map((e) => e.type).join(),
    );
    if (!rule || !outcome)
      throw new Error(`${cmd.type} took no declared transition`);
    taken.push({ rule, outcome });
    stream.push(...decided);
  }
  return { state, taken, stream };
}

describe('the phone-callback process definition', () => {
  it('is named for its streams and its users', () => {
    expect(phoneCallbackProcess.processId).toBe('phone-callback');
    expect(phoneCallbackProcess.title.zh).toBe('电话回访');
  });

  it('has a Chinese and an English label for every state and event', () => {
    for (const label of [
      ...Object.values(PHONE_CALLBACK_STATES),
      ...Object.values(phoneCallbackProcess.eventLabels),
    ]) {
      expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(label.en).toMatch(/[A-Za-z]/);
    }
  });

  it('has deadlines steps exactly where someone must act', () => {
    expect(PHONE_CALLBACK_STEPS).toEqual([
      'OPEN',
      'PREPARED',
      'ATTEMPTING',
      'CONNECTED',
      'ESCALATED',
      'STILL_DISSATISFIED',
      'UNREACHED_REPORTED',
    ]);
    for (const step of PHONE_CALLBACK_STEPS) {
      const state = { ...phoneCallbackProcess.initialState, status: step };
      expect(phoneCallbackProcess.custody(state).role).not.toBeNull();
    }
  });
});

describe('the transition table and the decider', () => {
  it.each(SCENARIOS)(
    'agree on every step of a call-back where %s, which ends',
    (_, steps) => {
      const { state, taken } = play(steps);
      expect(taken).toHaveLength(steps.length);
      expect(phoneCallbackProcess.isTerminal(state)).toBe(true);
    },
  );

  it('together take every rule and every outcome of the table', () => {
    const taken = SCENARIOS.flatMap(([, steps]) => play(steps).taken);
    const missing = PHONE_CALLBACK_TRANSITIONS.flatMap((rule) =>
      rule.outcomes
        .filter((o) => !taken.some((t) => t.rule === rule && t.outcome === o))
        .map((o) => `${rule.command} ${rule.from} → ${o.to}`),
    );
    expect(missing).toEqual([]);
  });

  it('names every command of the process', () => {
    const commands = new Set(PHONE_CALLBACK_TRANSITIONS.map((r) => r.command));
    expect([...commands].sort()).toEqual(
      [...PHONE_CALLBACK_COMMAND_TYPES].sort(),
    );
  });
});

describe('the events that may come next', () => {
  it.each(SCENARIOS)(
    'admit every event of a call-back where %s',
    (_, steps) => {
      let state = phoneCallbackProcess.initialState;
      let previous: PhoneCallbackEventType | undefined;
      for (const event of play(steps).stream) {
        expect(phoneCallbackNextEventTypes(state.status, previous)).toContain(
          event.type,
        );
        state = phoneCallbackProcess.evolve(state, event);
        previous = event.type;
      }
    },
  );

  it('end with the call-back', () => {
    expect(phoneCallbackNextEventTypes('CLOSED_SATISFIED')).toEqual([]);
  });
});
