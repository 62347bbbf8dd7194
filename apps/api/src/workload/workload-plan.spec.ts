import { categoriseFault } from '@opsdesk/domain';
import { planWorkload, type WorkloadStation } from './workload-plan';
import { DEFAULT_PROFILE } from './workload-profile';

const STATIONS: WorkloadStation[] = Array.from({ length: 40 }, (_, i) => ({
  id: `ST-310115-${String(i + 1).padStart(3, '0')}`,
  regionId: i % 2 ? 'rp-pudong' : 'rp-central',
  chargingPileIds:
    i % 3 === 0
      ? []
      : [`ST-310115-${String(i + 1).padStart(3, '0')}-CP01`, 'x-CP02'],
}));

// 2026-03-31 23:59 Shanghai: a whole March, with no calls cut off.
const END = new Date('2026-03-31T15:59:59.000Z');

function shanghaiHour(instant: Date): number {
  return (instant.getUTCHours() + 8) % 24;
}

describe('a month of station faults planned with one seed', () => {
  const plan = planWorkload({
    seed: 7,
    days: 31,
    end: END,
    stations: STATIONS,
  });

  it('comes out the same every time', () => {
    expect(
      planWorkload({ seed: 7, days: 31, end: END, stations: STATIONS }),
    ).toEqual(plan);
    expect(
      planWorkload({ seed: 8, days: 31, end: END, stations: STATIONS }),
    ).not.toEqual(plan);
  });

  it('has about the profile’s volume, every call inside March in order', () => {
    const mean = DEFAULT_PROFILE.callsPerDay * 31;
    expect(plan.length).toBeGreaterThan(mean * 0.8);
    expect(plan.length).toBeLessThan(mean * 1.5);
    const times = plan.map((t) => t.callTime.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse('2026-02-28T16:00:00Z'));
    expect(plan.map((t) => t.index)).toEqual(plan.map((_, i) => i));
  });

  it('has more calls in the morning peak than in the small hours', () => {
    const at = (from: number, to: number) =>
      plan.filter((t) => {
        const hour = shanghaiHour(t.callTime);
        return hour >= from && hour < to;
      }).length;
    expect(at(8, 11)).toBeGreaterThan(4 * at(2, 5));
  });

  it('describes each fault so that intake files it under its category', () => {
    for (const ticket of plan) {
      expect(
        categoriseFault(ticket.faultDescription, ticket.suspectedChargingPile),
      ).toBe(ticket.category);
    }
  });

  it('sends pile faults only to stations with piles, naming one of theirs', () => {
    const piles = plan.filter((t) => t.category === 'charging-pile');
    expect(piles.length).toBeGreaterThan(0);
    for (const ticket of piles) {
      expect(ticket.station.chargingPileIds).toContain(ticket.pileId);
    }
  });

  it('clears about the profile’s share on the first visit, and the supplier only sees piles', () => {
    const cleared = plan.filter((t) => t.path === 'cleared').length;
    expect(cleared / plan.length).toBeGreaterThan(0.45);
    expect(cleared / plan.length).toBeLessThan(0.75);
    const supplier = plan.filter((t) => t.path === 'supplier');
    expect(supplier.length).toBeGreaterThan(0);
    expect(supplier.every((t) => t.category === 'charging-pile')).toBe(true);
  });
});

describe('a window that ends now', () => {
  const end = new Date('2026-03-31T04:00:00.000Z');
  const plan = planWorkload({ seed: 7, days: 31, end, stations: STATIONS });

  it('plans no call and no step after the end', () => {
    for (const ticket of plan) {
      expect(ticket.callTime.getTime()).toBeLessThanOrEqual(end.getTime());
      for (const step of ticket.steps) {
        expect(step.at.getTime()).toBeLessThanOrEqual(end.getTime());
      }
    }
  });

  it('leaves the latest tickets part way, and keeps the earlier ones as a later end plans them', () => {
    const unfinished = plan.filter((t) => {
      const last = t.steps[t.steps.length - 1]?.name;
      return last !== 'inform-reporter' && last !== 'inform-after-clear';
    });
    expect(unfinished.length).toBeGreaterThan(0);

    const whole = planWorkload({
      seed: 7,
      days: 31,
      end: END,
      stations: STATIONS,
    });
    const strip = (t: (typeof plan)[number]) => ({ ...t, steps: [] });
    expect(plan.map(strip)).toEqual(whole.slice(0, plan.length).map(strip));
  });
});
