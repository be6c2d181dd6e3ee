import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Services } from '../../services.ts';

/** The registry module's recurring jobs: zombie and duplicate detection every six hours. */
export function registryJobs(s: Services): JobDefinition[] {
  return [
    {
      name: 'registry.flags',
      intervalSeconds: 6 * 3600,
      run: async (now) => ({ ...(await s.registry.scanFlags(now)) }),
    },
  ];
}
