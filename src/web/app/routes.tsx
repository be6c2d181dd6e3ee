import { lazy, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { Permission } from '../api/types.ts';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { ForbiddenPage } from '../features/errors/ForbiddenPage.tsx';
import { NotFoundPage } from '../features/errors/NotFoundPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RequireAuth, RequirePermission } from './guards.tsx';
import { RegionScopeProvider } from './regionScope.tsx';

/** Lazily loads a named page export, so that e.g. ECharts is fetched only with the regions page. */
function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const RegionsPage = lazyPage(() => import('../features/regions/RegionsPage.tsx'), 'RegionsPage');
const DepartmentsPage = lazyPage(
  () => import('../features/departments/DepartmentsPage.tsx'),
  'DepartmentsPage',
);
const UsersPage = lazyPage(() => import('../features/users/UsersPage.tsx'), 'UsersPage');
const AuditPage = lazyPage(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const CalendarPage = lazyPage(() => import('../features/calendar/CalendarPage.tsx'), 'CalendarPage');
const WebhooksPage = lazyPage(() => import('../features/notify/WebhooksPage.tsx'), 'WebhooksPage');

const page = {
  catalog: lazyPage(() => import('../features/catalog/CatalogPage.tsx'), 'CatalogPage'),
  dataset: lazyPage(() => import('../features/catalog/DatasetPage.tsx'), 'DatasetPage'),
  datasetEdit: lazyPage(() => import('../features/catalog/DatasetEditPage.tsx'), 'DatasetEditPage'),
  review: lazyPage(() => import('../features/catalog/ReviewQueuePage.tsx'), 'ReviewQueuePage'),
  catalogImport: lazyPage(() => import('../features/catalog/CatalogImportPage.tsx'), 'CatalogImportPage'),
  openCatalog: lazyPage(() => import('../features/catalog/OpenCatalogPage.tsx'), 'OpenCatalogPage'),
  systems: lazyPage(() => import('../features/registry/SystemsPage.tsx'), 'SystemsPage'),
  system: lazyPage(() => import('../features/registry/SystemPage.tsx'), 'SystemPage'),
  systemFlags: lazyPage(() => import('../features/registry/SystemFlagsPage.tsx'), 'SystemFlagsPage'),
  census: lazyPage(() => import('../features/registry/CensusPage.tsx'), 'CensusPage'),
  inbox: lazyPage(() => import('../features/registry/InboxPage.tsx'), 'InboxPage'),
  caseQueue: lazyPage(() => import('../features/cases/CaseQueuePage.tsx'), 'CaseQueuePage'),
  intake: lazyPage(() => import('../features/cases/IntakePage.tsx'), 'IntakePage'),
  case: lazyPage(() => import('../features/cases/CasePage.tsx'), 'CasePage'),
  apply: lazyPage(() => import('../features/cases/ApplyPage.tsx'), 'ApplyPage'),
  status: lazyPage(() => import('../features/cases/StatusPage.tsx'), 'StatusPage'),
  matters: lazyPage(() => import('../features/services/MattersPage.tsx'), 'MattersPage'),
  matter: lazyPage(() => import('../features/services/MatterPage.tsx'), 'MatterPage'),
  guideInspection: lazyPage(
    () => import('../features/services/GuideInspectionPage.tsx'),
    'GuideInspectionPage',
  ),
  supervision: lazyPage(() => import('../features/services/SupervisionPage.tsx'), 'SupervisionPage'),
  evaluations: lazyPage(() => import('../features/services/EvaluationsPage.tsx'), 'EvaluationsPage'),
  ranking: lazyPage(() => import('../features/services/RankingPage.tsx'), 'RankingPage'),
  internal: lazyPage(() => import('../features/services/InternalStatsPage.tsx'), 'InternalStatsPage'),
  province: lazyPage(() => import('../features/services/ProvincePage.tsx'), 'ProvincePage'),
};

function guarded(permission: Permission | Permission[], page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* The open catalogue: published, openable entries, for anyone without signing in. */}
      <Route path="/open" element={<page.openCatalog />} />
      <Route path="/open/datasets/:id" element={<page.openCatalog />} />
      {/* Applicants, without signing in: apply online, look up a case and evaluate it. */}
      <Route path="/apply" element={<page.apply />} />
      <Route path="/apply/:matterId" element={<page.apply />} />
      <Route path="/status" element={<page.status />} />
      <Route
        element={
          <RequireAuth>
            <RegionScopeProvider>
              <AppLayout />
            </RegionScopeProvider>
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="org/regions" element={guarded('regions.read', <RegionsPage />)} />
        <Route path="org/departments" element={guarded('departments.read', <DepartmentsPage />)} />
        <Route path="org/users" element={guarded('users.read', <UsersPage />)} />
        <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
        <Route path="calendar" element={guarded('calendar.read', <CalendarPage />)} />
        <Route path="settings/webhooks" element={guarded('notify.webhooks', <WebhooksPage />)} />
        <Route path="catalog" element={guarded('catalog.read', <page.catalog />)} />
        <Route path="catalog/new" element={guarded('catalog.edit', <page.datasetEdit />)} />
        <Route path="catalog/review" element={guarded('catalog.review', <page.review />)} />
        <Route path="catalog/import" element={guarded('catalog.edit', <page.catalogImport />)} />
        <Route path="catalog/datasets/:id" element={guarded('catalog.read', <page.dataset />)} />
        <Route path="catalog/datasets/:id/edit" element={guarded('catalog.edit', <page.datasetEdit />)} />
        <Route path="registry/systems" element={guarded('registry.read', <page.systems />)} />
        <Route path="registry/systems/:id" element={guarded('registry.read', <page.system />)} />
        <Route path="registry/flags" element={guarded('registry.read', <page.systemFlags />)} />
        <Route
          path="registry/census"
          element={guarded(['census.manage', 'census.respond'], <page.census />)}
        />
        <Route
          path="registry/census/:id"
          element={guarded(['census.manage', 'census.respond'], <page.census />)}
        />
        <Route path="inbox" element={<page.inbox />} />
        <Route path="cases" element={guarded('cases.read', <page.caseQueue />)} />
        <Route path="cases/new" element={guarded('cases.handle', <page.intake />)} />
        <Route path="cases/:id" element={guarded('cases.read', <page.case />)} />
        <Route path="services/matters" element={guarded('matters.read', <page.matters />)} />
        <Route path="services/matters/new" element={guarded('matters.edit', <page.matter />)} />
        <Route path="services/matters/:id" element={guarded('matters.read', <page.matter />)} />
        <Route path="services/inspection" element={guarded('matters.read', <page.guideInspection />)} />
        {/* The inspection notice in the inbox links to /guides/inspection?department=… */}
        <Route path="guides/inspection" element={guarded('matters.read', <page.guideInspection />)} />
        <Route
          path="services/internal"
          element={guarded(['cases.read', 'matters.read'], <page.internal />)}
        />
        <Route
          path="supervision"
          element={guarded(['cases.supervise', 'cases.rectify'], <page.supervision />)}
        />
        {/* A flag opened in the supervision list's drawer (the inbox links here). */}
        <Route
          path="supervision/flags/:id"
          element={guarded(['cases.supervise', 'cases.rectify'], <page.supervision />)}
        />
        <Route
          path="supervision/evaluations"
          element={guarded(['cases.supervise', 'cases.rectify'], <page.evaluations />)}
        />
        <Route
          path="supervision/ranking"
          element={guarded(['cases.supervise', 'cases.read'], <page.ranking />)}
        />
        <Route path="supervision/province" element={guarded('cases.supervise', <page.province />)} />
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
