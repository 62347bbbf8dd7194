import {
  deductionDueAfter,
  firstWorkingDayFrom,
  violationSchedule,
} from './traffic-violation.schedule';
import { CALENDAR_2026, sh } from './traffic-violation.fixtures';

describe('the days of a case entered on an ordinary Thursday', () => {
  const schedule = violationSchedule(sh('2026-03-05 10:30'), CALENDAR_2026);

  it('sends the SMS at entry and at 09:00 on days 1 and 2', () => {
    expect(schedule.smsDueAt).toEqual([
      sh('2026-03-05 10:30'),
      sh('2026-03-06 09:00'),
      sh('2026-03-07 09:00'),
    ]);
  });

  it('closes the e-mail window when day 3 begins and calls on days 3, 8 and 12', () => {
    expect(schedule).toMatchObject({
      day0: '2026-03-05',
      pushWindowEndsAt: sh('2026-03-08 00:00'),
      reminderDueAt: sh('2026-03-08 09:00'),
      warningDueAt: sh('2026-03-13 09:00'),
      riskCallDay: '2026-03-17',
      riskCallDueAt: sh('2026-03-17 09:00'),
    });
  });

  it('deducts three days after the risk-control call', () => {
    expect(deductionDueAfter(sh('2026-03-17 15:00'), CALENDAR_2026)).toEqual({
      day: '2026-03-20',
      dueAt: sh('2026-03-20 09:00'),
    });
  });
});

describe('a case whose day 12 is a Saturday', () => {
  it('moves risk control’s call to Monday, and the deduction from there', () => {
    const schedule = violationSchedule(sh('2026-03-02 09:15'), CALENDAR_2026);
    expect(schedule.warningDueAt).toBe(sh('2026-03-10 09:00'));
    expect(schedule.riskCallDay).toBe('2026-03-16');
    expect(deductionDueAfter(schedule.riskCallDueAt, CALENDAR_2026).day).toBe(
      '2026-03-19',
    );
  });
});

describe('a case entered on Thursday 24 September 2026, before 中秋 and 国庆', () => {
  const schedule = violationSchedule(sh('2026-09-24 11:00'), CALENDAR_2026);

  it('still sends the SMS on the holiday days 1 and 2 (the system runs daily)', () => {
    expect(schedule.smsDueAt.slice(1)).toEqual([
      sh('2026-09-25 09:00'),
      sh('2026-09-26 09:00'),
    ]);
  });

  it('still warns on day 8, 2 October, a holiday (the centre is staffed daily)', () => {
    expect(schedule.warningDueAt).toBe(sh('2026-10-02 09:00'));
  });

  it('moves day 12, 6 October, to the first working day, 8 October', () => {
    expect(schedule.riskCallDay).toBe('2026-10-08');
  });

  it('deducts on Monday 12 October: three days later is a Sunday', () => {
    expect(deductionDueAfter(schedule.riskCallDueAt, CALENDAR_2026)).toEqual({
      day: '2026-10-12',
      dueAt: sh('2026-10-12 09:00'),
    });
  });
});

describe('a case whose day 12 is the make-up working day of 10 October', () => {
  it('has risk control call on that Saturday itself', () => {
    const schedule = violationSchedule(sh('2026-09-28 09:30'), CALENDAR_2026);
    expect(schedule.riskCallDay).toBe('2026-10-10');
    expect(deductionDueAfter(schedule.riskCallDueAt, CALENDAR_2026).day).toBe(
      '2026-10-13',
    );
  });
});

describe('a calendar without a working day', () => {
  it('is refused rather than pushing a deadline out without end', () => {
    expect(() =>
      firstWorkingDayFrom('2026-01-01', { isWorkingDay: () => false }),
    ).toThrow(RangeError);
  });
});
