import { isNonBlankString } from './field-checks';

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
