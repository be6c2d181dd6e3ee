import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Services } from '../../services.ts';

/**
 * The census module's recurring jobs: `census.reminders` runs daily and reminds pending departments
 * of rounds near or past their deadline, at most once per calendar day per round (last_reminder_at).
 */
export function censusJobs(s: Services): JobDefinition[] {
  return [
    {
      name: 'census.reminders',
      intervalSeconds: 24 * 3600,
      run: async (now) => s.census.sendDueReminders(now),
    },
  ];
}
