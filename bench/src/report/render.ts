import { RAW_CONCURRENCY } from '../end-to-end/bullmq-baseline';
import type { CpuSplit } from '../support/process-cpu';
import { formatFigure as f, markdownTable } from '../support/table';
import type { BenchResults } from './results';

const n = (v: number, d = 0) =>
  Number.isFinite(v)
    ? v.toLocaleString('en-US', {
        maximumFractionDigits: d,
        minimumFractionDigits: d,
      })
    : 'n/a';
const pct = (share: number) => `${n(share * 100, 0)}%`;

function machine(r: BenchResults): string {
  const m = r.machine;
  return [
    `Run ${r.startedAt} → ${r.finishedAt} (${r.mode}, median of ${r.reps} run${r.reps > 1 ? 's' : ''}, min–max in brackets).`,
    `Machine: ${m.nproc} vCPU (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres} (shared_buffers ${m.postgresSettings.shared_buffers}, fsync ${m.postgresSettings.fsync}, synchronous_commit ${m.postgresSettings.synchronous_commit}); Redis ${m.redis}.`,
    `Load average at start: ${m.loadAverageAtStart.join(' / ')}; per part: ${Object.entries(
      r.loadAverage,
    )
      .map(([k, v]) => `${k} ${v.before[0]}→${v.after[0]} (${v.seconds} s)`)
      .join(', ')}.`,
  ].join('\n');
}

function cpuLine(cpu: CpuSplit): string {
  const parts = Object.entries(cpu.groups)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([g, ms]) => `${g} ${n(ms / 1000, 1)} s`);
  return `CPU over ${n(cpu.wallMs / 1000, 1)} s of wall time: ${parts.join(', ')}; whole machine busy ${pct(cpu.machineBusyMs / Math.max(1, cpu.machineTotalMs))} (other users included).`;
}

/**
 * What one action costs in CPU across the system's own processes, and so
 * the most a machine of `cores` could do if it ran nothing else.
 */
function cpuPerAction(cpu: CpuSplit, actions: number, cores: number): string {
  const own = ['node (system)', 'postgres (opsdesk_bench)', 'redis (shared)'];
  const parts = own.map((g) => [g, (cpu.groups[g] ?? 0) / actions] as const);
  const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
  return `CPU per action: ${parts
    .map(([g, ms]) => `${g.split(' (')[0]} ${n(ms, 1)} ms`)
    .join(
      ' + ',
    )} = ${n(total, 1)} ms, so at most about ${n((cores * 1000) / total)} actions/s on ${cores} cores with nothing else running (Redis's figure includes its other clients; PostgreSQL's WAL writer is not counted).`;
}

function appends(r: BenchResults): string[] {
  const a = r.parts.appends;
  if (!a) return [];
  const rows = a.shapes.map((s) => [
    s.shape,
    f(s.eventsPerSecond.opsdesk),
    f(s.eventsPerSecond.emmett),
    f(s.eventsPerSecond['pg-insert']),
    f(s.opsdeskVsEmmett, 2),
    f(s.opsdeskVsPgInsert, 2),
  ]);
  rows.push([
    'global log read, pages of 500',
    f(a.reads.eventsPerSecond.opsdesk),
    f(a.reads.eventsPerSecond.emmett),
    f(a.reads.eventsPerSecond['pg-insert']),
    f(a.reads.opsdeskVsEmmett, 2),
    f(a.reads.opsdeskVsPgInsert, 2),
  ]);
  const out = [
    '### 1. Event store appends and global reads (events/s)',
    '',
    markdownTable(
      [
        'shape',
        'opsdesk',
        'Emmett 0.42',
        'plain pg INSERT',
        'opsdesk ÷ Emmett',
        'opsdesk ÷ pg',
      ],
      rows,
    ),
  ];
  for (const p of a.profiles) {
    out.push(
      '',
      `Statements per append, ${p.contender}, ${p.shape} (${n(p.appendsPerSecond)} appends/s while timed):`,
      '',
      ...(p.waits && Object.keys(p.waits).length
        ? [
            `Sessions waiting, on average: ${Object.entries(p.waits)
              .slice(0, 5)
              .map(([state, v]) => `${state} ${n(v, 2)}`)
              .join(', ')}.`,
            '',
          ]
        : []),
      markdownTable(
        ['statement', 'per append', 'mean ms', 'share of SQL time'],
        p.statements
          .slice(0, 8)
          .map((s) => [
            `\`${s.statement.replace(/\|/g, '/').slice(0, 50)}\``,
            n(s.perAppend, 2),
            n(s.meanMs, 2),
            pct(s.share),
          ]),
      ),
    );
  }
  return out;
}

function endToEnd(r: BenchResults): string[] {
  const e = r.parts.endToEnd;
  if (!e) return [];
  const b = e.backlog;
  const out = [
    '### 2. End-to-end ticket actions (queue → worker → store → projection)',
    '',
    markdownTable(
      ['measure', 'value'],
      [
        [
          'backlog drain, intake (1 action per ticket)',
          `${f(b.intake)} actions/s`,
        ],
        [
          'backlog drain, hand-off chain (create task → auto dispatch → auto assign)',
          `${f(b.chain)} actions/s`,
        ],
        ['backlog drain, both phases', `${f(b.combined)} actions/s`],
        [
          'lost / failed jobs / rejected commands',
          `${b.lost} / ${b.failedJobs} / ${b.rejected}`,
        ],
        [
          `raw BullMQ, trivial handler, concurrency ${RAW_CONCURRENCY}, same Redis`,
          `${f(e.rawBullmq)} jobs/s`,
        ],
      ],
    ),
    '',
    '### 3. Fixed offered load: enqueue → read model, and projection lag (ms)',
    '',
    markdownTable(
      [
        'offered',
        'achieved',
        'e2e p50',
        'e2e p99',
        'e2e max',
        'lag p50',
        'lag p99',
        'not visible in bound',
        'longest foreign tx',
      ],
      e.loads.map((l) => [
        `${l.offeredRate}/s for ${n(Math.max(...l.runs.map((x) => x.offeredForMs)) / 1000)} s${l.runs.some((x) => x.overCapacity) ? ' (over capacity)' : ''}`,
        f(l.achievedRate),
        f(l.e2eP50),
        f(l.e2eP99),
        f(l.e2eMax),
        f(l.lagP50),
        f(l.lagP99),
        String(l.notVisibleInBound),
        `${n(l.longestForeignTransactionMs)} ms`,
      ]),
    ),
  ];
  if (e.profile) {
    const p = e.profile;
    out.push(
      '',
      `Where the time goes in a backlog drain (${p.actions} actions, profiled separately):`,
      '',
      cpuLine(p.cpu),
      '',
      cpuPerAction(p.cpu, p.actions, r.machine.nproc),
      '',
      `System process CPU by area (${n(p.cpuProfile.busyMs / 1000, 1)} s on CPU): ${p.cpuProfile.byArea
        .slice(0, 8)
        .map((x) => `${x.area} ${pct(x.share)}`)
        .join(', ')}.`,
      '',
      markdownTable(
        ['statement (system process)', 'per action', 'mean ms'],
        p.statements
          .slice(0, 10)
          .map((s) => [
            `\`${s.statement.replace(/\|/g, '/').slice(0, 50)}\``,
            n(s.perAction, 2),
            n(s.meanMs, 2),
          ]),
      ),
      '',
      `SQL statements per action in all: ${n(
        p.statements.reduce((sum, s) => sum + s.perAction, 0),
        1,
      )} (the ${Math.min(10, p.statements.length)} costliest above).`,
    );
  }
  return out;
}

function scaled(r: BenchResults): string[] {
  const s = r.parts.scaled;
  if (!s) return [];
  const rows = [s.single, s.scaled];
  return [
    '### 6. Scaled topology beside the single process (backlog drain, both phases)',
    '',
    markdownTable(
      ['topology', 'processes', 'actions/s', 'ratio to single-process'],
      rows.map((t, i) => [
        t.topology,
        t.processes,
        f(t.backlog.combined),
        i === 0 ? '1' : `${f(s.ratio, 2)} ×`,
      ]),
    ),
    '',
    ...rows.flatMap((t) => [
      `${t.topology}: intake ${f(t.backlog.intake)}, hand-off chain ${f(t.backlog.chain)} actions/s; lost / failed jobs / rejected: ${t.backlog.lost} / ${t.backlog.failedJobs} / ${t.backlog.rejected}. ${cpuLine(t.cpu)}`,
      '',
    ]),
    '',
    `Leases at the end: ${
      Object.entries(s.scaled.leases)
        .map(([holder, count]) => `${holder} ${count}`)
        .join(', ') || 'none held'
    }.`,
  ];
}

function rebuild(r: BenchResults): string[] {
  const x = r.parts.rebuild;
  if (!x) return [];
  const rows: string[][] = [
    [
      'events/s, all read models (`rebuild all`, one pass)',
      f(x.eventsPerSecond),
    ],
    ...(x.oneAfterAnotherEventsPerSecond
      ? [
          [
            'events/s, the read models rebuilt alone, one after another',
            f(x.oneAfterAnotherEventsPerSecond),
          ],
        ]
      : []),
    ...x.perProjection.map((p) => [
      `events/s, ${p.projection} alone`,
      f(p.eventsPerSecond),
    ]),
    ['peak RSS of the rebuilding process', `${f(x.peakRssMiB)} MiB`],
    [
      'complete within the time limit',
      x.complete ? 'yes' : 'no (rates over the part rebuilt)',
    ],
  ];
  if (x.auditRuns.length) {
    rows.push([
      'projection runners catching up from zero, all at once',
      `${f(x.runnersEventsPerSecond)} events/s (${x.runners
        .map(
          (run) =>
            `${n(run.eventsRebuilt)} events in ${n(run.elapsedMs / 1000)} s`,
        )
        .join(', ')})`,
    ]);
  }
  const out = [
    '### 4. Rebuild of every read model',
    '',
    `Method: ${x.method}. Log: ${n(x.log.events)} events, ${n(x.log.tickets)} tickets (${n(x.log.openTickets)} still open), loaded in ${n(x.log.elapsedMs / 1000)} s.`,
    '',
    markdownTable(['measure', 'value'], rows),
  ];
  if (x.profile) {
    out.push(
      '',
      `Profile of ${x.profile.of} (${n(x.profile.seconds, 0)} s, ${n(x.profile.eventsPerSecond)} events/s): CPU by area ${x.profile.cpuProfile.byArea
        .slice(0, 6)
        .map((a) => `${a.area} ${pct(a.share)}`)
        .join(
          ', ',
        )}; ${n(x.profile.cpuProfile.busyMs / 1000, 1)} s on CPU of ${n(x.profile.cpuProfile.wallMs / 1000, 1)} s.`,
      '',
      markdownTable(
        [
          'statement (rebuilding process)',
          'per event and read model',
          'mean ms',
        ],
        x.profile.statements
          .slice(0, 8)
          .map((s) => [
            `\`${s.statement.replace(/\|/g, '/').slice(0, 50)}\``,
            n(s.perEvent, 2),
            n(s.meanMs, 2),
          ]),
      ),
    );
  }
  return out;
}

function queriesProfile(r: BenchResults): string[] {
  const p = r.parts.queries?.profile;
  if (!p) return [];
  return [
    '',
    `Where a ticket view's time goes (${n(p.requests)} paced requests, API process profiled): ${n(p.cpuProfile.busyMs / 1000, 1)} s on CPU of ${n(p.cpuProfile.wallMs / 1000, 1)} s; by area ${p.cpuProfile.byArea
      .slice(0, 8)
      .map((a) => `${a.area} ${pct(a.share)}`)
      .join(', ')}.`,
    '',
    markdownTable(
      ['statement (API process)', 'per request', 'mean ms'],
      p.statements
        .slice(0, 6)
        .map((s) => [
          `\`${s.statement.replace(/\|/g, '/').slice(0, 50)}\``,
          n(s.perRequest, 2),
          n(s.meanMs, 2),
        ]),
    ),
  ];
}

function queries(r: BenchResults): string[] {
  const q = r.parts.queries;
  if (!q) return [];
  return [
    `### 5. Queries at ${q.rate} requests/s (${q.connections} connections at most, separate process)`,
    '',
    `Data: ${Object.entries(q.dataset)
      .map(([t, c]) => `${t} ${n(c)} rows`)
      .join(
        ', ',
      )}. Report: ${q.reportNote}. Probe answers before the load: ${Object.entries(
      q.probes,
    )
      .map(([k, v]) => `${k.split(' (')[0]} ${v.status}`)
      .join(', ')}${q.authenticated ? ' (with a bearer token)' : ''}.`,
    '',
    'Offered two ways: _paced_, one request every 5 ms, open-loop, latency from the moment each was due (the target is judged on it); _autocannon_, whose `overallRate` sends each second’s requests as one burst at the start of the second (a stress figure, see Method).',
    '',
    markdownTable(
      [
        'query',
        'offer',
        'p50 ms',
        'p99 ms',
        'max ms',
        'achieved req/s',
        'CPU ms/request (API + PostgreSQL)',
        'answers',
      ],
      q.queries.map((x) => [
        x.query,
        x.offer ?? 'autocannon',
        f(x.p50, x.offer === 'paced' ? 1 : 0),
        f(x.p99, x.offer === 'paced' ? 1 : 0),
        f(x.max, x.offer === 'paced' ? 1 : 0),
        f(x.achievedRate),
        x.cpuApiMs && x.cpuPostgresMs
          ? `${n(x.cpuApiMs.median, 2)} + ${n(x.cpuPostgresMs.median, 2)}`
          : 'n/a',
        answers(x),
      ]),
    ),
  ];
}

/** `8997 × 200, 3 errors (ECONNRESET 3)`: codes where they were recorded. */
function answers(x: {
  statusCodes: Record<string, number>;
  errors: number;
  errorCodes?: Record<string, number>;
}): string {
  const byStatus = Object.entries(x.statusCodes)
    .map(([code, count]) => `${count} × ${code}`)
    .join(', ');
  if (!x.errors) return byStatus;
  const codes = Object.entries(x.errorCodes ?? {});
  const why = codes.length
    ? ` (${codes.map(([code, count]) => `${code} ${count}`).join(', ')})`
    : '';
  return `${byStatus}, ${x.errors} errors${why}`;
}

function targets(r: BenchResults): string[] {
  if (!r.targets?.length) return [];
  return [
    '### Targets (2-core machine)',
    '',
    markdownTable(
      ['target', 'required', 'measured (median)', 'met', 'gap'],
      r.targets.map((t) => [
        t.target,
        t.required,
        t.measured,
        t.met === null ? 'n/a' : t.met ? 'yes' : 'no',
        t.gap,
      ]),
    ),
  ];
}

/** The table the bench prints and writes into BENCHMARKS.md. */
export function renderReport(r: BenchResults): string {
  return [
    machine(r),
    '',
    ...targets(r),
    '',
    ...appends(r),
    '',
    ...endToEnd(r),
    '',
    ...rebuild(r),
    '',
    ...queries(r),
    ...queriesProfile(r),
    '',
    ...scaled(r),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
