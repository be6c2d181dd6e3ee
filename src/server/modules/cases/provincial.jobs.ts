import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Services } from '../../services.ts';
import { systemActor } from '../audit/audit.service.ts';

/**
 * The provincial case library's jobs: the outbox (every scheduler tick, 30 s) and the daily
 * reconciliation. A reconciliation that cannot read the library is recorded as failed and the job
 * fails too, so the scheduler tries again after 1, 2, 4 … minutes instead of waiting a day.
 */
export function provincialJobs(s: Services): JobDefinition[] {
  const { province } = s;
  return [
    {
      name: 'province.outbox',
      intervalSeconds: 15,
      run: async () => ({ ...(await province.deliverNow()) }),
    },
    {
      name: 'province.reconcile',
      intervalSeconds: 24 * 3600,
      run: async () => {
        if (!province.upstream()) return { configured: false };
        const run = await province.reconcile('schedule', systemActor('province.reconcile'));
        if (run.status === 'failed') throw new Error(`reconciliation failed: ${run.error ?? ''}`);
        const { id, compared, mismatches, missingUpstream, unknownUpstream } = run;
        return { id, compared, mismatches, missingUpstream, unknownUpstream };
      },
    },
  ];
}
