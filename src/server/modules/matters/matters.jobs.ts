import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Services } from '../../services.ts';
import { systemActor } from '../audit/audit.service.ts';

/** The matters module's recurring jobs: `guides.inspection` inspects every active matter's guide weekly. */
export function mattersJobs(s: Services): JobDefinition[] {
  return [
    {
      name: 'guides.inspection',
      intervalSeconds: 7 * 24 * 3600,
      run: async () => {
        const out = await s.matters.inspectGuides('schedule', systemActor('guides.inspection'));
        return {
          runId: out.run.id,
          matters: out.run.matterCount,
          findings: out.run.findingCount,
          departments: out.departments,
          notified: out.notified,
        };
      },
    },
  ];
}
