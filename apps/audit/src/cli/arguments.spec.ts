import { countOption, parseArguments } from './arguments';

const spec = { json: 'switch', at: 'value', help: 'switch' } as const;

describe('parsing a command line', () => {
  it('separates positionals, valued options and switches in either form', () => {
    const args = parseArguments(
      ['T-1', '--at', '2026-12-04 10:00', '--json', 'x', '--at=late'],
      spec,
    );
    expect(args.positionals).toEqual(['T-1', 'x']);
    expect(args.options.get('at')).toBe('late');
    expect(args.options.get('json')).toBe(true);
  });

  it('treats everything after -- as positionals and -h as --help', () => {
    const args = parseArguments(['-h', '--', '--json'], spec);
    expect(args.positionals).toEqual(['--json']);
    expect(args.options.get('help')).toBe(true);
  });

  it.each([
    ['an unknown option', ['--jsno']],
    ['a single-dash option', ['-j']],
    ['a valued option without its value', ['--at']],
    ['a valued option followed by another option', ['--at', '--json']],
    ['a switch given a value', ['--json=yes']],
  ])('refuses %s with a usage error', (_, argv) => {
    expect(() => parseArguments(argv, spec, 'state')).toThrow(
      expect.objectContaining({
        code: 'AUDIT_USAGE',
        exitCode: 2,
        command: 'state',
      }),
    );
  });
});

describe('a count option', () => {
  it('takes a positive whole number and falls back to its default', () => {
    const given = parseArguments(['--n', '250'], { n: 'value' });
    const absent = parseArguments([], { n: 'value' });
    expect(countOption(given, 'n', 10)).toBe(250);
    expect(countOption(absent, 'n', 10)).toBe(10);
  });

  it.each(['0', '-3', '1.5', 'many'])('refuses %s', (text) => {
    const args = parseArguments(['--n', text], { n: 'value' });
    expect(() => countOption(args, 'n', 10)).toThrow(
      expect.objectContaining({ code: 'AUDIT_USAGE' }),
    );
  });
});
