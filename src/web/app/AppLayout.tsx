import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Button, Flex, Grid, Layout, Menu, Space, Typography, theme, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { unwrap } from '../api/errors.ts';
import type { Health } from '../api/types.ts';
import { ForbiddenPage } from '../features/errors/ForbiddenPage.tsx';
import { InboxBell } from '../features/registry/InboxBell.tsx';
import { useForbidden } from './apiEvents.tsx';
import { useAuth } from './auth.ts';
import { FullPageSpin } from './guards.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { activeLeaf, isGroup, visibleNav } from './nav.tsx';
import { RegionPicker } from './RegionPicker.tsx';
import { UserMenu } from './UserMenu.tsx';

const { Header, Sider, Content, Footer } = Layout;

function SideMenu({ collapsed, onNavigate }: { collapsed: boolean; onNavigate?: () => void }) {
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
        onClick={onNavigate}
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
  // Phones: the menu folds away entirely and the header keeps only the controls.
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const title = screens.lg ? t('app.name') : t('app.shortName');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="od-skip-link">
        {t('app.skipToContent')}
      </a>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        collapsedWidth={phone ? 0 : 80}
        breakpoint="lg"
        // On a phone the header's menu button opens the menu over the page.
        trigger={phone ? null : undefined}
        style={phone && !collapsed ? { position: 'fixed', zIndex: 20, height: '100vh' } : undefined}
      >
        <Link to="/" aria-label={t('app.name')}>
          <Flex
            align="center"
            justify="center"
            style={{ height: 56, color: '#fff', fontWeight: 600, fontSize: 16 }}
          >
            {collapsed ? t('app.mark') : t('app.shortName')}
          </Flex>
        </Link>
        <SideMenu collapsed={collapsed} {...(phone ? { onNavigate: () => setCollapsed(true) } : {})} />
      </Sider>
      {phone && !collapsed && (
        // The open menu covers the page on a phone: a tap beside it closes it.
        <div
          aria-hidden
          onClick={() => setCollapsed(true)}
          style={{ position: 'fixed', inset: 0, zIndex: 19, background: 'rgba(0, 0, 0, 0.35)' }}
        />
      )}
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: phone ? '0 12px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: phone ? 8 : 16,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {phone ? (
            <span style={{ flex: '1 1 auto' }}>
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
                aria-expanded={!collapsed}
                onClick={() => setCollapsed((c) => !c)}
                data-testid="nav-toggle"
              />
            </span>
          ) : (
            <Typography.Title
              level={4}
              ellipsis={{ tooltip: t('app.name') }}
              style={{ margin: 0, minWidth: 0, flex: '1 1 auto' }}
              data-testid="app-title"
            >
              {title}
            </Typography.Title>
          )}
          <Space size={screens.md ? 'large' : 'small'} wrap={false} style={{ flex: 'none' }}>
            <RegionPicker compact={!screens.md} />
            <InboxBell />
            <LanguageSwitch />
            <UserMenu compact={!screens.md} />
          </Space>
        </Header>
        <Content id="main" style={{ margin: phone ? 8 : 16, minWidth: 0 }} tabIndex={-1}>
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
