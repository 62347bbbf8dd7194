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

/** Who a request is sent as: a person in a role, of a subsidiary. */
export interface Actor {
  id?: string;
  role?: string;
  subsidiary?: string;
  /** The operations team or supplier the person works for. */
  org?: string;
  /** Leads the role (may act on steps assigned to others). */
  lead?: boolean;
  /** Also holds a headquarters role (sees every subsidiary). */
  headquarters?: boolean;
}

/** Makes the bearer token a request is sent with, for an actor. */
export type TokenSource = (actor: Actor) => string;

export interface RequestOptions {
  actor?: Actor;
  /** This token as it is (null: no Authorization header at all). */
  token?: string | null;
  /** The `X-Act-As` header. */
  actAs?: string;
  idempotencyKey?: string;
}

export interface ClientResponse<T> {
  status: number;
  body: T;
}

/**
 * A small client for the opsdesk HTTP API, as an agent's desk would use
 * it: every request carries a bearer token for its actor (by default the
 * client's own), made by the token source.
 */
export class OpsdeskClient {
  constructor(
    readonly baseUrl: string,
    private readonly tokens?: TokenSource,
    readonly defaultActor: Actor = {},
  ) {}

  /** The same client acting, by default, as someone else. */
  as(actor: Actor): OpsdeskClient {
    return new OpsdeskClient(this.baseUrl, this.tokens, {
      ...this.defaultActor,
      ...actor,
    });
  }

  async get<T = Record<string, unknown>>(
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: this.headersFor(options),
    });
    const body = (await response.json()) as T;
    if (!response.ok) throw new OpsdeskHttpError(response.status, body, path);
    return body;
  }

  /** GET and return the status and body, whatever the status. */
  async fetch<T = Record<string, unknown>>(
    path: string,
    options: RequestOptions = {},
  ): Promise<ClientResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: this.headersFor(options),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** POST and return the status and body, whatever the status. */
  async send<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<ClientResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...this.headersFor(options),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** POST, expecting success (200/201). */
  async post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<T> {
    const { status, body: answer } = await this.send<T>(path, body, options);
    if (status !== 200 && status !== 201) {
      throw new OpsdeskHttpError(status, answer, path);
    }
    return answer;
  }

  /** The headers that say who asks: a bearer token and the acting role. */
  headersFor(options: RequestOptions = {}): Record<string, string> {
    const headers: Record<string, string> = {};
    const token =
      options.token !== undefined
        ? options.token
        : this.tokens?.({ ...this.defaultActor, ...options.actor });
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.actAs) headers['x-act-as'] = options.actAs;
    if (options.idempotencyKey) {
      headers['idempotency-key'] = options.idempotencyKey;
    }
    return headers;
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
  subsidiaryId: string | null;
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
