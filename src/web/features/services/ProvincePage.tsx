import { useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Skeleton,
  Statistic,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CloudUploadOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ProvinceDelivery, ProvinceStatus, ReconciliationRun } from '../../api/types.ts';
import { serviceLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { errorText } from '../../shared/errorText.ts';
import { ListPage, ListTable } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import {
  caseFlagKeys,
  deliverOutbox,
  fetchProvinceStatus,
  fetchReconciliations,
  provinceKeys,
  reconcileNow,
} from './api.ts';
import { ReconciliationStatusTag } from './codes.tsx';
import { chinaDateTime, durationParts } from './format.ts';
import { LongTask } from './LongTask.tsx';

const MISMATCH_LINK = '/supervision?type=upstream_mismatch';

function Age({ seconds }: { seconds: number | null }) {
  const { t } = useTranslation();
  if (seconds === null) return null;
  const d = durationParts(seconds);
  const text =
    d.days > 0
      ? t('services.province.ageDays', { days: d.days, hours: d.hours })
      : d.hours > 0
        ? t('services.province.ageHours', { hours: d.hours, minutes: d.minutes })
        : t('services.province.ageMinutes', { minutes: d.minutes });
  return <span>{text}</span>;
}

function StatusCard({ s }: { s: ProvinceStatus }) {
  const { t } = useTranslation();
  const stale = (s.oldestPendingSeconds ?? 0) > 3600;
  const items = [
    {
      key: 'configured',
      label: t('services.province.upstream'),
      children: s.configured ? (
        <Flex gap={6} wrap align="center">
          <Tag color="success" style={{ marginInlineEnd: 0 }}>
            {t('services.province.configured')}
          </Tag>
          <Typography.Text code>{s.url}</Typography.Text>
        </Flex>
      ) : (
        <Tag color="default">{t('services.province.notConfigured')}</Tag>
      ),
      span: 2,
    },
    {
      key: 'lastDelivery',
      label: t('services.province.lastDelivery'),
      children: chinaDateTime(s.lastDeliveryAt, { seconds: true }) || t('services.province.never'),
    },
    {
      key: 'oldest',
      label: t('services.province.oldestPending'),
      children: s.oldestPendingAt ? (
        <Typography.Text type={stale ? 'danger' : undefined}>
          {chinaDateTime(s.oldestPendingAt, { seconds: true })} （<Age seconds={s.oldestPendingSeconds} />）
        </Typography.Text>
      ) : (
        t('common.none')
      ),
    },
    {
      key: 'lastError',
      label: t('services.province.lastError'),
      span: 2,
      children: s.lastError ? (
        <div data-testid="province-last-error">
          <Typography.Text type="danger">{s.lastError.error}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('services.province.errorDetail', {
                caseNo: s.lastError.caseNo,
                seq: s.lastError.seq,
                attempts: s.lastError.attempts,
                failedAt: chinaDateTime(s.lastError.failedAt, { seconds: true }),
                next: chinaDateTime(s.lastError.nextAttemptAt, { seconds: true }),
              })}
            </Typography.Text>
          </div>
        </div>
      ) : (
        <Typography.Text type="success">{t('services.province.noError')}</Typography.Text>
      ),
    },
  ];
  return (
    <Space16>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('services.province.pending')}
            value={s.pending}
            styles={{ content: { color: stale ? '#cf1322' : undefined } }}
            data-testid="province-pending"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('services.province.failingCases')}
            value={s.failingCases}
            styles={{ content: { color: s.failingCases > 0 ? '#cf1322' : undefined } }}
            data-testid="province-failing"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('services.province.lastMismatches')}
            value={s.lastReconciliation?.mismatches ?? '–'}
            styles={{
              content: { color: (s.lastReconciliation?.mismatches ?? 0) > 0 ? '#cf1322' : undefined },
            }}
            data-testid="province-mismatches"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('services.province.lastReconciliation')}
            value={
              s.lastReconciliation
                ? chinaDateTime(s.lastReconciliation.startedAt)
                : t('services.province.never')
            }
            styles={{ content: { fontSize: 16 } }}
          />
        </Col>
      </Row>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={items}
        data-testid="province-status"
      />
    </Space16>
  );
}

function Space16({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>{children}</div>;
}

/**
 * 省办件库对接: delivery of case events to the provincial case library (pending, failing, last error),
 * deliver now, reconciliation runs and reconcile now; mismatches lead to the supervision list.
 */
export function ProvincePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const status = useQuery({
    queryKey: provinceKeys.status,
    queryFn: fetchProvinceStatus,
    refetchInterval: 30_000,
  });
  const [delivering, setDelivering] = useState(false);
  const [delivery, setDelivery] = useState<ProvinceDelivery | null>(null);
  const [reconciling, setReconciling] = useState(false);
  const [reconciled, setReconciled] = useState<ReconciliationRun | null>(null);

  const table = useListTable({
    filters: [] as const,
    toQuery: ({ page, pageSize }) => ({ page, pageSize }),
    queryKey: provinceKeys.runs,
    fetch: fetchReconciliations,
  });

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: provinceKeys.all }),
      queryClient.invalidateQueries({ queryKey: caseFlagKeys.all }),
    ]);

  const deliver = async () => {
    setDelivering(true);
    setDelivery(null);
    try {
      setDelivery(await deliverOutbox());
      await refresh();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setDelivering(false);
    }
  };

  const reconcile = async () => {
    setReconciling(true);
    setReconciled(null);
    try {
      setReconciled(await reconcileNow());
      await refresh();
    } catch (e) {
      message.error(errorText(e, t));
      await refresh();
    } finally {
      setReconciling(false);
    }
  };

  const columns: TableColumnsType<ReconciliationRun> = [
    {
      key: 'startedAt',
      title: t('services.province.startedAt'),
      width: 140,
      render: (_: unknown, r) => chinaDateTime(r.startedAt),
    },
    {
      key: 'trigger',
      title: t('services.inspection.trigger'),
      width: 90,
      render: (_: unknown, r) => serviceLabel('inspectionTrigger', r.trigger),
    },
    {
      key: 'status',
      title: t('services.province.runStatus'),
      width: 90,
      render: (_: unknown, r) => <ReconciliationStatusTag status={r.status} />,
    },
    {
      key: 'compared',
      dataIndex: 'compared',
      title: t('services.province.compared'),
      width: 90,
      align: 'right',
    },
    {
      key: 'mismatches',
      title: t('services.province.mismatches'),
      width: 100,
      align: 'right',
      render: (_: unknown, r) =>
        r.mismatches > 0 ? (
          <Link to={MISMATCH_LINK} data-testid={`province-run-mismatches-${r.id}`}>
            <Typography.Text type="danger">{r.mismatches}</Typography.Text>
          </Link>
        ) : (
          0
        ),
    },
    {
      key: 'missingUpstream',
      dataIndex: 'missingUpstream',
      title: t('services.province.missingUpstream'),
      width: 110,
      align: 'right',
    },
    {
      key: 'unknownUpstream',
      dataIndex: 'unknownUpstream',
      title: t('services.province.unknownUpstream'),
      width: 110,
      align: 'right',
    },
    {
      key: 'duration',
      title: t('services.province.duration'),
      width: 90,
      align: 'right',
      render: (_: unknown, r) =>
        r.finishedAt
          ? t('services.province.seconds', {
              n: Math.max(0, Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 100) / 10),
            })
          : '–',
    },
    {
      key: 'error',
      title: t('services.province.error'),
      width: 240,
      render: (_: unknown, r) =>
        r.error ? (
          <Typography.Paragraph type="danger" style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: r.error }}>
            {r.error}
          </Typography.Paragraph>
        ) : (
          '–'
        ),
    },
  ];

  const configured = status.data?.configured ?? false;
  return (
    <ListPage title={t('services.province.title')} testId="page-province">
      <LongTask
        open={delivering}
        title={t('services.province.delivering')}
        description={t('services.province.deliveringHint')}
        expectedSeconds={5}
        testId="province-deliver-progress"
      />
      <LongTask
        open={reconciling}
        title={t('services.province.reconciling')}
        description={t('services.province.reconcilingHint')}
        expectedSeconds={15}
        testId="province-reconcile-progress"
      />
      <Card
        size="small"
        title={t('services.province.delivery')}
        extra={
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={delivering}
            disabled={!configured}
            onClick={() => void deliver()}
            data-testid="province-deliver"
          >
            {t('services.province.deliverNow')}
          </Button>
        }
      >
        {status.isError && <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />}
        {delivery && (
          <Alert
            style={{ marginBottom: 16 }}
            type={delivery.failed > 0 ? 'warning' : 'success'}
            showIcon
            closable={{ onClose: () => setDelivery(null), 'aria-label': t('common.close') }}
            title={t('services.province.delivered', delivery)}
            data-testid="province-delivery-result"
          />
        )}
        {status.data ? <StatusCard s={status.data} /> : status.isPending && <Skeleton active />}
        {status.data && !configured && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title={t('services.province.notConfiguredHint')}
          />
        )}
      </Card>
      <Card
        size="small"
        title={t('services.province.reconciliations')}
        extra={
          <Flex gap={8} wrap>
            <Button onClick={() => navigate(MISMATCH_LINK)} data-testid="province-mismatch-link">
              {t('services.province.viewMismatches')}
            </Button>
            <Button
              type="primary"
              icon={<SyncOutlined />}
              loading={reconciling}
              disabled={!configured}
              onClick={() => void reconcile()}
              data-testid="province-reconcile"
            >
              {t('services.province.reconcileNow')}
            </Button>
          </Flex>
        }
      >
        {reconciled && (
          <Alert
            style={{ marginBottom: 16 }}
            type={
              reconciled.status === 'failed' ? 'error' : reconciled.mismatches > 0 ? 'warning' : 'success'
            }
            showIcon
            closable={{ onClose: () => setReconciled(null), 'aria-label': t('common.close') }}
            title={
              reconciled.status === 'failed'
                ? t('services.province.reconcileFailed', { error: reconciled.error ?? '' })
                : t('services.province.reconciled', reconciled)
            }
            action={
              reconciled.mismatches > 0 ? (
                <Button size="small" onClick={() => navigate(MISMATCH_LINK)}>
                  {t('services.province.viewMismatches')}
                </Button>
              ) : undefined
            }
            data-testid="province-reconcile-result"
          />
        )}
        <ListTable<ReconciliationRun> table={table} rowKey="id" testId="province-runs" columns={columns} />
      </Card>
    </ListPage>
  );
}
