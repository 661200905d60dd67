/**
 * Finds the SharePoint site the app lives on: the tenant's root site when SHAREPOINT_SITE is
 * unset (the local SharePoint's default), else `hostname:/sites/path` by Graph path addressing.
 */
import { z } from 'zod';
import { AppError } from '../domain/app-error.ts';
import type { GraphClient } from './graph/graph-client.ts';

export type SiteRef = { readonly id: string; readonly webUrl: string };

const siteSchema = z.object({ id: z.string().min(1), webUrl: z.string() });

export async function resolveSite(graph: GraphClient, sharePointSite: string | undefined): Promise<SiteRef> {
  const path = sharePointSite === undefined ? '/sites/root' : `/sites/${sitePath(sharePointSite)}`;
  const parsed = siteSchema.safeParse(await graph.get(path));
  if (!parsed.success) {
    throw new AppError('UPSTREAM_FAILED', `Graph GET ${path} did not return a site`, {
      details: { method: 'GET', path, issues: parsed.error.issues.slice(0, 5) },
    });
  }
  return { id: parsed.data.id, webUrl: parsed.data.webUrl };
}

/** `contoso.sharepoint.com:/sites/Insatsnavet` → the same with each path segment URL-encoded. */
function sitePath(sharePointSite: string): string {
  const match = /^([A-Za-z0-9.-]+):(\/.+)$/.exec(sharePointSite.trim());
  const hostname = match?.[1];
  const serverRelative = match?.[2];
  if (hostname === undefined || serverRelative === undefined) {
    throw new AppError('MISSING_CONFIG', `SHAREPOINT_SITE '${sharePointSite}' must look like hostname:/sites/path`);
  }
  const segments = serverRelative.replace(/\/+$/, '').split('/').map(encodeURIComponent);
  return `${hostname}:${segments.join('/')}`;
}
