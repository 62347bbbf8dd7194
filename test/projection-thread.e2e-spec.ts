import { LogConsumersHost } from '@opsdesk/runtime';
import {
  pickStation,
  reportAndCreateTask,
} from '../apps/api/src/demo/scenarios/scenario-context';
import { startTestSystem, type TestSystem } from './support/system';

/**
 * The whole system as `npm start` runs it: the read models' runners on a
 * worker thread of their own, the process manager and the timers beside
 * the role workers in the main thread.
 */
describe('projections on a thread of their own', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({}, { projections: 'thread' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('shows a ticket the main thread hands on, with no projection in the main thread', async () => {
    const station = await pickStation(system.client, false);

    const ticket = await reportAndCreateTask(system.client, {
      reporter: { type: 'user', phone: '13900001111' },
      stationId: station.id,
      faultDescription: '充电桩无法启动',
      suspectedChargingPile: true,
    });

    // Routing and assignment are the process manager's, in this thread;
    // the view that shows them was written by the projection thread.
    expect(ticket.status).toBe('INSPECTION_ASSIGNED');
    expect(system.app.get(LogConsumersHost).statuses()).toEqual([]);
    const { rows } = await system.schema.pool.query<{ name: string }>(
      `SELECT name FROM projection_checkpoints
        WHERE name = 'ticket-view' AND position IS NOT NULL`,
    );
    expect(rows).toHaveLength(1);
  });

  it('stops the thread, leases released, before the process closes its own resources', async () => {
    await system.close();

    const { rows } = await system.schema.pool.query<{
      name: string;
      released: boolean;
    }>(
      `SELECT name, expires_at <= now() AS released FROM consumer_leases
        WHERE name LIKE 'projection:%' ORDER BY name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => !row.released)).toEqual([]);
  });
});
