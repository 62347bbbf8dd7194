import {
  stationFaultProcess,
  type StationFaultEvent,
  type StationFaultState,
} from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import { CheckpointStore } from '@opsdesk/messaging';
import { createLogger } from '@opsdesk/platform';
import { loadCheckpoint } from '@opsdesk/read-models';
import {
  generateWorkload,
  HEADQUARTERS,
  type GeneratedWorkload,
} from '../../apps/api/src/workload/workload';
import type { WorkloadArgs } from '../../apps/api/src/workload/workload-args';
import { eventually } from './eventually';
import { logBarrier } from './log-barrier';
import type { TestSystem } from './system';

/** States a worker leaves by itself (routing, assignment, gap G-d). */
const AUTOMATIC = [
  'AWAITING_DISPATCH',
  'AT_REGIONAL_PLATFORM',
  'RESOLVED_BY_INSPECTION',
];

/**
 * The last 15:00 in Shanghai at or before `now`: a window ending then
 * still holds that day's later calls open, whatever the hour the test
 * runs, and stays inside a dashboard's default range of recent days.
 */
export function lastShanghaiAfternoon(now = new Date()): Date {
  const today = new Date(now);
  today.setUTCHours(7, 0, 0, 0); // 15:00 at UTC+8, which has no DST
  if (today.getTime() > now.getTime()) {
    today.setUTCDate(today.getUTCDate() - 1);
  }
  return today;
}

/**
 * Drives a generated window of faults through the test system, over the
 * whole registry (headquarters reads; each subsidiary works its tickets).
 */
export async function runWorkload(
  system: TestSystem,
  args: Omit<WorkloadArgs, 'concurrency'> & { concurrency?: number },
): Promise<GeneratedWorkload> {
  const generated = await generateWorkload(
    system.client.as(HEADQUARTERS),
    { concurrency: 8, ...args },
    createLogger('workload-test', process.env.LOG_LEVEL ?? 'silent'),
  );
  expect(generated.result.failed).toEqual([]);
  return generated;
}

export interface SettledLog {
  events: RecordedEvent[];
  /** Each ticket's events in revision order, by ticket id. */
  tickets: Map<string, RecordedEvent[]>;
}

/**
 * The station-fault log once nothing moves by itself any more and the
 * reporting projection has applied all of it.
 */
export async function settledLog(system: TestSystem): Promise<SettledLog> {
  const { store } = system.resources;
  // Everything asked for before this call was answered, so committed: the
  // reads below must see all of it before they may call the log settled.
  const passed = await logBarrier(system.schema.pool);
  return eventually(async () => {
    expect(await passed()).toBe(true);
    // Call-backs too: see the process linker below.
    const linked = await store.readAll({
      filter: { streamPrefixes: ['station-fault-', 'phone-callback-'] },
    });
    const events = linked.filter((e) =>
      e.streamName.startsWith('station-fault-'),
    );
    const tickets = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const id = event.streamName.slice('station-fault-'.length);
      tickets.set(id, [...(tickets.get(id) ?? []), event]);
    }
    const waiting = [...tickets.values()]
      .map((stream) => fold(stream).status)
      .filter((status) => AUTOMATIC.includes(status));
    expect(waiting).toEqual([]);
    // A call-back that has ended closes its station fault through the
    // process linker, which follows the log behind the workers: settled
    // only once it has followed both processes' events to the end.
    const linker = await new CheckpointStore(
      system.schema.pool,
      'follower_checkpoints',
    ).load('process-linker');
    expect(linker).toBe(linked[linked.length - 1].position);
    const checkpoint = await loadCheckpoint(system.schema.pool, 'reporting');
    expect(checkpoint.position).toBe(events[events.length - 1].position);
    return { events, tickets };
  }, 60_000);
}

export function fold(stream: readonly RecordedEvent[]): StationFaultState {
  return stream.reduce(
    (state, event) =>
      stationFaultProcess.evolve(state, event as unknown as StationFaultEvent),
    stationFaultProcess.initialState,
  );
}
