import jwt from 'jsonwebtoken';
import { streamNameOf } from '@opsdesk/domain';
import { issueToken, TOKEN_ISSUER } from '../apps/api/src/auth/bearer-tokens';
import { pickStation } from '../apps/api/src/demo/scenarios';
import { startTestSystem, type TestSystem } from './support/system';

type ErrorAnswer = {
  error: { code: string; message: string; details: Record<string, unknown> };
};
type TicketAnswer = { ticket: { id: string } };

describe('identity on the HTTP API', () => {
  let system: TestSystem;
  let stationId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    stationId = (await pickStation(system.client, false)).id;
  });

  afterAll(async () => {
    await system?.stop();
  });

  const intake = () => ({
    reporter: { type: 'user', phone: '13900001111' },
    stationId,
    faultDescription: '道闸无法抬杆',
    suspectedChargingPile: false,
  });

  describe('a request without a valid token', () => {
    it.each([
      ['no token', null, 'UNAUTHENTICATED'],
      ['a token of another key', 'other', 'UNAUTHENTICATED'],
      ['an expired token', 'expired', 'TOKEN_EXPIRED'],
      ['garbage', 'not.a.jwt', 'UNAUTHENTICATED'],
    ])(
      'is answered 401 with %s, before its body is read',
      async (_, kind, code) => {
        const token =
          kind === 'other'
            ? issueToken(
                {
                  id: 'agent-0107',
                  roles: ['cs-phone-agent'],
                  subsidiary: 'sh',
                },
                'x'.repeat(40),
                600,
              )
            : kind === 'expired'
              ? jwt.sign(
                  {
                    roles: ['cs-phone-agent'],
                    subsidiary: 'sh',
                    exp: Math.floor(Date.now() / 1000) - 60,
                  },
                  system.signingKey,
                  { subject: 'agent-0107', issuer: TOKEN_ISSUER },
                )
              : kind;
        for (const [path, body] of [
          ['/station-faults', intake()],
          ['/station-faults', '{"broken": '],
        ] as const) {
          const answer = await fetch(`${system.client.baseUrl}${path}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          });
          expect(answer.status).toBe(401);
          expect(answer.headers.get('www-authenticate')).toBe('Bearer');
          expect(((await answer.json()) as ErrorAnswer).error.code).toBe(code);
        }
        const read = await system.client.fetch<ErrorAnswer>('/station-faults', {
          token,
        });
        expect(read.status).toBe(401);
      },
    );

    it('is answered 401 with a token altered after the genuine one was accepted', async () => {
      const token = issueToken(
        { id: 'agent-0107', roles: ['cs-phone-agent'], subsidiary: 'sh' },
        system.signingKey,
        600,
      );
      // The API now remembers the genuine token as verified.
      expect(
        (await system.client.fetch('/station-faults', { token })).status,
      ).toBe(200);
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(
        Buffer.from(payload, 'base64url').toString(),
      ) as Record<string, unknown>;
      const promoted = Buffer.from(
        JSON.stringify({
          ...claims,
          roles: ['hq-cs-manager'],
          subsidiary: 'hq',
        }),
      ).toString('base64url');
      const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.slice(-1)}`;
      for (const altered of [
        `${header}.${promoted}.${signature}`,
        `${header}.${payload}.${flipped}`,
      ]) {
        const answer = await system.client.fetch<ErrorAnswer>(
          '/station-faults',
          { token: altered },
        );
        expect(answer.status).toBe(401);
        expect(answer.body.error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('still reaches the public health check and the API description', async () => {
      expect(
        (await system.client.fetch('/health', { token: null })).status,
      ).toBe(200);
      const docs = await system.client.fetch<{ components: unknown }>(
        '/docs/json',
        { token: null },
      );
      expect(docs.status).toBe(200);
      expect(docs.body.components).toMatchObject({
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      });
    });
  });

  describe('the actor recorded on an event', () => {
    it('is the token’s person, role, subsidiary and name, whatever the body says', async () => {
      const token = issueToken(
        {
          id: 'agent-0042',
          roles: ['cs-phone-agent'],
          subsidiary: 'sh',
          name: '王芳',
        },
        system.signingKey,
        600,
      );
      const smuggled = await system.client.send<ErrorAnswer>(
        '/station-faults',
        { ...intake(), actor: { id: 'boss', role: 'cs-supervisor' } },
        { token },
      );
      expect(smuggled.status).toBe(400);
      expect(smuggled.body.error.details.fields).toEqual([
        expect.objectContaining({ field: 'actor' }),
      ]);

      const created = await system.client.post<TicketAnswer>(
        '/station-faults',
        intake(),
        { token },
      );
      const events = await system.resources.store.readStream(
        streamNameOf('station-fault', created.ticket.id),
      );
      expect(events.map((e) => e.metadata.actor)).toEqual([
        expected(),
        expected(),
      ]);
      function expected() {
        return {
          id: 'agent-0042',
          role: 'cs-phone-agent',
          kind: 'person',
          subsidiary: 'sh',
          name: '王芳',
        };
      }
    });
  });

  describe('a person with several roles', () => {
    const token = () =>
      issueToken(
        {
          id: 'desk-chen',
          roles: ['dispatch-manager', 'cs-phone-agent'],
          subsidiary: 'sh',
        },
        system.signingKey,
        600,
      );

    it('acts in the action’s own role when the token holds it', async () => {
      const created = await system.client.send<TicketAnswer>(
        '/station-faults',
        intake(),
        { token: token() },
      );
      expect(created.status).toBe(201);
    });

    it('may pick a held role with X-Act-As, and is refused 403 for the wrong one', async () => {
      const refused = await system.client.send<ErrorAnswer>(
        '/station-faults',
        intake(),
        { token: token(), actAs: 'dispatch-manager' },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: 'ROLE_NOT_PERMITTED',
        details: {
          role: 'dispatch-manager',
          permission: 'station-fault:ReportStationFault',
        },
      });
    });

    it('may not act in a role the token does not hold', async () => {
      const refused = await system.client.send<ErrorAnswer>(
        '/station-faults',
        intake(),
        { token: token(), actAs: 'cs-supervisor' },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: 'ROLE_NOT_HELD',
        details: {
          role: 'cs-supervisor',
          permission: 'station-fault:ReportStationFault',
        },
      });
    });
  });
});

describe('request rate limits', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({ RATE_LIMIT_PER_MINUTE: '5' });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('answer 429 past the limit for one token subject, and not for another', async () => {
    const busy = system.client.as({ id: 'agent-busy' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await busy.fetch('/regions')).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await busy.fetch<ErrorAnswer>('/regions');
    expect(limited.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many requests; try again in a minute',
    });
    // A new token for the same person does not reset the count.
    const again = await busy.fetch('/regions', {
      token: system.tokens({ id: 'agent-busy', role: 'dispatch-manager' }),
    });
    expect(again.status).toBe(429);

    const other = system.client.as({ id: 'agent-calm' });
    expect((await other.fetch('/regions')).status).toBe(200);
  });
});
