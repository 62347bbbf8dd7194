import { formatShanghai, parseInstant } from './shanghai-time';

describe('times on the command line', () => {
  it.each([
    [
      'a Shanghai wall-clock time',
      '2026-12-04 10:05:09',
      '2026-12-04T02:05:09.000Z',
    ],
    [
      'one with a T and milliseconds',
      '2026-12-04T10:05:09.25',
      '2026-12-04T02:05:09.250Z',
    ],
    ['one without seconds', '2026-12-04 10:05', '2026-12-04T02:05:00.000Z'],
    [
      'the form history prints',
      '2026/12/04 10:05:09',
      '2026-12-04T02:05:09.000Z',
    ],
    [
      'a bare date, as its first Shanghai instant',
      '2026-12-04',
      '2026-12-03T16:00:00.000Z',
    ],
    ['an instant in UTC', '2026-12-04T02:05:09Z', '2026-12-04T02:05:09.000Z'],
    [
      'an instant with an offset',
      '2026-12-04T10:05:09+08:00',
      '2026-12-04T02:05:09.000Z',
    ],
  ])('reads %s', (_, text, iso) => {
    expect(parseInstant(text, '--at')).toBe(iso);
  });

  it.each(['yesterday', '2026-13-01', '2026-02-30 10:00', '10:05', ''])(
    'refuses %j with the option and value named',
    (text) => {
      expect(() => parseInstant(text, '--at')).toThrow(
        expect.objectContaining({
          code: 'AUDIT_INVALID_TIME',
          option: '--at',
          value: text,
          exitCode: 2,
        }),
      );
    },
  );

  it('shows an instant on the Shanghai clock with milliseconds', () => {
    expect(formatShanghai('2026-12-04T16:30:00.123Z')).toBe(
      '2026-12-05 00:30:00.123',
    );
  });

  it('reads back what it shows', () => {
    const shown = formatShanghai('2026-12-04T01:05:09.042Z');
    expect(parseInstant(shown, '--at')).toBe('2026-12-04T01:05:09.042Z');
  });
});

describe('an instant from the years of summer time', () => {
  it('is shown with the zone database: UTC+9 in the summer of 1988', () => {
    expect(formatShanghai('1988-07-01T00:00:00.000Z')).toBe(
      '1988-07-01 09:00:00.000',
    );
  });
});
