// The one crypto module (SECURITY.md DAT-4): SM3 hashing, HMAC-SM3, SM4 field encryption and blind
// indexes. Nothing else in the code base calls node:crypto for security purposes.
//
// Field encryption (DAT-2): Node has no SM4-GCM, so fields use SM4-CBC with a random IV and
// encrypt-then-MAC with HMAC-SM3 over iv || ciphertext, verified in constant time before anything
// is decrypted (no padding oracle). Token format: `v1.<iv>.<ciphertext>.<mac>`, base64url parts.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';

export interface FieldKeys {
  /** SM4 key, exactly 16 bytes. */
  enc: Buffer;
  /** HMAC-SM3 key, at least 16 bytes, distinct from `enc`. */
  mac: Buffer;
}

/** The field-encryption keys from the configured secrets (both derived from FIELD_KEY). */
export function fieldKeysOf(secrets: { fieldEncKey: Buffer; fieldMacKey: Buffer }): FieldKeys {
  return { enc: secrets.fieldEncKey, mac: secrets.fieldMacKey };
}

export class FieldDecryptionError extends Error {
  constructor(detail: string) {
    super(`Encrypted field rejected: ${detail}`);
    this.name = 'FieldDecryptionError';
  }
}

const VERSION = 'v1';
const BLOCK = 16;
const MAC_BYTES = 32;
const MIN_KEY_BYTES = 16;
const B64URL_RE = /^[A-Za-z0-9_-]*$/;

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

export function hmacSm3Hex(key: Buffer, data: string | Buffer): string {
  return hmacSm3(key, data).toString('hex');
}

/** Constant-time string comparison (tokens, hex MACs); unequal lengths return false. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Unguessable token (session ids, CSRF tokens, reset links), base64url. */
export function randomToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 16 || bytes > 1024) {
    throw new RangeError(`randomToken needs 16..1024 bytes, got ${bytes}`);
  }
  return randomBytes(bytes).toString('base64url');
}

/** A uniformly random string of decimal digits (query passwords people type), from the CSPRNG. */
export function randomDigits(length: number): string {
  if (!Number.isInteger(length) || length < 4 || length > 32) throw new RangeError(`randomDigits: ${length}`);
  let out = '';
  while (out.length < length) out += String(randomInt(0, 10));
  return out;
}

/**
 * Deterministic keyed index (HMAC-SM3 hex) so encrypted columns can be looked up by equality.
 * Callers normalise the value first (e.g. upper-case X in resident IDs) so equal values match.
 */
export function blindIndex(key: Buffer, value: string): string {
  if (key.length < MIN_KEY_BYTES)
    throw new RangeError(`Blind-index key must be at least ${MIN_KEY_BYTES} bytes`);
  return hmacSm3Hex(key, value);
}

function assertKeys(keys: FieldKeys): void {
  if (!Buffer.isBuffer(keys.enc) || keys.enc.length !== 16)
    throw new RangeError('SM4 key must be exactly 16 bytes');
  if (!Buffer.isBuffer(keys.mac) || keys.mac.length < MIN_KEY_BYTES) {
    throw new RangeError(`MAC key must be at least ${MIN_KEY_BYTES} bytes`);
  }
  // One key for both jobs would weaken both; refuse rather than allow a configuration slip.
  if (keys.enc.equals(keys.mac)) throw new RangeError('Encryption and MAC keys must differ');
}

function macOf(key: Buffer, iv: Buffer, ct: Buffer): Buffer {
  return createHmac('sm3', key).update(iv).update(ct).digest();
}

/** SM4-CBC + HMAC-SM3 (encrypt-then-MAC). Lone surrogates are refused: they cannot round-trip via UTF-8. */
export function encryptField(keys: FieldKeys, plaintext: string): string {
  assertKeys(keys);
  if (typeof plaintext !== 'string') throw new TypeError('Plaintext must be a string');
  if (/\p{Cs}/u.test(plaintext)) throw new TypeError('Plaintext is not well-formed Unicode (lone surrogate)');
  const iv = randomBytes(BLOCK);
  const cipher = createCipheriv('sm4-cbc', keys.enc, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const mac = macOf(keys.mac, iv, ct);
  return [VERSION, iv.toString('base64url'), ct.toString('base64url'), mac.toString('base64url')].join('.');
}

/** Strict base64url: only canonical encodings, so no two token strings decode to the same bytes. */
function decodePart(part: string): Buffer | null {
  if (!B64URL_RE.test(part)) return null;
  const buf = Buffer.from(part, 'base64url');
  return buf.toString('base64url') === part ? buf : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Verifies the MAC in constant time, then decrypts. Throws FieldDecryptionError on any tampering. */
export function decryptField(keys: FieldKeys, token: string): string {
  assertKeys(keys);
  if (typeof token !== 'string') throw new FieldDecryptionError('not a string');
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new FieldDecryptionError('unknown format or version');
  const iv = decodePart(parts[1]!);
  const ct = decodePart(parts[2]!);
  const mac = decodePart(parts[3]!);
  if (!iv || !ct || !mac || iv.length !== BLOCK || ct.length === 0 || ct.length % BLOCK !== 0) {
    throw new FieldDecryptionError('malformed token');
  }
  const expected = macOf(keys.mac, iv, ct);
  if (mac.length !== MAC_BYTES || !timingSafeEqual(mac, expected)) {
    throw new FieldDecryptionError('authentication failed (the value was altered or the key is wrong)');
  }
  try {
    const decipher = createDecipheriv('sm4-cbc', keys.enc, iv);
    return utf8.decode(Buffer.concat([decipher.update(ct), decipher.final()]));
  } catch {
    // Only reachable with a valid MAC, i.e. a wrong enc key paired with the right mac key.
    throw new FieldDecryptionError('decryption failed (wrong encryption key?)');
  }
}

// Known-answer vectors from GB/T 32905-2016 and GB/T 32907-2016 (standards/README.md).
const KAT = {
  sm3Abc: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
  sm3Abcd16: 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
  sm4Key: '0123456789abcdeffedcba9876543210',
  sm4Cipher: '681edf34d206965e86b3e94f536e4246',
};

/**
 * Start-up self-test (密评 expects crypto modules to check themselves): throws if the platform's
 * SM3/SM4 are missing or give wrong answers, e.g. an OpenSSL build without the SM algorithms.
 */
export function cryptoSelfTest(): void {
  const fail = (what: string) => {
    throw new Error(`Crypto self-test failed: ${what}`);
  };
  if (sm3Hex('abc') !== KAT.sm3Abc) fail('SM3("abc")');
  if (sm3Hex('abcd'.repeat(16)) !== KAT.sm3Abcd16) fail('SM3("abcd" x 16)');
  const key = Buffer.from(KAT.sm4Key, 'hex');
  const ecb = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
  if (Buffer.concat([ecb.update(key), ecb.final()]).toString('hex') !== KAT.sm4Cipher) fail('SM4-ECB block');
  const keys: FieldKeys = { enc: key, mac: Buffer.from(KAT.sm3Abc, 'hex') };
  if (decryptField(keys, encryptField(keys, 'self-test 自检')) !== 'self-test 自检')
    fail('SM4-CBC round trip');
}
