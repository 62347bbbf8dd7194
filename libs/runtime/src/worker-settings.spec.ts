import { workerSettings } from './worker-settings';

describe('workerSettings', () => {
  it('runs 64 jobs of a role at once unless WORKER_CONCURRENCY says otherwise', () => {
    expect(workerSettings({}).concurrency).toBe(64);
    expect(workerSettings({ WORKER_CONCURRENCY: '8' }).concurrency).toBe(8);
    expect(workerSettings({ WORKER_CONCURRENCY: '0' }).concurrency).toBe(1);
  });

  it('refuses a concurrency that is not a whole number, naming the setting', () => {
    expect(() => workerSettings({ WORKER_CONCURRENCY: 'many' })).toThrow(
      'WORKER_CONCURRENCY',
    );
  });
});
