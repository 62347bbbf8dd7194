import { UsageError } from '@opsdesk/runtime';
import { parseWorkloadArgs, wantsHelp } from './workload-args';

describe('the workload generator’s command line', () => {
  it('takes its options in either form', () => {
    expect(
      parseWorkloadArgs(['--days', '3', '--seed=7', '--per-day', '24']),
    ).toEqual({ days: 3, seed: 7, perDay: 24, concurrency: 8 });
  });

  it('knows a request for help', () => {
    expect(wantsHelp(['--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['--days', '3'])).toBe(false);
  });

  it.each([
    [['--dayz', '3'], 'unknown option --dayz'],
    [['--days', '3', 'extra'], 'unexpected argument extra'],
    [['--month'], 'unknown option --month'],
  ])('refuses %j, naming it', (argv, named) => {
    expect(() => parseWorkloadArgs(argv)).toThrow(UsageError);
    expect(() => parseWorkloadArgs(argv)).toThrow(named);
  });

  it('lets a caller name switches of its own', () => {
    expect(parseWorkloadArgs(['--month', '--days', '2'], ['month'])).toEqual({
      days: 2,
      seed: 2026,
      concurrency: 8,
    });
  });

  it('refuses a window that reaches more than a year back, whose calls would be refused', () => {
    const DAY = 24 * 60 * 60 * 1000;
    const daysAgo = (days: number) =>
      new Date(Date.now() - days * DAY).toISOString();

    expect(() =>
      parseWorkloadArgs(['--end', daysAgo(300), '--days', '100']),
    ).toThrow('more than a year back');
    expect(
      parseWorkloadArgs(['--end', daysAgo(300), '--days', '60']).days,
    ).toBe(60);
    expect(parseWorkloadArgs(['--days', '366']).days).toBe(366);
  });
});
