import { randomUUID } from 'node:crypto';
import {
  ROLE_IDS,
  STATION_FAULT_TRANSITIONS,
  stationFaultRuleApplies,
  streamNameOf,
  type Actor,
  type RoleId,
} from '@opsdesk/domain';
import { isWorkerRole, type CommandOutcome } from '@opsdesk/messaging';
import {
  actionOf,
  crewFor,
  forgeJob,
  pathOf,
  rightfulActor,
  ticketIn,
  type Crew,
} from './support/station-fault-actions';
import { startTestSystem, type TestSystem } from './support/system';

type ErrorAnswer = {
  error: { code: string; details: Record<string, unknown> };
};

// Every role a person can hold in a token.
const ROLES = ROLE_IDS.filter((role) => role !== 'system');

// RESOLVED_BY_INSPECTION is left at once by the platform's automatic step
// (gap G-d), so no person can be made to meet it there; the decider's
// own matrix covers that rule in every state.
const RULES = STATION_FAULT_TRANSITIONS.filter(
  (rule) =>
    stationFaultRuleApplies(rule, { resultNotifier: 'station-manager' }) &&
    rule.from !== 'RESOLVED_BY_INSPECTION',
);

jest.setTimeout(120_000);

/**
 * Every action × every role × the state it is allowed in, through HTTP
 * and through jobs forged straight onto the queues: the rightful person
 * succeeds, everyone else is refused 403 naming the missing permission,
 * and a refusal appends nothing.
 */
const OUTSIDE_PARTIES: ReadonlySet<string> = new Set([
  'user',
  'charging-pile-supplier',
]);

describe('the station-fault permission matrix', () => {
  let system: TestSystem;
  let crew: Crew;

  beforeAll(async () => {
    system = await startTestSystem({
      ROUTING_MODE: 'manual',
      ASSIGNMENT_MODE: 'manual',
    });
    crew = await crewFor(system.client);
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function eventCount(ticketId: string): Promise<number> {
    if (!ticketId) {
      const { rows } = await system.schema.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM events',
      );
      return Number(rows[0].n);
    }
    const events = await system.resources.store.readStream(
      streamNameOf('station-fault', ticketId),
    );
    return events.length;
  }

  function person(actor: Partial<Actor> & { role: RoleId }): Actor {
    return {
      id: `${actor.role}-someone`,
      kind: 'person',
      subsidiary: crew.station.subsidiaryId,
      ...actor,
    };
  }

  function expectRefused(outcome: CommandOutcome, code: string, cmd: string) {
    expect(outcome).toMatchObject({
      status: 'rejected',
      httpStatus: 403,
      error: { code, details: { permission: `station-fault:${cmd}` } },
    });
  }

  describe.each(RULES)('$command in $from', (rule) => {
    const action = actionOf(rule.command);
    const others = ROLES.filter((role) => !rule.roles.includes(role));
    const rightfulRole = rule.roles[0] as RoleId;
    const permission = `station-fault:${rule.command}`;
    let ticketId = '';

    beforeAll(async () => {
      if (rule.from !== 'NEW') {
        ticketId = await ticketIn(system.client, crew, rule.from);
      }
    });

    it('is refused 403 over HTTP for every other role, naming the permission', async () => {
      const before = await eventCount(ticketId);
      const answers = await Promise.all(
        others.map((role) =>
          system.client.send<ErrorAnswer>(
            pathOf(action, ticketId),
            action.body(crew),
            {
              actor: { id: `${role}-someone`, role, subsidiary: 'sh' },
              actAs: role,
            },
          ),
        ),
      );
      answers.forEach((answer, i) => {
        const role = others[i];
        // An outside party (a member; a supplier's engineer, of no firm
        // here) is told a ticket not handed to its firm does not exist.
        if (ticketId !== '' && OUTSIDE_PARTIES.has(role)) {
          expect({ role, status: answer.status }).toEqual({
            role,
            status: 404,
          });
          expect(answer.body.error.code).toBe('TICKET_NOT_FOUND');
          return;
        }
        expect({ role, status: answer.status }).toEqual({ role, status: 403 });
        expect(answer.body.error).toMatchObject({
          code: 'ROLE_NOT_PERMITTED',
          details: { role, permission },
        });
      });
      expect(await eventCount(ticketId)).toBe(before);
    });

    it('is refused 403 as a forged job for every other role, and on a queue not its own', async () => {
      const forgedTicket = ticketId || randomUUID();
      const before = await eventCount(ticketId);
      const outcomes = await Promise.all(
        others.map((role) =>
          forgeJob(system, isWorkerRole(role) ? role : rightfulRole, {
            ticketId: forgedTicket,
            type: rule.command,
            payload: action.payload(crew),
            actor: person({ role }),
          }),
        ),
      );
      outcomes.forEach((outcome, i) =>
        expectRefused(
          outcome,
          isWorkerRole(others[i]) ? 'ROLE_NOT_PERMITTED' : 'WRONG_QUEUE',
          rule.command,
        ),
      );
      const elsewhere = others.find(isWorkerRole)!;
      const misplaced = await forgeJob(system, elsewhere, {
        ticketId: forgedTicket,
        type: rule.command,
        payload: action.payload(crew),
        actor: { ...rightfulActor(action, crew), kind: 'person' } as Actor,
      });
      expectRefused(misplaced, 'WRONG_QUEUE', rule.command);
      expect(await eventCount(ticketId)).toBe(before);
    });

    if (rule.assignee) {
      // A supplier is a firm outside the operator: over HTTP another
      // firm's engineer is told the ticket does not exist, and its lead
      // leads its own firm.
      const supplier = rightfulRole === 'charging-pile-supplier';

      it('is refused for another member of the role, over HTTP and forged', async () => {
        const before = await eventCount(ticketId);
        const stranger = { id: 'not-the-assignee', role: rightfulRole };
        const answer = await system.client.send<ErrorAnswer>(
          pathOf(action, ticketId),
          action.body(crew),
          { actor: stranger },
        );
        if (supplier) {
          expect(answer.status).toBe(404);
          expect(answer.body.error.code).toBe('TICKET_NOT_FOUND');
        } else {
          expect(answer.status).toBe(403);
          expect(answer.body.error).toMatchObject({
            code: 'NOT_ASSIGNEE',
            details: { permission, actorId: 'not-the-assignee' },
          });
        }
        const outcome = await forgeJob(system, rightfulRole, {
          ticketId,
          type: rule.command,
          payload: action.payload(crew),
          actor: person(stranger),
        });
        expectRefused(outcome, 'NOT_ASSIGNEE', rule.command);
        expect(await eventCount(ticketId)).toBe(before);
      });

      it('succeeds for the lead of the role, who is not the assignee', async () => {
        const other = await ticketIn(system.client, crew, rule.from);
        const lead = { id: 'the-lead', role: rightfulRole, lead: true };
        const answer = await system.client.send(
          pathOf(action, other),
          action.body(crew),
          { actor: supplier ? { ...lead, org: crew.supplierId } : lead },
        );
        expect(answer.status).toBe(200);
      });
    }

    it('succeeds over HTTP for the rightful person, appending events', async () => {
      const before = await eventCount(ticketId);
      const answer = await system.client.send<{ ticket: { id: string } }>(
        pathOf(action, ticketId),
        action.body(crew),
        { actor: rightfulActor(action, crew) },
      );
      expect(answer.status).toBe(rule.from === 'NEW' ? 201 : 200);
      const id = ticketId || answer.body.ticket.id;
      expect(await eventCount(id)).toBeGreaterThan(ticketId ? before : 0);
    });

    it('succeeds as a forged job that carries the rightful actor', async () => {
      const other =
        rule.from === 'NEW'
          ? randomUUID()
          : await ticketIn(system.client, crew, rule.from);
      const outcome = await forgeJob(system, rightfulRole, {
        ticketId: other,
        type: rule.command,
        payload: action.payload(crew),
        actor: { ...rightfulActor(action, crew), kind: 'person' } as Actor,
      });
      expect(outcome).toMatchObject({ status: 'accepted', ticketId: other });
    });
  });
});
