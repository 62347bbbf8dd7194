/**
 * An event as the domain sees it: a stable type string, the schema
 * version of its data, and the data. Metadata (ids, actor, time) is
 * added by the application layer when it is stored.
 */
export interface DomainEvent<
  TType extends string = string,
  TData extends object = object,
> {
  type: TType;
  schemaVersion: number;
  data: TData;
}

/**
 * The object without its `undefined` keys, so that data reads the same
 * before and after it is stored as JSON.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as T;
}

/**
 * A process's event maker: `eventFactory<TicketEvent>(1)` makes an event of
 * any of its types at that schema version, its data without `undefined`
 * keys (`withoutUndefined`).
 */
export function eventFactory<TEvent extends DomainEvent>(
  schemaVersion: number,
) {
  return <TType extends TEvent['type']>(
    type: TType,
    data: Extract<TEvent, { type: TType }>['data'],
  ): Extract<TEvent, { type: TType }> =>
    ({
      type,
      schemaVersion,
      data: withoutUndefined(data),
    }) as unknown as Extract<TEvent, { type: TType }>;
}

/** A command addressed to one ticket, issued by an actor. */
export interface DomainCommand<
  TType extends string = string,
  TPayload extends object = object,
> {
  type: TType;
  ticketId: string;
  payload: TPayload;
}
