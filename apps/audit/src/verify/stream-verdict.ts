import { verifyChain, type RecordedEvent } from '@opsdesk/event-store';
import { ProcessWalker } from '../machine/process-walker';
import { processOf, transitionsOf } from '../log/process-registry';

/** The first rule a stream breaks, with where and why. */
export interface BrokenStreamRule {
  streamName: string;
  revision: number;
  rule: string;
  detail: string;
}

/**
 * Checks one whole stream (from revision 0) as stored: its hash chain and
 * revisions with the store's own `verifyChain`, then every event, upcast
 * to its current version, against its process's transition table.
 * Undefined when every rule holds.
 */
export function verifyStream(
  streamName: string,
  events: readonly RecordedEvent[],
  upcast: (event: RecordedEvent) => RecordedEvent = (event) => event,
): BrokenStreamRule | undefined {
  const chain = verifyChain(events);
  if (!chain.ok) {
    return {
      streamName,
      revision: chain.revision,
      rule: chain.rule,
      detail: `event ${chain.eventId}`,
    };
  }

  const process = processOf(streamName);
  if (!process) {
    return {
      streamName,
      revision: 0,
      rule: 'unknown-process',
      detail: 'the stream name starts with no registered process id',
    };
  }
  const rules = transitionsOf(process);
  if (!rules) {
    return {
      streamName,
      revision: 0,
      rule: 'no-state-machine',
      detail: `${process.processId} has no table in PROCESS_TRANSITIONS`,
    };
  }

  const walker = new ProcessWalker(process, rules);
  for (const event of events) {
    const [finding] = walker.step(upcast(event)).findings;
    if (finding) {
      return { streamName, revision: event.revision, ...finding };
    }
  }
  const unfinished = walker.finish();
  if (unfinished) {
    const last = events[events.length - 1];
    return { streamName, revision: last.revision, ...unfinished };
  }
  return undefined;
}
