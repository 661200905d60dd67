import { createHash } from 'node:crypto';

/** The namespace of Insatsnavet's demo ids (a fixed random UUID). */
const DEMO_NAMESPACE = '6d2f7c1e-93a4-4b8e-a0d5-3c9e1f7b2a64';

/**
 * A stable, valid GUID for a demo name (RFC 4122 version 5: SHA-1 of namespace + name), so the
 * same invented person has the same Entra object id on every machine and in every test.
 */
export function demoGuid(name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(DEMO_NAMESPACE.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
