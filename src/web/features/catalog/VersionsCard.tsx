import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Select, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { SwapRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dataset, DatasetVersion } from '../../api/types.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { datasetKeys, fetchDiff, fetchVersions } from './api.ts';
import { DiffView } from './DiffView.tsx';

type Target = number | 'current';

/** The working copy differs from the latest version when an edit is waiting for review. */
function workingCopyDiffers(d: Dataset): boolean {
  return d.version > 0 && d.status !== 'published' && d.status !== 'deprecated';
}

/** Published versions, and a field-level diff between any two of them (or the working copy). */
export function VersionsCard({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const versions = useQuery({
    queryKey: [...datasetKeys.versions(dataset.id), dataset.version],
    queryFn: () => fetchVersions(dataset.id),
  });
  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const latest = items[0]?.version;
  const [picked, setPicked] = useState<{ from?: number; to?: Target }>({});
  // By default: the latest version against the one before it, or against the working copy under review.
  const defaultTo: Target | undefined =
    workingCopyDiffers(dataset) && latest !== undefined ? 'current' : latest;
  const defaultFrom = defaultTo === 'current' ? latest : items[1]?.version;
  const from = picked.from ?? defaultFrom;
  const to = picked.to ?? defaultTo;
  const comparable = from !== undefined && to !== undefined && from !== to;
  const canCompare = items.length >= 2 || (items.length === 1 && workingCopyDiffers(dataset));

  const diff = useQuery({
    // The working copy changes with every save.
    queryKey: [
      ...datasetKeys.diff(dataset.id, from ?? 0, to ?? 'current'),
      to === 'current' ? dataset.updatedAt : '',
    ],
    queryFn: () => fetchDiff(dataset.id, from!, to!),
    enabled: comparable,
  });

  const columns: TableColumnsType<DatasetVersion> = [
    {
      key: 'version',
      dataIndex: 'version',
      title: t('catalog.versions.version'),
      width: 70,
      render: (v: number) => `v${v}`,
    },
    {
      key: 'note',
      dataIndex: 'note',
      title: t('catalog.versions.note'),
      width: 240,
      render: (note: string | null) =>
        note ?? <Typography.Text type="secondary">{t('catalog.meta.none')}</Typography.Text>,
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('catalog.versions.at'),
      width: 140,
      render: (v: string) => formatDateTime(v, { seconds: false }),
    },
    { key: 'createdBy', dataIndex: 'createdBy', title: t('catalog.versions.by'), width: 100 },
  ];

  const versionOptions = items.map((v) => ({ value: v.version, label: `v${v.version}` }));
  const toOptions: { value: Target; label: string }[] = [
    ...(workingCopyDiffers(dataset)
      ? [{ value: 'current' as const, label: t('catalog.versions.current') }]
      : []),
    ...versionOptions,
  ];

  return (
    <Card title={t('catalog.detail.versions')} size="small" data-testid="dataset-versions">
      {versions.isError && <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('catalog.versions.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          <Table<DatasetVersion>
            size="small"
            rowKey="version"
            columns={columns}
            dataSource={items}
            pagination={items.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 550 }}
            data-testid="dataset-versions-table"
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('catalog.versions.compare')}
          </Typography.Title>
          {!canCompare ? (
            <Typography.Text type="secondary">{t('catalog.versions.pickTwo')}</Typography.Text>
          ) : (
            <>
              <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
                <label htmlFor="diff-from">{t('catalog.versions.from')}</label>
                <Select<number>
                  id="diff-from"
                  value={from}
                  onChange={(v) => setPicked((p) => ({ ...p, from: v }))}
                  options={versionOptions}
                  style={{ width: 100 }}
                  data-testid="diff-from"
                />
                <SwapRightOutlined aria-hidden />
                <label htmlFor="diff-to">{t('catalog.versions.to')}</label>
                <Select<Target>
                  id="diff-to"
                  value={to}
                  onChange={(v) => setPicked((p) => ({ ...p, to: v }))}
                  options={toOptions}
                  style={{ width: 130 }}
                  data-testid="diff-to"
                />
              </Flex>
              {diff.isError && <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />}
              {!comparable ? (
                <Typography.Text type="secondary">{t('catalog.versions.pickTwo')}</Typography.Text>
              ) : diff.isPending ? (
                <Skeleton active />
              ) : (
                diff.data && <DiffView diff={diff.data} />
              )}
            </>
          )}
        </>
      )}
    </Card>
  );
}
