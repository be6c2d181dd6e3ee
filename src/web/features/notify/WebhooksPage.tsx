import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Webhook, WebhookDelivery } from '../../api/types.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ListPage } from '../../shared/ListTable.tsx';
import { chinaDateTime } from '../../shared/chinaTime.ts';
import { errorText } from '../../shared/errorText.ts';
import {
  deleteWebhook,
  fetchDeliveries,
  fetchWebhooks,
  retryWebhook,
  testWebhook,
  webhookKeys,
} from './api.ts';
import { kindLabel } from './kinds.ts';
import { WebhookDrawer } from './WebhookDrawer.tsx';

const STATUS_COLOUR = { pending: 'processing', delivered: 'success', gave_up: 'error' } as const;

/** A robot's messages, newest first, paged. */
function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const id = webhook?.id ?? '';
  const result = useQuery({
    queryKey: webhookKeys.deliveries(id, page),
    queryFn: () => fetchDeliveries(id, page),
    enabled: !!webhook,
  });
  const columns: TableColumnsType<WebhookDelivery> = [
    {
      key: 'createdAt',
      title: t('notify.delivery.createdAt'),
      width: 150,
      render: (_, d) => chinaDateTime(d.createdAt),
    },
    { key: 'title', dataIndex: 'title', title: t('notify.delivery.title'), ellipsis: true },
    {
      key: 'status',
      title: t('notify.delivery.status'),
      width: 90,
      render: (_, d) => (
        <Tag color={STATUS_COLOUR[d.status]}>{t(`notify.delivery.statuses.${d.status}`)}</Tag>
      ),
    },
    { key: 'attempts', dataIndex: 'attempts', title: t('notify.delivery.attempts'), width: 80 },
    {
      key: 'next',
      title: t('notify.delivery.next'),
      width: 150,
      render: (_, d) => (d.nextAttemptAt ? chinaDateTime(d.nextAttemptAt) : ''),
    },
    { key: 'error', dataIndex: 'lastError', title: t('notify.delivery.error'), width: 160, ellipsis: true },
  ];
  return (
    <Drawer
      open={!!webhook}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size={900}
      title={`${t('notify.deliveries')} · ${webhook?.name ?? ''}`}
      destroyOnHidden
      data-testid="webhook-deliveries"
    >
      {result.error ? <ErrorAlert error={result.error} /> : null}
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={result.isFetching}
        columns={columns}
        dataSource={result.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: result.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Drawer>
  );
}

/** 消息推送: the system administrator's list of chat robots, their outbox and a test button each. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Webhook | null | undefined>(undefined);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useQuery({ queryKey: webhookKeys.all, queryFn: fetchWebhooks });

  /** Runs one row action, says how it went, and refreshes the list. */
  const act = async (key: string, run: () => Promise<string | null>) => {
    setBusy(key);
    try {
      const said = await run();
      if (said) message.success(said);
    } catch (err) {
      message.error(errorText(err, t));
    } finally {
      setBusy(null);
      await queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    }
  };

  const columns: TableColumnsType<Webhook> = [
    {
      key: 'name',
      title: t('notify.name'),
      width: 180,
      render: (_, w) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{w.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`notify.formats.${w.format}`)}
            {w.signed ? ` · ${t('notify.signed')}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'department',
      title: t('notify.department'),
      width: 170,
      ellipsis: true,
      render: (_, w) => w.departmentName ?? t('notify.districtWide'),
    },
    { key: 'url', dataIndex: 'urlDisplay', title: t('notify.url'), ellipsis: true },
    {
      key: 'kinds',
      title: t('notify.kinds'),
      width: 170,
      render: (_, w) =>
        w.kinds.length ? (
          w.kinds.map((k) => <Tag key={k}>{kindLabel(k)}</Tag>)
        ) : (
          <Tag>{t('notify.kindsAll')}</Tag>
        ),
    },
    {
      key: 'outbox',
      title: t('notify.outbox'),
      width: 170,
      render: (_, w) => (
        <Space orientation="vertical" size={0} data-testid={`webhook-outbox-${w.id}`}>
          {(!w.enabled || w.pending > 0 || w.gaveUp > 0) && (
            <Space size={4} wrap>
              {!w.enabled && <Tag>{t('notify.disabled')}</Tag>}
              {w.pending > 0 && <Tag color="processing">{t('notify.pending', { n: w.pending })}</Tag>}
              {w.gaveUp > 0 && <Tag color="error">{t('notify.gaveUp', { n: w.gaveUp })}</Tag>}
            </Space>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {w.lastDeliveredAt
              ? t('notify.lastDelivered', { at: chinaDateTime(w.lastDeliveredAt) })
              : t('notify.never')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 260,
      render: (_, w) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            loading={busy === `test-${w.id}`}
            data-testid={`webhook-test-${w.id}`}
            onClick={() =>
              act(`test-${w.id}`, async () => {
                const r = await testWebhook(w.id);
                if (!r.delivered) message.error(t('notify.testFailed', { error: r.error ?? '' }));
                return r.delivered ? t('notify.testOk') : null;
              })
            }
          >
            {t('notify.test')}
          </Button>
          <Button type="link" size="small" onClick={() => setEditing(w)} data-testid={`webhook-edit-${w.id}`}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setViewing(w)} data-testid={`webhook-log-${w.id}`}>
            {t('notify.deliveries')}
          </Button>
          {w.gaveUp > 0 && (
            <Button
              type="link"
              size="small"
              loading={busy === `retry-${w.id}`}
              onClick={() =>
                act(`retry-${w.id}`, async () =>
                  t('notify.retried', { n: (await retryWebhook(w.id)).requeued }),
                )
              }
            >
              {t('notify.retry')}
            </Button>
          )}
          <Popconfirm
            title={t('notify.removeConfirm', { name: w.name })}
            onConfirm={() =>
              act(`remove-${w.id}`, async () => {
                await deleteWebhook(w.id);
                return t('notify.removed');
              })
            }
          >
            <Button type="link" size="small" danger data-testid={`webhook-remove-${w.id}`}>
              {t('notify.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <ListPage title={t('notify.title')} testId="page-webhooks">
      <Alert type="info" showIcon title={t('notify.intro')} />
      {list.data && !list.data.linksBack && (
        <Alert type="warning" showIcon title={t('notify.noPublicUrl')} data-testid="webhooks-no-public-url" />
      )}
      <Card
        size="small"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="webhook-create"
          >
            {t('notify.create')}
          </Button>
        }
      >
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <Table<Webhook>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('notify.empty') }}
          data-testid="webhooks-table"
        />
      </Card>
      <WebhookDrawer
        open={editing !== undefined}
        webhook={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <DeliveriesDrawer webhook={viewing} onClose={() => setViewing(null)} />
    </ListPage>
  );
}
