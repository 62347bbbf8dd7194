import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/** Samples this process's CPU through the inspector, between start and stop. */
export class CpuProfiler {
  private session?: Session;

  private post<T>(method: string, params?: object): Promise<T> {
    return new Promise((resolve, reject) => {
      this.session?.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result as T),
      );
    });
  }

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.post('Profiler.start');
  }

  /** Writes the profile (Chrome DevTools format) and returns it. */
  async stop(file: string): Promise<unknown> {
    const { profile } = await this.post<{ profile: unknown }>('Profiler.stop');
    this.session?.disconnect();
    this.session = undefined;
    writeFileSync(file, JSON.stringify(profile));
    return profile;
  }
}
