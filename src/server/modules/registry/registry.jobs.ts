import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Services } from '../../services.ts';

/** The registry module's recurring jobs. */
export function registryJobs(_s: Services): JobDefinition[] {
  return [];
}
