/** An HTTP error answer from opsdesk, with its parsed body. */
export class OpsdeskHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly path: string,
  ) {
    super(`${path} answered ${status}: ${JSON.stringify(body)}`);
  }
}

export interface Actor {
  id?: string;
  role?: string;
}

export interface ClientResponse<T> {
  status: number;
  body: T;
}

/** A small client for the opsdesk HTTP API, as an agent's desk would use it. */
export class OpsdeskClient {
  constructor(readonly baseUrl: string) {}

  async get<T = Record<string, unknown>>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`);
    const body = (await response.json()) as T;
    if (!response.ok) throw new OpsdeskHttpError(response.status, body, path);
    return body;
  }

  /** POST and return the status and body, whatever the status. */
  async send<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    options: { actor?: Actor; idempotencyKey?: string } = {},
  ): Promise<ClientResponse<T>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
    };
    if (options.actor?.id) headers['x-actor-id'] = options.actor.id;
    if (options.actor?.role) headers['x-actor-role'] = options.actor.role;
    if (options.idempotencyKey)
      headers['idempotency-key'] = options.idempotencyKey;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** POST, expecting success (200/201). */
  async post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    options: { actor?: Actor; idempotencyKey?: string } = {},
  ): Promise<T> {
    const { status, body: answer } = await this.send<T>(path, body, options);
    if (status !== 200 && status !== 201) {
      throw new OpsdeskHttpError(status, answer, path);
    }
    return answer;
  }

  /** Polls a ticket's read model until `accept` holds (projections lag a moment). */
  async waitForTicket(
    ticketId: string,
    accept: (ticket: TicketView) => boolean,
    timeoutMs = 20_000,
  ): Promise<TicketView> {
    const deadline = Date.now() + timeoutMs;
    let last: TicketView | undefined;
    while (Date.now() < deadline) {
      try {
        last = await this.get<TicketView>(`/station-faults/${ticketId}`);
        if (accept(last)) return last;
      } catch (error) {
        if (!(error instanceof OpsdeskHttpError) || error.status !== 404)
          throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(
      `Ticket ${ticketId} did not reach the expected state; last seen ${last?.status ?? 'nothing'}`,
    );
  }
}

export interface TicketView {
  ticketId: string;
  ticketNumber: string;
  status: string;
  holderRole: string | null;
  assigneeId: string | null;
  stationId: string;
  regionId: string;
  [key: string]: unknown;
}

export interface TimelineEntry {
  revision: number;
  type: string;
  labelZh: string;
  labelEn: string;
  actorId: string;
  actorRole: string;
  actorRoleZh: string;
  recordedAt: string;
  [key: string]: unknown;
}
