import { loadCheckpoint } from '@opsdesk/read-models';
import { liveProjections, type OpsdeskResources } from '@opsdesk/runtime';
import { exited } from './support/child-process';
import { eventually } from './support/eventually';
import { logBarrier } from './support/log-barrier';
import {
  allCaughtUp,
  appendSlowly,
  holdsAll,
  leaseRows,
  logLines,
  projectorBed,
  projectorLeaseNames,
  rebuildAndCompare,
  scenarioCopies,
  type ProjectorBed,
} from './support/projector-leases';

// Two projector processes, a lease lifetime to wait out and a rebuild.
jest.setTimeout(120_000);

/**
 * Two projector processes over one log: the first holds every lease, the
 * second stands by. The active one is SIGKILLed while events are being
 * appended; the standby takes every consumer over from its checkpoint.
 */
describe('two projectors, the active one SIGKILLed mid-stream', () => {
  let bed: ProjectorBed;
  let resources: OpsdeskResources;

  beforeAll(async () => {
    bed = await projectorBed('failover');
    resources = bed.resources;
  });

  afterAll(() => bed.close());

  it('hands every consumer to the standby, which ends equal to a rebuild with no event applied twice', async () => {
    const projections = liveProjections(resources);
    const leases = projectorLeaseNames(projections);
    const [stationFault] = projections;

    const active = bed.startProjector();
    await eventually(async () => {
      expect(await holdsAll(resources.pool, active.pid, leases)).toBe(true);
    }, 30_000);
    const standby = bed.startProjector();
    await eventually(async () => {
      const waiting = 'lease held by another instance; standing by';
      expect(logLines(standby.output(), waiting)).toBe(leases.length);
    }, 30_000);

    const appends = scenarioCopies(6, 'failover');
    let appendedAll = false;
    const appending = appendSlowly(resources.store, appends).then(() => {
      appendedAll = true;
    });
    // Mid-stream: the active one has committed some events, not all.
    await eventually(async () => {
      const checkpoint = await loadCheckpoint(
        resources.pool,
        stationFault.name,
      );
      expect(checkpoint.eventsApplied).toBeGreaterThan(0);
    });
    expect(appendedAll).toBe(false);
    active.kill('SIGKILL');
    await exited(active);
    const appliedAtKill = (
      await loadCheckpoint(resources.pool, stationFault.name)
    ).eventsApplied;
    await appending;

    // Every append has answered: the checks must be able to read them all.
    const passed = await logBarrier(resources.pool);
    await eventually(async () => {
      expect(await passed()).toBe(true);
      expect(await holdsAll(resources.pool, standby.pid, leases)).toBe(true);
      expect(await allCaughtUp(resources, projections)).toBe(true);
    }, 30_000);
    const total = appends.reduce((n, a) => n + a.events.length, 0);
    expect(appliedAtKill).toBeLessThan(total);

    const compared = await rebuildAndCompare(resources, '_rebuilt', (read) =>
      eventually(read, 30_000),
    );
    for (const side of compared) {
      expect({ name: side.name, rows: side.live }).toEqual({
        name: side.name,
        rows: side.rebuilt,
      });
      // Each commit counts its events once: more than the log holds
      // would mean an event was applied twice.
      expect({ name: side.name, applied: side.liveApplied }).toEqual({
        name: side.name,
        applied: side.inLog,
      });
      expect(side.rebuiltApplied).toBe(side.inLog);
    }
    // The deadline timers may have added events of their own.
    expect(compared[0].inLog).toBeGreaterThanOrEqual(total);
    // Taken once by each process: the standby took over, nobody flapped.
    const rows = await leaseRows(resources.pool);
    const byName = (a: { name: string }, b: { name: string }) =>
      a.name < b.name ? -1 : 1;
    expect(rows.filter((r) => leases.includes(r.name)).sort(byName)).toEqual(
      leases
        .map((name) => ({ name }))
        .sort(byName)
        .map(({ name }) => ({
          name,
          holder: expect.stringContaining(`:${standby.pid}:`) as string,
          fencing_token: '2',
        })),
    );
    expect(logLines(standby.output(), 'lease taken; consumer active')).toBe(
      leases.length,
    );
  });
});
