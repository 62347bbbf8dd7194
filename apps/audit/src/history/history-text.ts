import type { Label } from '@opsdesk/domain';
import { SHANGHAI } from '@opsdesk/platform';
import { flatten, showValue } from '../text/flatten';
import { padCells } from '../text/display-width';
import type { HistoryEntry } from './history-entry';

export interface HistoryHeading {
  title: Label;
  streamName: string;
  ticketNumber: string | null;
}

const KIND: Record<string, string> = {
  person: '人工 person',
  automatic: '自动 automatic',
};

/** A ticket's history for people: one block per event, Chinese first. */
export function historyText(
  heading: HistoryHeading,
  entries: readonly HistoryEntry[],
): string {
  const lines = [
    `${heading.title.zh} · ${heading.title.en}`,
    `工单 ticket ${heading.ticketNumber ?? '(no number)'} · stream ` +
      `${heading.streamName} · ${entries.length} events · 时间 times ${SHANGHAI}`,
  ];
  for (const entry of entries) lines.push('', ...entryLines(entry));
  return lines.join('\n') + '\n';
}

function entryLines(entry: HistoryEntry): string[] {
  const { actor, status, holder } = entry;
  const role = actor.roleLabel
    ? `${actor.roleLabel.zh} · ${actor.roleLabel.en} (${actor.role})`
    : '(no role)';
  const who = [actor.name, actor.id].filter(Boolean).join(' ') || '(unknown)';
  const kind = actor.kind ? ` · ${KIND[actor.kind] ?? actor.kind}` : '';
  const holderText = holder.roleLabel
    ? `${holder.roleLabel.zh} ${holder.role}` +
      (holder.assigneeId ? ` / ${holder.assigneeId}` : '')
    : '无人 nobody';
  const lines = [
    `r${entry.revision}  ${entry.recordedAtShanghai}`,
    field(
      '动作 action',
      `${entry.label.zh} · ${entry.label.en} (${entry.type})`,
    ),
    field('操作人 actor', `${who} · ${role}${kind}`),
    field('数据 data', pairs(flatten(entry.data))),
    field(
      '变更 changes',
      entry.changes
        .map(
          (c) => `${c.field}: ${showValue(c.before)} → ${showValue(c.after)}`,
        )
        .join('; ') || '(none)',
    ),
    field(
      '状态 state',
      `${status.afterLabel.zh} ${status.after} · 持有 holder ${holderText}`,
    ),
  ];
  for (const finding of entry.findings) {
    lines.push(field('⚠ 规则 rule', `${finding.rule}: ${finding.detail}`));
  }
  return lines;
}

function field(name: string, value: string): string {
  return `    ${padCells(name, 14)}${value}`;
}

function pairs(values: ReadonlyMap<string, unknown>): string {
  const shown = [...values].map(([k, v]) => `${k}=${showValue(v)}`);
  return shown.join('; ') || '(none)';
}
