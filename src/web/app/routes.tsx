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

function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
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
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
