/** Identifier formats that look like SharePoint's, so clients parse them as they would in production. */
import { randomBytes, randomUUID } from 'node:crypto';

export function newGuid(): string {
  return randomUUID();
}

/** `hostname,{site-collection guid},{web guid}` (graph.md §2.1) */
export function siteId(hostname: string, siteGuid: string, webGuid: string): string {
  return `${hostname},${siteGuid},${webGuid}`;
}

function guidBytes(guid: string): Buffer {
  return Buffer.from(guid.replaceAll('-', ''), 'hex');
}

/** `b!` + base64url of site, web and list GUIDs: the form SharePoint drive ids have */
export function driveIdFor(siteGuid: string, webGuid: string, listGuid: string): string {
  return `b!${Buffer.concat([guidBytes(siteGuid), guidBytes(webGuid), guidBytes(listGuid)]).toString('base64url')}`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `01` + 32 base32 characters, like SharePoint driveItem ids */
export function newDriveItemId(): string {
  const bytes = randomBytes(32);
  let id = '01';
  for (const byte of bytes) {
    id += BASE32.charAt(byte % 32);
  }
  return id;
}

export function isGuid(text: string): boolean {
  return /^\{?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\}?$/.test(text);
}

export function normaliseGuid(text: string): string {
  return text.replace(/^\{|\}$/g, '').toLowerCase();
}

/** Graph's timestamps on SharePoint resources: whole seconds, UTC, `Z` */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
