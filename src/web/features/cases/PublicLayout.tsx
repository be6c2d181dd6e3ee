import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { Flex, Layout, Typography, theme } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';

const { Header, Content, Footer } = Layout;

/** The applicants' pages (no sign-in): a light header with both services, language, and staff sign-in. */
export function PublicLayout({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const link = ({ isActive }: { isActive: boolean }) => ({
    fontWeight: isActive ? 600 : 400,
    color: isActive ? token.colorPrimary : token.colorText,
    whiteSpace: 'nowrap' as const,
  });
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid={testId}>
      <Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          padding: '8px 16px',
          lineHeight: 'normal',
          height: 'auto',
          minHeight: 56,
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 12,
        }}
      >
        <Link to="/apply" style={{ flex: '1 1 200px', minWidth: 0, color: 'inherit' }}>
          <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        <Flex component="nav" gap={16} align="center" wrap aria-label={t('nav.menu')}>
          <NavLink to="/apply" style={link} data-testid="public-nav-apply">
            {t('cases.publicNav.apply')}
          </NavLink>
          <NavLink to="/status" style={link} data-testid="public-nav-status">
            {t('cases.publicNav.status')}
          </NavLink>
          <LanguageSwitch />
          <Link to="/login" style={{ whiteSpace: 'nowrap', fontSize: 13 }} data-testid="public-sign-in">
            <LoginOutlined /> {t('cases.apply.signIn')}
          </Link>
        </Flex>
      </Header>
      <Content id="main" style={{ padding: 12, maxWidth: 1100, width: '100%', margin: '0 auto' }}>
        {children}
      </Content>
      <Footer style={{ textAlign: 'center', padding: '12px 16px', fontSize: 12 }}>{t('app.footer')}</Footer>
    </Layout>
  );
}
