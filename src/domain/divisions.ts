/**
 * Shape of the region tree keyed by administrative division codes (GB/T 2260 and the statistical
 * codes below it): a district has 6 digits, a street or park 9 (parks use the local 9xx range),
 * a community 12, and a child's code extends its parent's.
 */
export type RegionLevel = 'district' | 'street' | 'community' | 'park';

const LENGTH: Record<RegionLevel, number> = { district: 6, street: 9, park: 9, community: 12 };
const PARENT: Record<RegionLevel, RegionLevel[] | null> = {
  district: null,
  street: ['district'],
  park: ['district'],
  community: ['street'],
};

export type PlacementReason =
  | 'codeLength'
  | 'parkRange'
  | 'reservedRange'
  | 'districtHasNoParent'
  | 'needsParent'
  | 'wrongParentLevel'
  | 'codePrefix';

export interface PlacementProblem {
  path: 'code' | 'parentCode';
  reason: PlacementReason;
  params?: Record<string, string | number>;
}

/** Why a region can't sit where it is asked to, with the offending field; none if it can. */
export function regionPlacementProblems(
  region: { code: string; level: RegionLevel; parentCode: string | null },
  parent: { code: string; level: RegionLevel } | null,
): PlacementProblem[] {
  const problems: PlacementProblem[] = [];
  if (!/^\d+$/.test(region.code) || region.code.length !== LENGTH[region.level]) {
    problems.push({ path: 'code', reason: 'codeLength', params: { digits: LENGTH[region.level] } });
  }
  if (region.level === 'park' && !/^\d{6}9\d\d$/.test(region.code)) {
    problems.push({ path: 'code', reason: 'parkRange' });
  }
  if (region.level !== 'park' && region.level !== 'district' && /^\d{6}9\d\d/.test(region.code)) {
    problems.push({ path: 'code', reason: 'reservedRange' });
  }
  const allowed = PARENT[region.level];
  if (!allowed) {
    if (region.parentCode) problems.push({ path: 'parentCode', reason: 'districtHasNoParent' });
    return problems;
  }
  if (!region.parentCode || !parent) {
    problems.push({ path: 'parentCode', reason: 'needsParent' });
    return problems;
  }
  if (!allowed.includes(parent.level)) problems.push({ path: 'parentCode', reason: 'wrongParentLevel' });
  if (!region.code.startsWith(parent.code)) {
    problems.push({ path: 'code', reason: 'codePrefix', params: { parent: parent.code } });
  }
  return problems;
}
