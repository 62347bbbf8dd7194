import {
  nextEventTypesFrom,
  type StationFaultEventType,
  type StationFaultStatus,
} from '@opsdesk/domain';
import type { RecordedEvent } from '@opsdesk/event-store';
import {
  interleavedAppends,
  recordByHand,
  stationFaultScenario,
  TICKET_IDS,
} from '../../../../libs/read-models/src/testing/station-fault-scenario.fixture';
import { processOf, transitionsOf } from '../log/process-registry';
import { TOY_RULES, toy, toyProcess } from '../testing/toy-process';
import { ProcessWalker } from './process-walker';

const log = recordByHand(interleavedAppends(stationFaultScenario()));
const streamOf = (ticketId: string) =>
  log.filter((e) => e.streamName === `station-fault-${ticketId}`);
const stationFault = processOf(`station-fault-${TICKET_IDS.inspecting}`)!;
const rules = transitionsOf(stationFault)!;

function walk(events: readonly RecordedEvent[]) {
  const walker = new ProcessWalker(stationFault, rules);
  const steps = events.map((event) => walker.step(event));
  return { walker, steps };
}

describe('walking station-fault streams written by the workers', () => {
  it.each(Object.entries(TICKET_IDS))(
    'finds nothing wrong with the %s ticket',
    (_, ticketId) => {
      const { walker, steps } = walk(streamOf(ticketId));
      expect(steps.flatMap((s) => s.findings)).toEqual([]);
      expect(steps.flatMap((s) => s.skipped)).toEqual([]);
      expect(walker.finish()).toBeUndefined();
    },
  );

  it("expects at every step what the domain's nextEventTypesFrom expects", () => {
    const events = streamOf(TICKET_IDS.supplierRepaired);
    const walker = new ProcessWalker(stationFault, rules);
    let previous: StationFaultEventType | undefined;
    for (const event of events) {
      const status = walker.state.status as StationFaultStatus;
      expect(walker.expected().sort()).toEqual(
        nextEventTypesFrom(status, previous).sort(),
      );
      walker.step(event);
      previous = event.type as StationFaultEventType;
    }
  });
});

describe('a station-fault stream that skips the dispatch to the region', () => {
  const events = streamOf(TICKET_IDS.clearedByInspector).filter(
    (e) => e.type !== 'station-fault.dispatched-to-region',
  );

  it('breaks event-not-allowed at the inspection and names the skipped step', () => {
    const { steps } = walk(events);
    const at = events.findIndex(
      (e) => e.type === 'station-fault.inspection-assigned',
    );
    expect(steps[at].findings.map((f) => f.rule)).toEqual([
      'event-not-allowed',
    ]);
    expect(steps[at].skipped).toEqual(['station-fault.dispatched-to-region']);
    expect(steps[at].outOfOrder).toBeUndefined();
    expect(steps.slice(at + 1).flatMap((s) => s.findings)).toEqual([]);
  });
});

describe('a station-fault stream with an event after it was closed', () => {
  it('marks that event out of order: it fits no state ahead', () => {
    const closed = streamOf(TICKET_IDS.supplierRepaired);
    const extra = { ...closed[2], revision: closed.length };
    const { steps } = walk([...closed, extra]);
    const last = steps[steps.length - 1];
    expect(last.findings.map((f) => f.rule)).toEqual(['event-not-allowed']);
    expect(last.outOfOrder).toBe(true);
  });
});

describe('a station-fault stream that ends inside a command', () => {
  it('reports the events of that command still missing', () => {
    const [callReceived] = streamOf(TICKET_IDS.inspecting);
    const { walker } = walk([callReceived]);
    expect(walker.finish()).toMatchObject({
      rule: 'incomplete-command',
      missing: ['station-fault.fault-recorded'],
    });
  });
});

describe('walking the toy process', () => {
  const walker = () => new ProcessWalker(toyProcess, TOY_RULES);

  it('sees a loop when the ticket is sent back to a state it left', () => {
    const w = walker();
    const steps = [
      toy('opened'),
      toy('noted'),
      toy('assigned', { assignee: 'a' }),
      toy('sent-back'),
      toy('assigned', { assignee: 'a' }),
    ].map((e) => w.step(e));
    expect(steps.map((s) => s.reentered)).toEqual([
      undefined,
      undefined,
      undefined,
      'OPEN',
      'WORKING',
    ]);
    expect(steps.flatMap((s) => s.findings)).toEqual([]);
  });

  it('sees a reassignment when the same role keeps it under another assignee', () => {
    const w = walker();
    const steps = [
      toy('opened'),
      toy('noted'),
      toy('assigned', { assignee: 'a' }),
      toy('reassigned', { assignee: 'b' }),
    ].map((e) => w.step(e));
    expect(steps[3].reassigned).toEqual({
      role: 'station-ops-team',
      from: 'a',
      to: 'b',
    });
    expect(steps[3].reentered).toBeUndefined();
  });

  it('breaks fold-mismatch when the fold lands where the table does not say', () => {
    const w = walker();
    const steps = [
      toy('opened'),
      toy('noted'),
      toy('assigned', { assignee: 'a' }),
      toy('bent'),
    ].map((e) => w.step(e));
    expect(steps[3].findings).toEqual([
      expect.objectContaining({ rule: 'fold-mismatch' }),
    ]);
  });

  it('breaks unknown-event-type and fold-failed for a type the process lacks', () => {
    const w = walker();
    w.step(toy('opened'));
    w.step(toy('noted'));
    const step = w.step(toy('weird'));
    expect(step.findings.map((f) => f.rule)).toEqual([
      'unknown-event-type',
      'event-not-allowed',
      'fold-failed',
    ]);
    expect(w.state.status).toBe('OPEN');
  });

  it('reports incomplete-command when a command stops half-way', () => {
    const w = walker();
    w.step(toy('opened'));
    const step = w.step(toy('assigned', { assignee: 'a' }));
    expect(step.findings[0]).toMatchObject({
      rule: 'incomplete-command',
      missing: ['toy.noted'],
    });
  });

  it('only folds, with no finding, when given no rules', () => {
    const w = new ProcessWalker(toyProcess, null);
    const step = w.step(toy('done'));
    expect(step.findings).toEqual([]);
    expect(w.state.status).toBe('DONE');
  });
});
