import { randomUUID } from 'node:crypto';
import { streamNameOf } from '@opsdesk/domain';
import { DeadlineAlerts } from '@opsdesk/messaging';
import type { OpsdeskClient } from '../apps/api/src/demo/opsdesk-client';
import {
  ACTIONS,
  crewFor,
  forgeJob,
  pathOf,
  rightfulActor,
  type Crew,
} from './support/station-fault-actions';
import { eventually } from './support/eventually';
import { startTestSystem, type TestSystem } from './support/system';

type ErrorAnswer = {
  error: { code: string; message: string; details: Record<string, unknown> };
};
type Created = { commandId: string; ticket: { id: string } };
type Listed = { items: { ticketId?: string; id?: string }[] };

/**
 * Two subsidiaries, `sh` (the city) and `jq` (the suburbs), each with a
 * ticket: every read and write endpoint keeps a caller to their own,
 * answering another subsidiary's ticket, station or region exactly as an
 * unknown one; headquarters (the CS manager, technical management and PR
 * of 总部) sees both.
 */
describe('subsidiary isolation', () => {
  let system: TestSystem;
  let sh: OpsdeskClient;
  let jq: OpsdeskClient;
  let hq: OpsdeskClient;
  let shCrew: Crew;
  let jqCrew: Crew;
  let shTicket: Created;
  let jqTicket: Created;

  beforeAll(async () => {
    system = await startTestSystem();
    sh = system.client;
    jq = system.client.as({ id: 'agent-jq-01', subsidiary: 'jq' });
    hq = system.client.as({
      id: 'hq-li',
      role: 'hq-cs-manager',
      subsidiary: 'hq',
    });
    shCrew = await crewFor(sh);
    jqCrew = await crewFor(jq);
    const intake = ACTIONS[0];
    shTicket = await sh.post<Created>('/station-faults', intake.body(shCrew));
    jqTicket = await jq.post<Created>('/station-faults', intake.body(jqCrew));
    await jq.post(`/station-faults/${jqTicket.ticket.id}/create-task`, {});
    // Routing and assignment are automatic: the suburban inspector holds it.
    await jq.waitForTicket(
      jqTicket.ticket.id,
      (t) => t.status === 'INSPECTION_ASSIGNED',
    );
    await sh.waitForTicket(shTicket.ticket.id, (t) => t.status === 'RECORDED');
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function eventsOf(ticketId: string): Promise<number> {
    const events = await system.resources.store.readStream(
      streamNameOf('station-fault', ticketId),
    );
    return events.length;
  }

  it('puts each ticket in the subsidiary of its station', async () => {
    expect(shCrew.station.subsidiaryId).toBe('sh');
    expect(jqCrew.station.subsidiaryId).toBe('jq');
    const view = await jq.get<{ subsidiaryId: string }>(
      `/station-faults/${jqTicket.ticket.id}`,
    );
    expect(view.subsidiaryId).toBe('jq');
    const [event] = await system.resources.store.readStream(
      streamNameOf('station-fault', jqTicket.ticket.id),
      { fromRevision: 1, maxCount: 1 },
    );
    expect(event.data).toMatchObject({ station: { subsidiaryId: 'jq' } });
  });

  describe('reads by another subsidiary', () => {
    it.each(['', '/timeline'])(
      'answer GET /station-faults/{id}%s 404, the same as for an unknown ticket',
      async (suffix) => {
        const hidden = await sh.fetch<ErrorAnswer>(
          `/station-faults/${jqTicket.ticket.id}${suffix}`,
        );
        const unknownId = randomUUID();
        const unknown = await sh.fetch<ErrorAnswer>(
          `/station-faults/${unknownId}${suffix}`,
        );
        expect(hidden.status).toBe(404);
        expect(hidden.body).toEqual({
          error: {
            ...unknown.body.error,
            message: unknown.body.error.message.replace(
              unknownId,
              jqTicket.ticket.id,
            ),
            details: { ticketId: jqTicket.ticket.id },
          },
        });
        expect(
          (await jq.fetch(`/station-faults/${jqTicket.ticket.id}${suffix}`))
            .status,
        ).toBe(200);
      },
    );

    it('leave the other subsidiary’s tickets out of lists and inboxes', async () => {
      const ids = (listed: Listed) => listed.items.map((i) => i.ticketId);
      const shList = await sh.get<Listed>('/station-faults?limit=200');
      expect(ids(shList)).toContain(shTicket.ticket.id);
      expect(ids(shList)).not.toContain(jqTicket.ticket.id);
      expect(
        ids(
          await sh.get<Listed>(
            `/station-faults?regionId=${jqCrew.station.regionId}`,
          ),
        ),
      ).toEqual([]);
      expect(
        ids(await sh.get<Listed>('/inbox/regional-inspector?limit=200')),
      ).not.toContain(jqTicket.ticket.id);
      expect(
        ids(await jq.get<Listed>('/inbox/regional-inspector?limit=200')),
      ).toContain(jqTicket.ticket.id);
      expect(
        ids(await jq.get<Listed>('/station-faults?limit=200')),
      ).not.toContain(shTicket.ticket.id);
    });

    it('answer the other subsidiary’s command as one not yet run', async () => {
      const hidden = await sh.get(`/commands/${jqTicket.commandId}`);
      expect(hidden).toEqual({
        commandId: jqTicket.commandId,
        status: 'pending',
      });
      const own = await jq.get<{ ticket: { id: string } }>(
        `/commands/${jqTicket.commandId}`,
      );
      expect(own.ticket.id).toBe(jqTicket.ticket.id);
    });

    it('keep stations, regions and rosters to the caller’s subsidiary', async () => {
      const stations = await sh.get<{ items: { id: string }[] }>('/stations');
      expect(stations.items.map((s) => s.id)).not.toContain(jqCrew.station.id);
      const regions = await sh.get<{ items: { subsidiaryId: string }[] }>(
        '/regions',
      );
      expect(new Set(regions.items.map((r) => r.subsidiaryId))).toEqual(
        new Set(['sh']),
      );
      const station = await sh.fetch<ErrorAnswer>(
        `/stations/${jqCrew.station.id}`,
      );
      expect(station.status).toBe(404);
      expect(station.body.error.code).toBe('STATION_NOT_FOUND');
      const roster = await sh.fetch<ErrorAnswer>(
        `/regions/${jqCrew.station.regionId}/roster`,
      );
      expect(roster.status).toBe(404);
      expect(roster.body.error.code).toBe('REGION_NOT_FOUND');
    });
  });

  describe('reports', () => {
    const REPORTS = [
      '/reports/summary',
      '/reports/by-day',
      '/reports/by-station-day',
      '/reports/time-to-clear',
      '/reports/custody',
      '/reports/backlog',
      '/reports/open-tickets?limit=500',
    ];

    it.each(REPORTS)(
      '%s leaves out the other subsidiary’s ticket, station and region',
      async (path) => {
        const hidden = [
          jqTicket.ticket.id,
          jqCrew.station.id,
          jqCrew.station.regionId,
        ];
        const answer = JSON.stringify(await sh.get(path));
        for (const id of hidden) expect(answer).not.toContain(id);
      },
    );

    it('show headquarters the other subsidiary’s ticket and station, so the check above can fail', async () => {
      await eventually(async () => {
        const open = JSON.stringify(
          await hq.get('/reports/open-tickets?limit=500'),
        );
        expect(open).toContain(jqTicket.ticket.id);
        const byStation = JSON.stringify(
          await hq.get('/reports/by-station-day'),
        );
        expect(byStation).toContain(jqCrew.station.id);
      });
    });

    it('answer a custody-periods question about the other subsidiary’s ticket with nothing', async () => {
      const path = `/reports/custody-periods?ticketId=${jqTicket.ticket.id}`;
      const mine = await sh.get<{ items: unknown[] }>(path);
      expect(mine.items).toEqual([]);
      await eventually(async () => {
        const own = await jq.get<{ items: unknown[] }>(path);
        expect(own.items.length).toBeGreaterThan(0);
      });
    });
  });

  describe('writes by another subsidiary', () => {
    const actions = ACTIONS.filter((a) => a.path !== '');

    it.each(actions.map((a) => [a.command, a] as const))(
      '%s on the other subsidiary’s ticket is 404 and appends nothing',
      async (_, action) => {
        const ticketId = jqTicket.ticket.id;
        const before = await eventsOf(ticketId);
        // The right role, even the right person, of the wrong subsidiary.
        const actor = { ...rightfulActor(action, jqCrew), subsidiary: 'sh' };
        const answer = await sh.send<ErrorAnswer>(
          pathOf(action, ticketId),
          action.body(jqCrew),
          { actor },
        );
        expect(answer.status).toBe(404);
        expect(answer.body.error).toMatchObject({
          code: 'TICKET_NOT_FOUND',
          details: { ticketId },
        });
        expect(await eventsOf(ticketId)).toBe(before);
      },
    );

    it('an intake at the other subsidiary’s station is 404 and opens nothing', async () => {
      const { rows: before } = await system.schema.pool.query(
        'SELECT count(*) AS n FROM streams',
      );
      const answer = await sh.send<ErrorAnswer>(
        '/station-faults',
        ACTIONS[0].body(jqCrew),
      );
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatchObject({
        code: 'STATION_NOT_FOUND',
        details: { stationId: jqCrew.station.id },
      });
      const { rows: after } = await system.schema.pool.query(
        'SELECT count(*) AS n FROM streams',
      );
      expect(after).toEqual(before);
    });

    it('an erasure by the other subsidiary’s supervisor is 404', async () => {
      const answer = await sh.send<ErrorAnswer>(
        `/station-faults/${jqTicket.ticket.id}/erase-reporter`,
        {},
        { actor: { id: 'supervisor-sh', role: 'cs-supervisor' } },
      );
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('TICKET_NOT_FOUND');
    });

    it('a job forged onto a queue for the other subsidiary’s ticket is refused as not found', async () => {
      const ticketId = jqTicket.ticket.id;
      const before = await eventsOf(ticketId);
      const outcome = await forgeJob(system, 'regional-inspector', {
        ticketId,
        type: 'StartInspection',
        payload: {},
        actor: {
          id: jqCrew.inspectorId,
          role: 'regional-inspector',
          kind: 'person',
          subsidiary: 'sh',
        },
      });
      expect(outcome).toMatchObject({
        status: 'rejected',
        httpStatus: 404,
        error: { code: 'TICKET_NOT_FOUND' },
      });
      expect(await eventsOf(ticketId)).toBe(before);
    });
  });

  describe('deadline alerts', () => {
    type Alerts = { items: { ticketId: string }[] };

    beforeAll(async () => {
      const alerts = new DeadlineAlerts(system.resources.pool);
      const alertOn = (ticketId: string) => ({
        eventId: randomUUID(),
        role: 'cs-phone-agent' as const,
        reason: 'holder' as const,
        level: 'warning',
        processId: 'station-fault',
        ticketId,
        step: 'intake',
        dueAt: new Date().toISOString(),
        deadlineAt: new Date().toISOString(),
        policy: 'default',
        policyVersion: 1,
      });
      await alerts.record([
        alertOn(shTicket.ticket.id),
        alertOn(jqTicket.ticket.id),
      ]);
    });

    it('list a role’s alerts on the caller’s own tickets only', async () => {
      const listed = await sh.get<Alerts>(
        '/deadline-alerts?role=cs-phone-agent',
      );
      expect(listed.items.map((a) => a.ticketId)).toEqual([shTicket.ticket.id]);
      const all = await hq.get<Alerts>('/deadline-alerts?role=cs-phone-agent');
      expect(all.items.map((a) => a.ticketId).sort()).toEqual(
        [shTicket.ticket.id, jqTicket.ticket.id].sort(),
      );
    });

    it('answer the alerts of the other subsidiary’s ticket as an unknown ticket', async () => {
      const hidden = await sh.fetch(
        `/deadline-alerts/tickets/${jqTicket.ticket.id}`,
      );
      expect(hidden.status).toBe(404);
      expect(hidden.body).toMatchObject({
        error: { code: 'TICKET_NOT_FOUND' },
      });
      const own = await jq.get<Alerts>(
        `/deadline-alerts/tickets/${jqTicket.ticket.id}`,
      );
      expect(own.items.map((a) => a.ticketId)).toEqual([jqTicket.ticket.id]);
    });
  });

  describe('headquarters', () => {
    it('sees both subsidiaries’ tickets, stations and regions', async () => {
      const listed = await hq.get<Listed>('/station-faults?limit=200');
      expect(listed.items.map((i) => i.ticketId)).toEqual(
        expect.arrayContaining([shTicket.ticket.id, jqTicket.ticket.id]),
      );
      await eventually(async () => {
        const timeline = await hq.get<{ entries: unknown[] }>(
          `/station-faults/${jqTicket.ticket.id}/timeline`,
        );
        expect(timeline.entries.length).toBeGreaterThan(0);
      });
      const regions = await hq.get<{ items: { subsidiaryId: string }[] }>(
        '/regions',
      );
      expect(new Set(regions.items.map((r) => r.subsidiaryId))).toEqual(
        new Set(['sh', 'jq']),
      );
      expect((await hq.fetch(`/stations/${jqCrew.station.id}`)).status).toBe(
        200,
      );
    });

    // 总部技术管理岗 and 总部市场与品牌管理部公关管理岗 are headquarters
    // posts as much as 总部客服经理.
    it.each(['tech-manager', 'hq-pr-manager'])(
      'includes %s: both subsidiaries’ tickets are listed and open',
      async (role) => {
        const person = system.client.as({
          id: `${role}-1`,
          role,
          subsidiary: 'hq',
        });
        const listed = await person.get<Listed>('/station-faults?limit=200');
        expect(listed.items.map((i) => i.ticketId)).toEqual(
          expect.arrayContaining([shTicket.ticket.id, jqTicket.ticket.id]),
        );
        for (const ticket of [shTicket, jqTicket]) {
          const view = await person.fetch(
            `/station-faults/${ticket.ticket.id}`,
          );
          expect({ id: ticket.ticket.id, status: view.status }).toEqual({
            id: ticket.ticket.id,
            status: 200,
          });
        }
      },
    );

    // The outsourced centre's manager reports to a subsidiary's operations
    // head, and the manual puts no other of these posts at headquarters.
    it.each([
      'cs-manager-outsourcer',
      'marketing-manager',
      'subsidiary-ops-head',
      'subsidiary-gm',
    ])('leaves out %s: the other subsidiary’s ticket is 404', async (role) => {
      const person = system.client.as({
        id: `${role}-1`,
        role,
        subsidiary: 'sh',
      });
      const hidden = await person.fetch(
        `/station-faults/${jqTicket.ticket.id}`,
      );
      expect(hidden.status).toBe(404);
      const own = await person.fetch(`/station-faults/${shTicket.ticket.id}`);
      expect(own.status).toBe(200);
    });
  });
});
