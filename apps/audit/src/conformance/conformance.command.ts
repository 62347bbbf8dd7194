import { SHANGHAI } from '@opsdesk/platform';
import { expectPositionals, hasSwitch } from '../cli/arguments';
import type { AuditCommand } from '../cli/audit-command';
import { renderTable } from '../text/text-table';
import { rangeOf } from '../time/time-range';
import { formatShanghai } from '../time/shanghai-time';
import {
  conformanceReport,
  type ConformanceReport,
} from './conformance-report';

export const conformanceCommand: AuditCommand = {
  name: 'conformance',
  summary:
    "how many tickets followed the manual's path; which deviations, how often",
  usage: 'conformance [--from <time>] [--to <time>] [--json]',
  help: [
    'For the tickets reported in the range, checks each whole history against',
    "its process's transition table (the manual's path: from the first state",
    'to an end without entering a state twice) and counts the tickets that',
    'followed it exactly, those still on it, and those that deviated. Then a',
    'table of the deviations: skipped steps, loops, reassignments, events out',
    'of order, with how many tickets and how many times.',
    '',
    'Options:',
    '  --from <time>   tickets reported at or after (Asia/Shanghai or ISO)',
    '  --to <time>     tickets reported before',
    '  --json          the report as one JSON object',
  ].join('\n'),
  options: { from: 'value', to: 'value', json: 'switch', help: 'switch' },

  async run(args, context) {
    expectPositionals(args, [], 'conformance');
    const range = rangeOf(args, 'conformance');
    const { store } = await context.resources();
    const report = await conformanceReport(store, range);
    context.io.stdout.write(
      hasSwitch(args, 'json')
        ? JSON.stringify(report) + '\n'
        : conformanceText(report),
    );
    return 0;
  },
};

function conformanceText(report: ConformanceReport): string {
  const from = report.from ? formatShanghai(report.from) : 'the start';
  const to = report.to ? formatShanghai(report.to) : 'now';
  const tickets = renderTable(
    [
      'process',
      '工单 tickets',
      '完全符合 exact',
      '进行中 on path',
      '有偏差 deviating',
      '未检查 not checked',
    ],
    report.processes.map((p) => [
      `${p.title.zh} ${p.processId}`,
      String(p.tickets),
      String(p.followedExactly),
      String(p.onPathSoFar),
      String(p.withDeviations),
      String(p.notChecked),
    ]),
  );
  const deviations =
    report.deviations.length === 0
      ? 'no deviations\n'
      : renderTable(
          [
            'process',
            '偏差 deviation',
            '涉及 concerning',
            '工单 tickets',
            '次数 times',
          ],
          report.deviations.map((d) => [
            d.processId,
            `${d.kindLabel.zh} ${d.kindLabel.en}`,
            `${d.subjectLabel.zh} (${d.subject})`,
            String(d.tickets),
            String(d.occurrences),
          ]),
        );
  return (
    `conformance: tickets reported from ${from} to ${to} (${SHANGHAI})\n\n` +
    `${tickets}\n${deviations}`
  );
}
