import { describe, expect, it } from 'vitest';
import { listUpcomingDeadlines } from '../../../../src/services/bot-queries/list-upcoming-deadlines.ts';
import { aad, demoFixture, UNKNOWN_AAD } from './demo-fixture.ts';

describe('listUpcomingDeadlines', () => {
  it('gives the projektledare her insats’s next deadline', async () => {
    const deps = await demoFixture();
    expect(await listUpcomingDeadlines(deps, aad('emma.strom'))).toMatchObject({
      kind: 'deadlines',
      scope: 'mine',
      today: '2026-11-24',
      items: [{ code: 'NOVA', deadline: { year: 2026, quarter: 4, dueDate: '2027-01-20' } }],
    });
  });

  it('gives the kansli every invoicing insats, soonest first', async () => {
    const deps = await demoFixture();
    const result = await listUpcomingDeadlines(deps, aad('mattias.ekholm'));
    expect(
      result.kind === 'deadlines' ? [result.scope, ...result.items.map((item) => item.code)] : result.kind,
    ).toEqual(['all', 'ENTER', 'FIA', 'HFE', 'INSKAT', 'NOVA', 'SAMUTB']);
  });

  it('uses "today" in Stockholm: late on 20 January (UTC) it is already the 21st', async () => {
    const deps = await demoFixture('2027-01-20T23:30:00Z');
    expect(await listUpcomingDeadlines(deps, aad('emma.strom'))).toMatchObject({
      today: '2027-01-21',
      items: [{ code: 'NOVA', deadline: { periodKey: 'NOVA-2027-Q1', dueDate: '2027-04-30' } }],
    });
  });

  it('answers board members and strangers without a list', async () => {
    const deps = await demoFixture();
    expect(await listUpcomingDeadlines(deps, aad('gunilla.axelsson'))).toEqual({
      kind: 'no-insats-role',
      roles: ['Styrelseledamot', 'Ordförande'],
    });
    expect(await listUpcomingDeadlines(deps, UNKNOWN_AAD)).toEqual({ kind: 'unknown-person' });
  });

  it('leaves out applications, which do not invoice', async () => {
    const deps = await demoFixture();
    const result = await listUpcomingDeadlines(deps, aad('jenny.karlberg'));
    expect(result.kind === 'deadlines' ? result.items.map((item) => item.code) : result.kind).toEqual([
      'ENTER',
      'NOVA',
    ]);
  });
});
