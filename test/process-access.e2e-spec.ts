import { randomUUID } from 'node:crypto';
import {
  HEADQUARTERS_ROLES,
  PROCESS_TRANSITIONS,
  ROLE_IDS,
  streamNameOf,
  type Actor,
  type RoleId,
  type TableRule,
} from '@opsdesk/domain';
import {
  isWorkerRole,
  type CommandEnvelope,
  type CommandOutcome,
} from '@opsdesk/messaging';
import { uuidv7 } from '@opsdesk/platform';
import type { OpsdeskClient } from '../apps/api/src/demo/opsdesk-client';
import { eventually } from './support/eventually';
import { OPENERS } from './support/process-openers';
import { reportByStatus } from './support/report-rows';
import { startTestSystem, type TestSystem } from './support/system';

type ErrorAnswer = {
  error: { code: string; details: Record<string, unknown> };
};
type Opened = { ticket: { id: string } };
type Listed = { items: { ticketId: string }[] };
// Every role a person can hold in a token.
const PEOPLE = ROLE_IDS.filter((role) => role !== 'system');

/** Holding it, a token sees every subsidiary's tickets. */
const isHeadquarters = (role: RoleId) => HEADQUARTERS_ROLES.includes(role);

jest.setTimeout(180_000);

/**
 * The money and compliance processes meet the same permission check as
 * station faults: every command of each table × every role, as a job
 * forged straight onto a queue; the opening action × every role over
 * HTTP; and a ticket of one subsidiary answers 404 to the other, but for
 * a headquarters role, which sees every subsidiary.
 */
describe('the other processes’ permissions and subsidiaries', () => {
  let system: TestSystem;
  let jq: OpsdeskClient;
  const opened = new Map<string, string>();

  beforeAll(async () => {
    system = await startTestSystem();
    jq = system.client.as({ id: 'agent-jq-01', subsidiary: 'jq' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  /**
   * The events people appended to a ticket. The system's timers move some
   * tickets on by themselves (a violation's SMS days), and they are no
   * refused command's doing.
   */
  async function eventCount(processId: string, ticketId: string) {
    const events = await system.resources.store.readStream(
      streamNameOf(processId, ticketId),
    );
    return events.filter((e) => e.metadata.actor.role !== 'system').length;
  }

  async function streamCount(processId: string): Promise<number> {
    const { rows } = await system.schema.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM streams WHERE stream_name LIKE $1',
      [`${processId}-%`],
    );
    return Number(rows[0].n);
  }

  async function forge(
    queueRole: string,
    command: Omit<
      CommandEnvelope,
      'commandId' | 'correlationId' | 'causationId' | 'issuedAt'
    >,
  ): Promise<CommandOutcome> {
    const commandId = uuidv7();
    await system.resources.queues.addCommand(queueRole as never, {
      commandId,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      issuedAt: new Date().toISOString(),
      ...command,
    });
    return eventually(async () => {
      const outcome = await system.resources.ledger.find(commandId);
      if (!outcome) throw new Error(`No outcome yet for ${commandId}`);
      return outcome;
    }, 30_000);
  }

  function actorOf(role: RoleId, subsidiary = 'sh'): Actor {
    return role === 'system'
      ? { id: 'system', role, kind: 'automatic', subsidiary }
      : { id: `${role}-someone`, role, kind: 'person', subsidiary };
  }

  describe.each(OPENERS)('$processId', (opener) => {
    const { processId } = opener;
    const table = (
      PROCESS_TRANSITIONS as Readonly<Record<string, readonly TableRule[]>>
    )[processId];
    const commands = [...new Set(table.map((rule) => rule.command))];
    const openerRoles = table
      .filter((rule) => rule.command === opener.command)
      .flatMap((rule) => rule.roles);
    /** The people who may issue `command`, in the table's order. */
    const rightfulPeople = (command: string) =>
      table
        .filter((rule) => rule.command === command)
        .flatMap((rule) => rule.roles)
        .filter((role) => role !== 'system');
    // Actions only headquarters takes: no subsidiary's person may.
    const headquartersOnly = opener.actions.filter((action) => {
      const people = rightfulPeople(action.command);
      return people.length > 0 && people.every(isHeadquarters);
    });

    it(`${opener.command} over HTTP is refused 403 to every other role, opening nothing`, async () => {
      const before = await streamCount(processId);
      const others = PEOPLE.filter((role) => !openerRoles.includes(role));
      const answers = await Promise.all(
        others.map((role) =>
          system.client.send<ErrorAnswer>(opener.path, opener.body, {
            actor: { id: `${role}-someone`, role, subsidiary: 'sh' },
            actAs: role,
          }),
        ),
      );
      answers.forEach((answer, i) => {
        const role = others[i];
        expect({ role, status: answer.status }).toEqual({ role, status: 403 });
        expect(answer.body.error).toMatchObject({
          code: 'ROLE_NOT_PERMITTED',
          details: { role, permission: `${processId}:${opener.command}` },
        });
      });
      expect(await streamCount(processId)).toBe(before);
    });

    it(`${opener.command} over HTTP succeeds for the rightful person, and as a forged job`, async () => {
      const answer = await system.client.send<Opened>(
        opener.path,
        opener.body,
        {
          actor: opener.actor,
        },
      );
      expect(answer.status).toBe(201);
      const id = answer.body.ticket.id;
      opened.set(processId, id);
      expect(await eventCount(processId, id)).toBeGreaterThan(0);

      const forged = randomUUID();
      const outcome = await forge(opener.actor.role, {
        processId,
        ticketId: forged,
        type: opener.command,
        payload: { ...opener.body, ...opener.added },
        actor: { ...opener.actor, kind: 'person', subsidiary: 'sh' },
      });
      expect(outcome).toMatchObject({ status: 'accepted', ticketId: forged });
    });

    it.each(opener.actions.map((a) => [a.command, a] as const))(
      '%s over HTTP is refused 403 to every role that may never issue it, appending nothing',
      async (command, action) => {
        const ticketId = opened.get(processId)!;
        const allowed = table
          .filter((rule) => rule.command === command)
          .flatMap((rule) => rule.roles);
        const others = PEOPLE.filter((role) => !allowed.includes(role));
        const before = await eventCount(processId, ticketId);
        const answers = await Promise.all(
          others.map((role) =>
            system.client.send<ErrorAnswer>(
              `${opener.base}/${ticketId}/${action.path}`,
              action.body,
              {
                actor: { id: `${role}-someone`, role, subsidiary: 'sh' },
                actAs: role,
              },
            ),
          ),
        );
        answers.forEach((answer, i) => {
          const role = others[i];
          expect({ role, status: answer.status }).toEqual({
            role,
            status: 403,
          });
          expect(answer.body.error).toMatchObject({
            code: 'ROLE_NOT_PERMITTED',
            details: { role, permission: `${processId}:${command}` },
          });
        });
        expect(await eventCount(processId, ticketId)).toBe(before);
      },
    );

    it.each(commands)(
      '%s as a forged job is refused 403 to every role that may never issue it, appending nothing',
      async (command: string) => {
        const ticketId = opened.get(processId)!;
        const rules = table.filter((rule) => rule.command === command);
        const allowed = rules.flatMap((rule) => rule.roles);
        const onlyOpens = rules.every((rule) => rule.from === 'NEW');
        const target = onlyOpens ? randomUUID() : ticketId;
        const rightfulQueue = allowed.find(isWorkerRole) ?? 'cs-phone-agent';
        const others = ROLE_IDS.filter((role) => !allowed.includes(role));
        const before = await eventCount(processId, ticketId);
        const outcomes = await Promise.all(
          others.map((role) =>
            forge(isWorkerRole(role) ? role : rightfulQueue, {
              processId,
              ticketId: target,
              type: command,
              payload: {},
              actor: actorOf(role),
            }),
          ),
        );
        outcomes.forEach((outcome, i) => {
          const role = others[i];
          expect({ role, outcome }).toMatchObject({
            role,
            outcome: {
              status: 'rejected',
              httpStatus: 403,
              error: {
                code: isWorkerRole(role) ? 'ROLE_NOT_PERMITTED' : 'WRONG_QUEUE',
                details: { permission: `${processId}:${command}` },
              },
            },
          });
        });
        expect(await eventCount(processId, ticketId)).toBe(before);
        if (onlyOpens) expect(await eventCount(processId, target)).toBe(0);
      },
    );

    describe('from the other subsidiary', () => {
      it('a ticket and its timeline answer 404, as an unknown one', async () => {
        const id = opened.get(processId)!;
        await eventually(async () => {
          const own = await system.client.fetch(
            `${opener.base}/${id}/timeline`,
          );
          expect(own.status).toBe(200);
        });
        for (const suffix of ['', '/timeline']) {
          const hidden = await jq.fetch<ErrorAnswer>(
            `${opener.base}/${id}${suffix}`,
          );
          expect({ suffix, status: hidden.status }).toEqual({
            suffix,
            status: 404,
          });
          expect(hidden.body.error).toMatchObject({
            code: 'TICKET_NOT_FOUND',
            details: { ticketId: id },
          });
        }
      });

      it('lists, inboxes and reports leave the ticket out', async () => {
        const id = opened.get(processId)!;
        const ids = (listed: Listed) => listed.items.map((i) => i.ticketId);
        const list = `${opener.base}?limit=200`;
        const inbox = `${opener.base}/inbox/${opener.holder}?limit=200`;
        await eventually(async () => {
          expect(ids(await system.client.get<Listed>(list))).toContain(id);
          expect(ids(await system.client.get<Listed>(inbox))).toContain(id);
        });
        expect(ids(await jq.get<Listed>(list))).not.toContain(id);
        expect(ids(await jq.get<Listed>(inbox))).not.toContain(id);
        if (opener.hasReport) {
          const count = async (client: OpsdeskClient) =>
            (await reportByStatus(client, opener.base)).reduce(
              (n, row) => n + row.tickets,
              0,
            );
          expect(await count(system.client)).toBeGreaterThan(0);
          expect(await count(jq)).toBe(0);
        }
      });

      it('every action over HTTP, by its rightful role of the other subsidiary, answers 404 and appends nothing', async () => {
        const id = opened.get(processId)!;
        const before = await eventCount(processId, id);
        const writes = [
          ...opener.actions,
          // Anyone may ask for a violation's due steps, of a case they see.
          ...(processId === 'traffic-violation'
            ? [
                {
                  path: 'run-due-steps',
                  command: 'RunDueViolationStep',
                  body: {},
                },
              ]
            : []),
        ];
        for (const action of writes) {
          if (headquartersOnly.includes(action)) continue;
          const role =
            rightfulPeople(action.command).find(
              (candidate) => !isHeadquarters(candidate),
            ) ?? 'cs-supervisor';
          const answer = await jq.send<ErrorAnswer>(
            `${opener.base}/${id}/${action.path}`,
            action.body,
            { actor: { id: 'someone-jq', role, subsidiary: 'jq' } },
          );
          expect({ path: action.path, status: answer.status }).toEqual({
            path: action.path,
            status: 404,
          });
          expect(answer.body.error).toMatchObject({
            code: 'TICKET_NOT_FOUND',
            details: { ticketId: id },
          });
        }
        expect(await eventCount(processId, id)).toBe(before);
      });

      if (headquartersOnly.length > 0) {
        it('every action only headquarters takes finds the ticket for a headquarters token of any subsidiary', async () => {
          const id = opened.get(processId)!;
          for (const action of headquartersOnly) {
            const role = rightfulPeople(action.command)[0];
            // The token says `jq`; its headquarters role sees `sh` anyway.
            const answer = await jq.send<ErrorAnswer>(
              `${opener.base}/${id}/${action.path}`,
              action.body,
              { actor: { id: 'someone-hq', role, subsidiary: 'jq' } },
            );
            expect({ path: action.path, status: answer.status }).not.toEqual({
              path: action.path,
              status: 404,
            });
            if (answer.status >= 400) {
              expect(answer.body.error.code).not.toBe('TICKET_NOT_FOUND');
            }
          }
        });
      }

      // The system's own steps run for every subsidiary (`actorSees`):
      // only the commands a person issues are checked here.
      it('every command a person issues, forged by its rightful role of the other subsidiary, is 404', async () => {
        const id = opened.get(processId)!;
        const before = await eventCount(processId, id);
        const cells = commands.flatMap((command) => {
          const role = table
            .filter((rule) => rule.command === command && rule.from !== 'NEW')
            .flatMap((rule) => rule.roles)
            .find((candidate) => candidate !== 'system');
          return role ? [{ command, role }] : [];
        });
        expect(cells.length).toBeGreaterThan(0);
        const outcomes = await Promise.all(
          cells.map(({ command, role }) =>
            forge(role, {
              processId,
              ticketId: id,
              type: command,
              payload: {},
              actor: actorOf(role, 'jq'),
            }),
          ),
        );
        outcomes.forEach((outcome, i) =>
          expect({ ...cells[i], outcome }).toMatchObject({
            ...cells[i],
            outcome: {
              status: 'rejected',
              httpStatus: 404,
              error: { code: 'TICKET_NOT_FOUND' },
            },
          }),
        );
        expect(await eventCount(processId, id)).toBe(before);
      });
    });
  });
});
