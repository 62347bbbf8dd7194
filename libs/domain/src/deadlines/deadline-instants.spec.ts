import { deadlineInstants, type StepDeadline } from './deadline-instants';
import { nationalDay2025, sh } from './deadline.fixtures';
import type { DeadlineTerms } from './deadline-policy.types';
import { NoWorkingTimeError } from './working-time';

const officeHours = [{ from: '09:00', to: '18:00' }];

function policy(terms: DeadlineTerms, hours = officeHours): StepDeadline {
  return { terms, workingHours: hours };
}

const working = (deadlineMinutes: number, warnAfterMinutes: number[]) =>
  policy({ clock: 'working', deadlineMinutes, warnAfterMinutes, onBreach: [] });

describe('an elapsed-time deadline', () => {
  it('warns and breaches at wall-clock minutes after the step began, holidays or not', () => {
    const schedule = deadlineInstants(
      policy({
        clock: 'elapsed',
        deadlineMinutes: 120,
        warnAfterMinutes: [90, 30],
        onBreach: [],
      }),
      sh('2025-09-30 23:00'),
      nationalDay2025,
    );
    expect(schedule).toEqual({
      warnings: [
        { level: 'warn-1', at: sh('2025-09-30 23:30') },
        { level: 'warn-2', at: sh('2025-10-01 00:30') },
      ],
      breach: { level: 'breach', at: sh('2025-10-01 01:00') },
    });
  });
});

describe('a working-time deadline within one working day', () => {
  it('counts only the minutes inside working hours', () => {
    const schedule = deadlineInstants(
      working(60, [45]),
      sh('2025-09-30 10:15'),
      nationalDay2025,
    );
    expect(schedule.warnings).toEqual([
      { level: 'warn-1', at: sh('2025-09-30 11:00') },
    ]);
    expect(schedule.breach.at).toBe(sh('2025-09-30 11:15'));
  });

  it('starts counting at opening time for a step begun before it', () => {
    const schedule = deadlineInstants(
      working(30, []),
      sh('2025-09-30 06:40'),
      nationalDay2025,
    );
    expect(schedule.breach.at).toBe(sh('2025-09-30 09:30'));
  });
});

describe('a working-time deadline across the National Day holiday', () => {
  const schedule = deadlineInstants(
    working(120, [60]),
    sh('2025-09-30 17:00'),
    nationalDay2025,
  );

  it('warns at the close of the last working day before the holiday', () => {
    expect(schedule.warnings).toEqual([
      { level: 'warn-1', at: sh('2025-09-30 18:00') },
    ]);
  });

  it('breaches on the first working day after the eight days off', () => {
    expect(schedule.breach).toEqual({
      level: 'breach',
      at: sh('2025-10-09 10:00'),
    });
  });
});

describe('a working-time deadline across a make-up working day', () => {
  it('counts the Saturday worked in lieu (11 October 2025)', () => {
    const schedule = deadlineInstants(
      working(120, [30]),
      sh('2025-10-10 17:30'),
      nationalDay2025,
    );
    expect(schedule.warnings[0].at).toBe(sh('2025-10-10 18:00'));
    expect(schedule.breach.at).toBe(sh('2025-10-11 10:30'));
  });

  it('counts the Sunday worked before the holiday (28 September 2025)', () => {
    const schedule = deadlineInstants(
      working(60, []),
      sh('2025-09-27 12:00'),
      nationalDay2025,
    );
    expect(schedule.breach.at).toBe(sh('2025-09-28 10:00'));
  });

  it('skips an ordinary weekend', () => {
    const schedule = deadlineInstants(
      working(60, []),
      sh('2025-10-17 17:30'),
      nationalDay2025,
    );
    expect(schedule.breach.at).toBe(sh('2025-10-20 09:30'));
  });
});

describe('working hours with a lunch break', () => {
  it('does not count the break', () => {
    const schedule = deadlineInstants(
      policy(
        {
          clock: 'working',
          deadlineMinutes: 90,
          warnAfterMinutes: [],
          onBreach: [],
        },
        [
          { from: '09:00', to: '12:00' },
          { from: '13:00', to: '18:00' },
        ],
      ),
      sh('2025-09-30 11:30'),
      nationalDay2025,
    );
    expect(schedule.breach.at).toBe(sh('2025-09-30 14:00'));
  });
});

describe('an end-of-working-day deadline', () => {
  const terms: DeadlineTerms = {
    clock: 'end-of-working-day',
    warnBeforeMinutes: [60],
    onBreach: [],
  };

  it('falls at the close of the day the step began, warned an hour before', () => {
    const schedule = deadlineInstants(
      policy(terms),
      sh('2025-09-30 10:00'),
      nationalDay2025,
    );
    expect(schedule.warnings).toEqual([
      { level: 'warn-1', at: sh('2025-09-30 17:00') },
    ]);
    expect(schedule.breach.at).toBe(sh('2025-09-30 18:00'));
  });

  it('falls at the close of the next working day for a step begun after hours', () => {
    const schedule = deadlineInstants(
      policy(terms),
      sh('2025-09-30 19:00'),
      nationalDay2025,
    );
    expect(schedule.breach.at).toBe(sh('2025-10-09 18:00'));
  });

  it('warns at once when the step begins inside the warning window', () => {
    const schedule = deadlineInstants(
      policy(terms),
      sh('2025-09-30 17:40'),
      nationalDay2025,
    );
    expect(schedule.warnings[0].at).toBe(sh('2025-09-30 17:40'));
  });
});

describe('a calendar without working days', () => {
  it('is refused rather than searched for ever', () => {
    expect(() =>
      deadlineInstants(working(60, []), sh('2025-09-30 10:00'), {
        isWorkingDay: () => false,
      }),
    ).toThrow(NoWorkingTimeError);
  });
});
