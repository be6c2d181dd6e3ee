import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Services } from '../../services.ts';

/** The catalog module's recurring jobs. */
export function catalogJobs(_s: Services): JobDefinition[] {
  return [];
}
