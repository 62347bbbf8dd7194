import { PROCESS_TRANSITIONS, PROCESSES, type ProcessId } from './processes';
import {
  DomainError,
  NEW_STATUS,
  ROLE_IDS,
  type Actor,
  type RoleId,
  type TableRule,
} from './shared';

/**
 * Station faults have their own matrix (with assignees and settings);
 * every other process is decided by its transition table alone, through
 * the one `authoriseByTable`. Here each of them meets every command ×
 * every role × every state of its table.
 */
const TABLE_PROCESSES = (Object.keys(PROCESSES) as ProcessId[]).filter(
  (id) => id !== 'station-fault',
);

type AnyDecide = (
  command: unknown,
  state: unknown,
  context: unknown,
  config: unknown,
) => unknown;

const NOW = '2026-03-02T06:00:00.000Z';
const TICKET_ID = '01956f3a-7c2e-7a10-9b1e-0a00000000aa';

function actor(role: RoleId): Actor {
  return { id: `${role}-someone`, role, kind: 'person', subsidiary: 'sh' };
}

/**
 * The code the decider refuses with, or `passed` when it refused on the
 * command's data (or decided): only the table's check is under test, so
 * the payload is empty and a data error means the permission held.
 */
function verdict(
  processId: ProcessId,
  type: string,
  role: RoleId,
  status: string,
): string {
  const process = PROCESSES[processId];
  const state = { ...process.initialState, status, subsidiaryId: 'sh' };
  try {
    (process.decide as AnyDecide)(
      { ticketId: TICKET_ID, type, payload: {} },
      state,
      { now: NOW, actor: actor(role) },
      undefined,
    );
    return 'passed';
  } catch (error) {
    if (!(error instanceof DomainError)) return 'passed';
    const refusals = [
      'ROLE_NOT_PERMITTED',
      'TICKET_NOT_IN_STATE',
      'TICKET_NOT_FOUND',
      'TICKET_ALREADY_EXISTS',
    ];
    return refusals.includes(error.code) ? error.code : 'passed';
  }
}

const CELLS = TABLE_PROCESSES.flatMap((processId) => {
  const table = PROCESS_TRANSITIONS[processId] as readonly TableRule[];
  const commands = [...new Set(table.map((rule) => rule.command))];
  return commands.map((command) => ({ processId, command, table }));
});

describe('every process’s table, every command × every role × every state', () => {
  it.each(CELLS)(
    '$processId:$command is let through exactly where its table allows the role',
    ({ processId, command, table }) => {
      const states = [
        NEW_STATUS,
        ...new Set(
          table.flatMap((r) => [r.from, ...r.outcomes.map((o) => o.to)]),
        ),
      ].filter((s, i, all) => all.indexOf(s) === i);
      for (const role of ROLE_IDS) {
        for (const status of states) {
          const allowed = table.some(
            (rule) =>
              rule.command === command &&
              rule.from === status &&
              rule.roles.includes(role),
          );
          const got = verdict(processId, command, role, status);
          expect({ role, status, passed: got === 'passed' }).toEqual({
            role,
            status,
            passed: allowed,
          });
        }
      }
    },
  );

  it.each(CELLS)(
    '$processId:$command refused to a role that may never issue it is 403 naming the permission',
    ({ processId, command, table }) => {
      const rules = table.filter((rule) => rule.command === command);
      const someone = ROLE_IDS.find(
        (role) => !rules.some((rule) => rule.roles.includes(role)),
      )!;
      const process = PROCESSES[processId];
      let error: unknown;
      try {
        (process.decide as AnyDecide)(
          { ticketId: TICKET_ID, type: command, payload: {} },
          {
            ...process.initialState,
            status: rules[0].from,
            subsidiaryId: 'sh',
          },
          { now: NOW, actor: actor(someone) },
          undefined,
        );
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      const refusal = error as DomainError;
      expect({ code: refusal.code, status: refusal.httpStatus }).toEqual({
        code: 'ROLE_NOT_PERMITTED',
        status: 403,
      });
      expect(refusal.details()).toMatchObject({
        role: someone,
        permission: `${processId}:${command}`,
      });
    },
  );
});
