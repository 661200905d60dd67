/**
 * Which Microsoft 365 tenant an activity comes from, and whether that is the förbund's own.
 *
 * Teams names the tenant twice, in `conversation.tenantId` and `channelData.tenant.id`. The Bot
 * Framework token proves the Bot Connector sent the activity, not who is in it: a single-tenant
 * bot still receives activities from users of other organisations (the app installed or shared
 * there, an external chat). So with BOT_APP_ID set, an activity is let in only when every tenant
 * it names is BOT_TENANT_ID, and one without any tenant (another channel) is refused too.
 */

export type TenantVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly reason: 'no-tenant' | 'other-tenant';
      /** the tenant ids the activity named, for the log (at most two GUID-sized strings) */
      readonly tenants: readonly string[];
    };

/** the parts of an activity this reads; botbuilder's Activity fits, and so does plain JSON */
export type TenantBearing = {
  readonly conversation?: { readonly tenantId?: unknown } | null;
  readonly channelData?: unknown;
};

export function activityTenants(activity: TenantBearing): string[] {
  const named = [activity.conversation?.tenantId, channelDataTenant(activity.channelData)];
  return named.filter((id): id is string => typeof id === 'string').map((id) => id.trim().toLowerCase());
}

export function checkActivityTenant(activity: TenantBearing, ownTenantId: string): TenantVerdict {
  const own = ownTenantId.trim().toLowerCase();
  const tenants = activityTenants(activity);
  if (tenants.length === 0) {
    return { allowed: false, reason: 'no-tenant', tenants };
  }
  if (tenants.some((tenant) => tenant !== own)) {
    // long values are cut: the log line says which tenant, not whatever a body carried
    return { allowed: false, reason: 'other-tenant', tenants: tenants.map((tenant) => tenant.slice(0, 64)) };
  }
  return { allowed: true };
}

function channelDataTenant(channelData: unknown): unknown {
  if (typeof channelData !== 'object' || channelData === null) {
    return undefined;
  }
  const tenant: unknown = Reflect.get(channelData, 'tenant');
  return typeof tenant === 'object' && tenant !== null ? Reflect.get(tenant, 'id') : undefined;
}
