import type { Services } from '../services.ts';
import { casesJobs } from '../modules/cases/cases.jobs.ts';
import { provincialJobs } from '../modules/cases/provincial.jobs.ts';
import { censusJobs } from '../modules/census/census.jobs.ts';
import { mattersJobs } from '../modules/matters/matters.jobs.ts';
import { registryJobs } from '../modules/registry/registry.jobs.ts';
import type { JobDefinition } from './scheduler.ts';

/** Every recurring job: the foundation's, then each module's (<module>.jobs.ts). */
export function foundationJobs(s: Services): JobDefinition[] {
  return [
    {
      name: 'accounts.dormancy',
      intervalSeconds: 3600,
      run: async (now) => s.org.disableDormantAccounts(now, s.config.DORMANT_ACCOUNT_DAYS),
    },
    {
      name: 'sessions.purge',
      intervalSeconds: 900,
      run: async (now) => s.auth.purgeExpired(now),
    },
    {
      // The chat-robot outbox (its rows wait for their backoff; an empty run is one query).
      name: 'notify.webhooks',
      intervalSeconds: 15,
      run: async () => ({ ...(await s.webhooks.deliverNow()) }),
    },
    ...registryJobs(s),
    ...censusJobs(s),
    ...mattersJobs(s),
    ...casesJobs(s),
    ...provincialJobs(s),
  ];
}
