import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, List, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import type { Dataset } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { datasetKeys, fetchDataset, fetchReviews } from './api.ts';
import { StatusTag } from './CodeTags.tsx';
import { DatasetActions } from './DatasetActions.tsx';
import { DatasetDetails } from './DatasetDetails.tsx';
import { LevelsChart } from './LevelsChart.tsx';
import { LifecycleSteps, ReviewLog } from './Lifecycle.tsx';
import { VersionsCard } from './VersionsCard.tsx';

/** A card for what later issues add: titled, and honest that nothing is connected yet. */
function NotConnectedCard({ title, hint, testId }: { title: string; hint: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card
      title={title}
      size="small"
      extra={<Tag>{t('catalog.detail.notConnected')}</Tag>}
      data-testid={testId}
    >
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Card>
  );
}

function ConsumersCard({ dataset, linkSystems }: { dataset: Dataset; linkSystems: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('catalog.detail.consumers')} size="small" data-testid="dataset-consumers">
      {dataset.relatedSystems.length === 0 ? (
        <Empty description={t('catalog.detail.noConsumers')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={dataset.relatedSystems}
          renderItem={(s) => (
            <List.Item key={s.id}>
              <List.Item.Meta
                title={linkSystems ? <Link to={`/registry/systems/${s.id}`}>{s.name}</Link> : s.name}
                description={`${s.code} · ${s.department}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** One catalogue entry: metadata, fields, lifecycle with its actions, versions and diff, review log. */
export function DatasetPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const linkSystems = can('registry.read');
  const dataset = useQuery({ queryKey: datasetKeys.detail(id), queryFn: () => fetchDataset(id) });
  const reviews = useQuery({
    queryKey: [...datasetKeys.reviews(id), dataset.data?.updatedAt],
    queryFn: () => fetchReviews(id),
    enabled: dataset.isSuccess,
  });

  const back = (
    <Link to="/catalog" data-testid="dataset-back">
      <ArrowLeftOutlined /> {t('catalog.detail.back')}
    </Link>
  );

  if (dataset.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (dataset.isError) {
    if (isApiError(dataset.error) && dataset.error.status === 404)
      return (
        <Result
          status="404"
          title={t('catalog.detail.notFound')}
          extra={back}
          data-testid="dataset-not-found"
        />
      );
    return <ErrorAlert error={dataset.error} onRetry={() => void dataset.refetch()} />;
  }
  const d = dataset.data;
  const reviewItems = reviews.data?.items ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-dataset">
      {back}
      <Flex wrap gap={12} justify="space-between" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Flex wrap gap={8} align="center">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="dataset-name">
              {d.name}
            </Typography.Title>
            <StatusTag status={d.status} />
            {d.version > 0 && <Tag>{t('catalog.version', { version: d.version })}</Tag>}
          </Flex>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
            {d.code} · {d.provider.name}
          </Typography.Text>
        </div>
        <DatasetActions dataset={d} />
      </Flex>
      <Card size="small" title={t('catalog.detail.lifecycle')}>
        <LifecycleSteps status={d.status} reviews={reviewItems} createdAt={d.createdAt} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <DatasetDetails
              dataset={d}
              systemHref={linkSystems ? (sid) => `/registry/systems/${sid}` : undefined}
            />
            <VersionsCard dataset={d} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {d.fields.length > 0 && <LevelsChart fields={d.fields} />}
            <ConsumersCard dataset={d} linkSystems={linkSystems} />
            <ReviewLog
              reviews={reviewItems}
              loading={reviews.isPending}
              error={reviews.isError ? reviews.error : null}
              onRetry={() => void reviews.refetch()}
            />
            <NotConnectedCard
              title={t('catalog.detail.quality')}
              hint={t('catalog.detail.qualityHint')}
              testId="dataset-quality"
            />
            <NotConnectedCard
              title={t('catalog.detail.sharingStats')}
              hint={t('catalog.detail.sharingStatsHint')}
              testId="dataset-sharing-stats"
            />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
