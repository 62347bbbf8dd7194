import {
  authoriseByTable,
  DomainError,
  FieldChecks,
  isRecord,
  type DecisionContext,
  type TableRule,
} from '../shared';
import {
  P17_WAIVER_TABLE,
  WAIVER_METHOD_IDS,
  type WaiverRuleRow,
} from './fee-waiver.rule-table';
import {
  WAIVER_RULE_TABLE_PROCESS_ID,
  type PublishWaiverTable,
  type WaiverRuleTableEvent,
  type WaiverRuleTableState,
  type WaiverRuleTableStatus,
} from './waiver-rule-table.events';

/** The process owner (流程主责 客服主管) publishes the table. */
export const WAIVER_RULE_TABLE_TRANSITIONS: readonly TableRule<
  'PublishWaiverTable',
  'waiver-rule-table.version-published',
  WaiverRuleTableStatus
>[] = (['NEW', 'PUBLISHED'] as const).map((from) => ({
  command: 'PublishWaiverTable',
  from,
  roles: ['cs-supervisor'],
  outcomes: [
    { events: ['waiver-rule-table.version-published'], to: 'PUBLISHED' },
  ],
}));

/** A version name already used, by the manual's table or a publication. */
export class WaiverTableVersionExistsError extends DomainError {
  readonly code = 'WAIVER_TABLE_VERSION_EXISTS';
  readonly httpStatus = 409;

  constructor(readonly version: string) {
    super(`Waiver table version ${version} exists already`);
  }

  details() {
    return { version: this.version };
  }
}

const CASE_CODE = /^[a-z][a-z0-9-]{1,63}$/;
const MAX_ROWS = 200;

function checkRows(checks: FieldChecks, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ROWS) {
    checks.fail('payload.rows', `must be a list of 1 to ${MAX_ROWS} rows`);
    return;
  }
  const numbers = new Set<unknown>();
  const codes = new Set<unknown>();
  value.forEach((row: unknown, i) => {
    const at = `payload.rows.${i}`;
    if (!checks.record(at, row)) return;
    if (!Number.isSafeInteger(row.row) || (row.row as number) < 1) {
      checks.fail(`${at}.row`, 'must be a whole number, 1 or more');
    } else if (numbers.has(row.row)) {
      checks.fail(`${at}.row`, 'must be unique in the table');
    }
    numbers.add(row.row);
    if (typeof row.caseCode !== 'string' || !CASE_CODE.test(row.caseCode)) {
      checks.fail(`${at}.caseCode`, 'must be a-z, 0-9 and -, 2 to 64');
    } else if (codes.has(row.caseCode)) {
      checks.fail(`${at}.caseCode`, 'must be unique in the table');
    }
    codes.add(row.caseCode);
    checks.nonBlank(`${at}.category`, row.category);
    if (typeof row.description !== 'string') {
      checks.fail(`${at}.description`, 'must be a string (may be empty)');
    }
    checks.oneOf(`${at}.method`, row.method, WAIVER_METHOD_IDS);
    const minutes = row.moveWithinMinutes;
    if (minutes !== undefined) {
      if (!Number.isSafeInteger(minutes) || (minutes as number) < 1) {
        checks.fail(
          `${at}.moveWithinMinutes`,
          'must be a whole number, 1 or more',
        );
      } else if (row.method !== 'waive-from-call-time') {
        checks.fail(
          `${at}.moveWithinMinutes`,
          'applies to waive-from-call-time rows only',
        );
      }
    }
  });
}

/** Only a row's own fields, whatever else the caller sent. */
function cleanRow(row: WaiverRuleRow): WaiverRuleRow {
  const { row: n, caseCode, category, description, method } = row;
  return row.moveWithinMinutes === undefined
    ? { row: n, caseCode, category, description, method }
    : {
        row: n,
        caseCode,
        category,
        description,
        method,
        moveWithinMinutes: row.moveWithinMinutes,
      };
}

/**
 * A new version of the reference table. It takes effect no earlier than
 * its publication and no earlier than the latest version, so a waiver
 * already decided never finds a different table in force at its instant.
 */
export function decideWaiverRuleTable(
  command: PublishWaiverTable,
  state: WaiverRuleTableState,
  context: DecisionContext,
): WaiverRuleTableEvent[] {
  // Reference data for every subsidiary: visibility is not a question.
  authoriseByTable(
    WAIVER_RULE_TABLE_PROCESS_ID,
    WAIVER_RULE_TABLE_TRANSITIONS,
    command,
    { status: state.status, subsidiaryId: context.actor.subsidiary },
    context,
  );

  const checks = new FieldChecks();
  const p = checks.record('payload', command.payload)
    ? (command.payload as unknown as Record<string, unknown>)
    : undefined;
  let effectiveFrom = context.now;
  if (p) {
    checks.nonBlank('payload.version', p.version);
    checkRows(checks, p.rows);
    checks.optionalString('payload.note', p.note);
    if (p.effectiveFrom !== undefined) {
      if (checks.isoInstant('payload.effectiveFrom', p.effectiveFrom)) {
        effectiveFrom = new Date(p.effectiveFrom).toISOString();
      }
    }
    const latest = state.versions[state.versions.length - 1];
    if (Date.parse(effectiveFrom) < Date.parse(context.now)) {
      checks.fail(
        'payload.effectiveFrom',
        'must not be before the publication',
      );
    } else if (
      latest &&
      Date.parse(effectiveFrom) < Date.parse(latest.effectiveFrom)
    ) {
      checks.fail(
        'payload.effectiveFrom',
        `must not be before version ${latest.version} takes effect`,
      );
    }
  }
  checks.throwIfAny(command.type);

  const { version, rows, note } = command.payload;
  const taken = [P17_WAIVER_TABLE, ...state.versions].some(
    (v) => v.version === version,
  );
  if (taken) throw new WaiverTableVersionExistsError(version);
  return [
    {
      type: 'waiver-rule-table.version-published',
      schemaVersion: 1,
      data: {
        version,
        effectiveFrom,
        rows: [...rows].map(cleanRow).sort((a, b) => a.row - b.row),
        sequence: state.versions.length + 1,
        publishedAt: context.now,
        ...(note !== undefined ? { note } : {}),
      },
    },
  ];
}

export function evolveWaiverRuleTable(
  state: WaiverRuleTableState,
  event: WaiverRuleTableEvent,
): WaiverRuleTableState {
  switch (event.type) {
    case 'waiver-rule-table.version-published':
      return {
        ...state,
        status: 'PUBLISHED',
        versions: [...state.versions, event.data],
      };
    default: {
      const unknown: never = event.type;
      throw new Error(`Unknown waiver-rule-table event: ${String(unknown)}`);
    }
  }
}

/** Whether a value looks like a published version (the preparer's input). */
export function isWaiverTableVersion(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.version === 'string' &&
    typeof value.effectiveFrom === 'string' &&
    Array.isArray(value.rows)
  );
}
