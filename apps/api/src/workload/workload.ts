import { loadConfig, shanghaiDay, type Logger } from '@opsdesk/platform';
import type { Actor, OpsdeskClient } from '../demo/opsdesk-client';
import type { WorkloadArgs } from './workload-args';
import {
  planWorkload,
  type PlannedTicket,
  type WorkloadStation,
} from './workload-plan';
import { DEFAULT_PROFILE } from './workload-profile';
import { WorkloadRunner, type WorkloadResult } from './workload-runner';

/** Who the generator reads as: headquarters sees every subsidiary. */
export const HEADQUARTERS: Actor = {
  id: 'hq-workload',
  role: 'hq-cs-manager',
  subsidiary: 'hq',
};

export interface GeneratedWorkload {
  plan: PlannedTicket[];
  result: WorkloadResult;
  days: number;
  end: Date;
  elapsedMs: number;
}

/**
 * Plans a window of station faults over the registry the system serves
 * and drives every ticket through it. Calls carry their planned call
 * times; everything after intake happens now, on the log's clock.
 * TODO(#5): so a generated month's times to clear and custody are the
 * system's processing times, not the planned durations; simulating those
 * needs each event to carry its decision instant and the workers to take
 * a clock the generator can drive.
 */
export async function generateWorkload(
  client: OpsdeskClient,
  args: WorkloadArgs,
  logger: Logger,
): Promise<GeneratedWorkload> {
  const started = Date.now();
  const end = args.end ?? new Date();
  // The client should see every subsidiary (headquarters) to cover the
  // whole registry; each ticket is then worked by its own subsidiary.
  const { items: regions } = await client.get<{
    items: { id: string; subsidiaryId: string }[];
  }>('/regions');
  const owner = new Map(regions.map((r) => [r.id, r.subsidiaryId]));
  const { items: listed } = await client.get<{ items: WorkloadStation[] }>(
    '/stations',
  );
  const stations = listed.map(({ id, regionId, chargingPileIds }) => ({
    id,
    regionId,
    chargingPileIds,
    subsidiaryId: owner.get(regionId),
  }));
  const plan = planWorkload({
    seed: args.seed,
    days: args.days,
    end,
    stations,
    profile:
      args.perDay === undefined
        ? DEFAULT_PROFILE
        : { ...DEFAULT_PROFILE, callsPerDay: args.perDay },
  });
  logger.info(
    { tickets: plan.length, days: args.days, seed: args.seed },
    'workload planned',
  );
  const runner = new WorkloadRunner(client, {
    seed: args.seed,
    // The plan is made of Shanghai days and a call rate, so the keys name
    // both: another rate or another Shanghai day is another plan.
    window: `${args.days}d${shanghaiDay(end)}r${args.perDay ?? 'p'}`,
    concurrency: args.concurrency,
    logger,
  });
  const result = await runner.run(plan);
  return {
    plan,
    result,
    days: args.days,
    end,
    elapsedMs: Date.now() - started,
  };
}

/** A few lines for a person: what was generated, and where to look. */
export function describeWorkload(
  generated: GeneratedWorkload,
  dashboardUrl: string | null,
): string {
  const { result, elapsedMs, days, end } = generated;
  const lines = [
    `${result.tickets} station faults over ${days} days to ${end.toISOString()} ` +
      `in ${(elapsedMs / 1000).toFixed(0)} s:`,
    `  ${result.byPath.cleared} cleared on the first visit, ` +
      `${result.byPath.supplier} for the supplier, ` +
      `${result.byPath['ops-repair']} repaired by operations; ` +
      `${result.leftOpen} still open.`,
  ];
  if (result.failed.length) {
    lines.push(
      `  ${result.failed.length} tickets stopped at a failed step (see the log).`,
    );
  }
  lines.push(
    dashboardUrl
      ? `Dashboard: ${dashboardUrl}`
      : `Dashboard: start opsdesk (npm start) and open http://127.0.0.1:${loadConfig().port}/dashboard`,
    // The page is public; its figures need a reader's token.
    '  sign in with a token, e.g. from: node apps/api/dist/token.js --sub hq-lead --role hq-cs-manager --subsidiary hq',
  );
  return `${lines.join('\n')}\n`;
}
