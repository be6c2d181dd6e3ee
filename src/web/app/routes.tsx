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
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
