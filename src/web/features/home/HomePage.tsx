import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.ts';
import { navLeaves, visibleNav } from '../../app/nav.tsx';
import { levelLabel, roleLabel } from '../../i18n/labels.ts';
import { CatalogSummaryCard } from '../catalog/CatalogSummaryCard.tsx';
import { CaseQueueCard } from '../cases/CaseQueueCard.tsx';

/** The home page: who the user is and what they may see. No figures until real indicators exist. */
export function HomePage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const modules = useMemo(() => navLeaves(visibleNav(can)).filter((l) => l.path !== '/'), [can]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-home">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('home.welcome', { name: me.displayName })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('home.profile')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('home.username'), children: me.username },
                { key: 'displayName', label: t('home.displayName'), children: me.displayName },
                {
                  key: 'roles',
                  label: t('home.roles'),
                  children: (
                    <span data-testid="home-roles">
                      {me.roles.map((r) => (
                        <Tag key={r} color="blue">
                          {roleLabel(r)}
                        </Tag>
                      ))}
                    </span>
                  ),
                },
                {
                  key: 'department',
                  label: t('home.department'),
                  children: me.department ? me.department.name : t('common.none'),
                },
                {
                  key: 'scope',
                  label: t('home.scope'),
                  children: (
                    <span data-testid="home-scope">
                      {t('home.scopeRegion', { name: me.region.name, level: levelLabel(me.region.level) })}
                    </span>
                  ),
                },
                {
                  key: 'mfa',
                  label: t('home.mfa'),
                  children: me.mfaEnabled ? (
                    <Tag color="green">{t('home.mfaOn')}</Tag>
                  ) : (
                    <Tag color="orange">{t('home.mfaOff')}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('home.modules')}>
            {modules.length === 0 ? (
              <Empty description={t('home.noModules')} />
            ) : (
              <Space wrap>
                {modules.map((m) => (
                  <Link key={m.key} to={m.path} data-testid={`home-link-${m.key}`}>
                    <Tag icon={m.icon} style={{ padding: '4px 10px', fontSize: 14 }}>
                      {m.label(t)}
                    </Tag>
                  </Link>
                ))}
              </Space>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              {t('home.placeholder')}
            </Typography.Paragraph>
          </Card>
        </Col>
        {can('catalog.read') && (
          <Col xs={24} xl={14}>
            <CatalogSummaryCard canReview={can('catalog.review')} />
          </Col>
        )}
        {can('cases.handle') && (
          <Col xs={24} xl={10}>
            <CaseQueueCard />
          </Col>
        )}
      </Row>
    </Space>
  );
}
