import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../domain/calendar.ts';
import {
  findDuplicateSystems,
  zombieVerdict,
  type LastUse,
  type ZombieVerdict,
} from '../../../domain/registry.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { ModuleDeps } from '../deps.ts';
import type { FlagRow, FlagsRepo } from './flags.repo.ts';
import type { SystemsRepo } from './systems.repo.ts';
import type { UsageRepo } from './usage.repo.ts';

/** Why the scan cleared a flag (a code; labels in registry.labels.ts). */
export type ClearReason = 'used_again' | 'not_live' | 'not_similar' | 'retired';

export interface ScanResult {
  raised: { zombie: number; duplicate: number };
  refreshed: number;
  cleared: number;
  /** Conditions that hold but stay silent because the bureau dismissed them. */
  suppressed: number;
  thresholdDays: number;
}

const pairKey = (a: string, b: string | null) => `${a}|${b ?? ''}`;

/**
 * Detects zombie and duplicate systems and brings the flags in line, in one transaction:
 * a new condition opens a flag; one still holding refreshes its evidence; one no longer holding is
 * cleared. A dismissed duplicate pair is never raised again; a dismissed zombie is raised again only
 * when the system was used after the dismissal and then went silent again.
 */
export async function scanFlags(
  deps: ModuleDeps,
  repos: { systems: SystemsRepo; usage: UsageRepo; flags: FlagsRepo },
  now: Date,
  actor: Actor,
): Promise<ScanResult> {
  const today = chinaDateOf(now);
  const thresholdDays = deps.config.ZOMBIE_DAYS;
  return deps.db.transaction(async (tx) => {
    // One scan at a time, whatever the number of server processes.
    await tx.execute(sql`select pg_advisory_xact_lock(727101)`);
    const all = await repos.systems.all(tx);
    const byId = new Map(all.map((s) => [s.id, s]));
    const result: ScanResult = {
      raised: { zombie: 0, duplicate: 0 },
      refreshed: 0,
      cleared: 0,
      suppressed: 0,
      thresholdDays,
    };
    const newFlags: {
      systemId: string;
      otherSystemId: string | null;
      kind: 'zombie' | 'duplicate';
      evidence: Record<string, unknown>;
    }[] = [];
    const clear = async (flag: FlagRow, reason: ClearReason) => {
      await repos.flags.setStatus(tx, flag.id, ['open', 'confirmed'], {
        status: 'cleared',
        resolvedAt: now,
        resolvedBy: 'system',
        resolution: reason,
      });
      result.cleared++;
    };

    // ----- zombies -----
    const lastUse = new Map<string, LastUse>();
    for (const r of await repos.usage.lastUse(undefined, tx)) {
      if (!r.day) continue;
      const entry = lastUse.get(r.systemId) ?? {};
      entry[r.signal] = r.day;
      lastUse.set(r.systemId, entry);
    }
    const verdicts = new Map<string, ZombieVerdict>(
      all.map((s) => [s.id, zombieVerdict(s, lastUse.get(s.id) ?? {}, today, thresholdDays)]),
    );
    const liveZombies = new Map<string, FlagRow>();
    const dismissedZombies = new Map<string, FlagRow>();
    for (const f of await repos.flags.ofKind(tx, 'zombie', ['open', 'confirmed', 'dismissed'])) {
      const into = f.status === 'dismissed' ? dismissedZombies : liveZombies;
      // Dismissals come latest first: the latest one decides.
      if (!into.has(f.systemId)) into.set(f.systemId, f);
    }
    for (const s of all) {
      const v = verdicts.get(s.id)!;
      const live = liveZombies.get(s.id);
      if (live) {
        if (v.zombie) {
          await repos.flags.refresh(tx, live.id, { ...v.evidence });
          result.refreshed++;
        } else await clear(live, s.status === 'live' ? 'used_again' : 'not_live');
        continue;
      }
      if (!v.zombie) continue;
      const dismissed = dismissedZombies.get(s.id);
      const dismissedOn = dismissed?.resolvedAt ? chinaDateOf(dismissed.resolvedAt) : null;
      if (dismissed && !(v.evidence.lastUsedOn && dismissedOn && v.evidence.lastUsedOn > dismissedOn)) {
        result.suppressed++;
        continue;
      }
      newFlags.push({ systemId: s.id, otherSystemId: null, kind: 'zombie', evidence: { ...v.evidence } });
      result.raised.zombie++;
    }

    // ----- duplicates -----
    const produced = new Map<string, string[]>();
    for (const r of await repos.systems.producedNames(tx)) {
      if (!r.systemId) continue;
      produced.set(r.systemId, [...(produced.get(r.systemId) ?? []), r.name]);
    }
    const pairs = findDuplicateSystems(
      all.map((s) => ({ ...s, producedDatasetNames: produced.get(s.id) ?? [] })),
    );
    const liveDuplicates = new Map<string, FlagRow>();
    const dismissedPairs = new Set<string>();
    for (const f of await repos.flags.ofKind(tx, 'duplicate', ['open', 'confirmed', 'dismissed'])) {
      if (f.status === 'dismissed') dismissedPairs.add(pairKey(f.systemId, f.otherSystemId));
      else liveDuplicates.set(pairKey(f.systemId, f.otherSystemId), f);
    }
    const found = new Set<string>();
    for (const p of pairs) {
      const key = pairKey(p.systemId, p.otherSystemId);
      found.add(key);
      const live = liveDuplicates.get(key);
      if (live) {
        await repos.flags.refresh(tx, live.id, { ...p.evidence });
        result.refreshed++;
      } else if (dismissedPairs.has(key)) {
        result.suppressed++;
      } else {
        newFlags.push({
          systemId: p.systemId,
          otherSystemId: p.otherSystemId,
          kind: 'duplicate',
          evidence: { ...p.evidence },
        });
        result.raised.duplicate++;
      }
    }
    for (const [key, flag] of liveDuplicates) {
      if (found.has(key)) continue;
      const retired = [flag.systemId, flag.otherSystemId].some(
        (id) => id && byId.get(id)?.status === 'retired',
      );
      await clear(flag, retired ? 'retired' : 'not_similar');
    }

    await repos.flags.insert(
      tx,
      newFlags.map((f) => ({ ...f, status: 'open' as const, detectedAt: now })),
    );
    await deps.audit.append(tx, actor, {
      action: 'system.flags.scan',
      detail: { ...result },
    });
    const raised = result.raised.zombie + result.raised.duplicate;
    if (raised > 0) {
      const codes = newFlags
        .slice(0, 20)
        .map((f) =>
          f.otherSystemId
            ? `${byId.get(f.systemId)?.code} / ${byId.get(f.otherSystemId)?.code}`
            : byId.get(f.systemId)?.code,
        )
        .join('、');
      await deps.notify.toRole(tx, 'bureau_admin', {
        kind: 'registry.flags',
        title: `信息系统监测：新发现 ${result.raised.zombie} 个疑似僵尸系统、${result.raised.duplicate} 对疑似重复建设系统`,
        body: `${codes}${newFlags.length > 20 ? ' …' : ''}`,
        link: '/registry/flags',
      });
    }
    return result;
  });
}
