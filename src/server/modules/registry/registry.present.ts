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
