import { BenchUsageError, parseOptions } from './options';

describe('the bench command line', () => {
  it('runs every part three times when given nothing', () => {
    const request = parseOptions([]);
    if (request.kind !== 'run') throw new Error('expected a run');
    expect(request.options.reps).toBe(3);
    expect(request.options.parts).toEqual([
      'appends',
      'end-to-end',
      'scaled',
      'rebuild',
      'queries',
    ]);
    expect(request.options.writeDocs).toBe(true);
  });

  it('takes some parts, a number of repetitions and leaves the docs alone', () => {
    const request = parseOptions(['--only=appends,queries', '--reps=2']);
    if (request.kind !== 'run') throw new Error('expected a run');
    expect(request.options.parts).toEqual(['appends', 'queries']);
    expect(request.options.reps).toBe(2);
    expect(request.options.writeDocs).toBe(false);
  });

  it('answers --help with the usage, not a run', () => {
    expect(parseOptions(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--verbose'], /unknown option --verbose/],
    [['--only=apends'], /unknown part apends/],
    [['--reps=two'], /--reps must be a whole number/],
    [['--reps=0'], /--reps must be a whole number/],
  ])('refuses %j before measuring anything', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(BenchUsageError);
    expect(() => parseOptions(argv)).toThrow(message);
  });
});
