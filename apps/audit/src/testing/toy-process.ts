import type { Custody, DomainEvent, StateMachineRule } from '@opsdesk/domain';
import type { AuditedProcess } from '../log/process-registry';

interface ToyState {
  status: string;
  assignee?: string;
}

/**
 * A three-step process for testing the generic machinery: opened, then
 * worked on by an assignee (who may hand it to another, or send it back),
 * then done. `toy.bent` folds to a state its table does not promise.
 */
export const toyProcess: AuditedProcess = {
  processId: 'toy',
  title: { zh: '玩具流程', en: 'Toy process' },
  initialState: { status: 'NEW' },
  commandTypes: [],
  eventTypes: [
    'toy.opened',
    'toy.noted',
    'toy.assigned',
    'toy.reassigned',
    'toy.sent-back',
    'toy.done',
    'toy.bent',
  ],
  stateLabels: {
    NEW: { zh: '新', en: 'New' },
    OPEN: { zh: '已开', en: 'Open' },
    WORKING: { zh: '处理中', en: 'Working' },
    DONE: { zh: '完成', en: 'Done' },
  },
  eventLabels: {
    'toy.opened': { zh: '打开', en: 'Opened' },
    'toy.noted': { zh: '记录', en: 'Noted' },
    'toy.assigned': { zh: '指派', en: 'Assigned' },
    'toy.reassigned': { zh: '改派', en: 'Reassigned' },
    'toy.sent-back': { zh: '退回', en: 'Sent back' },
    'toy.done': { zh: '完成', en: 'Done' },
    'toy.bent': { zh: '弯', en: 'Bent' },
  },
  evolve(state: { status: string }, event: DomainEvent) {
    const data = event.data as { assignee?: string };
    switch (event.type) {
      case 'toy.opened':
        return { status: state.status };
      case 'toy.noted':
        return { status: 'OPEN' };
      case 'toy.assigned':
      case 'toy.reassigned':
        return { status: 'WORKING', assignee: data.assignee } as ToyState;
      case 'toy.sent-back':
        return { status: 'OPEN' };
      case 'toy.done':
        return { status: 'DONE' };
      case 'toy.bent':
        return { status: 'OPEN' };
      default:
        throw new Error(`unknown toy event ${event.type}`);
    }
  },
  decide: () => [],
  custody(state: { status: string }): Custody {
    const { status, assignee } = state as ToyState;
    if (status === 'WORKING') {
      return assignee
        ? { role: 'station-ops-team', assigneeId: assignee }
        : { role: 'station-ops-team' };
    }
    return status === 'DONE' ? { role: null } : { role: 'cs-phone-agent' };
  },
  isTerminal: (state: { status: string }) => state.status === 'DONE',
};

export const TOY_RULES: readonly StateMachineRule[] = [
  {
    from: 'NEW',
    outcomes: [{ events: ['toy.opened', 'toy.noted'], to: 'OPEN' }],
  },
  { from: 'OPEN', outcomes: [{ events: ['toy.assigned'], to: 'WORKING' }] },
  {
    from: 'WORKING',
    outcomes: [
      { events: ['toy.reassigned'], to: 'WORKING' },
      { events: ['toy.sent-back'], to: 'OPEN' },
      { events: ['toy.done'], to: 'DONE' },
      { events: ['toy.bent'], to: 'DONE' },
    ],
  },
];

/** A toy event with data. */
export function toy(
  type: string,
  data: Record<string, unknown> = {},
): DomainEvent {
  return { type: `toy.${type}`, schemaVersion: 1, data };
}
