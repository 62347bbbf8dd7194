import { inTransaction, quoteIdentifier } from '@opsdesk/platform';
import type { Pool } from 'pg';
import type { RebuildPlan } from './rebuild-plan';

/** One index of a staging table, dropped for the build. */
interface DeferredIndex {
  table: string;
  name: string;
  /** A constraint (primary key, unique) or a plain index. */
  kind: 'constraint' | 'index';
  /** `pg_get_constraintdef` or `pg_get_indexdef`: what re-creates it. */
  definition: string;
}

/** The indexes taken off a plan's staging tables for the build. */
export interface DeferredIndexes {
  indexes: DeferredIndex[];
}

/**
 * Drops, from the plan's fresh staging tables, the indexes the build does
 * not need, and says how to build them again: every index that is not
 * unique (no statement of a projection's `apply` finds rows by one; they
 * serve the readers), and on its append-only tables (see
 * `Projection.appendOnlyTables`) the unique ones too, since nothing there
 * conflicts or looks up. Building an index once over a million rows costs
 * a fraction of keeping it up to date row by row. Only the rebuild writes
 * these tables; a run interrupted before `restoreIndexes` leaves staging
 * tables, which the next run drops anyway.
 */
export async function deferIndexes(
  pool: Pool,
  plan: RebuildPlan,
): Promise<DeferredIndexes> {
  const appendOnly = new Set(plan.staging.appendOnlyTables ?? []);
  return inTransaction(pool, async (client) => {
    const indexes: DeferredIndex[] = [];
    for (const table of plan.staging.tables) {
      const { rows } = await client.query<Omit<DeferredIndex, 'table'>>(
        `SELECT c.conname AS name, 'constraint' AS kind,
                pg_get_constraintdef(c.oid) AS definition
           FROM pg_constraint c
          WHERE c.conrelid = $1::regclass AND c.contype IN ('p', 'u', 'x')
            AND $2
         UNION ALL
         SELECT i.indexrelid::regclass::text, 'index',
                pg_get_indexdef(i.indexrelid)
           FROM pg_index i
          WHERE i.indrelid = $1::regclass
            AND (NOT i.indisunique OR $2)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                             WHERE c.conrelid = i.indrelid
                               AND c.conindid = i.indexrelid)`,
        [table, appendOnly.has(table)],
      );
      for (const row of rows) {
        const index = { table, ...row };
        await client.query(dropping(index));
        indexes.push(index);
      }
    }
    return { indexes };
  });
}

/**
 * Builds the deferred indexes again, under their own names (the swap
 * renames them with their tables), before anything reads the tables.
 */
export async function restoreIndexes(
  pool: Pool,
  deferred: DeferredIndexes,
): Promise<void> {
  if (deferred.indexes.length === 0) return;
  await inTransaction(pool, async (client) => {
    // Sorting a million keys in memory rather than in temporary files.
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const index of deferred.indexes) {
      await client.query(restoring(index));
    }
  });
}

/** The statement that takes the index off its table. */
function dropping(index: DeferredIndex): string {
  if (index.kind === 'index') return `DROP INDEX ${index.name}`;
  const name = quoteIdentifier(index.name);
  return `ALTER TABLE ${index.table} DROP CONSTRAINT ${name}`;
}

/** The statement that builds it again, under the same name. */
function restoring(index: DeferredIndex): string {
  if (index.kind === 'index') return index.definition;
  const name = quoteIdentifier(index.name);
  return `ALTER TABLE ${index.table} ADD CONSTRAINT ${name} ${index.definition}`;
}
