import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Services } from '../../services.ts';

export function mattersJobs(_s: Services): JobDefinition[] {
  return [];
}
