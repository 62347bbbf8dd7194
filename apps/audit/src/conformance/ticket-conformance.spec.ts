import type { DomainEvent } from '@opsdesk/domain';
import {
  stationFaultScenario,
  TICKET_IDS,
} from '../../../../libs/read-models/src/testing/station-fault-scenario.fixture';
import { processOf } from '../log/process-registry';
import { TOY_RULES, toy, toyProcess } from '../testing/toy-process';
import { scenarioStore } from '../testing/scenario-store';
import { conformanceReport } from './conformance-report';
import { TicketConformance } from './ticket-conformance';

function follow(...events: ReturnType<typeof toy>[]) {
  const ticket = new TicketConformance(toyProcess, TOY_RULES);
  for (const event of events) ticket.step(event);
  ticket.finish();
  return ticket;
}

const intake = [toy('opened'), toy('noted')];

describe("a ticket on the manual's path", () => {
  it('has no deviation and has ended', () => {
    const ticket = follow(
      ...intake,
      toy('assigned', { assignee: 'a' }),
      toy('done'),
    );
    expect(ticket.deviations).toEqual([]);
    expect(ticket.ended).toBe(true);
  });
});

describe('a ticket that left the path', () => {
  it('counts a loop when it was sent back', () => {
    const ticket = follow(
      ...intake,
      toy('assigned', { assignee: 'a' }),
      toy('sent-back'),
      toy('assigned', { assignee: 'a' }),
      toy('done'),
    );
    expect(ticket.deviations).toEqual([
      { kind: 'loop', subject: 'OPEN' },
      { kind: 'loop', subject: 'WORKING' },
    ]);
  });

  it('counts a reassignment under the role that kept it', () => {
    const ticket = follow(
      ...intake,
      toy('assigned', { assignee: 'a' }),
      toy('reassigned', { assignee: 'b' }),
      toy('done'),
    );
    expect(ticket.deviations).toEqual([
      { kind: 'reassignment', subject: 'station-ops-team' },
    ]);
  });

  it('counts the step it skipped', () => {
    const ticket = follow(...intake, toy('done'));
    expect(ticket.deviations).toEqual([
      { kind: 'skipped-step', subject: 'toy.assigned' },
    ]);
  });

  it('counts an event that fits nowhere ahead as out of order, and where it led', () => {
    const ticket = follow(
      ...intake,
      toy('assigned', { assignee: 'a' }),
      toy('done'),
      toy('noted'),
    );
    expect(ticket.deviations).toEqual([
      { kind: 'out-of-order', subject: 'toy.noted' },
      { kind: 'loop', subject: 'OPEN' },
    ]);
  });

  it('counts the missing half of a command', () => {
    const ticket = follow(toy('opened'));
    expect(ticket.deviations).toEqual([
      { kind: 'incomplete-command', subject: 'toy.noted' },
    ]);
  });
});

describe('a station-fault ticket whose supplier did not fix it the first time', () => {
  it('counts the loop back to operations and to the supplier, and nothing else', () => {
    const [supplierTicket] = stationFaultScenario().filter(
      (t) => t.ticketId === TICKET_IDS.supplierRepaired,
    );
    const events: DomainEvent[] = supplierTicket.appends.flatMap(
      (a) => a.events,
    );
    const completed = events.findIndex(
      (e) => e.type === 'station-fault.supplier-handling-completed',
    );
    const retry: DomainEvent[] = [
      {
        ...events[completed],
        data: {
          outcome: 'not-fixed',
          result: '主板缺货',
          completedAt: '2026-12-04T05:00:00.000Z',
        },
      },
      ...events.slice(completed - 2, completed),
    ];
    const ticket = new TicketConformance(processOf(supplierTicket.streamName)!);
    for (const event of [
      ...events.slice(0, completed),
      ...retry,
      ...events.slice(completed),
    ]) {
      ticket.step(event);
    }
    ticket.finish();
    expect(ticket.deviations).toEqual([
      { kind: 'loop', subject: 'AT_OPS_TEAM' },
      { kind: 'loop', subject: 'SUPPLIER_HANDLING' },
    ]);
    expect(ticket.ended).toBe(true);
  });
});

describe('conformance over the read-model scenario log', () => {
  it('finds the closed ticket exact and the three open ones on the path so far', async () => {
    const { store } = await scenarioStore();
    const report = await conformanceReport(store, {});
    await store.close();
    expect(
      report.processes.find((p) => p.processId === 'station-fault'),
    ).toMatchObject({
      tickets: 4,
      followedExactly: 1,
      onPathSoFar: 3,
      withDeviations: 0,
      notChecked: 0,
    });
    expect(report.deviations).toEqual([]);
  });

  it('follows only the tickets reported inside the range', async () => {
    const { store } = await scenarioStore();
    const report = await conformanceReport(store, {
      toMs: Date.parse('2020-01-01'),
    });
    await store.close();
    expect(report.processes.every((p) => p.tickets === 0)).toBe(true);
  });
});
