import type { Migration } from '@opsdesk/platform';
import { tableName } from '../table-names';

export interface ProcessTicketTables {
  /** One row per ticket: the fold, its columns and its reporting facts. */
  tickets: string;
  /** Each open ticket under the role that holds it now. */
  inbox: string;
  /** Every event of a ticket, labelled, in order. */
  timeline: string;
}

export function processTicketTables(
  prefix: string,
  suffix = '',
): ProcessTicketTables {
  return {
    tickets: tableName(`${prefix}_tickets`, suffix),
    inbox: tableName(`${prefix}_inbox`, suffix),
    timeline: tableName(`${prefix}_timeline`, suffix),
  };
}

export function processTicketDdl(t: ProcessTicketTables): string {
  return `
    CREATE TABLE ${t.tickets} (
      ticket_id text PRIMARY KEY,
      process_id text NOT NULL,
      ticket_number text,
      subsidiary_id text,
      status text NOT NULL,
      status_zh text NOT NULL,
      holder_role text,
      holder_role_zh text,
      assignee_id text,
      headline text,
      outcome text,
      amount_fen bigint,
      facts jsonb NOT NULL,
      terminal boolean NOT NULL,
      reported_at timestamptz NOT NULL,
      reported_day date NOT NULL,
      updated_at timestamptz NOT NULL,
      closed_at timestamptz,
      last_revision integer NOT NULL,
      state jsonb NOT NULL
    );
    CREATE INDEX ${t.tickets}_reported_idx
      ON ${t.tickets} (reported_at DESC, ticket_id DESC);
    CREATE INDEX ${t.tickets}_status_idx ON ${t.tickets} (status);
    CREATE INDEX ${t.tickets}_day_idx ON ${t.tickets} (reported_day, outcome);
    CREATE TABLE ${t.inbox} (
      ticket_id text PRIMARY KEY,
      role text NOT NULL,
      assignee_id text,
      status text NOT NULL,
      since timestamptz NOT NULL,
      ticket_number text,
      subsidiary_id text,
      headline text
    );
    CREATE INDEX ${t.inbox}_role_idx ON ${t.inbox} (role, since, ticket_id);
    CREATE TABLE ${t.timeline} (
      ticket_id text NOT NULL,
      revision integer NOT NULL,
      event_id text NOT NULL,
      type text NOT NULL,
      label_zh text NOT NULL,
      label_en text NOT NULL,
      actor_id text,
      actor_role text,
      actor_role_zh text,
      actor_kind text,
      recorded_at timestamptz NOT NULL,
      summary_zh text,
      data jsonb NOT NULL,
      PRIMARY KEY (ticket_id, revision),
      CONSTRAINT ${t.timeline}_event_id_key UNIQUE (event_id)
    );
  `;
}

export function processTicketMigrations(t: ProcessTicketTables): Migration[] {
  return [{ id: `read-models/010-${t.tickets}`, sql: processTicketDdl(t) }];
}
