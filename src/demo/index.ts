// The deterministic demo district (DESIGN.md §5): pure data, no database.

import { demoDepartments, type DemoDepartment } from './departments.ts';
import { demoRegions, type DemoRegion } from './regions.ts';
import { DEFAULT_DEMO_SEED, demoUsers, type DemoUser } from './users.ts';

export {
  DEMO_DISTRICT_CODE,
  DEMO_DISTRICT_NAME,
  DEMO_PARK_CODES,
  DEMO_PARKS,
  DEMO_STREET_CODES,
  demoRegions,
  type DemoPolygon,
  type DemoRegion,
  type DemoRegionLevel,
  type DemoStreetCode,
} from './regions.ts';
export {
  DATA_BUREAU_CODE,
  demoDepartments,
  type DemoDepartment,
  type DemoDepartmentKind,
} from './departments.ts';
export {
  DEFAULT_DEMO_SEED,
  SEPARATED_ADMIN_ROLES,
  demoUsers,
  type DemoRole,
  type DemoUser,
} from './users.ts';
export { createRandom, type Random } from './random.ts';

export interface DemoDistrict {
  regions: DemoRegion[];
  departments: DemoDepartment[];
  users: DemoUser[];
}

/** Build the whole demo district. Same seed → deep-equal result. */
export function buildDemoDistrict(seed: number = DEFAULT_DEMO_SEED): DemoDistrict {
  const regions = demoRegions();
  const departments = demoDepartments();
  const users = demoUsers(regions, departments, seed);
  return { regions, departments, users };
}
