import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Services } from '../../services.ts';

/** The census module's recurring jobs. */
export function censusJobs(_s: Services): JobDefinition[] {
  return [];
}
