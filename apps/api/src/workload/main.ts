import 'reflect-metadata';
import { createLogger } from '@opsdesk/platform';
import { runMain } from '@opsdesk/runtime';
import { connect } from '../demo/connect';
import { parseWorkloadArgs, wantsHelp, WORKLOAD_USAGE } from './workload-args';
import { describeWorkload, generateWorkload, HEADQUARTERS } from './workload';

/** `workload --days 30`: a month of station faults, then the dashboard. */
runMain('opsdesk-workload', async () => {
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(`${WORKLOAD_USAGE}\n`);
    return;
  }
  const args = parseWorkloadArgs(process.argv.slice(2));
  const logger = createLogger('workload', process.env.LOG_LEVEL ?? 'info');
  // Reads stations, rosters and tickets as headquarters, who sees every
  // subsidiary; each step is sent as a person of the ticket's subsidiary.
  const { client, external, stop } = await connect('workload', HEADQUARTERS);
  try {
    const generated = await generateWorkload(client, args, logger);
    process.stdout.write(
      describeWorkload(
        generated,
        external ? `${client.baseUrl}/dashboard` : null,
      ),
    );
    if (generated.result.failed.length) process.exitCode = 1;
  } finally {
    await stop();
  }
});
