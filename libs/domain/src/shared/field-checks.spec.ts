import { InvalidCommandDataError } from './domain-errors';
import { FieldChecks, isNonBlankString } from './field-checks';

describe('a non-blank string', () => {
  it.each([
    ['empty', ''],
    ['spaces and a tab', '  \t '],
    ['an ideographic space', '\u3000'],
    ['a zero-width space', '\u200B'],
    ['zero-width joiners, a byte-order mark', '\u200C\u200D\uFEFF'],
    ['a soft hyphen and a direction mark', '\u00AD\u200E'],
  ])('is not %s', (_, value) => {
    expect(isNonBlankString(value)).toBe(false);
  });

  it.each([
    ['Chinese text', '充电桩无法启动'],
    ['a letter among spaces', ' a '],
    ['a letter beside a zero-width space', 'a\u200B'],
  ])('is %s', (_, value) => {
    expect(isNonBlankString(value)).toBe(true);
  });

  it('is never anything but a string', () => {
    expect(isNonBlankString(42)).toBe(false);
    expect(isNonBlankString(undefined)).toBe(false);
  });
});

describe('a past instant', () => {
  const now = '2026-12-04T08:00:00.000+08:00';

  function problemsOf(value: unknown): string[] {
    const checks = new FieldChecks();
    checks.pastInstant('payload.at', value, now);
    try {
      checks.throwIfAny('Probe');
      return [];
    } catch (error) {
      return (error as InvalidCommandDataError).fields.map(
        (field) => field.message,
      );
    }
  }

  it.each([
    ['the decision time itself', '2026-12-04T00:00:00Z'],
    ['a minute before it', '2026-12-03T23:59:00Z'],
    ['a year before it, to the millisecond', '2025-12-03T00:00:00Z'],
  ])('may be %s', (_, value) => {
    expect(problemsOf(value)).toEqual([]);
  });

  it.each([
    ['after the decision time', '2026-12-04T00:00:00.001Z', 'after'],
    ['a year and a day before it', '2025-12-02T23:59:59Z', 'more than a year'],
    ['in 1900', '1900-12-04T08:00:00+08:00', 'more than a year'],
    ['no instant at all', '今天上午', 'ISO-8601'],
  ])('may not be %s', (_, value, problem) => {
    const problems = problemsOf(value);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });
});
