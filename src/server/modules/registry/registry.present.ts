import { translate, type Lang } from '../../http/messages.ts';
import type { FlagRow } from './flags.repo.ts';
import type { FlagKind, SystemRow } from './systems.repo.ts';

type Named = SystemRow & { departmentName: string };

/** Responses are shaped here, never raw rows: dates as ISO strings, the budget as a number. */
function systemFields(s: Named) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    purpose: s.purpose,
    department: { id: s.departmentId, name: s.departmentName },
    regionCode: s.regionCode,
    operator: s.operator,
    origin: s.origin,
    verticalLine: s.verticalLine,
    level: s.level,
    deployment: s.deployment,
    securityLevel: s.securityLevel,
    status: s.status,
    launchDate: s.launchDate,
    budget: s.budget === null ? null : Number(s.budget),
    userCount: s.userCount,
    url: s.url,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function presentSystem(s: Named) {
  return { ...systemFields(s), interfaces: s.interfaces };
}

export function presentListItem(s: Named & { flags: FlagKind[] }) {
  return { ...systemFields(s), interfaceCount: s.interfaces.length, flags: s.flags };
}

interface SystemSide {
  id: string | null;
  code: string | null;
  name: string | null;
  departmentId: string | null;
  departmentName: string | null;
}

const side = (s: SystemSide) =>
  s.id
    ? {
        id: s.id,
        code: s.code ?? '',
        name: s.name ?? '',
        department: { id: s.departmentId ?? '', name: s.departmentName ?? '' },
      }
    : null;

export function presentFlag(r: { flag: FlagRow; system: SystemSide; other: SystemSide | null }) {
  return {
    id: r.flag.id,
    kind: r.flag.kind,
    status: r.flag.status,
    system: side(r.system)!,
    otherSystem: r.other ? side(r.other) : null,
    evidence: r.flag.evidence,
    detectedAt: r.flag.detectedAt.toISOString(),
    resolvedAt: r.flag.resolvedAt?.toISOString() ?? null,
    resolvedBy: r.flag.resolvedBy,
    resolution: r.flag.resolution,
  };
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const pct = (v: unknown) => {
  const n = num(v);
  return n === null ? '–' : String(Math.round(n * 100));
};

/**
 * A flag's evidence in words, for exports: "连续 212 天无使用（阈值 90 天），最近一次使用：…", or
 * "名称相似度 62%，用途相似度 55%，共同产出：网格事件信息". Read defensively (evidence is JSON).
 */
export function flagEvidenceText(
  flag: { kind: string; evidence: Record<string, unknown> },
  lang: Lang,
): string {
  const e = flag.evidence;
  if (flag.kind === 'zombie') {
    const threshold = num(e.thresholdDays) ?? '–';
    const days = num(e.daysSilent);
    const lastUsedOn = typeof e.lastUsedOn === 'string' ? e.lastUsedOn : null;
    if (days === null) return translate('od.registry.evidence.zombieUnknown', lang, { threshold });
    if (lastUsedOn === null)
      return translate('od.registry.evidence.zombieNeverUsed', lang, { days, threshold });
    return translate('od.registry.evidence.zombie', lang, { days, threshold, lastUsedOn });
  }
  const shared = Array.isArray(e.sharedDatasets)
    ? e.sharedDatasets.filter((x): x is string => typeof x === 'string')
    : [];
  const similarity = translate('od.registry.evidence.duplicate', lang, {
    name: pct(e.nameSimilarity),
    purpose: pct(e.purposeSimilarity),
  });
  if (shared.length === 0) return similarity;
  const names = shared.join(lang === 'en' ? ', ' : '、');
  return `${similarity}${lang === 'en' ? '; ' : '，'}${translate('od.registry.evidence.sharedDatasets', lang, { names })}`;
}
