import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { AuditService } from './audit/audit.service.ts';
import type { CalendarService } from './calendar/calendar.service.ts';
import type { NotifyService } from './notify/notify.service.ts';

/** What every domain module is built from (services.ts wires them once per process). */
export interface ModuleDeps {
  db: Db;
  config: Config;
  clock: Clock;
  audit: AuditService;
  calendar: CalendarService;
  notify: NotifyService;
}
