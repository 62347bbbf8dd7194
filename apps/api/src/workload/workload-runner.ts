import type { Logger } from '@opsdesk/platform';
import type { Actor, OpsdeskClient, TicketView } from '../demo/opsdesk-client';
import type { PlannedTicket, StepName, TicketPath } from './workload-plan';
import { WorkloadRequests } from './workload-requests';

export interface WorkloadRunOptions {
  /** With `window`, names every idempotency key. */
  seed: number;
  /** The planned window: Shanghai days, last day and call rate, e.g. `30d2026-12-04r24`. */
  window: string;
  /** Tickets driven at the same time. */
  concurrency: number;
  logger: Logger;
}

export interface WorkloadResult {
  tickets: number;
  /** Tickets whose last planned step was not the close. */
  leftOpen: number;
  byPath: Record<TicketPath, number>;
  failed: { index: number; step: StepName; error: string }[];
}

/** A step's command failed; the rest of that ticket is not attempted. */
export class WorkloadStepError extends Error {
  readonly code = 'WORKLOAD_STEP_FAILED';

  constructor(
    readonly index: number,
    readonly step: StepName,
    readonly failure: unknown,
  ) {
    super(`ticket ${index}, step ${step}: ${String(failure)}`);
  }
}

/** Agents per subsidiary taking the calls in turn. */
const AGENTS = 4;

/**
 * Drives planned tickets through the running system over HTTP, as the
 * desks and the field app would: each step is one request with an
 * idempotency key made from the seed, the window and the step, so a run
 * repeated with the same arguments adds nothing; automatic steps
 * (routing, assignment, G-d) are waited for on the ticket view.
 */
export class WorkloadRunner {
  private readonly requests: WorkloadRequests;

  constructor(
    client: OpsdeskClient,
    private readonly options: WorkloadRunOptions,
  ) {
    this.requests = new WorkloadRequests(client);
  }

  async run(tickets: readonly PlannedTicket[]): Promise<WorkloadResult> {
    const result: WorkloadResult = {
      tickets: tickets.length,
      leftOpen: 0,
      byPath: { cleared: 0, supplier: 0, 'ops-repair': 0 },
      failed: [],
    };
    let next = 0;
    let done = 0;
    const worker = async () => {
      for (;;) {
        const ticket = tickets[next++];
        if (!ticket) return;
        result.byPath[ticket.path] += 1;
        const last = ticket.steps[ticket.steps.length - 1]?.name;
        if (last !== 'inform-reporter' && last !== 'inform-after-clear') {
          result.leftOpen += 1;
        }
        try {
          await this.drive(ticket);
        } catch (error) {
          if (!(error instanceof WorkloadStepError)) throw error;
          result.failed.push({
            index: error.index,
            step: error.step,
            error: String(error.failure),
          });
          this.options.logger.warn(
            { err: error, index: error.index, step: error.step },
            'workload step failed',
          );
        }
        done += 1;
        if (done % 100 === 0) {
          this.options.logger.info(
            { done, of: tickets.length },
            'workload progress',
          );
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, this.options.concurrency) }, worker),
    );
    return result;
  }

  private async drive(ticket: PlannedTicket): Promise<void> {
    let id = '';
    let view: TicketView | undefined;
    const region = ticket.station.regionId;
    const subsidiary = ticket.station.subsidiaryId;
    // Everyone acting on the ticket works for the station's subsidiary.
    const person = (who: string, role: string, org?: string): Actor => ({
      id: who,
      role,
      ...(subsidiary ? { subsidiary } : {}),
      ...(org ? { org } : {}),
    });
    const agent = person(
      `agent-${subsidiary ?? 'desk'}-${(ticket.index % AGENTS) + 1}`,
      'cs-phone-agent',
    );
    const dispatch = person(
      `dispatch-${subsidiary ?? 'desk'}`,
      'dispatch-manager',
    );
    const platform = person(`platform-${region}`, 'regional-platform');
    // A desk of its own watches each ticket: the API limits requests per
    // person, and a shared reader would soon be over that limit.
    const reader = person(
      `desk-${subsidiary ?? 'desk'}-${ticket.index}`,
      'cs-phone-agent',
    );
    const manager = person(`manager-${region}`, 'station-manager');
    const roster = () => this.requests.roster(region);
    // Operations' and the supplier's engineers act for their organisation.
    const ops = async (): Promise<Actor> => {
      const teams = (await roster()).stationOpsTeams;
      const team = teams[ticket.index % teams.length].id;
      return person(team, 'station-ops-team', team);
    };
    const supplier = async (): Promise<Actor> => {
      const all = (await roster()).chargingPileSuppliers;
      const firm = all[ticket.index % all.length].id;
      return person(firm, 'charging-pile-supplier', firm);
    };
    const classify = async () =>
      ticket.path === 'supplier'
        ? {
            isChargingPileIssue: true,
            supplierId: (await supplier()).id,
            chargingPileId: ticket.pileId,
          }
        : { isChargingPileIssue: false };
    const repairer = () => (ticket.path === 'supplier' ? supplier() : ops());
    const repairPath =
      ticket.path === 'supplier' ? 'supplier-result' : 'ops-repair-result';

    for (const { name } of ticket.steps) {
      const send = (path: string, body: object, actor: Actor) =>
        this.requests.command(path, body, actor, this.keyOf(ticket, name));
      const at = (action: string) => `/station-faults/${id}/${action}`;
      try {
        switch (name) {
          case 'report': {
            const answer = await send(
              '/station-faults',
              {
                reporter: ticket.reporter,
                stationId: ticket.station.id,
                faultDescription: ticket.faultDescription,
                suspectedChargingPile: ticket.suspectedChargingPile,
                ...(ticket.chargingPileId
                  ? { chargingPileId: ticket.chargingPileId }
                  : {}),
                callTime: ticket.callTime.toISOString(),
              },
              agent,
            );
            id = answer.ticket!.id;
            break;
          }
          case 'create-task':
            await send(at('create-task'), {}, agent);
            // 4.3 and 4.4 are automatic: routing, then an inspector.
            // A repeated run finds the ticket further on: past assignment
            // is enough, and the inspector is the one assigned then.
            view = await this.requests.until(id, 'an inspector', reader, (t) =>
              Boolean(t.inspectorId),
            );
            break;
          case 'start-inspection':
            await send(at('start-inspection'), {}, inspector(view, person));
            break;
          case 'inspection-result':
            await send(
              at('inspection-result'),
              ticket.path === 'cleared'
                ? { cleared: true, resolutionNote: '现场复位后恢复正常' }
                : {
                    cleared: false,
                    findings: '现场排查后仍无法使用',
                    reasonNotFixed: '需专业维修，巡检无法现场处理',
                  },
              inspector(view, person),
            );
            break;
          case 'inform-after-clear':
            // Gap G-d: the platform sends the result on by itself.
            await this.requests.until(id, 'RESULT_NOTIFIED', reader, (t) =>
              ['RESULT_NOTIFIED', 'CLOSED'].includes(t.status),
            );
            await send(at('inform-reporter'), informed(ticket), agent);
            break;
          case 'report-unresolved':
            await send(
              at('report-unresolved'),
              { note: '巡检未能排除' },
              platform,
            );
            break;
          case 'escalate':
            await send(at('escalate'), { note: '转网点管理岗处理' }, dispatch);
            break;
          case 'assign-ops-team':
            await send(
              at('assign-ops-team'),
              { opsTeamId: (await ops()).id },
              manager,
            );
            break;
          case 'classify':
          case 'classify-again':
            await send(at('classify'), await classify(), await ops());
            break;
          case 'repair-not-fixed':
            await send(
              at(repairPath),
              { outcome: 'not-fixed', result: '首次维修后故障仍在' },
              await repairer(),
            );
            break;
          case 'repair-fixed':
            await send(
              at(repairPath),
              { outcome: 'fixed', result: '维修完成，测试正常' },
              await repairer(),
            );
            break;
          case 'report-result':
            await send(
              at('report-result'),
              { result: '现场已修复' },
              await ops(),
            );
            break;
          case 'notify-customer-service':
            await send(
              at('notify-customer-service'),
              { resultSummary: '网点故障已修复' },
              manager,
            );
            break;
          case 'inform-reporter':
            await send(at('inform-reporter'), informed(ticket), agent);
            break;
          default: {
            const unknown: never = name;
            throw new Error(`Unknown workload step ${String(unknown)}`);
          }
        }
      } catch (error) {
        if (error instanceof WorkloadStepError) throw error;
        throw new WorkloadStepError(ticket.index, name, error);
      }
    }
  }

  /** The same seed, window, ticket and step always send the same key. */
  private keyOf(ticket: PlannedTicket, step: StepName): string {
    const { seed, window } = this.options;
    return ['wl', seed, window, ticket.index, step].join('.');
  }
}

/** The inspector the platform assigned (4.4), who acts on site. */
function inspector(
  view: TicketView | undefined,
  person: (who: string, role: string) => Actor,
): Actor {
  const id = view?.inspectorId;
  return person(
    typeof id === 'string' ? id : 'unassigned',
    'regional-inspector',
  );
}

function informed(ticket: PlannedTicket) {
  // One caller in twenty does not pick up; the ticket closes all the same.
  return ticket.index % 20 === 7
    ? { contactOutcome: 'unreachable', note: '回电未接通' }
    : { contactOutcome: 'reached', note: '已电话告知处理结果' };
}
