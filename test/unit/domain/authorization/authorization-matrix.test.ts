/**
 * The matrix as data: the README's table is rendered from it (and rewritten with
 * UPDATE_README=1), its rows agree with the lifecycle's and the invoicing workflow's own rules,
 * and may() reads it as the cells say — one role enough, scoped roles only for their insats,
 * missing scope failing closed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AUTHORIZATION_ACTIONS,
  AUTHORIZATION_MATRIX,
  MATRIX_COLUMNS,
  NO_ROLE,
} from '../../../../src/domain/authorization/authorization-matrix.ts';
import { may, partiesOf } from '../../../../src/domain/authorization/may.ts';
import { renderAuthorizationMatrix } from '../../../../src/domain/authorization/render-matrix.ts';
import { mayPerform, REQUISITION_ACTIONS } from '../../../../src/domain/invoicing/requisition-workflow.ts';
import type { Actor } from '../../../../src/domain/lifecycle/actor.ts';
import { findRule } from '../../../../src/domain/lifecycle/transition-rules.ts';
import { ROLES, type Role } from '../../../../src/domain/vocabulary.ts';

const README = new URL('../../../../README.md', import.meta.url);
const START = '<!-- authorization-matrix:start -->';
const END = '<!-- authorization-matrix:end -->';

function holder(role: Role, interventionId: string | null = null): Actor {
  return { aadObjectId: 'a-person', name: 'A Person', roles: [{ role, interventionId }] };
}

describe('the authorization matrix', () => {
  it('is the README’s table', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README has the matrix markers').toBeGreaterThan(0);
    const rendered = `${START}\n${renderAuthorizationMatrix()}\n${END}`;
    if (process.env.UPDATE_README === '1') {
      writeFileSync(README, `${readme.slice(0, start)}${rendered}${readme.slice(end + END.length)}`);
      return;
    }
    expect(readme.slice(start, end + END.length)).toBe(rendered);
  });

  it('has one row per action and a cell for every role and for no role', () => {
    expect(AUTHORIZATION_MATRIX.map((spec) => spec.action)).toEqual([...AUTHORIZATION_ACTIONS]);
    expect([...MATRIX_COLUMNS].sort()).toEqual([...ROLES, NO_ROLE].sort());
    for (const spec of AUTHORIZATION_MATRIX) {
      expect(Object.keys(spec.cells).sort()).toEqual([...MATRIX_COLUMNS].sort());
      expect(spec.cells[NO_ROLE]).toEqual([]);
    }
  });

  it('lets the same roles submit as may move an application from Ansökan to Inkommen (B2)', () => {
    const b2 = findRule('Ansökan', 'Inkommen');
    const who = b2?.ways.flatMap((way) => (way.via === 'api' ? way.who : [])) ?? [];
    for (const role of ROLES) {
      const actor = holder(role, role === 'Projektledare' || role === 'Projektägare' ? 'alfa' : null);
      const scope = { intervention: { id: 'alfa', projectLeaderAadId: null } };
      expect(may(actor, 'skicka-in', scope).ok, role).toBe(partiesOf(role).some((party) => who.includes(party)));
    }
  });

  it('is what the invoicing workflow asks about a role', () => {
    for (const action of REQUISITION_ACTIONS) {
      for (const role of ROLES) {
        const scoped = role === 'Projektledare' || role === 'Projektägare' || role === 'Styrgrupp';
        const roles = scoped
          ? { governanceRoles: [], insatsRoles: [role] }
          : { governanceRoles: [role], insatsRoles: [] };
        const direct = may(holder(role, scoped ? 'alfa' : null), action, {
          intervention: { id: 'alfa', projectLeaderAadId: null },
          requisition: { registeredBy: null, reviewedBy: null },
        }).ok;
        expect(mayPerform(action, roles), `${action} ${role}`).toBe(direct);
      }
    }
  });

  it('counts the insats’s ProjectLeaderAadId as a projektledare role for that insats only', () => {
    const nobody: Actor = { aadObjectId: 'LEADER', name: '', roles: [] };
    expect(may(nobody, 'registrera', { intervention: { id: 'alfa', projectLeaderAadId: 'leader' } }).ok).toBe(true);
    expect(may(nobody, 'registrera', { intervention: { id: 'alfa', projectLeaderAadId: 'someone' } })).toEqual({
      ok: false,
      reason: 'Bara insatsens projektledare eller projektägare, eller kansliet kan göra det.',
    });
  });

  it('fails closed when the scope a condition needs is missing', () => {
    expect(may(holder('Projektledare', 'alfa'), 'lasa-insats').ok).toBe(false);
    expect(may(holder('Ekonom'), 'granska').ok).toBe(false);
    expect(may(holder('Förbundschef'), 'rosta').ok).toBe(false);
    expect(may(holder('Processledare'), 'byta-skede').ok).toBe(false);
  });

  it('says why separation of duties bars a step, rather than who may take it', () => {
    const scope = { requisition: { registeredBy: 'A-PERSON', reviewedBy: null } };
    expect(may(holder('Ekonom'), 'granska', scope)).toEqual({
      ok: false,
      reason: 'Den som registrerade fakturan får inte också granska den.',
    });
    expect(
      may(holder('Förbundschef'), 'attestera', { requisition: { registeredBy: null, reviewedBy: 'a-person' } }),
    ).toEqual({
      ok: false,
      reason: 'Den som granskade fakturan får inte också attestera den.',
    });
    expect(may(holder('Styrelseledamot'), 'attestera', scope)).toEqual({
      ok: false,
      reason: 'Bara förbundschefen kan göra det.',
    });
  });

  it('allows with any one role: a board member who is also ekonom may pay', () => {
    const both: Actor = {
      aadObjectId: 'x',
      name: '',
      roles: [
        { role: 'Styrelseledamot', interventionId: null },
        { role: 'Ekonom', interventionId: null },
      ],
    };
    expect(may(both, 'betala').ok).toBe(true);
    expect(may(holder('Styrelseledamot'), 'betala').ok).toBe(false);
  });
});
