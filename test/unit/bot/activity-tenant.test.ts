/**
 * The tenant check the authenticated bot makes before any turn: an activity is the förbund's only
 * when every tenant Teams names in it (conversation.tenantId, channelData.tenant.id) is BOT_TENANT_ID.
 */
import { describe, expect, it } from 'vitest';
import { activityTenants, checkActivityTenant } from '../../../bot/identity/activity-tenant.ts';

const OWN = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';

function teams(conversationTenant: unknown, channelDataTenant: unknown): Record<string, unknown> {
  return {
    conversation: { id: 'a:1', ...(conversationTenant === undefined ? {} : { tenantId: conversationTenant }) },
    channelData: channelDataTenant === undefined ? {} : { tenant: { id: channelDataTenant } },
  };
}

describe('checkActivityTenant', () => {
  it('lets in an activity that names the own tenant in both places, in any case', () => {
    expect(checkActivityTenant(teams(OWN, OWN), OWN)).toEqual({ allowed: true });
    expect(checkActivityTenant(teams(OWN.toUpperCase(), ` ${OWN} `), OWN)).toEqual({ allowed: true });
  });

  it('lets in an activity that names the own tenant in one place only', () => {
    expect(checkActivityTenant(teams(OWN, undefined), OWN)).toEqual({ allowed: true });
    expect(checkActivityTenant(teams(undefined, OWN), OWN)).toEqual({ allowed: true });
  });

  it.each([
    ['another tenant in both places', teams(OTHER, OTHER)],
    ['another tenant in the conversation', teams(OTHER, OWN)],
    ['another tenant in channelData', teams(OWN, OTHER)],
    ['an empty tenant id', teams('', OWN)],
  ])('refuses %s', (_name, activity) => {
    expect(checkActivityTenant(activity, OWN)).toMatchObject({ allowed: false, reason: 'other-tenant' });
  });

  it.each([
    ['no tenant at all', teams(undefined, undefined)],
    ['tenants that are not strings', teams(42, { id: OWN })],
    ['no conversation and no channelData', {}],
    ['channelData that is not an object', { conversation: { id: 'a:1' }, channelData: 'tenant' }],
    ['a null conversation', { conversation: null, channelData: null }],
  ])('refuses an activity with %s as naming no tenant', (_name, activity) => {
    expect(checkActivityTenant(activity, OWN)).toMatchObject({ allowed: false, reason: 'no-tenant' });
  });

  it('says which tenants were named, cut to a GUID-like length for the log', () => {
    const long = 'x'.repeat(500);
    const verdict = checkActivityTenant(teams(OTHER, long), OWN);
    expect(verdict).toEqual({ allowed: false, reason: 'other-tenant', tenants: [OTHER, 'x'.repeat(64)] });
  });
});

describe('activityTenants', () => {
  it('reads both places Teams names the tenant, lower-cased', () => {
    expect(activityTenants(teams(OWN.toUpperCase(), OTHER))).toEqual([OWN, OTHER]);
  });
});
