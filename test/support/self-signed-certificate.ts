/**
 * A self-signed X.509 certificate made in memory with node:crypto, for tests that need real TLS
 * (a local https token endpoint that msal will talk to) or a client certificate (Entra's
 * certificate credential). Node can sign and export keys but not write certificates, and the
 * tests must not depend on an openssl binary, so the DER is assembled here: a v3 certificate
 * with subjectAltName 127.0.0.1 and localhost and basicConstraints CA, valid for a day.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

export type SelfSignedCertificate = {
  /** PEM of the certificate */
  readonly certificate: string;
  /** PEM (PKCS#8) of the private key */
  readonly privateKey: string;
  readonly publicKey: KeyObject;
  /** hex SHA-256 of the certificate's DER, lower case */
  readonly thumbprintSha256: string;
};

// DER: tag, length, content
function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let header: Buffer;
  if (length < 0x80) {
    header = Buffer.from([tag, length]);
  } else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
      bytes.unshift(rest % 256);
    }
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, content]);
}

const sequence = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]): Buffer => tlv(0x31, Buffer.concat(parts));
const octetString = (content: Buffer): Buffer => tlv(0x04, content);
const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
const explicit = (n: number, content: Buffer): Buffer => tlv(0xa0 + n, content);
const NULL = Buffer.from([0x05, 0x00]);
const TRUE = Buffer.from([0x01, 0x01, 0xff]);

function integer(bytes: Buffer): Buffer {
  // a positive INTEGER: a leading 0 when the high bit is set
  const first = bytes[0] ?? 0;
  return tlv(0x02, first >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const value of rest) {
    const chunk: number[] = [value & 0x7f];
    for (let high = value >>> 7; high > 0; high >>>= 7) {
      chunk.unshift((high & 0x7f) | 0x80);
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return tlv(0x17, Buffer.from(`${text}Z`, 'ascii'));
}

const name = (commonName: string): Buffer => sequence(set(sequence(oid('2.5.4.3'), utf8(commonName))));

/** RSA for a client certificate (msal signs its assertion with PS256), EC P-256 for a TLS server. */
export function makeSelfSignedCertificate(
  options: { commonName?: string; keyType?: 'rsa' | 'ec'; now?: Date } = {},
): SelfSignedCertificate {
  const keyType = options.keyType ?? 'ec';
  const { privateKey, publicKey } =
    keyType === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signatureAlgorithm =
    keyType === 'rsa' ? sequence(oid('1.2.840.113549.1.1.11'), NULL) : sequence(oid('1.2.840.10045.4.3.2'));
  const now = options.now ?? new Date();
  const subject = name(options.commonName ?? 'localhost');
  const subjectAltName = sequence(
    tlv(0x87, Buffer.from([127, 0, 0, 1])), // iPAddress
    tlv(0x82, Buffer.from('localhost', 'ascii')), // dNSName
  );
  const extensions = explicit(
    3,
    sequence(
      sequence(oid('2.5.29.17'), octetString(subjectAltName)),
      sequence(oid('2.5.29.19'), TRUE, octetString(sequence(TRUE))),
    ),
  );
  const toBeSigned = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(Buffer.concat([Buffer.from([0x01]), randomBytes(15)])),
    signatureAlgorithm,
    subject,
    sequence(utcTime(new Date(now.getTime() - 3_600_000)), utcTime(new Date(now.getTime() + 86_400_000))),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = sign('sha256', toBeSigned, privateKey);
  const der = sequence(toBeSigned, signatureAlgorithm, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const base64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return {
    certificate: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey,
    thumbprintSha256: createHash('sha256').update(der).digest('hex'),
  };
}
