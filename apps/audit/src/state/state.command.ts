import { SHANGHAI } from '@opsdesk/platform';
import { expectPositionals, hasSwitch, optionValue } from '../cli/arguments';
import type { AuditCommand } from '../cli/audit-command';
import { locateTicket } from '../log/ticket-locator';
import { formatShanghai, parseInstant } from '../time/shanghai-time';
import { padCells } from '../text/display-width';
import { ticketAt, type TicketAt } from './state-at';

export const stateCommand: AuditCommand = {
  name: 'state',
  summary: 'a ticket as it stood at an instant, folded from the log alone',
  usage: 'state <ticket> [--at <time>] [--json]',
  help: [
    'Folds the events recorded at or before <time> and shows the ticket as the',
    'system knew it then: its state, the role holding it, the assignee and the',
    'deadlines the log had recorded by then (the timers of issue #6; none are',
    'shown for a log without them).',
    '',
    '<ticket> is a ticket id, a stream name or a ticket number.',
    '',
    'Options:',
    '  --at <time>   "2026-12-04 10:05:09" (Asia/Shanghai wall clock), a date',
    '                (its first instant in Shanghai), or an ISO instant with a',
    '                zone such as 2026-12-04T02:05:09Z; default: now',
    '  --json        one JSON object, with the whole folded state',
  ].join('\n'),
  options: { at: 'value', json: 'switch', help: 'switch' },

  async run(args, context) {
    const [ticket] = expectPositionals(args, ['ticket'], 'state');
    const atText = optionValue(args, 'at');
    const at =
      atText === undefined
        ? new Date().toISOString()
        : parseInstant(atText, '--at');
    const resources = await context.resources();
    const located = await locateTicket(resources.store, ticket);
    const result = await ticketAt(resources, located, at);
    context.io.stdout.write(
      hasSwitch(args, 'json')
        ? JSON.stringify({ timeZone: SHANGHAI, ...result }) + '\n'
        : stateText(result),
    );
    return 0;
  },
};

function stateText(t: TicketAt): string {
  const lines = [
    `${t.streamName} at ${t.atShanghai} (${SHANGHAI})`,
    row(
      '依据 basis',
      t.lastEvent
        ? `${t.eventsApplied} events up to r${t.lastEvent.revision} ` +
            `${t.lastEvent.label.zh} · ${t.lastEvent.label.en} ` +
            `(${t.lastEvent.recordedAtShanghai}); ${t.eventsLater} later`
        : `no event yet: the ticket did not exist; ${t.eventsLater} later`,
    ),
    row(
      '状态 state',
      `${t.statusLabel.zh} · ${t.statusLabel.en} (${t.status})`,
    ),
    row(
      '持有 holder',
      t.holder.roleLabel
        ? `${t.holder.roleLabel.zh} · ${t.holder.roleLabel.en} (${t.holder.role})`
        : '无人 nobody',
    ),
    row('处理人 assignee', t.assigneeId ?? '—'),
  ];
  if (t.deadlines.length === 0) {
    lines.push(row('时限 deadlines', 'none recorded in the log by then'));
  }
  for (const d of t.deadlines) {
    const when = d.deadlineAt ?? d.dueAt;
    lines.push(
      row(
        '时限 deadline',
        [
          d.step,
          d.level,
          when ? formatShanghai(when) : null,
          d.passed ? '已过 passed' : '未到 not yet',
          `[${d.source}]`,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    );
  }
  return lines.join('\n') + '\n';
}

function row(name: string, value: string): string {
  return `  ${padCells(name, 16)}${value}`;
}
