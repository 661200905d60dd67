import { z } from 'zod';

/** A calendar date without time, `YYYY-MM-DD` (Swedish ISO format), checked to exist. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ska vara ett datum på formen ÅÅÅÅ-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, 'är inget giltigt datum');
export type IsoDate = z.infer<typeof isoDate>;

/** An instant in UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
export const isoInstant = z.iso.datetime({ offset: false, error: 'ska vara en tidpunkt i UTC (ISO 8601)' });
export type IsoInstant = z.infer<typeof isoInstant>;

/** A SharePoint list item id: a positive integer carried as a string, as Graph does. */
export const itemId = z.string().regex(/^[1-9]\d*$/, 'ska vara ett post-id');
export type ItemId = z.infer<typeof itemId>;

/** Kronor; SharePoint currency columns carry decimals, the förbund works in whole kronor. */
export const amountKr = z.number().finite().min(0, 'får inte vara negativt');

/** An Entra ID (AAD) object id. */
export const aadObjectId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, 'ska vara ett Entra-id (GUID)');

/** Every stored entity carries its SharePoint id and the eTag it was read with. */
export const stored = {
  id: itemId,
  etag: z.string(),
};
