import { describe, expect, it } from 'vitest';
import { stageChangesOf, summariseAuditEntry } from '../../../../src/domain/audit/audit-summary.ts';

const insats = (action: string, details: unknown) => ({ action, entityList: 'Interventions', details });

describe('summariseAuditEntry', () => {
  it('says what happened to the insats', () => {
    expect(summariseAuditEntry(insats('insats.skede', { from: 'Beredning', to: 'Förslag till styrelsen' }))).toBe(
      'Skede: Beredning → Förslag till styrelsen',
    );
    expect(summariseAuditEntry(insats('insats.skapad', { to: 'Idé', code: 'NYVAG' }))).toBe('Insatsen skapad som Idé');
    expect(summariseAuditEntry(insats('insats.uppdaterad', { changed: ['purpose', 'grantedAmount', 'okänt'] }))).toBe(
      'Ändrat: syfte, beviljat belopp, okänt',
    );
    expect(summariseAuditEntry(insats('insats.budget', { before: 100_000, after: 1_065_500 }))).toBe(
      'Budget: 100\u00a0000\u00a0kr → 1\u00a0065\u00a0500\u00a0kr',
    );
    expect(
      summariseAuditEntry(insats('insats.inskickad', { from: 'Ansökan', to: 'Inkommen', diaryNumber: 'SFV 2026/032' })),
    ).toBe('Ansökan inskickad, diarienummer SFV 2026/032');
    expect(summariseAuditEntry(insats('budget.andrad', { approval: '3', applied: true, year: 2027 }))).toBe(
      'Budgetändring genomförd för 2027',
    );
    expect(summariseAuditEntry(insats('budget.andrad', { applied: false, problems: ['x'] }))).toBe(
      'Godkänd budgetändring kunde inte genomföras',
    );
  });

  it('says what happened in an approval, without the comment', () => {
    const approval = (action: string, details: unknown) => ({ action, entityList: 'Approvals', details });
    expect(summariseAuditEntry(approval('beslut.rost', { decision: 'Godkänn', comment: 'Bra ansökan, Kalle' }))).toBe(
      'Röst: Godkänn',
    );
    expect(summariseAuditEntry(approval('beslut.rost', { decision: 'Avstår', substitute: true }))).toBe(
      'Röst: Avstår (som ersättare)',
    );
    expect(summariseAuditEntry(approval('beslut.startat', { subject: 'Budgetändring', stage: 'Styrgrupp' }))).toBe(
      'Beslut begärt: Budgetändring till styrgruppen',
    );
    expect(summariseAuditEntry(approval('beslut.startat', { stage: 'Styrelse' }), { approvalSubject: 'Ansökan' })).toBe(
      'Beslut begärt: Ansökan till styrelsen',
    );
    expect(summariseAuditEntry(approval('beslut.fattat', { outcome: 'Godkänd', stage: 'Styrelse' }))).toBe(
      'Beslut i styrelsen: Godkänd',
    );
    expect(summariseAuditEntry(approval('beslut.aterkallat', { reason: 'fel insats, ring Kalle' }))).toBe(
      'Beslutsärendet återkallat',
    );
    expect(summariseAuditEntry(approval('nekad', { what: 'röst', reason: 'inte beslutsfattare' }))).toBe('Nekad: röst');
  });

  it('names the requisition by its PeriodKey, from the row or from the requisition', () => {
    const requisition = (action: string, details: unknown) => ({ action, entityList: 'Requisitions', details });
    expect(summariseAuditEntry(requisition('rekvisition.registrerad', { periodKey: 'NOVA-2027-Q1' }))).toBe(
      'Rekvisition NOVA-2027-Q1 registrerad',
    );
    expect(
      summariseAuditEntry(requisition('rekvisition.registrerad', { periodKey: 'NOVA-2027-Q1', amount: 12_500 })),
    ).toBe('Rekvisition NOVA-2027-Q1 registrerad (12\u00a0500\u00a0kr)');
    expect(summariseAuditEntry(requisition('rekvisition.attesterad', null), { periodKey: 'NOVA-2027-Q2' })).toBe(
      'Rekvisition NOVA-2027-Q2 attesterad',
    );
    expect(
      summariseAuditEntry(requisition('nekad', { periodKey: 'NOVA-2027-Q1', attempted: 'attestera', reason: 'x' })),
    ).toBe('Nekad: attestera rekvisition NOVA-2027-Q1');
  });

  it('tolerates rows edited by hand and unknown actions', () => {
    expect(summariseAuditEntry(insats('insats.skede', { from: 'Klar', to: 7 }))).toBe('Skede ändrat');
    expect(summariseAuditEntry(insats('insats.skede', 'inte json'))).toBe('Skede ändrat');
    expect(summariseAuditEntry(insats('nekad', { from: 'Beredning', to: 'Beviljad', reasons: ['x'] }))).toBe(
      'Nekad: skede Beredning → Beviljad',
    );
    expect(summariseAuditEntry(insats('nekad', { changed: ['grantedAmount'] }))).toBe(
      'Nekad: ändring av beviljat belopp',
    );
    expect(summariseAuditEntry(insats('något.nytt', {}))).toBe('något.nytt');
  });
});

describe('stageChangesOf', () => {
  it('lists the insats’s stage changes oldest first, skipping unreadable rows and other lists', () => {
    const row = (id: string, at: string, action: string, entityList: string, details: unknown) => ({
      id,
      at,
      action,
      entityList,
      details,
    });
    const changes = stageChangesOf([
      row('9', '2026-03-01T10:00:00Z', 'insats.skede', 'Interventions', { from: 'Inkommen', to: 'Beredning' }),
      row('4', '2026-02-01T10:00:00Z', 'insats.inskickad', 'Interventions', { from: 'Ansökan', to: 'Inkommen' }),
      row('5', '2026-02-02T10:00:00Z', 'insats.skede', 'Interventions', { from: 'Ansökan' }),
      row('6', '2026-02-03T10:00:00Z', 'insats.skede', 'Approvals', { from: 'Ansökan', to: 'Inkommen' }),
      row('7', '2026-02-04T10:00:00Z', 'nekad', 'Interventions', { from: 'Inkommen', to: 'Beviljad' }),
    ]);
    expect(changes.map((change) => `${change.entry.id} ${change.from}→${change.to}`)).toEqual([
      '4 Ansökan→Inkommen',
      '9 Inkommen→Beredning',
    ]);
  });
});
