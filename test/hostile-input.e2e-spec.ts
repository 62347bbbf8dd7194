import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import { TOKEN_ISSUER } from '../apps/api/src/auth/bearer-tokens';
import {
  badProcessRequests,
  badRequests,
  type BadRequest,
} from './support/bad-requests';
import { OPENERS } from './support/process-openers';
import { ACTIONS, crewFor } from './support/station-fault-actions';
import { startTestSystem, type TestSystem } from './support/system';

jest.setTimeout(180_000);

const RUNS = 300;
const PROCESS_RUNS = 150;

/**
 * Property-based: hundreds of generated bad requests (wrong types,
 * unknown and prototype keys, deep nesting, top-level arrays and nulls,
 * oversize bodies and strings, invalid Unicode, mixed-width digits, bad
 * content types, queries and tokens) against the whole running system.
 */
describe('hostile input', () => {
  let system: TestSystem;
  let ticketId: string;
  let expiredToken: string;
  const seen = new Map<string, number>();
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    system = await startTestSystem();
    const crew = await crewFor(system.client);
    const created = await system.client.post<{ ticket: { id: string } }>(
      '/station-faults',
      ACTIONS[0].body(crew),
    );
    ticketId = created.ticket.id;
    expiredToken = jwt.sign(
      {
        roles: ['cs-phone-agent'],
        subsidiary: 'sh',
        exp: Math.floor(Date.now() / 1000) - 3600,
      },
      system.signingKey,
      { subject: 'agent-0107', issuer: TOKEN_ISSUER },
    );
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function counts() {
    const { rows } = await system.schema.pool.query<{
      events: string;
      streams: string;
    }>(
      `SELECT (SELECT count(*) FROM events) AS events,
              (SELECT count(*) FROM streams) AS streams`,
    );
    return rows[0];
  }

  async function send(request: BadRequest, actor?: object) {
    const headers: Record<string, string> = {};
    const auth = request.auth ?? 'valid';
    if (auth === 'valid') {
      Object.assign(headers, system.client.headersFor({ actor }));
    }
    if (auth === 'expired') headers.authorization = `Bearer ${expiredToken}`;
    if (auth === 'garbage') headers.authorization = 'Bearer abc.def.ghi';
    if (request.body !== undefined) {
      headers['content-type'] = request.contentType ?? 'application/json';
    }
    const response = await fetch(`${system.client.baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.body,
    });
    return { status: response.status, text: await response.text() };
  }

  it(`refuses ${RUNS} generated bad requests with a 4xx, never a 5xx, appending nothing`, async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        badRequests(await crewFor(system.client), ticketId),
        async (request) => {
          const { status, text } = await send(request);
          seen.set(request.kind, (seen.get(request.kind) ?? 0) + 1);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          // On a failure the request's kind and the status are shown.
          expect({
            kind: request.kind,
            status,
            is4xx: status >= 400 && status < 500,
          }).toMatchObject({ is4xx: true });
          const body = JSON.parse(text) as { error?: { code?: unknown } };
          expect(typeof body.error?.code).toBe('string');
          // Nothing of the inside reaches the outside.
          expect(text).not.toMatch(
            /node_modules|\.[jt]s:\d+|\bat [\w.<>]+ \(|SELECT |INSERT |127\.0\.0\.1|localhost/,
          );
        },
      ),
      {
        numRuns: RUNS,
        seed: Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31),
      },
    );

    // Every kind of bad request was tried, most of them many times.
    expect([...seen.keys()].length).toBeGreaterThanOrEqual(13);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
    // Refused at each layer: validation, identity, size and media type.
    expect([...statuses.keys()]).toEqual(
      expect.arrayContaining([400, 401, 413, 415]),
    );
    expect(await counts()).toEqual(before);
  });

  it(`refuses ${PROCESS_RUNS} generated bad bodies on the other processes’ opening actions with a 400, appending nothing`, async () => {
    const before = await counts();
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(badProcessRequests(OPENERS), async (request) => {
        const opener = OPENERS.find((o) => o.path === request.path)!;
        const { status, text } = await send(request, opener.actor);
        kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
        expect({ kind: request.kind, path: request.path, status }).toEqual({
          kind: request.kind,
          path: request.path,
          status: 400,
        });
        const body = JSON.parse(text) as { error?: { code?: unknown } };
        expect(typeof body.error?.code).toBe('string');
      }),
      {
        numRuns: PROCESS_RUNS,
        seed: Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31),
      },
    );
    expect([...kinds.keys()].length).toBe(5);
    expect(await counts()).toEqual(before);
  });

  it('refuses an empty list where an object belongs, naming the field, before any worker sees it', async () => {
    const before = await counts();
    const nested = OPENERS.flatMap((opener) =>
      Object.entries(opener.body)
        .filter(
          ([, value]) =>
            typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value),
        )
        .map(([field]) => ({ opener, field })),
    );
    expect(nested.length).toBeGreaterThan(8);
    for (const { opener, field } of nested) {
      const { status, text } = await send(
        {
          kind: 'empty list',
          method: 'POST',
          path: opener.path,
          body: JSON.stringify({ ...opener.body, [field]: [] }),
        },
        opener.actor,
      );
      const body = JSON.parse(text) as {
        error: { code: string; details: { fields: { field: string }[] } };
      };
      expect({
        path: opener.path,
        field,
        status,
        code: body.error.code,
      }).toEqual({
        path: opener.path,
        field,
        status: 400,
        code: 'INVALID_REQUEST',
      });
      expect(body.error.details.fields.map((f) => f.field)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a body that is not application/json in UTF-8 with 415', async () => {
    const before = await counts();
    const body = JSON.stringify(ACTIONS[0].body(await crewFor(system.client)));
    const post = (contentType: string) =>
      send({
        kind: 'media type',
        method: 'POST',
        path: '/station-faults',
        body,
        contentType,
      });

    const refused = await Promise.all(
      [
        'application/vnd.api+json',
        'application/json; charset=utf-16',
        'application/json; charset="latin1"',
        'text/plain',
      ].map(post),
    );
    expect(await counts()).toEqual(before);
    const taken = await post('application/json; charset=UTF-8');

    expect(refused.map((answer) => answer.status)).toEqual([
      415, 415, 415, 415,
    ]);
    expect(JSON.parse(refused[0].text)).toMatchObject({
      error: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    expect(taken.status).toBe(201);
  });

  it('leaves the process’s Object.prototype unpolluted', () => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(
      Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'),
    ).toBe(false);
  });
});
