import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparableValue,
  exchangeTime,
  mismatchParams,
  mismatchSummary,
  shownFlagParams,
  missingUpstream,
  parseExchangeTime,
  reconcile,
  RECONCILED_FIELDS,
  recordVersion,
  retryDelayMs,
  type ExchangeRecord,
} from './exchange.ts';

const local: ExchangeRecord = {
  SBLSH: '330105-2026-000001',
  SXBM: '11330105MB0000000X1000000000001',
  SLSJ: '2026-03-02 09:15:00',
  BJSJ: '2026-03-05 16:40:12',
  BJJGDM: '1',
  BLZT: '07',
  SJBBH: 5,
};

describe('exchange times', () => {
  it('writes China time to the second', () => {
    expect(exchangeTime(new Date('2026-03-02T01:15:00.999Z'))).toBe('2026-03-02 09:15:00');
    expect(exchangeTime(new Date('2026-02-16T16:00:00Z'))).toBe('2026-02-17 00:00:00');
    expect(exchangeTime(null)).toBeNull();
    expect(parseExchangeTime('2026-03-02 09:15:00')).toEqual(new Date('2026-03-02T01:15:00Z'));
    expect(parseExchangeTime('2026-02-30 09:15:00')).toBeNull();
    expect(parseExchangeTime('2026-03-02')).toBeNull();
  });

  it('round-trips every instant at second precision', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const s = exchangeTime(d)!;
          expect(parseExchangeTime(s)!.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
        },
      ),
    );
  });

  it('compares times written either way, and values as trimmed text', () => {
    expect(comparableValue('SLSJ', '2026-03-02T09:15:00')).toBe('2026-03-02 09:15:00');
    expect(comparableValue('BJJGDM', 1)).toBe('1');
    expect(comparableValue('SXBM', ' X ')).toBe('X');
    expect(comparableValue('BJSJ', null)).toBe('');
  });
});

describe('reconcile', () => {
  it('agrees with an identical copy, and with one that differs only outside the reconciled fields', () => {
    expect(reconcile(local, { ...local }, 0)).toEqual({ kind: 'agrees' });
    expect(reconcile(local, { ...local, SQRMC: 'someone else', SLSJ: '2026-03-02T09:15:00' }, 0)).toEqual({
      kind: 'agrees',
    });
  });

  it('names each differing field with both values', () => {
    const v = reconcile(local, { ...local, BJSJ: '2026-03-06 16:40:12', BJJGDM: '2' }, 0);
    expect(v).toEqual({
      kind: 'differs',
      differences: [
        { field: 'BJSJ', local: '2026-03-05 16:40:12', upstream: '2026-03-06 16:40:12' },
        { field: 'BJJGDM', local: '1', upstream: '2' },
      ],
    });
  });

  it('waits for events still in the outbox, but calls an old copy with nothing pending a difference', () => {
    const older = { ...local, SJBBH: 4, BLZT: '05', BJSJ: null, BJJGDM: null };
    expect(reconcile(local, older, 1)).toEqual({ kind: 'pending' });
    const v = reconcile(local, older, 0);
    expect(v.kind).toBe('differs');
    expect(v.kind === 'differs' && v.differences.map((d) => d.field)).toEqual([
      'BJSJ',
      'BJJGDM',
      'BLZT',
      'SJBBH',
    ]);
    // A copy ahead of the district is a difference even with events pending.
    expect(reconcile(local, { ...local, SJBBH: 6 }, 1)).toEqual({
      kind: 'differs',
      differences: [{ field: 'SJBBH', local: '5', upstream: '6' }],
    });
  });

  it('finds exactly the fields that were changed (property)', () => {
    const fieldArb = fc.subarray([...RECONCILED_FIELDS], { minLength: 0 });
    fc.assert(
      fc.property(fieldArb, (fields) => {
        const copy: ExchangeRecord = { ...local };
        for (const f of fields) copy[f] = `${String(local[f] ?? '')}x`;
        const v = reconcile(local, copy, 0);
        const found = v.kind === 'differs' ? v.differences.map((d) => d.field) : [];
        expect(found).toEqual(RECONCILED_FIELDS.filter((f) => fields.includes(f)));
      }),
    );
  });

  it('words a flag: the fields, both values and a summary', () => {
    expect(mismatchParams([{ field: 'BJJGDM', local: '1', upstream: '2' }])).toEqual({
      fields: 'BJJGDM',
      local_BJJGDM: '1',
      upstream_BJJGDM: '2',
      summary: '办结结果代码 1 ≠ 2',
    });
    // A person's name never stands in a flag in full, whether raised now or before masking.
    const named = mismatchParams([{ field: 'SQRMC', local: '张三丰', upstream: '张三' }]);
    expect(named).toMatchObject({
      local_SQRMC: '张**',
      upstream_SQRMC: '张*',
      summary: '申请人名称 张** ≠ 张*',
    });
    const old = {
      fields: 'SQRMC,BJJGDM',
      local_SQRMC: '李四',
      upstream_SQRMC: '李斯',
      local_BJJGDM: '1',
      upstream_BJJGDM: '',
      summary: 'SQRMC 李四 ≠ 李斯; BJJGDM 1 ≠ —',
    };
    const shown = shownFlagParams('upstream_mismatch', old);
    expect(JSON.stringify(shown)).not.toMatch(/李四|李斯/);
    expect(shown.summary).toBe('申请人名称 李* ≠ 李*；办结结果代码 1 ≠ —');
    expect(mismatchSummary(shown, 'en')).toBe('Applicant name 李* ≠ 李*; Result code 1 ≠ —');
    expect(shownFlagParams('overdue_committed', { due: '2026-03-10' })).toEqual({ due: '2026-03-10' });
    expect(mismatchParams(missingUpstream(local))).toMatchObject({
      fields: 'SBLSH',
      local_SBLSH: '330105-2026-000001',
      upstream_SBLSH: '',
    });
  });

  it('reads versions only as positive integers', () => {
    expect(recordVersion({ SJBBH: '3' })).toBe(3);
    expect(recordVersion({ SJBBH: 0 })).toBeNull();
    expect(recordVersion({ SJBBH: 1.5 })).toBeNull();
    expect(recordVersion({})).toBeNull();
  });
});

describe('retry backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 4].map((a) => retryDelayMs(a, 10_000, 600_000))).toEqual([
      0, 10_000, 20_000, 40_000, 80_000,
    ]);
    expect(retryDelayMs(7, 10_000, 600_000)).toBe(600_000);
    expect(retryDelayMs(1000, 10_000, 600_000)).toBe(600_000);
  });

  it('never shrinks as attempts grow (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (a) => {
        expect(retryDelayMs(a + 1)).toBeGreaterThanOrEqual(retryDelayMs(a));
        expect(retryDelayMs(a)).toBeLessThanOrEqual(600_000);
      }),
    );
  });
});
