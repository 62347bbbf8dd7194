import type { FaultCategory } from '@opsdesk/domain';
import { SeededRandom } from '@opsdesk/stations';
import { isHoliday } from 'chinese-days';
import {
  DEFAULT_PROFILE,
  DESCRIPTIONS,
  REPORTER_NAMES,
  STEP_MINUTES,
  type WorkloadProfile,
} from './workload-profile';

/** A station as `GET /stations` lists it, with its region's subsidiary. */
export interface WorkloadStation {
  id: string;
  regionId: string;
  chargingPileIds: readonly string[];
  /** Whose people act on its tickets; the client's own when absent. */
  subsidiaryId?: string;
}

export interface WorkloadOptions {
  seed: number;
  /** Shanghai days in the window, ending with the day of `end`. */
  days: number;
  /** The window's end: no call after it, no step after it. */
  end: Date;
  stations: readonly WorkloadStation[];
  profile?: WorkloadProfile;
}

/**
 * How a ticket goes: cleared on the first visit, or escalated to
 * operations, who send the supplier or repair on site themselves.
 */
export type TicketPath = 'cleared' | 'supplier' | 'ops-repair';

/** The steps the runner issues, in order; automatic ones are waited for. */
export type StepName =
  | 'report'
  | 'create-task'
  | 'start-inspection'
  | 'inspection-result'
  | 'inform-after-clear'
  | 'report-unresolved'
  | 'escalate'
  | 'assign-ops-team'
  | 'classify'
  | 'repair-not-fixed'
  | 'classify-again'
  | 'repair-fixed'
  | 'report-result'
  | 'notify-customer-service'
  | 'inform-reporter';

export interface PlannedStep {
  name: StepName;
  /** The simulated instant; only steps at or before `end` are issued. */
  at: Date;
}

export interface PlannedTicket {
  /** 0-based, in call order: with the seed, names the idempotency keys. */
  index: number;
  callTime: Date;
  station: WorkloadStation;
  category: FaultCategory;
  faultDescription: string;
  suspectedChargingPile: boolean;
  /** Given at intake only when the caller suspects the pile. */
  chargingPileId?: string;
  /** The faulty pile, for operations to name when they send the supplier. */
  pileId?: string;
  reporter: {
    type: 'property-management' | 'user';
    name?: string;
    phone: string;
  };
  path: TicketPath;
  /** The steps reached by `end`; the rest never happen in this run. */
  steps: PlannedStep[];
}

const HOUR = 3_600_000;
const SHANGHAI_OFFSET = 8 * HOUR;

/** Midnight in Shanghai, as an instant, of the day `instant` falls on. */
function shanghaiMidnight(instant: Date): number {
  const local = instant.getTime() + SHANGHAI_OFFSET;
  return local - (local % (24 * HOUR)) - SHANGHAI_OFFSET;
}

/** Knuth's method; fine for the small means of one hour. */
function poisson(random: SeededRandom, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count += 1;
    product *= random.next();
  }
  return count;
}

function weighted<T extends string>(
  random: SeededRandom,
  weights: Readonly<Record<T, number>>,
): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let point = random.next() * total;
  for (const [key, weight] of entries) {
    point -= weight;
    if (point < 0) return key;
  }
  return entries[entries.length - 1][0];
}

function minutes(random: SeededRandom, [low, high]: readonly number[]) {
  // Log-uniform: most steps are quick, a few take much longer.
  const value = Math.exp(
    Math.log(low) + random.next() * (Math.log(high) - Math.log(low)),
  );
  return value * 60_000;
}

/** The day's call rate factor: weekday, and public holidays. */
function dayFactor(profile: WorkloadProfile, midnight: number): number {
  const day = new Date(midnight + SHANGHAI_OFFSET);
  const weekday = (day.getUTCDay() + 6) % 7;
  const iso = day.toISOString().slice(0, 10);
  const holiday = isHoliday(iso) && weekday < 5;
  return holiday ? profile.holidayFactor : profile.weekdayFactors[weekday];
}

/**
 * A month (or `days`) of calls over the station registry, and how far
 * each ticket gets by `end`: arrivals per hour from the profile's rates,
 * category, path and step durations drawn from one seeded generator, so
 * the same seed and window give the same plan.
 */
export function planWorkload(options: WorkloadOptions): PlannedTicket[] {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const random = new SeededRandom(options.seed);
  const end = options.end.getTime();
  const withPiles = options.stations.filter((s) => s.chargingPileIds.length);
  const hourTotal = profile.hourWeights.reduce((a, b) => a + b, 0);
  const tickets: PlannedTicket[] = [];

  const lastMidnight = shanghaiMidnight(options.end);
  for (let d = options.days - 1; d >= 0; d--) {
    const midnight = lastMidnight - d * 24 * HOUR;
    const factor = dayFactor(profile, midnight);
    for (let hour = 0; hour < 24; hour++) {
      const start = midnight + hour * HOUR;
      const mean =
        (profile.callsPerDay * factor * profile.hourWeights[hour]) / hourTotal;
      const calls = poisson(random, mean);
      const arrivals = Array.from(
        { length: calls },
        () => start + Math.floor(random.next() * HOUR),
      ).sort((a, b) => a - b);
      for (const at of arrivals) {
        // Draw before the cut, so a later `end` keeps earlier tickets.
        const ticket = planTicket(random, profile, options, withPiles, at);
        if (at <= end) {
          tickets.push({
            ...ticket,
            index: tickets.length,
            steps: ticket.steps.filter((s) => s.at.getTime() <= end),
          });
        }
      }
    }
  }
  return tickets;
}

function planTicket(
  random: SeededRandom,
  profile: WorkloadProfile,
  options: WorkloadOptions,
  withPiles: readonly WorkloadStation[],
  at: number,
): PlannedTicket {
  let category = weighted(random, profile.categoryMix);
  if (category === 'charging-pile' && withPiles.length === 0)
    category = 'other';
  const station =
    category === 'charging-pile'
      ? random.pick(withPiles)
      : random.pick(options.stations);
  const template = random.pick(DESCRIPTIONS[category]);
  let faultDescription = template;
  let suspectedChargingPile = false;
  let pileId: string | undefined;
  if (category === 'charging-pile') {
    const pile = random.int(0, station.chargingPileIds.length - 1);
    pileId = station.chargingPileIds[pile];
    faultDescription = template.replace('{pile}', String(pile + 1));
    // Most callers say it is the pile; some only describe the symptom.
    suspectedChargingPile = random.next() < 0.85;
  }
  const property = random.next() < profile.propertyManagement;
  const reporter = {
    type: property ? ('property-management' as const) : ('user' as const),
    ...(property ? { name: random.pick(REPORTER_NAMES) } : {}),
    phone: `13${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
  };

  const cleared = random.next() < profile.clearedFirstVisit[category];
  const path: TicketPath = cleared
    ? 'cleared'
    : category === 'charging-pile' && random.next() < profile.supplierShare
      ? 'supplier'
      : 'ops-repair';
  return {
    index: -1,
    callTime: new Date(at),
    station,
    category,
    faultDescription,
    suspectedChargingPile,
    ...(pileId && suspectedChargingPile ? { chargingPileId: pileId } : {}),
    ...(pileId ? { pileId } : {}),
    reporter,
    path,
    steps: planSteps(random, profile, path, at),
  };
}

function planSteps(
  random: SeededRandom,
  profile: WorkloadProfile,
  path: TicketPath,
  callTime: number,
): PlannedStep[] {
  const steps: PlannedStep[] = [];
  let at = callTime;
  const step = (name: StepName, range: readonly number[]) => {
    at += minutes(random, range);
    steps.push({ name, at: new Date(at) });
  };
  const m = STEP_MINUTES;

  step('report', m.intake);
  step('create-task', m.createTask);
  step('start-inspection', m.inspectorArrives);
  step('inspection-result', m.inspection);
  if (path === 'cleared') {
    step('inform-after-clear', m.informReporter);
    return steps;
  }
  step('report-unresolved', m.platformReports);
  step('escalate', m.dispatchEscalates);
  step('assign-ops-team', m.managerAssigns);
  step('classify', m.opsClassifies);
  const repair =
    path === 'supplier'
      ? random.next() < profile.supplierHangs
        ? m.supplierHangs
        : m.supplierRepairs
      : m.opsRepairs;
  if (random.next() < profile.secondAttempt) {
    step('repair-not-fixed', repair);
    step('classify-again', m.opsClassifies);
  }
  step('repair-fixed', repair);
  step('report-result', m.resultToManager);
  step('notify-customer-service', m.notify);
  step('inform-reporter', m.informReporter);
  return steps;
}
