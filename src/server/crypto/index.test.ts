import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCipheriv } from 'node:crypto';
import {
  FieldDecryptionError,
  blindIndex,
  constantTimeEqual,
  cryptoSelfTest,
  decryptField,
  encryptField,
  hmacSm3,
  hmacSm3Hex,
  randomToken,
  sm3Hex,
  type FieldKeys,
} from './index.ts';

const keys: FieldKeys = {
  enc: Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'),
  mac: Buffer.from('f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff', 'hex'),
};

describe('known-answer tests (GB/T 32905, GB/T 32907)', () => {
  it('SM3', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
    expect(sm3Hex(Buffer.from('abc'))).toBe(sm3Hex('abc'));
  });

  it('SM4 one block (the primitive under sm4-cbc)', () => {
    const k = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const c = createCipheriv('sm4-ecb', k, null).setAutoPadding(false);
    expect(Buffer.concat([c.update(k), c.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('the start-up self-test passes', () => {
    expect(() => cryptoSelfTest()).not.toThrow();
  });

  it('HMAC-SM3 matches the RFC 2104 construction built from SM3 (64-byte blocks)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 100 }), fc.string(), (k, m) => {
        let key = Buffer.from(k);
        if (key.length > 64) key = Buffer.from(sm3Hex(key), 'hex');
        key = Buffer.concat([key, Buffer.alloc(64 - key.length)]);
        const ipad = Buffer.from(key.map((b) => b ^ 0x36));
        const opad = Buffer.from(key.map((b) => b ^ 0x5c));
        const inner = Buffer.from(sm3Hex(Buffer.concat([ipad, Buffer.from(m)])), 'hex');
        expect(hmacSm3Hex(Buffer.from(k), m)).toBe(sm3Hex(Buffer.concat([opad, inner])));
      }),
    );
  });
});

/** Independent SM4-CBC + PKCS#7 built from single ECB blocks, to check the token format end to end. */
function manualToken(k: FieldKeys, iv: Buffer, plaintext: string): string {
  const pt = Buffer.from(plaintext, 'utf8');
  const pad = 16 - (pt.length % 16);
  const padded = Buffer.concat([pt, Buffer.alloc(pad, pad)]);
  const blocks: Buffer[] = [];
  let prev = iv;
  for (let i = 0; i < padded.length; i += 16) {
    const x = Buffer.from(padded.subarray(i, i + 16).map((b, j) => b ^ prev[j]!));
    const c = createCipheriv('sm4-ecb', k.enc, null).setAutoPadding(false);
    prev = Buffer.concat([c.update(x), c.final()]);
    blocks.push(prev);
  }
  const ct = Buffer.concat(blocks);
  const mac = hmacSm3(k.mac, Buffer.concat([iv, ct]));
  return ['v1', iv.toString('base64url'), ct.toString('base64url'), mac.toString('base64url')].join('.');
}

describe('encryptField / decryptField', () => {
  it('decrypts a token built independently (SM4-CBC, PKCS#7, HMAC-SM3 over iv||ct)', () => {
    const iv = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    for (const p of ['', '330105199001011234', '张三丰 13812341234', 'x'.repeat(33)]) {
      expect(decryptField(keys, manualToken(keys, iv, p))).toBe(p);
    }
  });

  it('produces v1.<iv>.<ct>.<mac> with a 16-byte IV and a 32-byte MAC', () => {
    const token = encryptField(keys, '330105199001011234');
    const parts = token.split('.');
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe('v1');
    expect(Buffer.from(parts[1]!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(parts[2]!, 'base64url')).toHaveLength(32); // 18 bytes → 2 blocks
    expect(Buffer.from(parts[3]!, 'base64url')).toHaveLength(32);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(token).not.toContain('330105199001011234');
  });

  it('round-trips any well-formed string, with a fresh IV each time (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        const a = encryptField(keys, s);
        const b = encryptField(keys, s);
        expect(a).not.toBe(b);
        expect(decryptField(keys, a)).toBe(s);
        expect(decryptField(keys, b)).toBe(s);
      }),
    );
  });

  it('refuses lone surrogates rather than silently changing the value', () => {
    expect(() => encryptField(keys, 'a\uD800b')).toThrow(/well-formed/);
    expect(() => encryptField(keys, '\uDC00')).toThrow(/well-formed/);
    expect(decryptField(keys, encryptField(keys, '𠀋'))).toBe('𠀋');
  });

  it('detects a flipped bit in any byte of iv, ciphertext or MAC (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (s, pos, bit) => {
        const [v, ivB, ctB, macB] = encryptField(keys, s).split('.') as [string, string, string, string];
        const parts = [ivB, ctB, macB].map((p) => Buffer.from(p, 'base64url'));
        const all = Buffer.concat(parts);
        const i = pos % all.length;
        all[i] = all[i]! ^ (1 << bit);
        const [ivLen, ctLen] = [parts[0]!.length, parts[1]!.length];
        const split = [
          all.subarray(0, ivLen),
          all.subarray(ivLen, ivLen + ctLen),
          all.subarray(ivLen + ctLen),
        ];
        const tampered = [v, ...split.map((p) => p.toString('base64url'))].join('.');
        expect(() => decryptField(keys, tampered)).toThrow(FieldDecryptionError);
      }),
      { numRuns: 500 },
    );
  });

  it('detects any changed character of the token string (property)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/';
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat(), fc.constantFrom(...alphabet), (s, pos, c) => {
        const token = encryptField(keys, s);
        const i = pos % token.length;
        fc.pre(token[i] !== c);
        const tampered = token.slice(0, i) + c + token.slice(i + 1);
        expect(() => decryptField(keys, tampered)).toThrow(FieldDecryptionError);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects truncated, extended, re-versioned or non-canonical tokens', () => {
    const token = encryptField(keys, 'hello');
    const [, iv, ct, mac] = token.split('.') as [string, string, string, string];
    for (const bad of [
      '',
      'v1',
      token.slice(0, -1),
      `${token}.x`,
      `v2.${iv}.${ct}.${mac}`,
      `v1.${iv}.${ct}`,
      `v1.${iv}..${mac}`,
      `v1.${iv}.${ct}.${mac}=`,
      `v1.${iv}=.${ct}.${mac}`,
      `v1.${iv}.${ct.slice(0, 16)}.${mac}`,
      ` ${token}`,
    ]) {
      expect(() => decryptField(keys, bad), bad).toThrow(FieldDecryptionError);
    }
  });

  it('fails with the wrong keys', () => {
    const token = encryptField(keys, '13812341234');
    const otherMac = { enc: keys.enc, mac: Buffer.alloc(32, 7) };
    expect(() => decryptField(otherMac, token)).toThrow(/authentication failed/);
    const otherEnc = { enc: Buffer.alloc(16, 9), mac: keys.mac };
    let out: string | undefined;
    try {
      out = decryptField(otherEnc, token);
    } catch (e) {
      expect(e).toBeInstanceOf(FieldDecryptionError);
    }
    expect(out).not.toBe('13812341234');
  });

  it('validates keys', () => {
    expect(() => encryptField({ enc: Buffer.alloc(15), mac: Buffer.alloc(32, 1) }, 'x')).toThrow(/16 bytes/);
    expect(() => encryptField({ enc: Buffer.alloc(16), mac: Buffer.alloc(8, 1) }, 'x')).toThrow(/MAC key/);
    expect(() => encryptField({ enc: Buffer.alloc(16, 3), mac: Buffer.alloc(16, 3) }, 'x')).toThrow(/differ/);
  });
});

describe('blind index, tokens, comparison', () => {
  const k = Buffer.alloc(32, 5);

  it('blindIndex is a deterministic, keyed HMAC-SM3', () => {
    expect(blindIndex(k, '330105199001011234')).toBe(blindIndex(k, '330105199001011234'));
    expect(blindIndex(k, '330105199001011234')).toBe(hmacSm3Hex(k, '330105199001011234'));
    expect(blindIndex(k, '330105199001011234')).not.toBe(
      blindIndex(Buffer.alloc(32, 6), '330105199001011234'),
    );
    expect(blindIndex(k, '330105199001011234')).not.toBe(sm3Hex('330105199001011234'));
    expect(blindIndex(k, 'a')).toMatch(/^[0-9a-f]{64}$/);
    expect(() => blindIndex(Buffer.alloc(8), 'a')).toThrow(RangeError);
  });

  it('blindIndex separates distinct values (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(blindIndex(k, a)).not.toBe(blindIndex(k, b));
      }),
    );
  });

  it('randomToken is base64url of the requested size and never repeats', () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const seen = new Set(Array.from({ length: 1000 }, () => randomToken()));
    expect(seen.size).toBe(1000);
    expect(() => randomToken(8)).toThrow(RangeError);
    expect(() => randomToken(32.5)).toThrow(RangeError);
  });

  it('constantTimeEqual', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});
