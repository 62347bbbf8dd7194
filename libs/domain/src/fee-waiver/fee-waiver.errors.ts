import { DomainError } from '../shared';

/** The case the agent picked is not a row of the table in force. */
export class WaiverCaseNotInTableError extends DomainError {
  readonly code = 'WAIVER_CASE_NOT_IN_TABLE';
  readonly httpStatus = 400;

  constructor(
    readonly caseCode: string,
    readonly tableVersion: string,
    readonly knownCaseCodes: readonly string[],
  ) {
    super(`Case ${caseCode} is not in waiver table ${tableVersion}`);
  }

  details() {
    const { caseCode, tableVersion, knownCaseCodes } = this;
    return { caseCode, tableVersion, knownCaseCodes };
  }
}

/** A discretionary waiver is approved by someone other than who asked. */
export class RequesterCannotApproveError extends DomainError {
  readonly code = 'REQUESTER_CANNOT_APPROVE';
  readonly httpStatus = 403;

  constructor(readonly actorId: string) {
    super(`${actorId} took this request and may not approve it`);
  }

  details() {
    return { actorId: this.actorId };
  }
}
