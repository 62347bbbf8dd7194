import type {
  Custody,
  DomainCommand,
  DomainEvent,
  ProcessDefinition,
} from '@opsdesk/domain';

// Each definition is type-checked where it is written; here every process
// is handled through the same erased shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDefinition = ProcessDefinition<
  any,
  DomainCommand,
  DomainEvent,
  any
>;

/** What a process's reporting row says about a ticket, from its fold. */
export interface ReportFacts {
  /** How the ticket ended or where it stands, e.g. `paid-in-app`. */
  outcome: string | null;
  /** The money the ticket moved or decided, in fen, if any. */
  amountFen: number | null;
  /** Anything else a dashboard may group by. */
  facts: Record<string, unknown>;
}

/**
 * A process's read models: the ticket view, the inbox of the role that
 * holds it and the labelled timeline, kept by one projection in tables
 * named after `tablePrefix`.
 */
export interface ProcessReadModelSpec {
  definition: AnyDefinition;
  /** `order_anomaly` → `order_anomaly_tickets`, `…_inbox`, `…_timeline`. */
  tablePrefix: string;
  /** A short Chinese line for the timeline; null where the label says it. */
  summary(event: DomainEvent): string | null;
  report(state: { status: string }): ReportFacts;
  /** A line for the inbox, e.g. the order id. */
  headline(state: { status: string }): string | null;
  /** Custody override, e.g. a reviewing role; defaults to the definition's. */
  custody?(state: { status: string }): Custody;
}
