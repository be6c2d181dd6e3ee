import { describe, expect, it } from 'vitest';
import { zombieVerdict, type LastUse } from '../domain/registry.ts';
import { demoDepartments } from './departments.ts';
import { demoSystems, plantedZombies } from './systems.ts';
import { demoUsage, USAGE_HISTORY_DAYS, type DemoUsageRow } from './usage.ts';

const systems = demoSystems(demoDepartments());
const TODAY = '2026-03-02';
const usage = demoUsage(systems, { today: TODAY });

const dayN = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const daysBefore = (today: string, day: string) => dayN(today) - dayN(day);

function lastUses(rows: readonly DemoUsageRow[]): Map<string, LastUse> {
  const out = new Map<string, LastUse>();
  for (const r of rows) {
    const entry = out.get(r.systemCode) ?? {};
    if (!entry[r.signal] || entry[r.signal]! < r.day) entry[r.signal] = r.day;
    out.set(r.systemCode, entry);
  }
  return out;
}

describe('demoUsage', () => {
  it('is deterministic and small: same inputs, same rows; well under 40,000 rows', () => {
    expect(demoUsage(systems, { today: TODAY })).toEqual(usage);
    expect(usage.length).toBeGreaterThan(5_000);
    expect(usage.length).toBeLessThan(40_000);
  });

  it('keeps every row within the history window, with a positive count, once per system, signal and day', () => {
    const seen = new Set<string>();
    for (const r of usage) {
      const ago = daysBefore(TODAY, r.day);
      expect(ago).toBeGreaterThanOrEqual(0);
      expect(ago).toBeLessThanOrEqual(USAGE_HISTORY_DAYS);
      expect(r.count).toBeGreaterThanOrEqual(1);
      const key = `${r.systemCode}|${r.signal}|${r.day}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(new Set(usage.map((r) => r.signal))).toEqual(
      new Set(['sign_in', 'api_call', 'data_update', 'catalog_view']),
    );
  });

  it('gives live systems recent use, zombies old use only, planned and building systems none', () => {
    const last = lastUses(usage);
    const latest = (code: string) =>
      Object.values(last.get(code) ?? {})
        .filter((d): d is string => !!d)
        .sort()
        .pop();
    for (const s of systems) {
      const l = latest(s.code);
      if (s.status === 'planned' || s.status === 'building') expect(l).toBeUndefined();
      else if (plantedZombies.includes(s.code)) {
        expect(daysBefore(TODAY, l!)).toBe(s.idleDays);
        expect(s.idleDays!).toBeGreaterThanOrEqual(150);
      } else if (s.status === 'live' && daysBefore(TODAY, s.launchDate!) >= 90)
        expect(daysBefore(TODAY, l!)).toBeLessThanOrEqual(30);
      else if (s.status === 'retired' && l) expect(daysBefore(TODAY, l)).toBeGreaterThan(90);
    }
  });

  it.each([TODAY, '2026-09-15', '2027-05-01'])(
    'makes exactly the planted systems zombies by the registry rule (today %s)',
    (today) => {
      const last = lastUses(demoUsage(systems, { today }));
      const zombies = systems
        .filter((s) => zombieVerdict(s, last.get(s.code) ?? {}, today, 90).zombie)
        .map((s) => s.code);
      expect(zombies.sort()).toEqual([...plantedZombies].sort());
    },
  );
});
