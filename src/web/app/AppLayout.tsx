import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Flex, Layout, Menu, Space, Typography, theme, type MenuProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { unwrap } from '../api/errors.ts';
import type { Health } from '../api/types.ts';
import { ForbiddenPage } from '../features/errors/ForbiddenPage.tsx';
import { useForbidden } from './apiEvents.tsx';
import { useAuth } from './auth.ts';
import { FullPageSpin } from './guards.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { activeLeaf, isGroup, visibleNav } from './nav.tsx';
import { RegionPicker } from './RegionPicker.tsx';
import { UserMenu } from './UserMenu.tsx';

const { Header, Sider, Content, Footer } = Layout;

function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const location = useLocation();
  const entries = useMemo(() => visibleNav(can), [can]);
  const active = activeLeaf(entries, location.pathname);

  const items: MenuProps['items'] = entries.map((entry) =>
    isGroup(entry)
      ? {
          key: entry.key,
          icon: entry.icon,
          label: <span data-testid={`nav-group-${entry.key}`}>{entry.label(t)}</span>,
          children: entry.children.map((leaf) => ({
            key: leaf.key,
            icon: leaf.icon,
            label: (
              <Link to={leaf.path} data-testid={leaf.testId}>
                {leaf.label(t)}
              </Link>
            ),
          })),
        }
      : {
          key: entry.key,
          icon: entry.icon,
          label: (
            <Link to={entry.path} data-testid={entry.testId}>
              {entry.label(t)}
            </Link>
          ),
        },
  );

  return (
    <nav aria-label={t('nav.menu')} data-testid="side-nav">
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={active ? [active.key] : []}
        defaultOpenKeys={collapsed ? [] : entries.filter(isGroup).map((g) => g.key)}
      />
    </nav>
  );
}

function AppFooter() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => unwrap<Health>(api.GET('/api/health', {})),
    staleTime: 10 * 60_000,
  });
  return (
    <Footer style={{ textAlign: 'center', padding: '12px 24px', fontSize: 12, opacity: 0.7 }}>
      {t('app.footer')}
      {health.data && (
        <>
          {' · '}
          {t('app.footerVersion', { version: health.data.version, database: health.data.database })}
        </>
      )}
    </Footer>
  );
}

/** The signed-in shell: side menu by module and permission, header with region, language and user menu. */
export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const forbidden = useForbidden();
  const [collapsed, setCollapsed] = useState(false);
  const showForbidden = forbidden !== null && forbidden.path === location.pathname;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="od-skip-link">
        {t('app.skipToContent')}
      </a>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} breakpoint="lg">
        <Link to="/" aria-label={t('app.name')}>
          <Flex
            align="center"
            justify="center"
            style={{ height: 56, color: '#fff', fontWeight: 600, fontSize: 16 }}
          >
            {collapsed ? t('app.mark') : t('app.shortName')}
          </Flex>
        </Link>
        <SideMenu collapsed={collapsed} />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title
            level={4}
            ellipsis={{ tooltip: t('app.name') }}
            style={{ margin: 0, minWidth: 0, flex: '1 1 auto' }}
            data-testid="app-title"
          >
            {t('app.name')}
          </Typography.Title>
          <Space size="large" wrap={false} style={{ flex: 'none' }}>
            <RegionPicker />
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Header>
        <Content id="main" style={{ margin: 16 }} tabIndex={-1}>
          {showForbidden ? (
            <ForbiddenPage error={forbidden.error} />
          ) : (
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          )}
        </Content>
        <AppFooter />
      </Layout>
    </Layout>
  );
}
