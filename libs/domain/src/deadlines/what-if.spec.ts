import { DEFAULT_DEADLINE_POLICY } from './default-deadline-policy';
import { nationalDay2025, sh } from './deadline.fixtures';
import type {
  DeadlinePolicyDraft,
  DeadlinePolicyVersion,
  DeadlineRule,
} from './deadline-policy.types';
import { DEADLINE_PROCESSES } from '../deadline-steps';
import { generateMonth } from './testing/generated-month';
import { whatIf, type WhatIfTicketReport } from './what-if';

const v1: DeadlinePolicyVersion = {
  ...DEFAULT_DEADLINE_POLICY,
  policy: 'default',
  version: 1,
  effectiveFrom: sh('2025-09-01 00:00'),
  publishedAt: sh('2025-09-01 00:00'),
};

function stricter(rule: DeadlineRule): DeadlineRule {
  if (rule.clock === 'end-of-working-day') return rule;
  const deadlineMinutes = Math.max(2, Math.round(rule.deadlineMinutes / 3));
  return {
    ...rule,
    deadlineMinutes,
    warnAfterMinutes: [Math.floor(deadlineMinutes / 2)],
  };
}

/** A proposal: every counted deadline cut to a third. */
const v2: DeadlinePolicyDraft = {
  ...DEFAULT_DEADLINE_POLICY,
  rules: DEFAULT_DEADLINE_POLICY.rules.map(stricter),
};

// Mid-September to mid-October 2025: the National Day week off and both
// make-up working days fall inside the month.
const month = generateMonth({
  seed: 20250915,
  firstDay: '2025-09-15',
  days: 30,
  perDay: 12,
  policy: v1,
  calendar: nationalDay2025,
});

const key = (r: {
  step: string;
  startRevision: number;
  level: string;
  dueAt: string;
}) => `${r.step}@${r.startRevision}/${r.level}@${r.dueAt}`;

function byTicket(reports: WhatIfTicketReport[]) {
  return new Map(reports.map((r) => [r.ticketId, r]));
}

describe('the generated month', () => {
  it('has station faults and call-backs, some still open at its end', () => {
    const processes = new Set(month.tickets.map((t) => t.processId));
    expect([...processes].sort()).toEqual(['phone-callback', 'station-fault']);
    expect(month.tickets.length).toBeGreaterThan(300);
    const open = month.tickets.filter(
      (t) =>
        t.processId === 'station-fault' &&
        !t.events.some((e) => e.type === 'station-fault.ticket-closed'),
    );
    expect(open.length).toBeGreaterThan(0);
  });
});

describe('a what-if under the version the timers ran with', () => {
  const report = whatIf(
    month.tickets,
    v1,
    DEADLINE_PROCESSES,
    nationalDay2025,
    month.until,
  );

  it('reproduces exactly the warnings and breaches the log records', () => {
    expect(report.byTicket.length).toBeGreaterThan(0);
    for (const ticket of report.byTicket) {
      expect({
        ticket: ticket.ticketId,
        levels: ticket.proposed.map(key),
      }).toEqual({
        ticket: ticket.ticketId,
        levels: ticket.recorded.map(key),
      });
    }
    expect(report.proposed).toEqual(report.recorded);
  });
});

describe('a what-if under a stricter proposal', () => {
  const before = JSON.stringify(month.tickets);
  const loose = whatIf(
    month.tickets,
    v1,
    DEADLINE_PROCESSES,
    nationalDay2025,
    month.until,
  );
  const strict = whatIf(
    month.tickets,
    v2,
    DEADLINE_PROCESSES,
    nationalDay2025,
    month.until,
  );

  it('breaches more tickets than were breached', () => {
    expect(strict.proposed.ticketsBreached).toBeGreaterThan(
      strict.recorded.ticketsBreached,
    );
    expect(strict.proposed.breaches).toBeGreaterThan(loose.proposed.breaches);
  });

  it('breaches every step the recorded version breached, no later than it did', () => {
    const proposed = byTicket(strict.byTicket);
    for (const ticket of loose.byTicket) {
      for (const breach of ticket.recorded.filter(
        (r) => r.level === 'breach',
      )) {
        const same = proposed
          .get(ticket.ticketId)
          ?.proposed.find(
            (p) =>
              p.level === 'breach' &&
              p.step === breach.step &&
              p.startRevision === breach.startRevision,
          );
        expect(same).toBeDefined();
        expect(Date.parse(same!.dueAt)).toBeLessThanOrEqual(
          Date.parse(breach.dueAt),
        );
      }
    }
  });

  it('keeps what actually happened beside it, untouched', () => {
    expect(strict.recorded).toEqual(loose.recorded);
    expect(JSON.stringify(month.tickets)).toBe(before);
  });
});
