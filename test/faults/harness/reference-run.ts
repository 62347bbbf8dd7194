import {
  DomainError,
  streamNameOf,
  type StationFaultState,
} from '@opsdesk/domain';
import { InMemoryEventStore } from '@opsdesk/event-store';
import {
  CommandExecutor,
  fold,
  handoffFor,
  handoffJobId,
  latestHandoff,
  stationFaultAutomation,
  type CommandEnvelope,
  type ProcessCatalog,
} from '@opsdesk/messaging';
import { createLogger } from '@opsdesk/platform';
import { onDutyInspectors, type Roster } from '@opsdesk/stations';
import { nextPersonStep, type TicketPlan } from './ticket-plans';

/** A ticket as the fault-free run leaves it. */
export interface ReferenceTicket {
  /** `eventId type revision` per event, in order. */
  events: string[];
  state: StationFaultState;
  /** The hand-off job ids the log implies, in order. */
  handoffJobIds: string[];
}

const PROCESS_ID = 'station-fault';

/**
 * The same input without any fault and without queues: the same deciders,
 * automation and steps, one ticket after another on an in-memory log. Ids
 * are deterministic (command ids from the plan, event ids from command ids,
 * automatic command ids from the causing event), so a correct faulty run
 * must end with exactly these events, ids included.
 */
export async function referenceRun(
  plans: readonly TicketPlan[],
  processes: ProcessCatalog,
  roster: Roster,
): Promise<Map<string, ReferenceTicket>> {
  const store = new InMemoryEventStore();
  const executor = new CommandExecutor(
    store,
    processes,
    createLogger('reference-run', 'silent'),
    new Map([
      [
        `${PROCESS_ID}/ReportStationFault`,
        async (command: CommandEnvelope) => ({
          ...command,
          payload: { ...command.payload, ticketNumber: 'SF-REFERENCE' },
        }),
      ],
    ]),
  );
  // Which inspector is picked depends on load in the real run; the
  // comparison leaves the inspector's id out.
  const automation = stationFaultAutomation({
    routingMode: 'automatic',
    assignmentMode: 'automatic',
    inspectors: {
      async pick(regionId) {
        const [first] = onDutyInspectors(roster, regionId);
        return first
          ? { inspectorId: first.id, ruleVersion: 'reference', inputs: {} }
          : null;
      },
    },
  });
  const process = processes.get(PROCESS_ID);
  if (!process) throw new Error('station-fault is not installed');

  const out = new Map<string, ReferenceTicket>();
  for (const plan of plans) {
    const streamName = streamNameOf(PROCESS_ID, plan.ticketId);
    const handoffJobIds: string[] = [];
    let seenUpTo = 0;
    let acted: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const history = await store.readStream(streamName).catch(() => []);
      // Every change of custody is announced; only the latest one's
      // automatic work runs, as in the workers.
      for (let i = seenUpTo; i < history.length; i++) {
        const before = fold(process, history.slice(0, i));
        const after = fold(process, history.slice(0, i + 1));
        const job = handoffFor(process, history[i], before, after);
        if (job) handoffJobIds.push(handoffJobId(job));
      }
      seenUpTo = history.length;
      const current = latestHandoff(process, history);
      if (current && current.eventId !== acted) {
        acted = current.eventId;
        const automatic = await automation.next(
          current,
          fold(process, history),
        );
        if (automatic) {
          try {
            await executor.execute(automatic);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          continue;
        }
      }

      const state = fold(process, history) as StationFaultState;
      const seen = new Map<string, number>();
      for (const e of history) seen.set(e.type, (seen.get(e.type) ?? 0) + 1);
      const step = nextPersonStep(
        plan,
        { state, revision: history.length - 1, seen },
        roster,
      );
      if (!step) {
        out.set(plan.ticketId, {
          events: history.map((e) => `${e.eventId} ${e.type} ${e.revision}`),
          state,
          handoffJobIds,
        });
        break;
      }
      await executor.execute({
        commandId: step.commandId,
        processId: PROCESS_ID,
        ticketId: plan.ticketId,
        type: step.type,
        payload: step.payload,
        actor: step.actor,
        correlationId: plan.ticketId,
        causationId: step.commandId,
        issuedAt: new Date().toISOString(),
      });
    }
    if (!out.has(plan.ticketId)) {
      throw new Error(`reference run: ticket ${plan.index} never settled`);
    }
  }
  return out;
}
