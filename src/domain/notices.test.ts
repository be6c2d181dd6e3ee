import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNoticeKind, NOTICE_KINDS } from './notices.ts';

describe('notice kinds', () => {
  it('knows every kind of notice the server sends, so robots can be given any of them', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = path.join(dir, n);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
      });
    const sent = new Set<string>();
    for (const f of files(path.resolve(import.meta.dirname, '../server/modules')))
      for (const m of readFileSync(f, 'utf8').matchAll(/kind: '([a-z_]+\.[a-z_.]+)'/g)) sent.add(m[1]!);
    sent.delete('notify.test'); // the test message, sent to one robot by hand
    expect(sent.size).toBeGreaterThan(10);
    expect([...sent].sort()).toEqual([...NOTICE_KINDS].sort());
    expect(isNoticeKind('cases.')).toBe(true);
    expect(isNoticeKind('cases.overdue')).toBe(true);
    expect(isNoticeKind('nonsense')).toBe(false);
    expect(isNoticeKind('cases.nonsense')).toBe(false);
    expect(isNoticeKind('notify.')).toBe(false);
  });
});
