import {
  DEADLINE_POLICY_PROCESS_ID,
  evolveDeadlinePolicy,
  initialDeadlinePolicyState,
  streamNameOf,
  type DeadlinePolicyEvent,
  type DeadlinePolicyVersion,
} from '@opsdesk/domain';
import type { EventStore } from '@opsdesk/event-store';

/**
 * The published versions of one policy, read from its stream
 * (`deadline-policy-<name>`) and kept until told the stream changed.
 */
export class DeadlinePolicies {
  private cached?: Promise<DeadlinePolicyVersion[]>;

  constructor(
    private readonly store: EventStore,
    readonly name: string,
  ) {}

  get streamName(): string {
    return streamNameOf(DEADLINE_POLICY_PROCESS_ID, this.name);
  }

  versions(): Promise<DeadlinePolicyVersion[]> {
    this.cached ??= this.read().catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  /** Called when a version is published, so the next read sees it. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async read(): Promise<DeadlinePolicyVersion[]> {
    const events = await this.store.readStream(this.streamName);
    const state = events.reduce(
      (s, e) =>
        evolveDeadlinePolicy(s, {
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
        } as unknown as DeadlinePolicyEvent),
      initialDeadlinePolicyState,
    );
    return state.versions;
  }
}
