import jwt from 'jsonwebtoken';
import { UsageError } from '@opsdesk/runtime';
import {
  AuthenticationError,
  issueToken,
  TOKEN_ISSUER,
  verifyBearer,
} from './bearer-tokens';
import { heldRoles, isHeadquarters, leads, scopeOf } from './principal';
import { ROLE_IDS } from '@opsdesk/domain';
import { tokenFromArgs } from './token-cli';

const KEY = 'k'.repeat(40);
const agent = {
  id: 'agent-0107',
  roles: ['cs-phone-agent'],
  subsidiary: 'sh',
  name: '张敏',
};

function refusal(header: string | undefined, key = KEY) {
  try {
    verifyBearer(header, key);
  } catch (error) {
    if (error instanceof AuthenticationError) return error.code;
    throw error;
  }
  return 'accepted';
}

function signed(claims: Record<string, unknown>, options: jwt.SignOptions) {
  return `Bearer ${jwt.sign(claims, KEY, { issuer: TOKEN_ISSUER, ...options })}`;
}

describe('a token opsdesk issued', () => {
  it('verifies to the person, roles, subsidiary and name it was made for', () => {
    const token = issueToken(agent, KEY, 600);
    expect(verifyBearer(`Bearer ${token}`, KEY)).toEqual(agent);
  });

  it('is refused as expired once its expiry has passed', () => {
    const token = signed(
      { roles: ['cs-phone-agent'], subsidiary: 'sh', exp: 1_000_000 },
      { subject: 'agent-0107' },
    );
    expect(refusal(token)).toBe('TOKEN_EXPIRED');
  });

  it('is refused under another key', () => {
    const token = issueToken(agent, KEY, 600);
    expect(refusal(`Bearer ${token}`, 'x'.repeat(40))).toBe('UNAUTHENTICATED');
  });
});

describe('a token opsdesk would not issue', () => {
  const claims = { roles: ['cs-phone-agent'], subsidiary: 'sh' };

  it.each([
    ['without an expiry', signed(claims, { subject: 'a-1' })],
    [
      'signed with another HMAC',
      signed(claims, { subject: 'a-1', expiresIn: 60, algorithm: 'HS512' }),
    ],
    [
      'from another issuer',
      `Bearer ${jwt.sign(claims, KEY, { subject: 'a-1', expiresIn: 60, issuer: 'elsewhere' })}`,
    ],
    [
      'with an unknown role',
      signed(
        { ...claims, roles: ['cs-phone-agent', 'root'] },
        { subject: 'a-1', expiresIn: 60 },
      ),
    ],
    [
      'with roles that are not a list',
      signed(
        { ...claims, roles: 'cs-phone-agent' },
        { subject: 'a-1', expiresIn: 60 },
      ),
    ],
    [
      'of an unknown subsidiary',
      signed(
        { ...claims, subsidiary: 'bj' },
        { subject: 'a-1', expiresIn: 60 },
      ),
    ],
    ['without a subject', signed(claims, { expiresIn: 60 })],
    [
      'unsigned (alg none)',
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ ...claims, sub: 'a-1', iss: TOKEN_ISSUER, exp: 9e9 }),
      ).toString('base64url')}.`,
    ],
  ])('is refused %s', (_, header) => {
    expect(refusal(header)).toBe('UNAUTHENTICATED');
  });

  it.each([undefined, '', 'Basic YWdlbnQ6cGFzcw==', 'Bearer', 'Bearer a.b'])(
    'is refused when the header is %p',
    (header) => {
      expect(refusal(header)).toBe('UNAUTHENTICATED');
    },
  );
});

describe('a principal with lead and headquarters roles', () => {
  const lead = {
    id: 'insp-lead',
    roles: ['regional-inspector-lead', 'hq-cs-manager'],
    subsidiary: 'hq',
  };

  it('may act in the role it leads, as its lead, and sees every subsidiary', () => {
    expect(heldRoles(lead)).toEqual(['regional-inspector', 'hq-cs-manager']);
    expect(leads(lead, 'regional-inspector')).toBe(true);
    expect(isHeadquarters(lead)).toBe(true);
    expect(scopeOf(lead)).toEqual({});
  });

  it('of a subsidiary sees only that subsidiary', () => {
    expect(scopeOf(agent)).toEqual({ subsidiaryId: 'sh' });
  });
});

describe('headquarters', () => {
  it.each(['hq-cs-manager', 'tech-manager', 'hq-pr-manager'])(
    'is a token holding %s, which sees every subsidiary',
    (role) => {
      const principal = { id: `${role}-1`, roles: [role], subsidiary: 'hq' };
      expect(isHeadquarters(principal)).toBe(true);
      expect(scopeOf(principal)).toEqual({});
    },
  );

  it.each([
    'cs-manager-outsourcer',
    'marketing-manager',
    'subsidiary-ops-head',
    'subsidiary-gm',
  ])('is not a token holding %s, which sees its own subsidiary', (role) => {
    const principal = { id: `${role}-1`, roles: [role], subsidiary: 'jq' };
    expect(isHeadquarters(principal)).toBe(false);
    expect(scopeOf(principal)).toEqual({ subsidiaryId: 'jq' });
  });
});

describe('npm run token', () => {
  it('prints a token with the roles given by repeated or comma-separated flags', () => {
    const token = tokenFromArgs(
      [
        '--sub',
        'ops-engineer-01',
        '--role',
        'station-ops-team,station-ops-team-lead',
        '--role',
        'cs-supervisor',
        '--subsidiary',
        'jq',
        '--org',
        'ops-pudong-1',
        '--ttl',
        '30m',
      ],
      KEY,
    );
    expect(verifyBearer(`Bearer ${token}`, KEY)).toEqual({
      id: 'ops-engineer-01',
      roles: ['station-ops-team', 'station-ops-team-lead', 'cs-supervisor'],
      subsidiary: 'jq',
      org: 'ops-pudong-1',
    });
  });

  const peoplesRoles = ROLE_IDS.filter((role) => role !== 'system');
  const leads = [
    'regional-inspector-lead',
    'station-ops-team-lead',
    'charging-pile-supplier-lead',
    'subsidiary-violation-specialist-lead',
  ];

  it.each([...peoplesRoles, ...leads])(
    'issues a token for %s that verifies with that role',
    (role) => {
      const token = tokenFromArgs(
        ['--sub', 'a-1', '--role', role, '--subsidiary', 'sh'],
        KEY,
      );
      expect(verifyBearer(`Bearer ${token}`, KEY).roles).toEqual([role]);
    },
  );

  it('refuses the automatic role system, saying no person holds it', () => {
    expect(() =>
      tokenFromArgs(
        [
          '--sub',
          'a-1',
          '--role',
          'cs-supervisor,system',
          '--subsidiary',
          'sh',
        ],
        KEY,
      ),
    ).toThrow(/system is the automatic role, which no person holds/);
    const forged = signed(
      { roles: ['system'], subsidiary: 'sh' },
      { subject: 'a-1', expiresIn: 60 },
    );
    expect(refusal(forged)).toBe('UNAUTHENTICATED');
  });

  it('refuses a lead of a role without one', () => {
    expect(() =>
      tokenFromArgs(
        ['--sub', 'a-1', '--role', 'cs-phone-agent-lead', '--subsidiary', 'sh'],
        KEY,
      ),
    ).toThrow(/cs-phone-agent-lead is not a role/);
  });

  it.each([
    [['--sub', 'a-1', '--subsidiary', 'sh']],
    [['--sub', 'a-1', '--role', 'nobody', '--subsidiary', 'sh']],
    [['--sub', 'a-1', '--role', 'user', '--subsidiary', 'sh', '--ttl', '1y']],
    [['--sub', 'a-1', '--role', 'user', '--subsidiary', 'sh', '--colour']],
  ])('refuses %j with a usage line', (argv) => {
    expect(() => tokenFromArgs(argv, KEY)).toThrow(UsageError);
  });
});
