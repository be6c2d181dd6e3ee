import { useMemo, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors.ts';
import type { Permission } from '../api/types.ts';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
import { AuthContext, fetchMe, meKey, useAuth, type AuthState } from './auth.ts';
import { signOut } from './session.ts';
import { ForbiddenPage } from '../features/errors/ForbiddenPage.tsx';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}

/** Renders its children only with a complete session; otherwise sends the user to the right sign-in step. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const meQuery = useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
  const me = meQuery.data;

  const state = useMemo<AuthState | null>(() => {
    if (!me) return null;
    const permissions = new Set<string>(me.permissions);
    return { me, can: (p) => permissions.has(p), signOut };
  }, [me]);

  const next = encodeURIComponent(location.pathname + location.search);
  if (meQuery.isPending) return <FullPageSpin />;
  if (meQuery.isError) {
    const error = meQuery.error;
    if (isApiError(error) && error.code === 'MFA_REQUIRED')
      return <Navigate to={`/login?step=totp&next=${next}`} replace />;
    if (isApiError(error) && error.code === 'PASSWORD_CHANGE_REQUIRED')
      return <Navigate to={`/login?step=password&next=${next}`} replace />;
    return (
      <div style={{ padding: 24 }}>
        <ErrorAlert error={error} onRetry={() => void meQuery.refetch()} />
      </div>
    );
  }
  if (!state) return <Navigate to={`/login?next=${next}`} replace />;
  if (!state.me.mfaPassed) return <Navigate to={`/login?step=totp&next=${next}`} replace />;
  if (state.me.mustChangePassword) return <Navigate to={`/login?step=password&next=${next}`} replace />;
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

/** A route the user lacks the permission for renders the 403 page (the server refuses the data anyway). */
export function RequirePermission({
  permission,
  children,
}: {
  /** One permission, or several of which any will do. */
  permission: Permission | Permission[];
  children: ReactNode;
}) {
  const { can } = useAuth();
  return [permission].flat().some(can) ? <>{children}</> : <ForbiddenPage />;
}
