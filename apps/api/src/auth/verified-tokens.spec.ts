import jwt from 'jsonwebtoken';
import {
  AuthenticationError,
  TOKEN_ISSUER,
  verifyBearer,
} from './bearer-tokens';
import { VerifiedTokens } from './verified-tokens';

const KEY = 'k'.repeat(40);
/** 2033-05-18, seconds: the clock the tests step, never the real one. */
const T0 = 2_000_000_000;
const EXPIRES_AT = T0 + 600;
const claims = {
  roles: ['cs-phone-agent'],
  subsidiary: 'sh',
  name: '张敏',
};
const principal = {
  id: 'agent-0107',
  roles: ['cs-phone-agent'],
  subsidiary: 'sh',
  name: '张敏',
};

function sign(extra: Record<string, unknown> = {}, key = KEY): string {
  const payload = { ...claims, sub: principal.id, exp: EXPIRES_AT, ...extra };
  // `exp: undefined` asks for a token without one.
  if (payload.exp === undefined) delete (payload as { exp?: number }).exp;
  return jwt.sign(payload, key, { issuer: TOKEN_ISSUER });
}

/** A verifier whose clock the test sets, in seconds. */
function verifier(capacity?: number) {
  let nowSeconds = T0;
  const tokens = new VerifiedTokens(KEY, {
    capacity,
    now: () => nowSeconds * 1000,
  });
  return {
    tokens,
    at(seconds: number) {
      nowSeconds = seconds;
    },
  };
}

function outcome(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AuthenticationError) return error.code;
    throw error;
  }
  return 'accepted';
}

/** Flips one character of the token's signature part. */
function withAlteredSignature(token: string): string {
  const last = token.at(-2) === 'A' ? 'B' : 'A';
  return `${token.slice(0, -2)}${last}${token.slice(-1)}`;
}

describe('verified tokens, remembered per process', () => {
  it('give the principal a full verification gives, and remember the token', () => {
    const { tokens } = verifier();
    const header = `Bearer ${sign()}`;
    expect(tokens.principalOf(header)).toEqual(principal);
    expect(tokens.size).toBe(1);
    expect(tokens.principalOf(header)).toEqual(principal);
    expect(tokens.size).toBe(1);
  });

  it('verify a remembered token’s signature only once', () => {
    const { tokens } = verifier();
    const header = `Bearer ${sign()}`;
    const verify = jest.spyOn(jwt, 'verify');
    try {
      for (let i = 0; i < 5; i++) tokens.principalOf(header);
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });

  it('refuse a remembered token once it has expired, and forget it', () => {
    const { tokens, at } = verifier();
    const header = `Bearer ${sign()}`;
    expect(outcome(() => tokens.principalOf(header))).toBe('accepted');
    at(EXPIRES_AT + 3600);
    expect(outcome(() => tokens.principalOf(header))).toBe('TOKEN_EXPIRED');
    expect(tokens.size).toBe(0);
    // And stays refused when asked again.
    expect(outcome(() => tokens.principalOf(header))).toBe('TOKEN_EXPIRED');
  });

  it.each([
    ['well before its expiry', T0 + 1, 'accepted'],
    ['a second before its expiry', EXPIRES_AT - 1, 'accepted'],
    ['at its expiry (clock tolerance)', EXPIRES_AT, 'accepted'],
    ['within the clock tolerance after it', EXPIRES_AT + 4, 'accepted'],
    ['at the end of the clock tolerance', EXPIRES_AT + 5, 'TOKEN_EXPIRED'],
    ['an hour after it', EXPIRES_AT + 3600, 'TOKEN_EXPIRED'],
  ])(
    'answer a remembered token %s as a full verification does',
    (_, seconds, expected) => {
      const { tokens, at } = verifier();
      const header = `Bearer ${sign()}`;
      tokens.principalOf(header);
      at(seconds);
      expect(outcome(() => verifyBearer(header, KEY, seconds * 1000))).toBe(
        expected,
      );
      expect(outcome(() => tokens.principalOf(header))).toBe(expected);
    },
  );

  it('refuse a remembered token with a not-before when the clock is set back before it', () => {
    const { tokens, at } = verifier();
    const header = `Bearer ${sign({ nbf: T0 })}`;
    expect(outcome(() => tokens.principalOf(header))).toBe('accepted');
    at(T0 - 3600);
    expect(outcome(() => tokens.principalOf(header))).toBe('UNAUTHENTICATED');
    expect(outcome(() => verifyBearer(header, KEY, (T0 - 3600) * 1000))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuse the remembered token with its signature altered', () => {
    const { tokens } = verifier();
    const token = sign();
    tokens.principalOf(`Bearer ${token}`);
    expect(
      outcome(() =>
        tokens.principalOf(`Bearer ${withAlteredSignature(token)}`),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(tokens.size).toBe(1);
  });

  it('refuse the remembered token’s signature on other claims', () => {
    const { tokens } = verifier();
    const token = sign();
    tokens.principalOf(`Bearer ${token}`);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...claims,
        roles: ['hq-cs-manager'],
        subsidiary: 'hq',
        sub: principal.id,
        iss: TOKEN_ISSUER,
        exp: EXPIRES_AT,
      }),
    ).toString('base64url');
    expect(
      outcome(() =>
        tokens.principalOf(`Bearer ${header}.${forged}.${signature}`),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['signed with another key', `Bearer ${sign({}, 'x'.repeat(40))}`],
    ['already expired', `Bearer ${sign({ exp: T0 - 60 })}`],
    ['without an expiry', `Bearer ${sign({ exp: undefined })}`],
    ['not yet valid', `Bearer ${sign({ nbf: T0 + 3600 })}`],
    ['with an unknown role', `Bearer ${sign({ roles: ['root'] })}`],
    ['claiming the automatic role', `Bearer ${sign({ roles: ['system'] })}`],
    ['of an unknown subsidiary', `Bearer ${sign({ subsidiary: 'bj' })}`],
    [
      'signed with another HMAC',
      `Bearer ${jwt.sign({ ...claims, exp: EXPIRES_AT }, KEY, { subject: 'a-1', issuer: TOKEN_ISSUER, algorithm: 'HS512' })}`,
    ],
    [
      'from another issuer',
      `Bearer ${jwt.sign({ ...claims, exp: EXPIRES_AT }, KEY, { subject: 'a-1', issuer: 'elsewhere' })}`,
    ],
    [
      'unsigned (alg none)',
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ ...claims, sub: 'a-1', iss: TOKEN_ISSUER, exp: 9e9 }),
      ).toString('base64url')}.`,
    ],
    ['malformed', 'Bearer a.b'],
    ['of another scheme', 'Basic YWdlbnQ6cGFzcw=='],
    ['missing', undefined],
  ])(
    'refuse a token %s as a full verification does, and never remember it',
    (_, header) => {
      const { tokens } = verifier();
      tokens.principalOf(`Bearer ${sign()}`);
      const expected = outcome(() => verifyBearer(header, KEY, T0 * 1000));
      expect(expected).not.toBe('accepted');
      // Twice: a refusal is never remembered as an acceptance.
      expect(outcome(() => tokens.principalOf(header))).toBe(expected);
      expect(outcome(() => tokens.principalOf(header))).toBe(expected);
      expect(tokens.size).toBe(1);
    },
  );

  it('keep at most their capacity, forgetting the least recently used', () => {
    const { tokens } = verifier(2);
    const [a, b, c] = ['agent-a', 'agent-b', 'agent-c'].map(
      (sub) => `Bearer ${sign({ sub })}`,
    );
    tokens.principalOf(a);
    tokens.principalOf(b);
    tokens.principalOf(a);
    tokens.principalOf(c);
    expect(tokens.size).toBe(2);
    const verify = jest.spyOn(jwt, 'verify');
    try {
      tokens.principalOf(a);
      tokens.principalOf(c);
      expect(verify).not.toHaveBeenCalled();
      // b was the least recently used: verified afresh, and still good.
      expect(tokens.principalOf(b).id).toBe('agent-b');
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });

  it('share a principal no request can change for the next', () => {
    const { tokens } = verifier();
    const header = `Bearer ${sign()}`;
    const first = tokens.principalOf(header);
    expect(() => (first.roles as string[]).push('hq-cs-manager')).toThrow(
      TypeError,
    );
    expect(() => {
      (first as { subsidiary: string }).subsidiary = 'hq';
    }).toThrow(TypeError);
    expect(tokens.principalOf(header)).toEqual(principal);
  });
});
