import type { StationSummary } from '../apps/api/src/demo/scenarios';
import {
  actionOf,
  crewFor,
  pathOf,
  rightfulActor,
  ticketIn,
  type Crew,
} from './support/station-fault-actions';
import { startTestSystem, type TestSystem } from './support/system';
import { eventTypesOf } from './support/ticket-history';

/**
 * The inspector, operations team, supplier and pile a station-fault
 * command names are checked against the roster of the ticket's region
 * and the registry's station before anything is queued: a typo would
 * hand the ticket to nobody.
 */
describe('a station-fault command naming someone off the roster', () => {
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

  /** Sends `body` as the command's rightful actor; the ticket must not move. */
  async function refusedAnswer(
    command: Parameters<typeof actionOf>[0],
    ticketId: string,
    body: Record<string, unknown>,
  ) {
    const action = actionOf(command);
    const before = await eventTypesOf(system.resources.store, ticketId);
    const answer = await system.client.send(pathOf(action, ticketId), body, {
      actor: rightfulActor(action, crew),
    });
    expect(await eventTypesOf(system.resources.store, ticketId)).toEqual(
      before,
    );
    return answer;
  }

  it('refuses an inspector the region does not have, naming the field', async () => {
    const ticketId = await ticketIn(
      system.client,
      crew,
      'AT_REGIONAL_PLATFORM',
    );

    const answer = await refusedAnswer('AssignInspection', ticketId, {
      inspectorId: 'inspector-nobody',
    });

    expect(answer).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'INVALID_REQUEST',
          details: { fields: [{ field: 'inspectorId' }] },
        },
      },
    });
  });

  it('refuses an operations team that does not serve the region, naming the field', async () => {
    const ticketId = await ticketIn(system.client, crew, 'AT_STATION_MANAGER');

    const answers = [
      await refusedAnswer('AssignOpsTask', ticketId, {
        opsTeamId: 'ops-nowhere',
      }),
      await refusedAnswer('AssignOpsTask', ticketId, {
        opsTeamId: '../../../etc/passwd',
      }),
    ];

    for (const answer of answers) {
      expect(answer).toMatchObject({
        status: 400,
        body: { error: { details: { fields: [{ field: 'opsTeamId' }] } } },
      });
    }
  });

  it('refuses a supplier off the roster and a pile of another station, naming both', async () => {
    const ticketId = await ticketIn(system.client, crew, 'AT_OPS_TEAM');
    const { items } = await system.client.get<{ items: StationSummary[] }>(
      '/stations',
    );
    const elsewhere = items.find(
      (s) => s.id !== crew.station.id && s.chargingPileIds.length > 0,
    )!;

    const answer = await refusedAnswer('ClassifyFault', ticketId, {
      isChargingPileIssue: true,
      supplierId: 'sup-nope',
      chargingPileId: elsewhere.chargingPileIds[0],
    });

    expect(answer.status).toBe(400);
    const { fields } = (
      answer.body as { error: { details: { fields: { field: string }[] } } }
    ).error.details;
    expect(fields.map((f) => f.field)).toEqual([
      'supplierId',
      'chargingPileId',
    ]);
  });

  it('still takes the roster’s own team, supplier and pile', async () => {
    const ticketId = await ticketIn(system.client, crew, 'AT_STATION_MANAGER');

    await system.client.post(
      `/station-faults/${ticketId}/assign-ops-team`,
      { opsTeamId: crew.opsTeamId },
      { actor: rightfulActor(actionOf('AssignOpsTask'), crew) },
    );
    const classified = await system.client.send(
      `/station-faults/${ticketId}/classify`,
      {
        isChargingPileIssue: true,
        supplierId: crew.supplierId,
        chargingPileId: crew.chargingPileId,
      },
      { actor: rightfulActor(actionOf('ClassifyFault'), crew) },
    );

    expect(classified.status).toBe(200);
  });
});
