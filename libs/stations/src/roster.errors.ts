/** The roster file is missing or is not JSON. */
export class RosterUnreadableError extends Error {
  readonly code = 'ROSTER_UNREADABLE';

  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Roster ${file} cannot be read (${reason}); check ROSTER_FILE`);
  }
}

export type RosterProblem =
  | 'not-an-object'
  | 'not-a-list'
  | 'empty-list'
  | 'missing-field'
  | 'unknown-field'
  | 'not-a-string'
  | 'empty-string'
  | 'not-a-boolean'
  | 'invalid-id'
  | 'duplicate-id'
  | 'unknown-region'
  | 'duplicate-region'
  | 'region-not-covered';

const explanations: Record<RosterProblem, string> = {
  'not-an-object': 'must be an object',
  'not-a-list': 'must be a list',
  'empty-list': 'must not be empty',
  'missing-field': 'is missing',
  'unknown-field': 'is not a roster field',
  'not-a-string': 'must be a string',
  'empty-string': 'must not be blank',
  'not-a-boolean': 'must be true or false',
  'invalid-id': 'must be lower-case letters and digits joined by "-"',
  'duplicate-id': 'repeats an id used earlier in the roster',
  'unknown-region': 'names a region that does not exist',
  'duplicate-region': 'repeats a region listed earlier',
  'region-not-covered': 'leaves a region without anyone to serve it',
};

/** One entry of the roster file is wrong; `entry` is its JSON path. */
export class RosterInvalidError extends Error {
  readonly code = 'ROSTER_INVALID';

  constructor(
    readonly file: string,
    /** E.g. `$.regions[1].inspectors[0].onDuty`. */
    readonly entry: string,
    readonly problem: RosterProblem,
    /** The id of the inspector, team, supplier or region concerned. */
    readonly entryId?: string,
  ) {
    super(
      `Roster ${file}: ${entry}${entryId ? ` (${entryId})` : ''} ${explanations[problem]}`,
    );
  }
}
