import { capture } from '../testing/audit-harness';
import { clock, ProgressReporter } from './progress-reporter';

function reporter(tty: boolean, total?: number) {
  const out = capture();
  let now = 0;
  const progress = new ProgressReporter({
    out: out.stream,
    tty,
    label: 'rebuild timeline',
    total,
    lineEvery: 1000,
    now: () => now,
  });
  return {
    progress,
    text: out.text,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('progress without a terminal', () => {
  it('writes one plain line per 1000 events, then a last one', async () => {
    const r = reporter(false, 4000);
    for (let i = 0; i < 25; i++) {
      r.tick(100);
      r.progress.advance(100);
    }
    r.progress.finish();
    await settle();
    const lines = r.text().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'rebuild timeline 25% 1000/4000 events 1000 events/s ETA 0:03',
    );
    expect(r.text()).not.toContain('\r');
  });
});

describe('progress on a terminal', () => {
  it('redraws one line with a bar, rate and ETA, and ends it', async () => {
    const r = reporter(true, 1000);
    r.tick(1000);
    r.progress.advance(500);
    r.progress.finish();
    await settle();
    expect(r.text()).toMatch(
      /^\rrebuild timeline \[#{12}\.{12}\] 50% 500\/1000 events 500 events\/s ETA 0:01/,
    );
    expect(r.text().endsWith('\n')).toBe(true);
    expect(r.text().split('\n')).toHaveLength(2);
  });

  it('shows count and rate, no ETA, when the total is unknown', async () => {
    const r = reporter(true);
    r.tick(2000);
    r.progress.advance(300);
    await settle();
    expect(r.text()).toContain('300 events 150 events/s');
    expect(r.text()).not.toContain('ETA');
  });
});

describe('a duration on the clock', () => {
  it.each([
    [0, '0:00'],
    [59.2, '1:00'],
    [61, '1:01'],
    [3725, '1:02:05'],
  ])('shows %d seconds as %s', (seconds, text) => {
    expect(clock(seconds)).toBe(text);
  });
});
