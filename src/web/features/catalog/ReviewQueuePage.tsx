import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueries } from '@tanstack/react-query';
import { Badge, Button, Card, Space, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetAction, DatasetListItem, DatasetQuery, DatasetStatus } from '../../api/types.ts';
import { catalogCodeLabel } from '../../i18n/labels.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { datasetKeys, fetchDatasets } from './api.ts';
import { LevelTag, OpenTag, SharingTag } from './CodeTags.tsx';
import { ActionModal } from './DatasetActions.tsx';

const FILTERS = ['tab', 'q'] as const;
const SORT_FIELDS = ['updatedAt', 'name', 'code'] as const;

type Tab = 'pending' | 'approved';
const TAB_STATUS: Record<Tab, DatasetStatus> = { pending: 'submitted', approved: 'approved' };

/** The bureau's queue: submitted entries to approve or reject (with a comment), approved ones to publish. */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  // English labels ("Department", "L4 highly sensitive") need wider columns.
  const en = i18n.language === 'en';
  const [acting, setActing] = useState<{ item: DatasetListItem; action: DatasetAction } | null>(null);

  const table = useListTable({
    filters: FILTERS,
    sortFields: SORT_FIELDS,
    toQuery: ({ filters, sort, page, pageSize }): DatasetQuery => ({
      q: filters.q,
      status: TAB_STATUS[filters.tab === 'approved' ? 'approved' : 'pending'],
      // Oldest submissions are the most overdue; by default the newest first, as asked for the queue.
      sort: sort ?? '-updatedAt',
      page,
      pageSize,
    }),
    queryKey: (q) => datasetKeys.list(q),
    fetch: (q) => fetchDatasets(q),
  });
  const { list, query } = table;
  const tab: Tab = query.status === 'approved' ? 'approved' : 'pending';

  // Both tabs' counts, for their badges.
  const counts = useQueries({
    queries: (['pending', 'approved'] as const).map((k) => {
      const q: DatasetQuery = { status: TAB_STATUS[k], page: 1, pageSize: 1 };
      return { queryKey: datasetKeys.list(q), queryFn: () => fetchDatasets(q) };
    }),
  });

  const act = (item: DatasetListItem, action: DatasetAction) => setActing({ item, action });

  const columns: TableColumnsType<DatasetListItem> = [
    {
      ...table.sortable('name'),
      dataIndex: 'name',
      title: t('catalog.meta.name'),
      width: 210,
      fixed: 'left',
      render: (name: string, d) => (
        <Link to={`/catalog/datasets/${d.id}`} data-testid={`review-open-${d.id}`}>
          {name}
        </Link>
      ),
    },
    {
      ...table.sortable('code'),
      dataIndex: 'code',
      title: t('catalog.meta.code'),
      width: 150,
      render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span>,
    },
    {
      key: 'department',
      title: t('catalog.meta.department'),
      width: 140,
      ellipsis: true,
      render: (_: unknown, d) => d.department.name,
    },
    {
      key: 'category',
      title: t('catalog.meta.category'),
      width: en ? 110 : 80,
      render: (_: unknown, d) => catalogCodeLabel('category', d.category),
    },
    {
      key: 'maxLevel',
      title: t('catalog.meta.maxLevel'),
      width: en ? 150 : 100,
      render: (_: unknown, d) => <LevelTag level={d.maxLevel} />,
    },
    {
      key: 'sharing',
      title: t('catalog.detail.sharing'),
      width: en ? 240 : 180,
      render: (_: unknown, d) => (
        <Space size={4} wrap>
          <SharingTag value={d.sharingType} />
          <OpenTag value={d.openType} />
        </Space>
      ),
    },
    {
      ...table.sortable('updatedAt'),
      dataIndex: 'updatedAt',
      title: tab === 'pending' ? t('catalog.review.submittedAt') : t('catalog.meta.updatedAt'),
      width: 130,
      render: (v: string) => (
        <Tooltip title={formatDateTime(v)}>{formatDateTime(v, { seconds: false })}</Tooltip>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: en ? 150 : 120,
      fixed: 'right',
      render: (_: unknown, d) =>
        tab === 'pending' ? (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => act(d, 'approve')}
              data-testid={`review-approve-${d.id}`}
            >
              {t('catalog.review.approve')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => act(d, 'reject')}
              data-testid={`review-reject-${d.id}`}
            >
              {t('catalog.review.reject')}
            </Button>
          </Space>
        ) : (
          <Button
            type="link"
            size="small"
            onClick={() => act(d, 'publish')}
            data-testid={`review-publish-${d.id}`}
          >
            {t('catalog.review.publish')}
          </Button>
        ),
    },
  ];

  const tabLabel = (k: Tab, i: number) => (
    <Space size={6}>
      {k === 'pending' ? t('catalog.review.pending') : t('catalog.review.toPublish')}
      <Badge
        count={counts[i]?.data?.total ?? 0}
        showZero
        color={k === 'pending' ? '#fa8c16' : '#1561c8'}
        overflowCount={999}
      />
    </Space>
  );

  return (
    <ListPage title={t('catalog.review.title')} testId="page-catalog-review">
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) =>
            list.setFilters({ tab: k === 'approved' ? 'approved' : undefined, sort: undefined })
          }
          items={[
            { key: 'pending', label: <span data-testid="review-tab-pending">{tabLabel('pending', 0)}</span> },
            {
              key: 'approved',
              label: <span data-testid="review-tab-approved">{tabLabel('approved', 1)}</span>,
            },
          ]}
        />
        <ListToolbar
          search={{
            value: list.filters.q,
            onSearch: (q) => list.setFilters({ q }),
            placeholder: t('catalog.searchPlaceholder'),
            testId: 'review-search',
            width: 320,
          }}
        />
        <ListTable<DatasetListItem>
          table={table}
          rowKey="id"
          testId="review-table"
          columns={columns}
          locale={{
            emptyText: <Typography.Text type="secondary">{t('catalog.review.empty')}</Typography.Text>,
          }}
        />
      </Card>
      <ActionModal
        target={acting?.item ?? null}
        action={acting?.action ?? null}
        onClose={() => setActing(null)}
      />
    </ListPage>
  );
}
