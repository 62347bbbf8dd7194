import { ChinaWorkingCalendar } from './china-working-calendar';

const calendar = new ChinaWorkingCalendar();

describe('the published Chinese calendar', () => {
  it.each([
    ['2025-09-26', true, 'an ordinary Friday'],
    ['2025-09-27', false, 'an ordinary Saturday'],
    ['2025-09-28', true, 'the Sunday worked before National Day'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-08', false, 'the last day of the holiday'],
    ['2025-10-09', true, 'the first day back'],
    ['2025-10-11', true, 'the Saturday worked after National Day'],
    ['2026-02-16', false, 'the Spring Festival of 2026'],
    ['2026-02-14', true, 'the Saturday worked before it'],
  ])('says %s is a working day: %s (%s)', (day, working) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
  });

  it('knows which years it holds the published calendar for', () => {
    expect(calendar.covers('2025-10-01')).toBe(true);
    expect(calendar.covers('2004-01-01')).toBe(true);
    expect(calendar.covers('2099-10-01')).toBe(false);
  });
});
