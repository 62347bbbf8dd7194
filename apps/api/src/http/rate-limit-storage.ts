import { AsyncResource } from 'node:async_hooks';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<
  ReturnType<ThrottlerStorage['increment']>
>;

/** How often keys with no live hit and no block are forgotten. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The expiry times of one key's hits, oldest first. Expired ones leave
 * from the front, so a request costs O(1) however many hits the window
 * holds. An expiry earlier than the last (a route whose ttl changed) is
 * put in its place, which keeps the order.
 */
class HitExpirations {
  private times: number[] = [];
  private head = 0;

  get count(): number {
    return this.times.length - this.head;
  }

  /** The earliest live expiry, if any. */
  get earliest(): number | undefined {
    return this.count > 0 ? this.times[this.head] : undefined;
  }

  add(expiresAt: number): void {
    const times = this.times;
    if (this.count === 0 || times[times.length - 1] <= expiresAt) {
      times.push(expiresAt);
      return;
    }
    let at = times.length;
    while (at > this.head && times[at - 1] > expiresAt) at--;
    times.splice(at, 0, expiresAt);
  }

  /** Forgets every hit that expired at or before `now`. */
  prune(now: number): void {
    const times = this.times;
    while (this.head < times.length && times[this.head] <= now) this.head++;
    if (this.head === times.length) {
      this.times = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > times.length) {
      this.times = times.slice(this.head);
      this.head = 0;
    }
  }

  clear(): void {
    this.times = [];
    this.head = 0;
  }

  hasLive(now: number): boolean {
    return this.count > 0 && this.times[this.times.length - 1] > now;
  }
}

interface KeyRecord {
  totalHits: Map<string, number>;
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
  hits: Map<string, HitExpirations>;
}

/**
 * The rate limiter's in-memory store: the same sliding log of hits, and
 * the same answers, as @nestjs/throttler's own `ThrottlerStorageService`
 * (6.x), whose every request filters the key's whole log into a new array:
 * O(hits in the window) time and garbage per request, which at 200
 * requests a second from one subject (12,000 hits a minute) was a sixth of
 * a ticket view's CPU. Here expired hits leave from the front of an
 * ordered queue instead. Counted per API process, as before (TODO(#7) in
 * api.module.ts).
 */
export class SlidingWindowStorage
  implements ThrottlerStorage, OnApplicationShutdown
{
  private readonly records = new Map<string, KeyRecord>();
  private sweep: NodeJS.Timeout | undefined;
  /** Started outside any request, so the timer keeps no request's context. */
  private readonly startSweep = AsyncResource.bind(() => {
    this.sweep = setInterval(() => this.evictIdleRecords(), SWEEP_INTERVAL_MS);
    this.sweep.unref();
  });

  constructor(private readonly now: () => number = Date.now) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    this.ensureSweep();
    let record = this.records.get(key);
    if (!record) {
      record = {
        totalHits: new Map([[throttlerName, 0]]),
        expiresAt: this.now() + ttl,
        blockExpiresAt: 0,
        isBlocked: false,
        hits: new Map(),
      };
      this.records.set(key, record);
    }
    const hits = this.hitsOf(record, throttlerName);
    hits.prune(this.now());
    record.totalHits.set(throttlerName, hits.count);
    let timeToExpire = this.secondsUntil(record.expiresAt);
    if (timeToExpire <= 0) {
      record.expiresAt = this.now() + ttl;
      timeToExpire = this.secondsUntil(record.expiresAt);
    }
    if (blockDuration <= 0) {
      return this.incrementWithoutBlock(
        record,
        hits,
        ttl,
        limit,
        throttlerName,
        timeToExpire,
      );
    }
    if (!record.isBlocked) this.fire(record, hits, throttlerName, ttl);
    if (totalOf(record, throttlerName) > limit && !record.isBlocked) {
      record.isBlocked = true;
      record.blockExpiresAt = this.now() + blockDuration;
    }
    const timeToBlockExpire = this.secondsUntil(record.blockExpiresAt);
    if (timeToBlockExpire <= 0 && record.isBlocked) {
      record.isBlocked = false;
      record.totalHits.set(throttlerName, 0);
      hits.clear();
      this.fire(record, hits, throttlerName, ttl);
    }
    return {
      totalHits: totalOf(record, throttlerName),
      timeToExpire,
      isBlocked: record.isBlocked,
      timeToBlockExpire,
    };
  }

  /** How many keys are tracked now. */
  get size(): number {
    return this.records.size;
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = undefined;
    this.records.clear();
  }

  /** Forgets keys that are neither blocked nor hold a live hit. */
  evictIdleRecords(now = this.now()): void {
    for (const [key, record] of this.records) {
      if (record.isBlocked && record.blockExpiresAt > now) continue;
      if (record.expiresAt > now) continue;
      if ([...record.hits.values()].some((h) => h.hasLive(now))) continue;
      this.records.delete(key);
    }
  }

  private incrementWithoutBlock(
    record: KeyRecord,
    hits: HitExpirations,
    ttl: number,
    limit: number,
    throttlerName: string,
    timeToExpire: number,
  ): ThrottlerStorageRecord {
    const isBlocked = totalOf(record, throttlerName) >= limit;
    if (!isBlocked) this.fire(record, hits, throttlerName, ttl);
    const earliest = hits.earliest;
    const timeToBlockExpire =
      earliest !== undefined ? this.secondsUntil(earliest) : timeToExpire;
    return {
      totalHits: totalOf(record, throttlerName) + (isBlocked ? 1 : 0),
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? timeToBlockExpire : 0,
    };
  }

  private fire(
    record: KeyRecord,
    hits: HitExpirations,
    throttlerName: string,
    ttl: number,
  ): void {
    record.totalHits.set(throttlerName, totalOf(record, throttlerName) + 1);
    hits.add(this.now() + ttl);
  }

  private hitsOf(record: KeyRecord, throttlerName: string): HitExpirations {
    let hits = record.hits.get(throttlerName);
    if (!hits) {
      hits = new HitExpirations();
      record.hits.set(throttlerName, hits);
    }
    return hits;
  }

  private secondsUntil(at: number): number {
    return Math.ceil((at - this.now()) / 1000);
  }

  private ensureSweep(): void {
    if (!this.sweep) this.startSweep();
  }
}

function totalOf(record: KeyRecord, throttlerName: string): number {
  return record.totalHits.get(throttlerName) ?? 0;
}
