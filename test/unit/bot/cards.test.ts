// @vitest-environment happy-dom
/**
 * Every card the bot sends parses and validates in the Adaptive Cards renderer without errors or
 * warnings, is schema 1.5 at most, and gives every button an Action.Execute verb. The approval
 * cards (`att besluta`, the approval card) are checked in approval-card.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardElement, JsonValue } from '../../../bot/cards/card-kit.ts';
import { deadlinesCard } from '../../../bot/cards/deadlines-card.ts';
import { helpCard } from '../../../bot/cards/help-card.ts';
import { myInterventionsCard } from '../../../bot/cards/my-interventions-card.ts';
import { statusCard } from '../../../bot/cards/status-card.ts';
import type { Intervention } from '../../../src/domain/entities/intervention.ts';
import { EMPTY_APPLICATION_TEXTS } from '../../fixtures/interventions.ts';
import { cardProblems } from './card-problems.ts';

const nova: Intervention = {
  id: '1',
  etag: '"1"',
  title: 'NOVA – nya vägar för unga vuxna',
  code: 'NOVA',
  kind: 'Individinriktad',
  stage: 'Pågående',
  ownerOrgId: '7',
  partnerOrgIds: ['7', '2'],
  projectLeaderAadId: null,
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  grantedAmount: 1_065_500,
  decisionDate: '2025-11-20',
  decisionRef: '§ 50',
  diaryNumber: null,
  followUpRegistered: true,
  ...EMPTY_APPLICATION_TEXTS,
};

const cards: Record<string, AdaptiveCard> = {
  help: helpCard({ devCommands: false }),
  'help (dev)': helpCard({ devCommands: true }),
  status: statusCard({
    intervention: nova,
    projectLeaders: ['Emma Ström'],
    projectOwners: ['Jenny Karlberg'],
    ownerOrgName: 'Växjö kommun',
    invoices: true,
    nextDeadline: { year: 2026, quarter: 4, periodKey: 'NOVA-2026-Q4', dueDate: '2027-01-20', requisition: null },
  }),
  'status of an application': statusCard({
    intervention: { ...nova, stage: 'Beredning', grantedAmount: null, decisionRef: null },
    projectLeaders: [],
    projectOwners: [],
    ownerOrgName: null,
    invoices: false,
    nextDeadline: null,
  }),
  'my interventions': myInterventionsCard('Emma Ström', [
    {
      id: '1',
      code: 'NOVA',
      title: nova.title,
      stage: 'Pågående',
      roles: ['Projektledare'],
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    },
    {
      id: '2',
      code: 'ENTER',
      title: 'Enter *stjärna* [x]',
      stage: 'Avslutas',
      roles: ['Styrgrupp'],
      startDate: null,
      endDate: null,
    },
  ]),
  deadlines: deadlinesCard('mine', '2026-11-24', [
    {
      code: 'NOVA',
      title: nova.title,
      deadline: { year: 2026, quarter: 4, periodKey: 'NOVA-2026-Q4', dueDate: '2027-01-20', requisition: null },
    },
  ]),
  'no deadlines': deadlinesCard('all', '2026-11-24', []),
};

function actionsOf(value: JsonValue | CardElement | AdaptiveCard): CardElement[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: JsonValue) => actionsOf(item));
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  const object = value as { readonly [key: string]: JsonValue };
  const own = typeof object.type === 'string' && object.type.startsWith('Action.') ? [object] : [];
  return [...own, ...Object.values(object).flatMap((inner) => actionsOf(inner))];
}

describe('the bot’s Adaptive Cards', () => {
  it.each(Object.entries(cards))('%s parses and validates without errors or warnings', (_name, card) => {
    expect(card.type).toBe('AdaptiveCard');
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    expect(card.fallbackText.length).toBeGreaterThan(10);
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(Object.entries(cards))('%s: every button is an Action.Execute with a verb', (_name, card) => {
    for (const action of actionsOf(card)) {
      expect(action.type).toBe('Action.Execute');
      expect(typeof action.verb).toBe('string');
    }
  });

  it('shows the status facts in Swedish formats', () => {
    const json = JSON.stringify(cards.status);
    expect(json).toContain('2026-01-01 – 2027-12-31');
    expect(json).toContain('1\u00a0065\u00a0500\u00a0kr');
    expect(json).toContain('Q4 2026 (oktober–december): senast onsdag 2027-01-20');
    expect(json).toContain('Växjö kommun (Jenny Karlberg)');
    expect(json).toContain('"verb":"uppdatera"');
    expect(JSON.stringify(cards['status of an application'])).toContain('ingen fakturering i detta skede');
  });

  it('escapes Markdown in names so a title cannot format the card', () => {
    expect(JSON.stringify(cards['my interventions'])).toContain('Enter \\\\*stjärna\\\\* \\\\[x\\\\]');
  });

  it('the checker does find problems (so an empty list above means something)', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'FancyWidget' }] })).not.toEqual([]);
    expect(
      cardProblems({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'Input.Text', id: 'a' },
          { type: 'Input.Text', id: 'a' },
        ],
      }),
    ).not.toEqual([]);
  });
});
