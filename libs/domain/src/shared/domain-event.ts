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

/** A command addressed to one ticket, issued by an actor. */
export interface DomainCommand<
  TType extends string = string,
  TPayload extends object = object,
> {
  type: TType;
  ticketId: string;
  payload: TPayload;
}
