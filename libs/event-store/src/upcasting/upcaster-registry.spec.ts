import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../event-store.port';
import type { Upcaster } from './upcaster';
import { UpcasterRegistry } from './upcaster-registry';

function upcaster(
  fromVersion: number,
  toVersion: number,
  change: (data: Record<string, unknown>) => Record<string, unknown> = (d) => d,
  type = 'test.happened',
): Upcaster {
  return { type, fromVersion, toVersion, upcast: change };
}

function stored(schemaVersion: number, data: Record<string, unknown> = {}) {
  return {
    streamName: 'test-1',
    revision: 0,
    position: 'mem:1',
    eventId: '00000000-0000-4000-8000-000000000001',
    type: 'test.happened',
    schemaVersion,
    data,
    metadata: {
      commandId: 'c',
      causationId: 'c',
      correlationId: 'c',
      actor: { id: 'a', role: 'cs-phone-agent', kind: 'person' },
    },
    recordedAt: '2026-12-04T08:00:00.000Z',
    hash: 'h',
    previousHash: 'p',
  } as RecordedEvent;
}

describe('a registry with a chain of upcasters', () => {
  const registry = new UpcasterRegistry([
    upcaster(2, 3, (d) => ({ ...d, three: true })),
    upcaster(1, 2, (d) => ({ ...d, two: true })),
  ]);

  it('takes a version-1 event through every step to the latest version', () => {
    const event = stored(1, { one: true });

    const upcast = registry.upcast(event);

    expect(upcast).toMatchObject({
      schemaVersion: 3,
      data: { one: true, two: true, three: true },
      hash: 'h',
    });
    expect(event).toMatchObject({ schemaVersion: 1, data: { one: true } });
    expect(registry.latestVersion('test.happened')).toBe(3);
  });

  it('leaves an event at the latest version, a newer one and another type as they are', () => {
    for (const event of [
      stored(3),
      stored(4),
      { ...stored(1), type: 'test.other' },
    ]) {
      expect(registry.upcast(event)).toBe(event);
    }
  });

  it('gives each upcaster copies, never the stored event’s objects', () => {
    const seen: Record<string, unknown>[] = [];
    const mutating = new UpcasterRegistry([
      upcaster(1, 2, (d) => {
        d.changed = true;
        seen.push(d);
        return d;
      }),
    ]);
    const event = stored(1, { kept: true });

    mutating.upcast(event);

    expect(event.data).toEqual({ kept: true });
    expect(seen[0]).not.toBe(event.data);
  });
});

describe('a registry that cannot chain', () => {
  it.each([
    ['a step backwards', [upcaster(2, 1)], 2, 'not-forwards'],
    [
      'two upcasters from one version',
      [upcaster(1, 2), upcaster(1, 3)],
      1,
      'duplicate-from-version',
    ],
    [
      'a gap before the latest version',
      [upcaster(1, 2), upcaster(3, 4)],
      1,
      'chain-gap',
    ],
  ] as const)('refuses %s', (_, upcasters, fromVersion, problem) => {
    expect(() => new UpcasterRegistry([...upcasters])).toThrow(
      expect.objectContaining({
        code: 'INVALID_UPCASTER_CHAIN',
        type: 'test.happened',
        fromVersion,
        problem,
      }),
    );
  });
});
