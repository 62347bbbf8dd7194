import {
  OpsdeskHttpError,
  type Actor,
  type OpsdeskClient,
  type TicketView,
} from '../demo/opsdesk-client';
import type { RegionRoster } from '../demo/scenarios/scenario-context';

/** What a command request answers, as far as the generator reads it. */
export interface CommandAnswer {
  ticket?: { id: string };
  status?: string;
  links?: { command: string };
}

/** A ticket that did not reach a state an automatic step leads to. */
export class WorkloadWaitError extends Error {
  readonly code = 'WORKLOAD_WAIT_TIMED_OUT';

  constructor(
    readonly ticketId: string,
    readonly expected: string,
    readonly seen: string,
  ) {
    super(`ticket ${ticketId} is ${seen}, not ${expected}`);
  }
}

const AUTOMATIC_STEP_TIMEOUT_MS = 120_000;
const COMMAND_TIMEOUT_MS = 60_000;
const MAX_ATTEMPTS = 5;

/** Worth another try: the server or a service behind it was busy. */
function isTransient(status: number): boolean {
  return status === 429 || status >= 500;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The generator's requests: commands, waits and the regions' rosters. */
export class WorkloadRequests {
  private readonly rosters = new Map<string, Promise<RegionRoster>>();

  constructor(private readonly client: OpsdeskClient) {}

  /**
   * One command; a busy server is asked again (the idempotency key makes
   * that safe: a command already run answers as before), and a `202` is
   * followed until the command has run.
   */
  async command(
    path: string,
    body: object,
    actor: Actor,
    idempotencyKey: string,
  ): Promise<CommandAnswer> {
    for (let attempt = 1; ; attempt++) {
      const { status, body: answer } = await this.client.send<CommandAnswer>(
        path,
        body,
        { actor, idempotencyKey },
      );
      if (isTransient(status) && attempt < MAX_ATTEMPTS) {
        await pause(200 * 2 ** attempt);
        continue;
      }
      if (status === 202 && answer.links) {
        return this.settle(answer.links.command, path);
      }
      if (status !== 200 && status !== 201) {
        throw new OpsdeskHttpError(status, answer, path);
      }
      return answer;
    }
  }

  /**
   * Until the ticket view is as `accept` wants: automatic steps run behind
   * the process manager, which a busy machine can hold back for a while.
   */
  async until(
    ticketId: string,
    expected: string,
    reader: Actor,
    accept: (ticket: TicketView) => boolean,
  ): Promise<TicketView> {
    const path = `/station-faults/${ticketId}`;
    const deadline = Date.now() + AUTOMATIC_STEP_TIMEOUT_MS;
    let seen = 'nothing';
    while (Date.now() < deadline) {
      const { status, body } = await this.client.fetch<TicketView>(path, {
        actor: reader,
      });
      if (status === 200) {
        if (accept(body)) return body;
        seen = body.status;
      } else if (status !== 404 && !isTransient(status)) {
        throw new OpsdeskHttpError(status, body, path);
      }
      await pause(250);
    }
    throw new WorkloadWaitError(ticketId, expected, seen);
  }

  /** The region's roster, asked for once per run. */
  roster(regionId: string): Promise<RegionRoster> {
    let found = this.rosters.get(regionId);
    if (!found) {
      found = this.client.get<RegionRoster>(`/regions/${regionId}/roster`);
      this.rosters.set(regionId, found);
    }
    return found;
  }

  private async settle(
    commandPath: string,
    path: string,
  ): Promise<CommandAnswer> {
    const deadline = Date.now() + COMMAND_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const outcome = await this.client.get<CommandAnswer>(commandPath);
      if (outcome.status === 'rejected') {
        throw new OpsdeskHttpError(409, outcome, path);
      }
      if (outcome.status !== 'pending') return outcome;
      await pause(100);
    }
    throw new OpsdeskHttpError(202, { pending: commandPath }, path);
  }
}
