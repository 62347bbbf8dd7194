import type { DomainCommand, DomainEvent, TableState } from '../shared';
import type {
  WaiverRuleRow,
  WaiverTableVersion,
} from './fee-waiver.rule-table';

export const WAIVER_RULE_TABLE_PROCESS_ID = 'waiver-rule-table';

/** The one table of the manual; its stream is `waiver-rule-table-<id>`. */
export const WAIVER_RULE_TABLE_ID = '0190a17f-0000-7000-8000-000000000017';

/** A new version of the table, in force from `effectiveFrom` (now if omitted). */
export type PublishWaiverTable = DomainCommand<
  'PublishWaiverTable',
  {
    version: string;
    effectiveFrom?: string;
    rows: WaiverRuleRow[];
    note?: string;
  }
>;

export type WaiverRuleTableCommand = PublishWaiverTable;

export interface PublishedWaiverTable extends WaiverTableVersion {
  /** 1 for the first version published after the manual's own. */
  sequence: number;
  publishedAt: string;
  note?: string;
}

export type WaiverTablePublished = DomainEvent<
  'waiver-rule-table.version-published',
  PublishedWaiverTable
>;

export type WaiverRuleTableEvent = WaiverTablePublished;

export type WaiverRuleTableStatus = 'NEW' | 'PUBLISHED';

export interface WaiverRuleTableState extends TableState<WaiverRuleTableStatus> {
  versions: PublishedWaiverTable[];
}

export const initialWaiverRuleTableState: WaiverRuleTableState = {
  status: 'NEW',
  versions: [],
};
