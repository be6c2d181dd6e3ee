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

/** Why a region can't sit where it is asked to, as message keys with the offending field; none if it can. */
export function regionPlacementProblems(
  region: { code: string; level: RegionLevel; parentCode: string | null },
  parent: { code: string; level: RegionLevel } | null,
): { path: 'code' | 'parentCode' | 'level'; reason: string }[] {
  const problems: { path: 'code' | 'parentCode' | 'level'; reason: string }[] = [];
  if (!/^\d+$/.test(region.code) || region.code.length !== LENGTH[region.level]) {
    problems.push({ path: 'code', reason: `a ${region.level} code has ${LENGTH[region.level]} digits` });
  }
  if (region.level === 'park' && !/^\d{6}9\d\d$/.test(region.code)) {
    problems.push({ path: 'code', reason: 'park codes use the local range 9xx after the district code' });
  }
  if (region.level !== 'park' && region.level !== 'district' && /^\d{6}9\d\d/.test(region.code)) {
    problems.push({ path: 'code', reason: 'the range 9xx is kept for parks' });
  }
  const allowed = PARENT[region.level];
  if (!allowed) {
    if (region.parentCode) problems.push({ path: 'parentCode', reason: 'a district has no parent region' });
    return problems;
  }
  if (!region.parentCode || !parent) {
    problems.push({
      path: 'parentCode',
      reason: `a ${region.level} needs an existing parent (${allowed.join(' or ')})`,
    });
    return problems;
  }
  if (!allowed.includes(parent.level)) {
    problems.push({
      path: 'parentCode',
      reason: `a ${region.level} belongs to a ${allowed.join(' or ')}, not a ${parent.level}`,
    });
  }
  if (!region.code.startsWith(parent.code)) {
    problems.push({ path: 'code', reason: `the code must start with its parent's code ${parent.code}` });
  }
  return problems;
}
