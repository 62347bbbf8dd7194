import { chainEvents, prepareBatch } from './append-rules';
import type { RecordedEvent } from './event-store.port';
import {
  canonicalJson,
  GENESIS_HASH,
  hashEvent,
  hashEventWithBodies,
  verifyChain,
} from './hash-chain';
import { commandBatch } from './testing/contract-fixtures';

function streamOf(name: string, count: number): RecordedEvent[] {
  return chainEvents(
    name,
    prepareBatch(name, commandBatch(count), 'no-stream'),
    { revision: 'no-stream', hash: undefined },
    '2026-12-04T08:30:00.000Z',
  ).map((event, i) => ({ ...event, position: `p${i}` }));
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out whitespace', () => {
    const text = canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } });

    expect(text).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: { q: 2, p: 3 } })).toBe(
      canonicalJson({ y: { p: 3, q: 2 }, x: 1 }),
    );
  });

  it('treats missing values as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, Number.NaN], c: new Date(0) };

    expect(canonicalJson(value)).toBe(
      '{"b":[null,null],"c":"1970-01-01T00:00:00.000Z"}',
    );
    expect(JSON.parse(canonicalJson(value))).toEqual(
      JSON.parse(JSON.stringify(value)),
    );
  });

  it('writes a hole of a sparse array as null, as JSON.stringify does', () => {
    const holey: unknown[] = [];
    holey[1] = 1;
    const value = { a: holey };

    expect(canonicalJson(value)).toBe('{"a":[null,1]}');
  });

  it('writes boxed strings, numbers and booleans as their values', () => {
    const value = {
      s: new String('站'),
      n: new Number(2),
      b: new Boolean(false),
    };

    expect(canonicalJson(value)).toBe(
      JSON.stringify({ b: false, n: 2, s: '站' }),
    );
  });

  it('keeps text as it is, without normalising it', () => {
    expect(canonicalJson({ s: 'e\u0301１２３' })).toBe('{"s":"e\u0301１２３"}');
  });
});

describe('hashing an event', () => {
  it('is a sha-256 hex digest that changes with any covered field', () => {
    const [event] = streamOf('chain-a', 1);

    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent(event)).toBe(event.hash);
    expect(hashEvent({ ...event, data: { n: 1 } })).not.toBe(event.hash);
    expect(
      hashEvent({ ...event, recordedAt: '2026-12-04T08:30:00.001Z' }),
    ).not.toBe(event.hash);
  });

  it('is the same from canonical bodies as from the values', () => {
    const values = [
      { z: 1, a: { y: [1, 'two', null, { c: true, b: false }] } },
      { '10': 'ten', '9': 'nine', b: 'b', é: '徐汇 🚗', '': 0 },
      { when: new Date(0), missing: undefined, nan: Number.NaN, neg: -0 },
      {},
    ];
    for (const data of values) {
      const metadata = { commandId: 'c-1', actor: { id: 'u', roles: ['x'] } };
      const fields = {
        streamName: 'station-fault-1',
        revision: 3,
        eventId: '0190a0b0-0000-7000-8000-000000000001',
        type: 'FaultReported',
        schemaVersion: 1,
        recordedAt: '2026-12-04T08:30:00.000Z',
        previousHash: GENESIS_HASH,
      };
      const bodies = {
        dataJson: canonicalJson(data),
        metadataJson: canonicalJson(metadata),
      };

      expect(hashEventWithBodies(fields, bodies)).toBe(
        hashEvent({ ...fields, data, metadata }),
      );
      // What a reader gets back hashes the same.
      expect(
        hashEvent({
          ...fields,
          data: JSON.parse(bodies.dataJson),
          metadata: JSON.parse(bodies.metadataJson),
        }),
      ).toBe(hashEvent({ ...fields, data, metadata }));
    }
  });

  it('starts every stream from 64 zeros', () => {
    expect(streamOf('chain-a', 1)[0].previousHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});

describe('verifying chains', () => {
  it('accepts intact streams, interleaved or not', () => {
    const a = streamOf('chain-a', 3);
    const b = streamOf('chain-b', 2);

    expect(verifyChain([...a, ...b])).toEqual({ ok: true });
    expect(verifyChain([a[0], b[0], a[1], b[1], a[2]])).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('names an event whose content was altered', () => {
    const events = streamOf('chain-a', 4);
    events[2] = { ...events[2], data: { n: 99 } };

    expect(verifyChain(events)).toEqual({
      ok: false,
      streamName: 'chain-a',
      revision: 2,
      eventId: events[2].eventId,
      rule: 'hash-mismatch',
    });
  });

  it('names an event rehashed onto a different predecessor', () => {
    const events = streamOf('chain-a', 3);
    const forged = { ...events[1], previousHash: 'f'.repeat(64) };
    events[1] = { ...forged, hash: hashEvent(forged) };

    expect(verifyChain(events)).toMatchObject({
      ok: false,
      revision: 1,
      rule: 'previous-hash-mismatch',
    });
  });

  it('names the event after a missing one', () => {
    const events = streamOf('chain-a', 4);
    events.splice(1, 1);

    expect(verifyChain(events)).toMatchObject({
      ok: false,
      revision: 2,
      eventId: events[1].eventId,
      rule: 'revision-gap',
    });
  });

  it('reports only the first broken event', () => {
    const events = streamOf('chain-a', 4);
    events[1] = { ...events[1], type: 'forged' };
    events[3] = { ...events[3], type: 'forged' };

    expect(verifyChain(events)).toMatchObject({ revision: 1 });
  });
});
