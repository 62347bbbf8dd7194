import type { Actor } from './actor';
import { ROLE_IDS, ROLES, type RoleId } from './roles';
import { actorSees, HEADQUARTERS_ROLES } from './visibility';

const person = (role: RoleId, subsidiary?: string): Actor => ({
  id: `${role}-someone`,
  role,
  kind: 'person',
  ...(subsidiary !== undefined ? { subsidiary } : {}),
});

describe('the headquarters roles', () => {
  it('are exactly the roles the manual names as headquarters (总部…)', () => {
    const named = ROLE_IDS.filter((role) => ROLES[role].zh.startsWith('总部'));
    expect([...HEADQUARTERS_ROLES].sort()).toEqual([...named].sort());
  });

  it('take in headquarters PR and technical management beside the CS manager', () => {
    expect(HEADQUARTERS_ROLES).toEqual(
      expect.arrayContaining([
        'hq-cs-manager',
        'hq-pr-manager',
        'tech-manager',
      ]),
    );
  });

  it.each<RoleId>([
    'cs-manager-outsourcer',
    'marketing-manager',
    'subsidiary-ops-head',
    'subsidiary-gm',
    'cs-supervisor',
  ])('leave out %s, who works for one subsidiary', (role) => {
    expect(HEADQUARTERS_ROLES).not.toContain(role);
  });
});

describe('actorSees', () => {
  it('shows a subsidiary’s person that subsidiary only', () => {
    const agent = person('cs-phone-agent', 'sh');
    expect(actorSees(agent, 'sh')).toBe(true);
    expect(actorSees(agent, 'jq')).toBe(false);
    expect(actorSees(agent, undefined)).toBe(false);
  });

  it('shows headquarters every subsidiary, and tickets of none', () => {
    const pr = { ...person('hq-pr-manager', 'hq'), headquarters: true };
    expect(actorSees(pr, 'sh')).toBe(true);
    expect(actorSees(pr, 'jq')).toBe(true);
    expect(actorSees(pr, undefined)).toBe(true);
  });

  it('shows automatic work everything', () => {
    const system: Actor = { id: 'system', role: 'system', kind: 'automatic' };
    expect(actorSees(system, 'jq')).toBe(true);
  });
});
