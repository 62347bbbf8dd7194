/** Open tickets per holder, and a way to count one more. */
export interface OpenWork {
  readonly open: Readonly<Record<string, number>>;
  /** One more open ticket for the holder, until the next read counts it. */
  take(holderId: string): void;
}

type ReadCounts<Role extends string> = (
  role: Role,
  holderIds: string[],
) => Promise<Record<string, number>>;

interface Snapshot {
  readAt: number;
  counts: Promise<Record<string, number>>;
}

/**
 * The open work of each holder, for balancing assignments: read from the
 * read model at most every `maxAgeMs`, and counted up in between for the
 * assignments made here. A burst of assignments then spreads over the
 * holders instead of all going to the one the last read found least busy
 * (the read model would not show them for a moment anyway), and a burst
 * costs one count query, not one per assignment. Another process's
 * assignments show at the next read.
 */
export class OpenWorkTally<Role extends string = string> {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(
    private readonly read: ReadCounts<Role>,
    private readonly maxAgeMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async of(role: Role, holderIds: readonly string[]): Promise<OpenWork> {
    const key = `${role}\n${holderIds.join('\n')}`;
    const counts = await this.snapshot(key, role, holderIds).counts;
    return {
      open: counts,
      take: (holderId) => {
        counts[holderId] = (counts[holderId] ?? 0) + 1;
      },
    };
  }

  private snapshot(
    key: string,
    role: Role,
    holderIds: readonly string[],
  ): Snapshot {
    const held = this.snapshots.get(key);
    const now = this.now();
    if (held && now - held.readAt < this.maxAgeMs) return held;
    this.forgetOlderThan(now - this.maxAgeMs);
    const snapshot: Snapshot = {
      readAt: now,
      counts: this.read(role, [...holderIds]).then((counts) => ({
        ...counts,
      })),
    };
    // A failed read is not kept: the next assignment reads again.
    snapshot.counts.catch(() => {
      if (this.snapshots.get(key) === snapshot) this.snapshots.delete(key);
    });
    this.snapshots.set(key, snapshot);
    return snapshot;
  }

  /** Rosters change with the shifts; old candidate lists are dropped. */
  private forgetOlderThan(time: number): void {
    for (const [key, snapshot] of this.snapshots) {
      if (snapshot.readAt < time) this.snapshots.delete(key);
    }
  }
}
