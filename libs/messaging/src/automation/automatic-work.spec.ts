import type { HandoffJob } from '../queues/jobs';
import { automaticWorkFor, type AutomaticWork } from './automatic-work';

const routing: AutomaticWork = {
  roles: ['dispatch-manager'],
  next: async () => null,
};

function handoff(processId: string, toRole: string): HandoffJob {
  return {
    kind: 'handoff',
    processId,
    ticketId: 't-1',
    streamName: `${processId}-t-1`,
    eventId: 'e-1',
    eventType: 'FaultTaskCreated',
    revision: 1,
    fromRole: 'cs-agent',
    toRole: toRole as HandoffJob['toRole'],
    status: 'AWAITING_DISPATCH',
    correlationId: 'c-1',
  };
}

describe('the automatic work a hand-off may lead to', () => {
  const automation = new Map([['station-fault', routing]]);

  it('is the process’s work when the receiving role does some', () => {
    expect(
      automaticWorkFor(
        automation,
        handoff('station-fault', 'dispatch-manager'),
      ),
    ).toBe(routing);
  });

  it('is none for a role of the process that only people act for', () => {
    expect(
      automaticWorkFor(automation, handoff('station-fault', 'inspector')),
    ).toBeUndefined();
  });

  it('is none for a process without automation', () => {
    expect(
      automaticWorkFor(automation, handoff('fee-waiver', 'dispatch-manager')),
    ).toBeUndefined();
  });
});
