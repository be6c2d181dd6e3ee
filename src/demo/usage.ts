// Usage history of the demo systems (sign-ins, API calls, data updates, catalogue views), relative
// to a "today": one row a week for the past ~400 days, and one a day for the last 30 days, so that
// the registry shows trends while the history stays small. Live systems are in use up to today;
// the planted zombies and the retired systems fell silent `idleDays` before today; planned and
// building systems have never been used.

import { createRandom, type Random } from './random.ts';
import type { DemoSystem } from './systems.ts';
import { DEFAULT_DEMO_SEED } from './users.ts';

export type DemoUsageSignal = 'sign_in' | 'api_call' | 'data_update' | 'catalog_view';

export interface DemoUsageRow {
  systemCode: string;
  /** ISO date. */
  day: string;
  signal: DemoUsageSignal;
  /** Always ≥ 1: a row records use. */
  count: number;
}

/** How far back the history goes, and the recent window that has a row every day. */
export const USAGE_HISTORY_DAYS = 400;
export const USAGE_DAILY_DAYS = 30;

const DAY_MS = 86_400_000;
const toN = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const toIso = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

interface SignalPlan {
  signal: DemoUsageSignal;
  base: number;
  /** Only weekly rows, even in the recent window. */
  weeklyOnly: boolean;
}

function plansOf(s: DemoSystem, rng: Random): SignalPlan[] {
  const users = s.userCount ?? 50;
  const plans: SignalPlan[] = [
    {
      signal: 'sign_in',
      base: Math.min(20_000, Math.max(2, Math.round(users * rng.float(0.02, 0.3)))),
      weeklyOnly: false,
    },
  ];
  if (s.interfaces.some((i) => i.direction === 'provides'))
    plans.push({ signal: 'api_call', base: rng.int(50, 20_000), weeklyOnly: false });
  if (rng.chance(0.5)) plans.push({ signal: 'data_update', base: rng.int(1, 40), weeklyOnly: true });
  if (rng.chance(0.25)) plans.push({ signal: 'catalog_view', base: rng.int(1, 30), weeklyOnly: true });
  return plans;
}

function countOn(day: number, base: number, rng: Random): number {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
  const factor = weekday === 0 || weekday === 6 ? 0.3 : 1;
  return Math.max(1, Math.round(base * factor * rng.float(0.7, 1.3)));
}

/**
 * The usage rows of every system for the ~400 days up to `today` (ISO date, the China date the
 * demo is built for). Same systems, today and seed → the same rows.
 */
export function demoUsage(
  systems: readonly DemoSystem[],
  opts: { today: string; seed?: number },
): DemoUsageRow[] {
  const root = createRandom(opts.seed ?? DEFAULT_DEMO_SEED).fork('usage');
  const today = toN(opts.today);
  const rows: DemoUsageRow[] = [];
  for (const s of systems) {
    if (s.status === 'planned' || s.status === 'building' || !s.launchDate) continue;
    if (s.status === 'retired' && s.idleDays === null) continue;
    const last = today - (s.idleDays ?? 0);
    const first = Math.max(today - USAGE_HISTORY_DAYS, toN(s.launchDate));
    if (first > last) continue;
    const rng = root.fork(s.code);
    const recentFrom = today - USAGE_DAILY_DAYS + 1;
    for (const plan of plansOf(s, rng)) {
      const days = new Set<number>();
      for (let d = first; d <= last; d += 7) days.add(d);
      days.add(last); // the last use is exactly `idleDays` ago
      if (!plan.weeklyOnly) for (let d = Math.max(first, recentFrom); d <= last; d++) days.add(d);
      for (const d of [...days].sort((a, b) => a - b))
        rows.push({
          systemCode: s.code,
          day: toIso(d),
          signal: plan.signal,
          count: countOn(d, plan.base, rng),
        });
    }
  }
  return rows;
}
