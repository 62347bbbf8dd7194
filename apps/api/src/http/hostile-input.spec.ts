import { INPUT_LIMITS, inspectJson } from './hostile-input';
import { codePointLength } from './max-code-points';

describe('a parsed request body', () => {
  it('passes when it is an ordinary intake', () => {
    expect(
      inspectJson({
        reporter: { type: 'user', name: '李女士', phone: '139 1234 5678' },
        stationId: 'ST-310115-007',
        faultDescription: '道闸无法抬杆 🚧',
      }),
    ).toBeUndefined();
  });

  it.each([
    [
      JSON.parse('{"reporter":{"__proto__":{"polluted":1}}}'),
      'reporter.__proto__',
    ],
    [{ a: { constructor: { prototype: {} } } }, 'a.constructor'],
    [{ toString: 'x' }, 'toString'],
    [{ list: [{ hasOwnProperty: 1 }] }, 'list[0].hasOwnProperty'],
  ])('names a prototype key: %j', (body, field) => {
    expect(inspectJson(body)).toEqual({ field, problem: 'is a reserved name' });
  });

  it('refuses nesting deeper than the bound', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < INPUT_LIMITS.maxDepth + 1; i++) deep = { a: deep };
    expect(inspectJson(deep)?.problem).toBe('is nested too deeply');
  });

  it('refuses a long array and too many properties', () => {
    expect(inspectJson({ a: new Array(51).fill(1) })?.field).toBe('a');
    const wide = Object.fromEntries(
      Array.from({ length: 41 }, (_, i) => [`k${i}`, i]),
    );
    expect(inspectJson(wide)?.problem).toBe('has too many properties');
  });

  it('counts a string in characters as PostgreSQL does', () => {
    // Each heart is two code points (the emoji and a variation selector).
    const hearts = '❤️'.repeat(INPUT_LIMITS.maxStringLength / 2 + 1);
    expect(codePointLength('❤️')).toBe(2);
    expect(inspectJson({ note: hearts })?.problem).toMatch(/at most/);
    expect(inspectJson({ note: '𠀀'.repeat(3000) })).toBeUndefined();
  });

  it.each([
    ['a lone high surrogate', '\ud800x', 'must be valid Unicode'],
    ['a lone low surrogate', 'x\udc00', 'must be valid Unicode'],
    ['NUL', 'a\u0000b', 'must not contain NUL characters'],
  ])('refuses a text with %s', (_, text, problem) => {
    expect(inspectJson({ note: text })).toEqual({ field: 'note', problem });
    expect(inspectJson({ [text]: 1 })?.problem).toBe(problem);
  });
});
