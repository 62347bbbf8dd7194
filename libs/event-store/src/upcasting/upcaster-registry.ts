import type { RecordedEvent } from '../event-store.port';
import type { Upcaster } from './upcaster';

export type UpcasterChainProblem =
  'not-forwards' | 'duplicate-from-version' | 'chain-gap';

/** The upcasters given cannot chain every old version to the latest. */
export class UpcasterChainError extends Error {
  readonly code = 'INVALID_UPCASTER_CHAIN';

  constructor(
    readonly type: string,
    readonly fromVersion: number,
    readonly problem: UpcasterChainProblem,
  ) {
    super(`Upcasters of ${type} from version ${fromVersion}: ${problem}`);
  }
}

/**
 * Upcasters by event type, checked when built: each goes forwards, each
 * version has at most one, and from every version one upcasts from, the
 * chain reaches the type's latest version.
 */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcaster>>();
  private readonly latest = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.add(upcaster);
    for (const [type, chain] of this.byType) this.checkChain(type, chain);
  }

  /** The version events of `type` are read at, if any upcaster knows it. */
  latestVersion(type: string): number | undefined {
    return this.latest.get(type);
  }

  /**
   * The event with its data at the latest version of its type, or the
   * event itself when nothing applies (unknown type, current version, or
   * a version no upcaster starts from, such as a newer one).
   */
  upcast(event: RecordedEvent): RecordedEvent {
    const chain = this.byType.get(event.type);
    let upcaster = chain?.get(event.schemaVersion);
    if (!chain || !upcaster) return event;
    let data = structuredClone(event.data);
    let version = event.schemaVersion;
    const metadata = structuredClone(event.metadata);
    while (upcaster) {
      data = upcaster.upcast(data, metadata);
      version = upcaster.toVersion;
      upcaster = chain.get(version);
    }
    return { ...event, schemaVersion: version, data };
  }

  private add(upcaster: Upcaster): void {
    const { type, fromVersion, toVersion } = upcaster;
    if (
      !Number.isInteger(fromVersion) ||
      !Number.isInteger(toVersion) ||
      toVersion <= fromVersion
    ) {
      throw new UpcasterChainError(type, fromVersion, 'not-forwards');
    }
    const chain = this.byType.get(type) ?? new Map<number, Upcaster>();
    if (chain.has(fromVersion)) {
      throw new UpcasterChainError(type, fromVersion, 'duplicate-from-version');
    }
    chain.set(fromVersion, upcaster);
    this.byType.set(type, chain);
    this.latest.set(type, Math.max(this.latest.get(type) ?? 0, toVersion));
  }

  private checkChain(type: string, chain: Map<number, Upcaster>): void {
    const latest = this.latest.get(type) as number;
    for (const start of chain.keys()) {
      let version = start;
      while (chain.has(version)) {
        version = (chain.get(version) as Upcaster).toVersion;
      }
      if (version !== latest) {
        throw new UpcasterChainError(type, start, 'chain-gap');
      }
    }
  }
}
