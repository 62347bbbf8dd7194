import {
  evolveWaiverRuleTable,
  DEFAULT_INVOICE_RULES,
  feeWaiverProcess,
  initialWaiverRuleTableState,
  invoiceProcess,
  orderAnomalyProcess,
  P17_WAIVER_TABLE,
  streamNameOf,
  trafficViolationProcess,
  WAIVER_RULE_TABLE_ID,
  WAIVER_RULE_TABLE_PROCESS_ID,
  waiverRuleTableProcess,
  type InvoiceRules,
  type InvoiceState,
  type WaiverRuleTableEvent,
  type WaiverTableVersion,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';
import type {
  AutomaticWork,
  CommandEnvelope,
  CommandPreparer,
  HandoffJob,
  ProcessCatalog,
  TicketNumberAllocator,
} from '@opsdesk/messaging';
import {
  ChinaWorkingCalendar,
  ConfigError,
  deterministicUuid,
  type OpsdeskConfig,
} from '@opsdesk/platform';

/**
 * The money and compliance processes (P17, P21, P23, P25): their
 * registration, what their commands get filled in before the decision and
 * their automatic work, kept apart from the station-fault wiring.
 */
export function registerMoneyProcesses(
  catalog: ProcessCatalog,
  _config: OpsdeskConfig,
): ProcessCatalog {
  return catalog
    .register(orderAnomalyProcess, undefined)
    .register(feeWaiverProcess, undefined)
    .register(waiverRuleTableProcess, undefined)
    .register(invoiceProcess, invoiceRulesFrom(process.env))
    .register(trafficViolationProcess, {
      // China's published calendar (public holidays, make-up days).
      // TODO(#10): share the #6 calendar instance once resources hold one.
      calendar: new ChinaWorkingCalendar(),
      dueTime: violationDueTime(process.env),
    });
}

/** `VIOLATION_DUE_TIME`: when a violation day's step falls due (09:00). */
export function violationDueTime(env: NodeJS.ProcessEnv): string {
  const value = env.VIOLATION_DUE_TIME || '09:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
    throw new ConfigError('VIOLATION_DUE_TIME must be HH:MM');
  }
  return value;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number) {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) {
    throw new ConfigError(`${name} must be a non-negative integer`);
  }
  return parsed;
}

/**
 * P21's numbers (doubtful; the business should confirm them):
 * `INVOICE_E_INVOICE_ABOVE_FEN` (1000: more than 10 yuan),
 * `INVOICE_MAX_ORDER_AGE_DAYS` (90), `INVOICE_REISSUE_LIMIT_DAYS` (30).
 */
export function invoiceRulesFrom(env: NodeJS.ProcessEnv): InvoiceRules {
  const d = DEFAULT_INVOICE_RULES;
  return {
    eInvoiceAboveFen: whole(
      env,
      'INVOICE_E_INVOICE_ABOVE_FEN',
      d.eInvoiceAboveFen,
    ),
    maxOrderAgeDays: whole(
      env,
      'INVOICE_MAX_ORDER_AGE_DAYS',
      d.maxOrderAgeDays,
    ),
    reissueLimitDays: whole(
      env,
      'INVOICE_REISSUE_LIMIT_DAYS',
      d.reissueLimitDays,
    ),
  };
}

/** `OA-20261204-0042`-style numbers, one prefix per intake command. */
const NUMBER_PREFIXES: Record<string, string> = {
  'order-anomaly/ReportOrderAnomaly': 'OA',
  'fee-waiver/RequestWaiver': 'FW',
  'invoice/ApplyForEInvoice': 'IV',
  'invoice/RecordPaperInvoiceRequest': 'IV',
  'traffic-violation/EnterViolation': 'TV',
};

/** Every version of the waiver table: the manual's, then those published. */
export async function waiverTableVersions(
  store: EventStore,
): Promise<WaiverTableVersion[]> {
  const events = await store.readStream(
    streamNameOf(WAIVER_RULE_TABLE_PROCESS_ID, WAIVER_RULE_TABLE_ID),
  );
  const state = events.reduce(
    (folded, e) =>
      evolveWaiverRuleTable(folded, {
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
      } as unknown as WaiverRuleTableEvent),
    initialWaiverRuleTableState,
  );
  return [
    P17_WAIVER_TABLE,
    ...state.versions.map(({ version, effectiveFrom, rows }) => ({
      version,
      effectiveFrom,
      rows,
    })),
  ];
}

/** The preparers of the money processes' commands, by `process/command`. */
export function moneyProcessPreparers(
  numbers: TicketNumberAllocator,
  store: EventStore,
): [string, CommandPreparer][] {
  const prefixed = (key: string): CommandPreparer => {
    const prefix = NUMBER_PREFIXES[key];
    return async (command) => ({
      ...command,
      payload: {
        ...command.payload,
        ticketNumber: await numbers.next(prefix, new Date(command.issuedAt)),
      },
    });
  };
  const numbered = Object.keys(NUMBER_PREFIXES).filter(
    (key) => key !== 'fee-waiver/RequestWaiver',
  );
  return [
    ...numbered.map((key): [string, CommandPreparer] => [key, prefixed(key)]),
    [
      // The request is decided by the table in force: every version is
      // read from the log here, whatever the caller sent, and the decider
      // picks the one in force at its instant.
      'fee-waiver/RequestWaiver',
      async (command, state) => {
        const numbered = await prefixed('fee-waiver/RequestWaiver')(
          command,
          state,
        );
        return {
          ...numbered,
          payload: {
            ...numbered.payload,
            ruleTables: await waiverTableVersions(store),
          },
        };
      },
    ],
  ];
}

/**
 * The e-invoice number for a case, from its ticket number
 * (`IV-20260302-0001` → `EI-20260302-0001`).
 * TODO(#10): ask the tax e-invoice service for the number; none is
 * connected yet, so the system numbers its own invoices.
 */
export function eInvoiceNumberOf(ticketNumber: string): string {
  return ticketNumber.replace(/^IV-/, 'EI-');
}

/**
 * The system issues an e-invoice whose application passed the check
 * (4.1, 4.9). The command id comes from the causing event, so a
 * redelivered hand-off issues nothing twice.
 */
export const invoiceAutomation: AutomaticWork = {
  roles: ['system'],
  next: async (job, state) => issueEInvoice(job, state as InvoiceState),
};

function issueEInvoice(
  job: HandoffJob,
  state: InvoiceState,
): CommandEnvelope | null {
  if (job.toRole !== 'system' || state.status !== 'EINVOICE_REQUESTED') {
    return null;
  }
  return {
    commandId: deterministicUuid(`auto:${job.eventId}:IssueEInvoice`),
    processId: job.processId,
    ticketId: job.ticketId,
    type: 'IssueEInvoice',
    payload: { invoiceNo: eInvoiceNumberOf(state.ticketNumber as string) },
    actor: { id: 'auto:system', role: 'system', kind: 'automatic' },
    correlationId: job.correlationId,
    causationId: job.eventId,
    issuedAt: new Date().toISOString(),
  };
}

/** The automatic work of the money processes, by process id. */
export function moneyProcessAutomation(): [string, AutomaticWork][] {
  return [['invoice', invoiceAutomation]];
}
