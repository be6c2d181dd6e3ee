import { label } from '../../http/labels.ts';
import { isMessageKey, translate, type Lang } from '../../http/messages.ts';
import type { RunWithCounts } from './inspection.repo.ts';
import type { GuideRow, MatterWithDepartment } from './matters.repo.ts';

/** Responses shaped explicitly: what each audience may see of a matter, its guide and inspections. */

export const presentListItem = (m: MatterWithDepartment) => ({
  id: m.id,
  code: m.code,
  name: m.name,
  type: m.type,
  level: m.level,
  department: m.department,
  onTheSpot: m.onTheSpot,
  statutoryLimitDays: m.statutoryLimitDays,
  committedLimitDays: m.committedLimitDays,
  visits: m.visits,
  onlineDepth: m.onlineDepth,
  status: m.status,
  version: m.version,
  updatedAt: m.updatedAt.toISOString(),
});

export const presentMatter = (m: MatterWithDepartment) => ({
  ...presentListItem(m),
  basicCode: m.basicCode,
  regionCode: m.regionCode,
  maxExtensionDays: m.maxExtensionDays,
  stages: m.stages,
  specialProcedures: m.specialProcedures,
  fees: m.fees,
  minHandlingMinutes: m.minHandlingMinutes,
  createdAt: m.createdAt.toISOString(),
});

const guideElements = (g: GuideRow) => ({
  conditions: g.conditions,
  materials: g.materials,
  process: g.process,
  legalBasis: g.legalBasis,
  place: g.place,
  hours: g.hours,
  contactPhone: g.contactPhone,
  complaintPhone: g.complaintPhone,
  onlineUrl: g.onlineUrl,
});

export const presentGuide = (g: GuideRow) => ({
  ...guideElements(g),
  updatedAt: g.updatedAt.toISOString(),
  updatedBy: g.updatedBy,
});

export const presentDetail = (d: { matter: MatterWithDepartment; guide: GuideRow | null }) => ({
  matter: presentMatter(d.matter),
  guide: d.guide ? presentGuide(d.guide) : null,
});

/** Public facts only: no workflow roles, plausibility thresholds, versions or editors. */
export const presentPublic = (m: MatterWithDepartment) => ({
  id: m.id,
  code: m.code,
  name: m.name,
  type: m.type,
  department: { id: m.department.id, name: m.department.name },
  onTheSpot: m.onTheSpot,
  statutoryLimitDays: m.statutoryLimitDays,
  committedLimitDays: m.committedLimitDays,
  visits: m.visits,
  onlineDepth: m.onlineDepth,
});

export const presentPublicDetail = (d: { matter: MatterWithDepartment; guide: GuideRow | null }) => ({
  matter: { ...presentPublic(d.matter), specialProcedures: d.matter.specialProcedures, fees: d.matter.fees },
  guide: d.guide ? guideElements(d.guide) : null,
});

export const presentRun = (r: RunWithCounts) => ({
  id: r.run.id,
  trigger: r.run.trigger,
  startedBy: r.run.startedBy,
  startedAt: r.run.startedAt.toISOString(),
  finishedAt: r.run.finishedAt?.toISOString() ?? null,
  matterCount: r.run.matterCount,
  findingCount: r.run.findingCount,
  errors: r.errors,
  warnings: r.warnings,
  departments: r.departments,
});

/** A finding in words: the rule's message with its codes named in the caller's language. */
export function findingMessage(rule: string, params: Record<string, unknown>, lang: Lang): string {
  const key = `od.matters.inspection.${rule}`;
  if (!isMessageKey(key)) return label('guideRule', rule, lang);
  const p: Record<string, unknown> = { ...params };
  if (typeof params.type === 'string') {
    p.typeZh = label('matterType', params.type, 'zh-CN');
    p.typeEn = label('matterType', params.type, 'en');
  }
  if (typeof params.procedure === 'string') {
    p.procedureZh = label('specialProcedure', params.procedure, 'zh-CN');
    p.procedureEn = label('specialProcedure', params.procedure, 'en');
  }
  if (typeof params.index === 'number') p.no = params.index + 1;
  if (typeof params.first === 'number') p.firstNo = params.first + 1;
  return translate(key, lang, p);
}
