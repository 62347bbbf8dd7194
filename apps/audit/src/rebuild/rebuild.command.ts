import { countOption, expectPositionals, hasSwitch } from '../cli/arguments';
import type { AuditCommand } from '../cli/audit-command';
import { renderTable } from '../text/text-table';
import { personalDataOpener } from '../resources/personal-data';
import {
  checkProjectionName,
  projectionNames,
  rebuildPlans,
} from './rebuild-plan';
import { rebuildProjections, type RebuildReport } from './rebuild-projection';

export const rebuildCommand: AuditCommand = {
  name: 'rebuild',
  summary: 'rebuild read models from the log into fresh tables, swap them in',
  usage:
    'rebuild <projection|all> [--batch-size <n>] [--progress-every <n>] ' +
    '[--keep-backup] [--json]',
  help: [
    'Builds the projection from the whole log into fresh tables beside the',
    'live ones (suffix __rebuild), then in one transaction catches them up',
    "with the log's head, swaps them in for the live tables and hands the",
    'projection runner the new checkpoint. Readers never see a half-built',
    'table; a running projector keeps going and is not restarted. With all,',
    'every projection is built in one pass over the log, then each swapped in.',
    '',
    'Safe to interrupt: until the swap commits the live tables are untouched,',
    'and the next run drops the staging tables left behind. Progress goes to',
    'stderr: a bar with rate and ETA on a terminal, plain lines otherwise.',
    'Prints a checksum of every rebuilt table (md5 over its ordered rows).',
    '',
    `Projections: ${projectionNames().join(', ')}, or all.`,
    '',
    'Options:',
    '  --batch-size <n>      events per transaction (default 5000)',
    '  --progress-every <n>  without a terminal, a line per n events (default 10000)',
    '  --keep-backup         keep the swapped-out tables (suffix __previous)',
    '                        until the next rebuild',
    '  --json                the report as one JSON object',
  ].join('\n'),
  options: {
    'batch-size': 'value',
    'progress-every': 'value',
    'keep-backup': 'switch',
    json: 'switch',
    help: 'switch',
  },

  async run(args, context) {
    const [name] = expectPositionals(args, ['projection'], 'rebuild');
    checkProjectionName(name);
    const settings = {
      pageSize: countOption(args, 'batch-size', 5000, 'rebuild'),
      progressEvery: countOption(args, 'progress-every', 10_000, 'rebuild'),
      keepBackup: hasSwitch(args, 'keep-backup'),
    };
    const resources = await context.resources();
    const plans = rebuildPlans(name, personalDataOpener(resources.pool));
    const reports = await rebuildProjections(
      resources,
      context.io,
      plans,
      settings,
    );
    if (!hasSwitch(args, 'json')) {
      for (const report of reports) context.io.stdout.write(reportText(report));
    }
    if (hasSwitch(args, 'json')) {
      context.io.stdout.write(JSON.stringify({ rebuilt: reports }) + '\n');
    }
    return 0;
  },
};

function reportText(r: RebuildReport): string {
  const lines = [
    `rebuild ${r.projection}: ${r.eventsBuilt} events into fresh tables, ` +
      `${r.eventsCaughtUpAtSwap} more at the swap; swapped in ` +
      `(attempt ${r.swapAttempts}) at position ${r.position ?? '(start)'}`,
  ];
  if (r.droppedLeftovers.length > 0) {
    lines.push(`  dropped leftovers first: ${r.droppedLeftovers.join(', ')}`);
  }
  if (r.keptBackup.length > 0) {
    lines.push(`  kept the old tables as ${r.keptBackup.join(', ')}`);
  }
  const table = renderTable(
    ['table', 'rows', 'checksum'],
    r.tables.map((t) => [t.table, String(t.rows), t.checksum]),
  );
  return `${lines.join('\n')}\n${table}`;
}
