import { describe, expect, it } from 'vitest';
import { approverFor, approversFor } from '../../../../src/domain/approvals/approvers.ts';
import { evaluate } from '../../../../src/domain/approvals/decision-rules.ts';
import type { RoleAssignment } from '../../../../src/domain/entities/role-assignment.ts';
import type { ApprovalStage } from '../../../../src/domain/vocabulary.ts';
import { DEMO_GOVERNANCE } from '../../../../src/sharepoint/demo/demo-governance.ts';
import { DEMO_MEMBERS, type MemberKey } from '../../../../src/sharepoint/demo/demo-members.ts';
import { demoPerson } from '../../../../src/sharepoint/demo/demo-people.ts';
import { assignment } from './approval-fixtures.ts';

const TODAY = '2026-11-24';

/** the member organisations' ids as the demo seeds them: FK 1, AF 2, REGION 3 … */
function memberId(key: MemberKey): string {
  return String(DEMO_MEMBERS.findIndex((member) => member.key === key) + 1);
}

/** the demo's governance rows as the RoleAssignments list holds them */
const demoRows: RoleAssignment[] = DEMO_GOVERNANCE.map((row) => {
  const person = demoPerson(row.person);
  return assignment({
    name: person.displayName,
    aadObjectId: person.aadObjectId,
    role: row.role,
    memberOrgId: row.member === null ? null : memberId(row.member),
    validFrom: row.validFrom,
  });
});

const nova = { id: '40', ownerOrgId: memberId('VAXJO'), partnerOrgIds: [memberId('REGION'), memberId('FK')] };

function names(
  stage: ApprovalStage,
  assignments: readonly RoleAssignment[] = demoRows,
  intervention = nova,
  today = TODAY,
) {
  return approversFor({ stage, intervention, assignments, today }).map((approver) => approver.name);
}

describe('approversFor with the demo governance', () => {
  it('the board: 7 ledamöter and 7 ersättare, one of each for 7 organisations', () => {
    const board = approversFor({ stage: 'Styrelse', intervention: null, assignments: demoRows, today: TODAY });
    expect(board).toHaveLength(14);
    expect(new Set(board.map((approver) => approver.memberOrgId)).size).toBe(7);
    expect(board.filter((approver) => approver.substitute)).toHaveLength(7);
    const { tally } = evaluate('En per medlemsorganisation', board, []);
    expect(tally).toMatchObject({ unit: 'organisationer', total: 7, waiting: 7, needed: 4 });
  });

  it('Gunilla Axelsson, ledamot and ordförande for Region Kronoberg, is one approver: the ledamot', () => {
    const board = approversFor({ stage: 'Styrelse', intervention: null, assignments: demoRows, today: TODAY });
    expect(board.filter((approver) => approver.name === 'Gunilla Axelsson')).toEqual([
      {
        aadObjectId: demoPerson('gunilla.axelsson').aadObjectId,
        name: 'Gunilla Axelsson',
        role: 'Styrelseledamot',
        memberOrgId: memberId('REGION'),
        substitute: false,
      },
    ]);
    expect(approverFor(board, demoPerson('henrik.blom').aadObjectId)).toMatchObject({
      role: 'Styrelseersättare',
      memberOrgId: memberId('REGION'),
      substitute: true,
    });
  });

  it('is sorted by name in Swedish order (Å after Z)', () => {
    const board = names('Styrelse');
    expect(board).toEqual([...board].sort((a, b) => a.localeCompare(b, 'sv')));
    expect(board.at(0)).toBe('Bengt Sandell');
    expect(board.at(-1)).toBe('Åsa Lindholm');
  });

  it('the beredningsgrupp: its 7 members', () => {
    expect(names('Beredningsgrupp')).toHaveLength(7);
    expect(names('Beredningsgrupp')).toContain('Malin Östlund');
  });

  it('the förbundschef: Karin Vallgren alone', () => {
    expect(names('Förbundschef')).toEqual(['Karin Vallgren']);
  });

  it('firmatecknare: only those of the insats’s owner and partners', () => {
    expect(names('Firmatecknare')).toEqual(['Christer Lund', 'Magnus Åberg', 'Ola Nordin']);
    expect(names('Firmatecknare', demoRows, { ...nova, partnerOrgIds: [] })).toEqual(['Magnus Åberg']);
    expect(approversFor({ stage: 'Firmatecknare', intervention: null, assignments: demoRows, today: TODAY })).toEqual(
      [],
    );
  });

  it('nobody outside the board is a board approver (kansli, beredningsgrupp, firmatecknare)', () => {
    const board = names('Styrelse');
    expect(board).not.toContain('Karin Vallgren');
    expect(board).not.toContain('Malin Östlund');
    expect(board).not.toContain('Magnus Åberg');
  });
});

describe('approversFor: which rows count', () => {
  const anna = '11111111-1111-4111-8111-111111111111';
  const bo = '22222222-2222-4222-8222-222222222222';

  it('the styrgrupp of the approval’s insats only', () => {
    const rows = [
      assignment({ name: 'Anna', aadObjectId: anna, role: 'Styrgrupp', interventionId: '40', memberOrgId: '3' }),
      assignment({ name: 'Bo', aadObjectId: bo, role: 'Styrgrupp', interventionId: '41' }),
      assignment({ name: 'Bo', aadObjectId: bo, role: 'Projektledare', interventionId: '40' }),
    ];
    expect(names('Styrgrupp', rows)).toEqual(['Anna']);
    expect(approversFor({ stage: 'Styrgrupp', intervention: null, assignments: rows, today: TODAY })).toEqual([]);
  });

  it.each<[string, string | null, string | null, boolean]>([
    ['no dates', null, null, true],
    ['started today', TODAY, null, true],
    ['starts tomorrow', '2026-11-25', null, false],
    ['ends today', null, TODAY, true],
    ['ended yesterday', null, '2026-11-23', false],
    ['a mandate around today', '2023-01-01', '2026-12-31', true],
  ])('a mandate that %s: %s', (_, validFrom, validTo, counts) => {
    const rows = [assignment({ name: 'Anna', aadObjectId: anna, role: 'Beredningsgrupp', validFrom, validTo })];
    expect(names('Beredningsgrupp', rows)).toEqual(counts ? ['Anna'] : []);
  });

  it('one entry per person, whatever the case of the AAD id or the number of rows', () => {
    const rows = [
      assignment({ name: 'Anna', aadObjectId: anna, role: 'Beredningsgrupp', memberOrgId: '1' }),
      assignment({ name: 'Anna', aadObjectId: anna.toUpperCase(), role: 'Beredningsgrupp', memberOrgId: '1' }),
      assignment({ name: 'Bo', aadObjectId: bo, role: 'Beredningsgrupp', memberOrgId: '2' }),
    ];
    expect(names('Beredningsgrupp', rows)).toEqual(['Anna', 'Bo']);
  });

  it('the ledamot seat wins over the ersättare seat, in either row order', () => {
    const ledamotRow = assignment({ name: 'Anna', aadObjectId: anna, role: 'Styrelseledamot', memberOrgId: '1' });
    const ersattareRow = assignment({ name: 'Anna', aadObjectId: anna, role: 'Styrelseersättare', memberOrgId: '2' });
    for (const rows of [
      [ledamotRow, ersattareRow],
      [ersattareRow, ledamotRow],
    ]) {
      expect(approversFor({ stage: 'Styrelse', intervention: null, assignments: rows, today: TODAY })).toEqual([
        { aadObjectId: anna, name: 'Anna', role: 'Styrelseledamot', memberOrgId: '1', substitute: false },
      ]);
    }
  });

  it('an ordförande with a member organisation sits as its ledamot; without one, not at all', () => {
    const chair = assignment({ name: 'Anna', aadObjectId: anna, role: 'Ordförande', memberOrgId: '3' });
    const chairAlone = assignment({ name: 'Bo', aadObjectId: bo, role: 'Ordförande', memberOrgId: null });
    const seats = approversFor({
      stage: 'Styrelse',
      intervention: null,
      assignments: [chair, chairAlone],
      today: TODAY,
    });
    expect(seats).toEqual([
      { aadObjectId: anna, name: 'Anna', role: 'Ordförande', memberOrgId: '3', substitute: false },
    ]);
    // an ordförande who is also an ersättare sits as a ledamot
    const both = [assignment({ name: 'Anna', aadObjectId: anna, role: 'Styrelseersättare', memberOrgId: '3' }), chair];
    expect(
      approversFor({ stage: 'Styrelse', intervention: null, assignments: both, today: TODAY })[0]?.substitute,
    ).toBe(false);
  });

  it('a board seat without a member organisation is no vote (the rule is one per organisation)', () => {
    const rows = [assignment({ name: 'Anna', aadObjectId: anna, role: 'Styrelseledamot', memberOrgId: null })];
    expect(names('Styrelse', rows)).toEqual([]);
  });

  it('a firmatecknare without a member organisation signs for nobody', () => {
    const rows = [assignment({ name: 'Anna', aadObjectId: anna, role: 'Firmatecknare', memberOrgId: null })];
    expect(names('Firmatecknare', rows)).toEqual([]);
  });
});

describe('approverFor', () => {
  const board = approversFor({ stage: 'Styrelse', intervention: null, assignments: demoRows, today: TODAY });

  it('finds an approver by AAD id in any case, and nobody else', () => {
    const id = demoPerson('lars.hedstrom').aadObjectId;
    expect(approverFor(board, id.toUpperCase())?.name).toBe('Lars Hedström');
    expect(approverFor(board, demoPerson('emma.strom').aadObjectId)).toBeNull();
    expect(approverFor([], id)).toBeNull();
  });
});
