import type { BenchResults } from './results';

/** One of the figures, and whether this run reached it. */
export interface TargetVerdict {
  target: string;
  required: string;
  measured: string;
  met: boolean | null;
  /** How far off, when missed (a factor or an amount). */
  gap: string;
}

const fmt = (v: number, d = 0) =>
  Number.isFinite(v)
    ? v.toLocaleString('en-US', {
        maximumFractionDigits: d,
        minimumFractionDigits: d,
      })
    : 'n/a';

function atLeast(
  target: string,
  measured: number,
  required: number,
  unit: string,
  digits = 0,
): TargetVerdict {
  const met = Number.isFinite(measured) ? measured >= required : null;
  return {
    target,
    required: `≥ ${fmt(required, digits)} ${unit}`,
    measured: `${fmt(measured, digits)} ${unit}`,
    met,
    gap:
      met === false
        ? `${fmt(required / measured, 1)}× short (${fmt(required - measured, digits)} ${unit} missing)`
        : '',
  };
}

function atMost(
  target: string,
  measured: number,
  limit: number,
  unit: string,
): TargetVerdict {
  const met = Number.isFinite(measured) ? measured <= limit : null;
  return {
    target,
    required: `≤ ${fmt(limit)} ${unit}`,
    measured: `${fmt(measured, 1)} ${unit}`,
    met,
    gap:
      met === false
        ? `${fmt(measured / limit, 1)}× over (+${fmt(measured - limit)} ${unit})`
        : '',
  };
}

/** The figures for a 2-core machine, judged on medians. */
export function judgeTargets(results: BenchResults): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const e2e = results.parts.endToEnd;
  if (e2e) {
    const verdict = atLeast(
      'End-to-end actions/s, backlog drain (intake + hand-off chain)',
      e2e.backlog.combined.median,
      1000,
      'actions/s',
    );
    const lost =
      e2e.backlog.lost + e2e.backlog.failedJobs + e2e.backlog.rejected;
    verdict.measured += lost === 0 ? ', zero lost' : `, ${lost} lost/failed`;
    if (lost > 0) verdict.met = false;
    out.push(verdict);
    const at500 = e2e.loads.find((l) => l.offeredRate === 500);
    if (at500) {
      out.push(
        atMost(
          'p99 enqueue → read model at 500 actions/s',
          at500.e2eP99.median,
          100,
          'ms',
        ),
        atMost(
          'Projection lag p99 at 500 actions/s',
          at500.lagP99.median,
          50,
          'ms',
        ),
      );
    }
  }
  const appends = results.parts.appends;
  if (appends) {
    const shape = appends.shapes.find((s) =>
      s.shape.startsWith('1 event/append, 8'),
    );
    if (shape) {
      out.push(
        atLeast(
          'Appends vs Emmett, 1 event/append, 8 in flight',
          shape.opsdeskVsEmmett.median,
          2.5,
          '×',
          2,
        ),
      );
    }
  }
  const rebuild = results.parts.rebuild;
  if (rebuild) {
    const verdict = atLeast(
      'Rebuild events/s (all read models)',
      rebuild.eventsPerSecond.median,
      100_000,
      'events/s',
    );
    if (!rebuild.complete) verdict.measured += ' (time-bounded, partial)';
    out.push(verdict);
  }
  const queries = results.parts.queries;
  if (queries) {
    // Judged on the offer the figure names: the rate, evenly spaced.
    const view = queries.queries.find(
      (q) => q.query === 'ticket view' && q.offer === 'paced',
    );
    if (view) {
      const verdict = atMost(
        `Ticket view p99 at ${queries.rate} req/s (paced)`,
        view.p99.median,
        20,
        'ms',
      );
      verdict.required = '< 20 ms';
      verdict.met = Number.isFinite(view.p99.median)
        ? view.p99.median < 20
        : null;
      if (verdict.met) verdict.gap = '';
      out.push(verdict);
    }
  }
  return out;
}
