import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { periodOf } from './supervision.service.ts';

describe('periodOf', () => {
  it('defaults to the last 12 months up to today, both days included', () => {
    expect(periodOf({}, '2026-02-12')).toMatchObject({ from: '2025-02-13', to: '2026-02-12' });
    expect(periodOf({}, '2024-02-29')).toMatchObject({ from: '2023-03-01', to: '2024-02-29' });
    expect(periodOf({}, '2026-01-01')).toMatchObject({ from: '2025-01-02', to: '2026-01-01' });
    expect(periodOf({ to: '2025-06-30' }, '2026-02-12')).toMatchObject({ from: '2024-07-01' });
  });

  it('turns China dates into instants: from 00:00 Beijing time to the next midnight after `to`', () => {
    const { period } = periodOf({ from: '2026-01-01', to: '2026-01-31' }, '2026-02-12');
    expect(period.from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(period.until.toISOString()).toBe('2026-01-31T16:00:00.000Z');
  });

  it('accepts a one-day period and refuses a reversed one', () => {
    expect(periodOf({ from: '2026-02-12', to: '2026-02-12' }, '2026-02-12').from).toBe('2026-02-12');
    expect(() => periodOf({ from: '2026-02-13', to: '2026-02-12' }, '2026-02-12')).toThrow(AppError);
  });
});
