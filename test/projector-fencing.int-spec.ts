import { loadCheckpoint } from '@opsdesk/read-models';
import { liveProjections } from '@opsdesk/runtime';
import { eventually } from './support/eventually';
import { logBarrier } from './support/log-barrier';
import {
  allCaughtUp,
  appendSlowly,
  holdsAll,
  logLines,
  projectorBed,
  projectorLeaseNames,
  rebuildAndCompare,
  scenarioCopies,
  type ProjectorBed,
} from './support/projector-leases';

// Pauses longer than the lease, a takeover and a rebuild, twice.
jest.setTimeout(120_000);

/** The former leader's pause: long enough to be overtaken and passed. */
const STALL_MS = 12_000;
const REFUSED = 'write refused: the lease has passed to another holder';
const LEASE_LOST = 'lease lost; standing by';
/** Logged at debug level by a runner for every transaction it commits. */
const COMMITTED = 'projection applied events';
const RESUMED = 'projection resuming from checkpoint';

/**
 * The active projector freezes, its lease lapses, and the standby takes
 * over and commits the events the former leader had in hand and more.
 * Then the former leader wakes up and carries on where it stopped.
 */
describe('a paused projector resumed after a standby took over', () => {
  let bed: ProjectorBed;

  afterEach(() => bed.close());

  /** The former leader (at debug level) and the standby, both started. */
  async function activeAndStandby(label: string, env = {}) {
    bed = await projectorBed(label);
    const projections = liveProjections(bed.resources);
    const leases = projectorLeaseNames(projections);
    const former = bed.startProjector({ ...env, LOG_LEVEL: 'debug' });
    await eventually(async () => {
      expect(await holdsAll(bed.resources.pool, former.pid, leases)).toBe(true);
    }, 30_000);
    const standby = bed.startProjector();
    await eventually(async () => {
      const waiting = 'lease held by another instance; standing by';
      expect(logLines(standby.output(), waiting)).toBe(leases.length);
    }, 30_000);
    return { projections, leases, former, standby };
  }

  /**
   * Until the standby holds every lease and has committed the log. The
   * barrier makes what was appended before this wait readable to the
   * checks; without it they may compare with a log read a commit short.
   * A former leader stopped by SIGSTOP may hold a transaction open, which
   * holds back the barrier, every reader's gate and the standby alike
   * until it runs again: that wait goes without, and is caught up as far
   * as the log can be read (the end state is checked after it wakes).
   */
  async function standbyCaughtUp(
    standbyPid: number | undefined,
    setup: Awaited<ReturnType<typeof activeAndStandby>>,
    { barrier = true } = {},
  ) {
    const { pool } = bed.resources;
    const passed = barrier ? await logBarrier(pool) : async () => true;
    await eventually(async () => {
      expect(await passed()).toBe(true);
      expect(await holdsAll(pool, standbyPid, setup.leases)).toBe(true);
      expect(await allCaughtUp(bed.resources, setup.projections)).toBe(true);
    }, 30_000);
  }

  /** Ends equal to a rebuild, each event committed once. */
  async function expectEqualToRebuild() {
    const compared = await rebuildAndCompare(
      bed.resources,
      '_rebuilt',
      (read) => eventually(read, 30_000),
    );
    for (const side of compared) {
      expect({ name: side.name, rows: side.live }).toEqual({
        name: side.name,
        rows: side.rebuilt,
      });
      expect({ name: side.name, applied: side.liveApplied }).toEqual({
        name: side.name,
        applied: side.inLog,
      });
    }
  }

  describe('frozen with events in hand, right before its transaction', () => {
    it('has its commit refused, writes nothing, and stands by', async () => {
      // The event loop is blocked, as in a long GC pause, at the first
      // commit any projection of the former leader makes.
      const setup = await activeAndStandby('fencing', {
        OPSDESK_FAULT_POINT: 'projector:before-commit',
        OPSDESK_FAULT_ACTION: `stall:${STALL_MS}`,
      });
      const { former, standby, leases, projections } = setup;
      const stationFaultLease = `projection:${projections[0].name}`;

      await appendSlowly(bed.resources.store, scenarioCopies(2, 'fence-1'));
      await standbyCaughtUp(standby.pid, setup);
      // All this happened while the former leader was frozen.
      expect(logLines(former.output(), REFUSED)).toBe(0);
      expect(former.exitCode).toBeNull();

      await eventually(async () => {
        expect(logLines(former.output(), LEASE_LOST)).toBe(leases.length);
        expect(leasesIn(former.output(), REFUSED)).toContain(stationFaultLease);
      }, STALL_MS + 20_000);

      // Still the standby's: later events are its alone to commit.
      await appendSlowly(bed.resources.store, scenarioCopies(1, 'fence-2'));
      await standbyCaughtUp(standby.pid, setup);
      expect(former.exitCode).toBeNull();
      // It froze at its first commit and was refused on waking.
      expect(logLines(former.output(), COMMITTED)).toBe(0);
      expect(logLines(standby.output(), LEASE_LOST)).toBe(0);
      await expectEqualToRebuild();
    });
  });

  describe('stopped with SIGSTOP mid-stream and continued', () => {
    it('commits nothing after it wakes and stands by', async () => {
      const setup = await activeAndStandby('sigstop');
      const { former, standby, leases, projections } = setup;
      const { pool, store } = bed.resources;

      const appending = appendSlowly(store, scenarioCopies(4, 'stop-1'));
      await eventually(async () => {
        const checkpoint = await loadCheckpoint(pool, projections[0].name);
        expect(checkpoint.eventsApplied).toBeGreaterThan(0);
      });
      former.kill('SIGSTOP');
      await appending;
      await standbyCaughtUp(standby.pid, setup, { barrier: false });

      former.kill('SIGCONT');
      await eventually(async () => {
        expect(logLines(former.output(), LEASE_LOST)).toBe(leases.length);
      }, 30_000);
      await appendSlowly(store, scenarioCopies(1, 'stop-2'));
      await standbyCaughtUp(standby.pid, setup);
      expect(former.exitCode).toBeNull();

      // A commit the server took before the takeover may be logged only
      // after the wake-up; any later one would leave the former leader's
      // last position past the one the standby resumed from.
      const formerLast = positions(former.output(), COMMITTED, 'last');
      const resumedAt = positions(standby.output(), RESUMED, 'first');
      expect(formerLast.size).toBeGreaterThan(0);
      for (const [projection, position] of formerLast) {
        expect({ projection, position }).toEqual({
          projection,
          position: resumedAt.get(projection),
        });
      }
      await expectEqualToRebuild();
    });
  });
});

/** The leases named in the child's log lines that carry `msg`. */
function leasesIn(output: string, msg: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.includes(`"msg":"${msg}"`))
    .map((line) => (JSON.parse(line) as { lease: string }).lease);
}

/** Per projection, the position of its first or last line with `msg`. */
function positions(
  output: string,
  msg: string,
  which: 'first' | 'last',
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const line of output.split('\n')) {
    if (!line.includes(`"msg":"${msg}"`)) continue;
    const { projection, position } = JSON.parse(line) as {
      projection: string;
      position: string | null;
    };
    if (which === 'last' || !out.has(projection)) out.set(projection, position);
  }
  return out;
}
