import type { Pool } from 'pg';
import { REPAIR_ORDER_TABLES } from './repair-order.read-model';

export interface RepairStatistics {
  /** Visits per plate, most repaired first, and how many were comebacks. */
  vehicles: { plate: string; repairs: number; comebacks: number }[];
  /** Average minutes per stage over the archived repairs. */
  averageStageMinutes: Record<string, number>;
  archived: number;
}

/**
 * G8 §8: statistics from the repair records: repeat repairs per vehicle
 * over every visit, time per stage over the archived ones.
 */
export async function repairStatistics(
  pool: Pool,
  /** Whose visits count: headquarters all, anyone else their subsidiary's. */
  visibility: { headquarters?: boolean; subsidiary?: string },
  shopCode?: string,
): Promise<RepairStatistics> {
  const t = REPAIR_ORDER_TABLES.tickets;
  const params = [
    shopCode ?? null,
    visibility.headquarters === true,
    visibility.subsidiary ?? null,
  ];
  const scope = `($1::text IS NULL OR facts->>'shopCode' = $1)
        AND ($2::boolean OR subsidiary_id IS NOT DISTINCT FROM $3::text)`;
  // One vehicle per plate key, shown by the plate as first typed; a row
  // projected before plates had a key is grouped by its plate.
  const vehicles = await pool.query<{
    plate: string;
    repairs: string;
    comebacks: string;
  }>(
    `SELECT (array_agg(facts->>'plate' ORDER BY reported_at, ticket_id))[1]
              AS plate,
            count(*) AS repairs,
            count(*) FILTER (WHERE (facts->>'comeback')::boolean) AS comebacks
       FROM ${t}
      WHERE status <> 'NEW' AND facts->>'plate' IS NOT NULL AND ${scope}
      GROUP BY COALESCE(facts->>'plateKey', facts->>'plate')
      ORDER BY count(*) DESC, 1`,
    params,
  );
  const stages = await pool.query<{ stage: string; minutes: string }>(
    `SELECT s.key AS stage, avg(s.value::numeric) AS minutes
       FROM ${t},
            -- Only an archived visit has its stages; others hold null.
            jsonb_each_text(
              CASE WHEN jsonb_typeof(facts->'stageMinutes') = 'object'
                   THEN facts->'stageMinutes' ELSE '{}'::jsonb END
            ) AS s
      WHERE status = 'ARCHIVED' AND ${scope}
      GROUP BY s.key`,
    params,
  );
  const archived = await pool.query<{ count: string }>(
    `SELECT count(*) AS count FROM ${t}
      WHERE status = 'ARCHIVED' AND ${scope}`,
    params,
  );
  return {
    vehicles: vehicles.rows.map((r) => ({
      plate: r.plate,
      repairs: Number(r.repairs),
      comebacks: Number(r.comebacks),
    })),
    averageStageMinutes: Object.fromEntries(
      stages.rows.map((r) => [r.stage, Math.round(Number(r.minutes))]),
    ),
    archived: archived.rows[0]?.count ? Number(archived.rows[0].count) : 0,
  };
}
