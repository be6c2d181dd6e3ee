import type { JobDefinition } from '../../jobs/scheduler.ts';
import type { Services } from '../../services.ts';

/**
 * `cases.scan` (hourly): recomputes deadlines if the calendar changed in another process and raises
 * overdue flags on open cases whose deadline has passed (the event rules only run when something
 * happens to a case; time passing is this job's).
 */
export function casesJobs(s: Services): JobDefinition[] {
  return [{ name: 'cases.scan', intervalSeconds: 3600, run: async (now) => s.cases.scan(now) }];
}
