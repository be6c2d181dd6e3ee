import { describe, expect, it } from 'vitest';
import { FLAG_TYPES } from '../../../domain/case-flags.ts';
import { chinaDate, chinaDateTime } from '../../shared/chinaTime.ts';
import { casesEn, casesZh } from './i18n.ts';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('case pages: messages and China time', () => {
  it('has a reason sentence for every flag type the domain raises, with the same parameters in both languages', () => {
    for (const type of FLAG_TYPES) {
      const zh = casesZh.flagReason[type];
      const en = casesEn.flagReason[type];
      expect(zh, type).toBeTruthy();
      expect(placeholders(en), type).toEqual(placeholders(zh));
    }
  });

  it('uses the same placeholders in Chinese and English everywhere', () => {
    const walk = (zh: unknown, en: unknown, path: string) => {
      if (typeof zh === 'string') {
        expect(placeholders(String(en)), path).toEqual(placeholders(zh));
        return;
      }
      for (const [k, v] of Object.entries(zh as Record<string, unknown>))
        walk(v, (en as Record<string, unknown>)[k], `${path}.${k}`);
    };
    walk(casesZh, casesEn, 'cases');
  });

  it('shows timestamps in China time whatever the browser’s zone', () => {
    expect(chinaDateTime('2026-01-01T16:30:00Z')).toBe('2026-01-02 00:30');
    expect(chinaDateTime('2026-01-01T16:30:05Z', { seconds: true })).toBe('2026-01-02 00:30:05');
    expect(chinaDate('2026-09-30T23:59:59+08:00')).toBe('2026-09-30');
    expect(chinaDate('2026-09-30T16:00:00Z')).toBe('2026-10-01');
    expect(chinaDateTime(null)).toBe('');
    expect(chinaDateTime('not a date')).toBe('not a date');
  });
});
