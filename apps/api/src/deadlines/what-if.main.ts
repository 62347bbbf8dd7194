import { readFileSync } from 'node:fs';
import {
  checkDeadlinePolicyDraft,
  DEADLINE_STEPS,
  FieldChecks,
  type DeadlinePolicyDraft,
} from '@opsdesk/domain';
import { DeadlinePolicies, whatIfOverPeriod } from '@opsdesk/messaging';
import {
  ChinaWorkingCalendar,
  createLogger,
  createPool,
  loadConfig,
} from '@opsdesk/platform';
import {
  createEventStore,
  deadlineSettings,
  runMain,
  UsageError,
} from '@opsdesk/runtime';

const USAGE =
  'what-if --from <instant> --to <instant> (--policy <file.json> | --version <n>) [--details]';

function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

function instant(name: string, value: string | undefined): string {
  const ms = value === undefined ? NaN : Date.parse(value);
  if (Number.isNaN(ms))
    throw new UsageError(`${name} must be an instant; ${USAGE}`);
  return new Date(ms).toISOString();
}

/** The proposal's JSON: the body of `POST /deadline-policies/{name}/versions` (README). */
function readDraft(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON`);
  }
}

function proposal(file: string): DeadlinePolicyDraft {
  const draft = readDraft(file);
  const checks = new FieldChecks();
  checkDeadlinePolicyDraft(checks, 'policy', draft, DEADLINE_STEPS);
  if (checks.problems.length > 0) {
    const fields = checks.problems.map((p) => `${p.field} ${p.message}`);
    throw new UsageError(`${file} is not a policy: ${fields.join('; ')}`);
  }
  return draft as DeadlinePolicyDraft;
}

/**
 * `node apps/api/dist/deadlines/what-if.main.js --from … --to …`: replays
 * the tickets begun in a period of the log under a proposed policy (a
 * JSON file) or a published version, and prints the report as JSON. It
 * reads the log and writes nothing.
 */
runMain('opsdesk-what-if', async () => {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return;
  }
  const from = instant('--from', option(argv, '--from'));
  const to = instant('--to', option(argv, '--to'));
  const file = option(argv, '--policy');
  const version = option(argv, '--version');
  if ((file === undefined) === (version === undefined)) {
    throw new UsageError(`give --policy or --version; ${USAGE}`);
  }
  const config = loadConfig();
  const logger = createLogger('what-if', config.logLevel);
  const pool = createPool(config.databaseUrl, config.databaseSchema);
  const store = await createEventStore(config, pool, logger);
  try {
    let policy: DeadlinePolicyDraft;
    if (file !== undefined) {
      policy = proposal(file);
    } else {
      const name = deadlineSettings().policy;
      const versions = await new DeadlinePolicies(store, name).versions();
      const found = versions.find((v) => v.version === Number(version));
      if (!found) throw new UsageError(`${name} has no version ${version}`);
      policy = found;
    }
    const report = await whatIfOverPeriod(
      store,
      { from, to },
      policy,
      new ChinaWorkingCalendar(),
    );
    const shown = argv.includes('--details')
      ? report
      : { ...report, byTicket: report.byTicket.length };
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  } finally {
    await store.close();
    await pool.end();
  }
});
