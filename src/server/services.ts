import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { AuditRepo } from './modules/audit/audit.repo.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { AuthRepo } from './modules/auth/auth.repo.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { CalendarRepo } from './modules/calendar/calendar.repo.ts';
import { CalendarService } from './modules/calendar/calendar.service.ts';
import { DepartmentsRepo } from './modules/org/departments.repo.ts';
import { OrgService } from './modules/org/org.service.ts';
import { RegionsRepo } from './modules/org/regions.repo.ts';
import { UsersRepo } from './modules/org/users.repo.ts';
import { CatalogService } from './modules/catalog/catalog.service.ts';
import { CatalogSearch } from './modules/catalog/search.repo.ts';
import { CaseImportService } from './modules/cases/cases.import.service.ts';
import { CaseService } from './modules/cases/cases.service.ts';
import { EvaluationService } from './modules/cases/evaluations.service.ts';
import { InternalStatsService } from './modules/cases/internal-stats.service.ts';
import { ProvincialService } from './modules/cases/provincial.service.ts';
import { SupervisionService } from './modules/cases/supervision.service.ts';
import { CensusService } from './modules/census/census.service.ts';
import { MattersService } from './modules/matters/matters.service.ts';
import type { ModuleDeps } from './modules/deps.ts';
import { NotifyRepo } from './modules/notify/notify.repo.ts';
import { NotifyService } from './modules/notify/notify.service.ts';
import { WebhooksRepo } from './modules/notify/webhooks.repo.ts';
import { WebhookService } from './modules/notify/webhooks.service.ts';
import { RegistryService } from './modules/registry/registry.service.ts';
import { DEFAULT_ACCOUNT_NAMES } from './ops/self-check.ts';

/** Wires repositories into services once per process; routes and the CLI use the same set. */
export function buildServices(database: Database, config: Config, clock: Clock) {
  const db = database.db;
  const repos = {
    audit: new AuditRepo(db),
    auth: new AuthRepo(db),
    calendar: new CalendarRepo(db),
    departments: new DepartmentsRepo(db),
    regions: new RegionsRepo(db),
    users: new UsersRepo(db),
  };
  const audit = new AuditService(db, repos.audit, config.secrets.auditKey, clock);
  const auth = new AuthService(db, repos.auth, repos.users, audit, config, clock);
  const org = new OrgService(
    db,
    repos.regions,
    repos.departments,
    repos.users,
    repos.auth,
    auth,
    audit,
    clock,
    // ACL-4: production refuses to create accounts with default names (the start-up check, existing ones).
    config.production ? DEFAULT_ACCOUNT_NAMES : [],
  );
  const calendar = new CalendarService(db, repos.calendar, audit);
  const webhooksRepo = new WebhooksRepo(db);
  const notify = new NotifyService(new NotifyRepo(db), webhooksRepo, clock);
  const webhooks = new WebhookService(db, webhooksRepo, repos.departments, audit, config, clock);
  const deps: ModuleDeps = { db, config, clock, audit, calendar, notify };
  const registry = new RegistryService(deps);
  const catalog = new CatalogService(deps);
  const census = new CensusService(deps);
  const matters = new MattersService(deps);
  const cases = new CaseService(deps);
  const supervision = new SupervisionService(deps);
  const evaluations = new EvaluationService(deps);
  const internalStats = new InternalStatsService(deps);
  const caseImport = new CaseImportService(deps);
  // One adapter per process: routes, jobs and the demo's simulator share its upstream.
  const province = new ProvincialService(deps);
  // Search has no decisions beyond the visibility rule it applies in SQL: routes read it directly.
  const catalogSearch = new CatalogSearch(db);
  return {
    database,
    config,
    clock,
    repos,
    audit,
    auth,
    org,
    calendar,
    notify,
    webhooks,
    registry,
    catalog,
    catalogSearch,
    census,
    matters,
    cases,
    supervision,
    evaluations,
    internalStats,
    caseImport,
    province,
  };
}

export type Services = ReturnType<typeof buildServices>;
