import { Suspense } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Layout,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
  theme,
} from 'antd';
import { ApiOutlined, ArrowLeftOutlined, LoginOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { FullPageSpin } from '../../app/guards.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { datasetKeys, fetchDataset } from './api.ts';
import { CatalogSearchBox } from './CatalogSearchBox.tsx';
import { DatasetDetails } from './DatasetDetails.tsx';
import { DatasetResults } from './DatasetResults.tsx';
import { FacetsPanel } from './SearchFacets.tsx';
import { useCatalogSearch } from './useCatalogSearch.ts';

const { Header, Content, Footer } = Layout;

/** Machine-readable ways into the open catalogue. */
function DeveloperLinks({ datasetId }: { datasetId?: string }) {
  const { t } = useTranslation();
  const links = [
    { href: '/api/3/action/package_search', label: t('catalog.open.ckan'), testId: 'open-ckan' },
    { href: '/catalog.ttl', label: t('catalog.open.dcatTtl'), testId: 'open-dcat-ttl' },
    { href: '/catalog.jsonld', label: t('catalog.open.dcatJsonld'), testId: 'open-dcat-jsonld' },
    ...(datasetId
      ? [
          {
            href: `/dataset/${datasetId}.jsonld`,
            label: t('catalog.open.datasetJsonld'),
            testId: 'open-dataset-jsonld',
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={
        <>
          <ApiOutlined /> {t('catalog.open.api')}
        </>
      }
      data-testid="open-api-links"
    >
      <Flex vertical gap={6}>
        {links.map((l) => (
          <a key={l.href} href={l.href} target="_blank" rel="noreferrer" data-testid={l.testId}>
            {l.label}
            <Typography.Text
              type="secondary"
              style={{ marginInlineStart: 6, fontFamily: 'monospace', fontSize: 12 }}
            >
              {l.href}
            </Typography.Text>
          </a>
        ))}
      </Flex>
    </Card>
  );
}

function OpenList() {
  const search = useCatalogSearch({ anonymous: true });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="open-catalog-list">
      <CatalogSearchBox value={search.query.q} onSearch={search.setQ} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <FacetsPanel
              facets={search.facets}
              selected={search.selected}
              onChange={search.setFacet}
              onClearAll={search.clearFacets}
              hide={['status']}
            />
            <DeveloperLinks />
          </Space>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Card size="small">
            <DatasetResults
              search={search}
              hrefOf={(item) => `/open/datasets/${item.id}`}
              showStatus={false}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function OpenDataset({ id }: { id: string }) {
  const { t } = useTranslation();
  const dataset = useQuery({ queryKey: datasetKeys.detail(id, true), queryFn: () => fetchDataset(id, true) });
  const back = (
    <Link to="/open" data-testid="open-back">
      <ArrowLeftOutlined /> {t('catalog.open.back')}
    </Link>
  );
  if (dataset.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (dataset.isError)
    return isApiError(dataset.error) && dataset.error.status === 404 ? (
      <Result
        status="404"
        title={t('catalog.detail.notFound')}
        extra={back}
        data-testid="dataset-not-found"
      />
    ) : (
      <ErrorAlert error={dataset.error} onRetry={() => void dataset.refetch()} />
    );
  const d = dataset.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="open-dataset">
      {back}
      <div>
        <Flex wrap gap={8} align="center">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="dataset-name">
            {d.name}
          </Typography.Title>
          {d.version > 0 && <Tag>{t('catalog.version', { version: d.version })}</Tag>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
          {d.code} · {d.provider.name}
        </Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <DatasetDetails dataset={d} />
        </Col>
        <Col xs={24} xl={7}>
          <DeveloperLinks datasetId={d.id} />
        </Col>
      </Row>
    </Space>
  );
}

/** The public catalogue (no sign-in): published entries whose open type lets anyone see them. */
export function OpenCatalogPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { id } = useParams();
  const navigate = useNavigate();
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="page-open-catalog">
      <Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          padding: '10px 24px',
          lineHeight: 'normal',
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          height: 'auto',
          minHeight: 64,
          flexWrap: 'wrap',
        }}
      >
        <Link to="/open" style={{ flex: '1 1 auto', minWidth: 0, color: 'inherit' }}>
          <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
            {t('catalog.open.title')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        <Space size="large">
          <LanguageSwitch />
          <Button
            icon={<LoginOutlined />}
            onClick={() => navigate('/login?next=%2Fcatalog')}
            data-testid="open-sign-in"
          >
            {t('catalog.open.signIn')}
          </Button>
        </Space>
      </Header>
      <Content id="main" style={{ padding: 16, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('catalog.open.notice')} />
          <Suspense fallback={<FullPageSpin />}>{id ? <OpenDataset id={id} /> : <OpenList />}</Suspense>
        </Space>
      </Content>
      <Footer style={{ textAlign: 'center', padding: '12px 24px', fontSize: 12, opacity: 0.7 }}>
        {t('app.footer')}
      </Footer>
    </Layout>
  );
}
