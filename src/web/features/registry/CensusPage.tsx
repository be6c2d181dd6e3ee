import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Flex,
  Popconfirm,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ArrowLeftOutlined, BellOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors.ts';
import type { CensusProgressRow, CensusRoundDetail, CensusRoundListItem } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { registryLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { errorText } from '../../shared/errorText.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage, ListTable } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { CensusChart } from './CensusChart.tsx';
import { CensusItems } from './CensusItems.tsx';
import { CensusOpenModal } from './CensusOpenModal.tsx';
import { censusKeys, closeRound, fetchRound, fetchRounds, remindRound } from './censusApi.ts';
import './charts.ts';

function RoundStatusTag({ status }: { status: CensusRoundListItem['status'] }) {
  return (
    <Tag color={status === 'open' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
      {registryLabel('roundStatus', status)}
    </Tag>
  );
}

function ReturnTag({ row }: { row: Pick<CensusProgressRow, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      <Tag color={row.status === 'submitted' ? 'success' : 'default'} style={{ marginInlineEnd: 0 }}>
        {registryLabel('returnStatus', row.status)}
      </Tag>
      {row.overdue && (
        <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="census-overdue">
          {t('registry.census.overdue')}
        </Tag>
      )}
    </Flex>
  );
}

/** done / total as a small bar with the figures. */
function Tally({ done, total, testId }: { done: number; total: number; testId?: string }) {
  return (
    <Flex align="center" gap={8} data-testid={testId}>
      <Progress
        percent={total === 0 ? 100 : Math.round((done / total) * 100)}
        size="small"
        showInfo={false}
        status={done === total ? 'success' : 'normal'}
        style={{ flex: 1, margin: 0, minWidth: 60 }}
        aria-hidden
      />
      <span style={{ minWidth: 48, textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>
        {done}/{total}
      </span>
    </Flex>
  );
}

// ---------------------------------------------------------------------------------------------
// Rounds

function RoundsList() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manager = can('census.manage');
  const responder = can('census.respond');
  const [opening, setOpening] = useState(false);

  const table = useListTable({
    filters: [] as const,
    toQuery: ({ page, pageSize }) => ({ page, pageSize }),
    queryKey: censusKeys.rounds,
    fetch: fetchRounds,
  });
  const hasOpenRound = (table.result.data?.items ?? []).some((r) => r.status === 'open');

  const columns: TableColumnsType<CensusRoundListItem> = [
    {
      key: 'title',
      dataIndex: 'title',
      title: t('registry.census.roundTitle'),
      width: 260,
      render: (title: string, r: CensusRoundListItem) => (
        <Link to={`/registry/census/${r.id}`} data-testid={`census-round-${r.id}`}>
          {title}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('registry.census.status'),
      width: 90,
      render: (_: unknown, r: CensusRoundListItem) => <RoundStatusTag status={r.status} />,
    },
    {
      key: 'openedAt',
      dataIndex: 'openedAt',
      title: t('registry.census.openedAt'),
      width: 140,
      render: (v: string) => formatDateTime(v, { seconds: false }),
    },
    {
      key: 'deadline',
      dataIndex: 'deadline',
      title: t('registry.census.deadline'),
      width: 110,
    },
    {
      key: 'progress',
      title: t('registry.census.submittedCount'),
      width: 180,
      render: (_: unknown, r: CensusRoundListItem) => <Tally done={r.submitted} total={r.departments} />,
    },
  ];
  if (responder)
    columns.push({
      key: 'myReturn',
      title: t('registry.census.myDepartment'),
      width: 130,
      render: (_: unknown, r: CensusRoundListItem) =>
        r.myReturn ? <ReturnTag row={{ status: r.myReturn.status, overdue: false }} /> : null,
    });
  columns.push({
    key: 'actions',
    title: t('common.actions'),
    width: 90,
    fixed: 'right',
    render: (_: unknown, r: CensusRoundListItem) => (
      <Link to={`/registry/census/${r.id}`} data-testid={`census-open-${r.id}`}>
        {responder && r.status === 'open' && r.myReturn?.status === 'pending'
          ? t('registry.census.handle')
          : t('registry.census.view')}
      </Link>
    ),
  });

  return (
    <ListPage title={t('registry.census.title')} testId="page-census">
      <Card
        size="small"
        title={t('registry.census.rounds')}
        extra={
          manager && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpening(true)}
              disabled={hasOpenRound}
              title={hasOpenRound ? t('registry.census.openOnlyOne') : undefined}
              data-testid="census-create"
            >
              {t('registry.census.open')}
            </Button>
          )
        }
      >
        <ListTable<CensusRoundListItem>
          table={table}
          rowKey="id"
          testId="census-rounds-table"
          columns={columns}
          locale={{ emptyText: t('registry.census.noRounds') }}
        />
      </Card>
      {manager && <CensusOpenModal open={opening} onClose={() => setOpening(false)} />}
    </ListPage>
  );
}

// ---------------------------------------------------------------------------------------------
// One round

function RoundActions({ round }: { round: CensusRoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'remind' | 'close' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: censusKeys.all });

  const remind = async () => {
    setBusy('remind');
    try {
      const out = await remindRound(round.id);
      message.success(t('registry.census.reminded', { departments: out.departments, users: out.users }));
      await refresh();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };
  const close = async () => {
    setBusy('close');
    try {
      await closeRound(round.id);
      message.success(t('registry.census.closed'));
      await refresh();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap>
      <ExportButton
        path={`/api/census-rounds/${round.id}/export.xlsx`}
        query={{}}
        filename="census-progress.xlsx"
        testId="census-export"
      />
      {round.status === 'open' && (
        <>
          <Popconfirm
            title={t('registry.census.remindConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={remind}
            okButtonProps={{ 'data-testid': 'census-remind-confirm' }}
          >
            <Button
              icon={<BellOutlined />}
              loading={busy === 'remind'}
              disabled={round.totals.pending === 0}
              data-testid="census-remind"
            >
              {t('registry.census.remind')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('registry.census.closeConfirm', { title: round.title })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'census-close-confirm' }}
            onConfirm={close}
          >
            <Button danger icon={<StopOutlined />} loading={busy === 'close'} data-testid="census-close">
              {t('registry.census.close')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );
}

function ProgressTable({
  round,
  onShowItems,
}: {
  round: CensusRoundDetail;
  onShowItems: (row: CensusProgressRow) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CensusProgressRow> = [
    {
      key: 'department',
      title: t('registry.census.department'),
      width: 200,
      ellipsis: true,
      sorter: (a, b) => a.department.name.localeCompare(b.department.name),
      render: (_: unknown, r: CensusProgressRow) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined}>{r.department.name}</Typography.Text>
      ),
    },
    {
      key: 'systems',
      title: t('registry.census.systemsProgress'),
      width: 170,
      sorter: (a, b) => a.systems.done / (a.systems.total || 1) - b.systems.done / (b.systems.total || 1),
      render: (_: unknown, r: CensusProgressRow) => (
        <Tally done={r.systems.done} total={r.systems.total} testId={`census-systems-${r.department.code}`} />
      ),
    },
    {
      key: 'datasets',
      title: t('registry.census.datasetsProgress'),
      width: 170,
      sorter: (a, b) => a.datasets.done / (a.datasets.total || 1) - b.datasets.done / (b.datasets.total || 1),
      render: (_: unknown, r: CensusProgressRow) => (
        <Tally
          done={r.datasets.done}
          total={r.datasets.total}
          testId={`census-datasets-${r.department.code}`}
        />
      ),
    },
    {
      key: 'status',
      title: t('registry.census.returnStatus'),
      width: 140,
      filters: [
        { text: registryLabel('returnStatus', 'pending'), value: 'pending' },
        { text: registryLabel('returnStatus', 'submitted'), value: 'submitted' },
        { text: t('registry.census.overdue'), value: 'overdue' },
      ],
      onFilter: (value, r) => (value === 'overdue' ? r.overdue : r.status === value),
      render: (_: unknown, r: CensusProgressRow) => <ReturnTag row={r} />,
    },
    {
      key: 'submittedAt',
      title: t('registry.census.submittedAt'),
      width: 140,
      render: (_: unknown, r: CensusProgressRow) => formatDateTime(r.submittedAt, { seconds: false }),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, r: CensusProgressRow) => (
        <Button
          type="link"
          size="small"
          onClick={() => onShowItems(r)}
          data-testid={`census-items-${r.department.code}`}
        >
          {t('registry.census.view')}
        </Button>
      ),
    },
  ];
  return (
    <Table<CensusProgressRow>
      size="small"
      rowKey={(r) => r.department.id}
      columns={columns}
      dataSource={round.progress}
      pagination={round.progress.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 910 }}
      data-testid="census-progress-table"
    />
  );
}

function RoundView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manager = can('census.manage');
  const responder = can('census.respond');
  const [shown, setShown] = useState<CensusProgressRow | null>(null);
  const result = useQuery({ queryKey: censusKeys.round(id), queryFn: () => fetchRound(id) });
  const round = result.data;

  const back = (
    <Link to="/registry/census" data-testid="census-back">
      <ArrowLeftOutlined /> {t('registry.census.back')}
    </Link>
  );
  if (result.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (result.isError || !round) {
    if (isApiError(result.error) && result.error.status === 404)
      return <Result status="404" title={t('errors.notFoundTitle')} extra={back} />;
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
      </Space>
    );
  }

  const open = round.status === 'open';
  const overdue = open && round.workdaysLeft !== null && round.workdaysLeft < 0;
  const { totals } = round;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-census-round">
      {back}
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="census-round-title">
            {round.title}
          </Typography.Title>
          <Flex gap={8} wrap align="center" style={{ marginTop: 6 }}>
            <RoundStatusTag status={round.status} />
            <Typography.Text strong data-testid="census-deadline-date">
              {t('registry.census.deadlineOn', { date: round.deadline })}
            </Typography.Text>
            {open && round.workdaysLeft !== null && (
              <Typography.Text
                type={overdue ? 'danger' : round.workdaysLeft <= 2 ? 'warning' : 'secondary'}
                data-testid="census-days-left"
              >
                {overdue
                  ? t('registry.census.overdue')
                  : t('registry.census.daysLeft', { count: round.workdaysLeft })}
              </Typography.Text>
            )}
          </Flex>
        </div>
        {manager && <RoundActions round={round} />}
      </Flex>
      {(round.note || manager) && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            {
              key: 'openedAt',
              label: t('registry.census.openedAt'),
              children: formatDateTime(round.openedAt, { seconds: false }),
            },
            { key: 'openedBy', label: t('registry.census.openedBy'), children: round.openedBy },
            { key: 'workingDays', label: t('registry.census.workingDays'), children: round.workingDays },
            ...(round.closedAt
              ? [
                  {
                    key: 'closedAt',
                    label: t('registry.census.closedAt'),
                    children: formatDateTime(round.closedAt, { seconds: false }),
                  },
                ]
              : []),
            ...(round.note
              ? [
                  {
                    key: 'note',
                    label: t('registry.census.note'),
                    span: 'filled' as const,
                    children: round.note,
                  },
                ]
              : []),
          ]}
        />
      )}

      {manager && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('registry.census.submittedCount')}
                  value={totals.submitted}
                  suffix={`/ ${totals.departments}`}
                  data-testid="census-total-submitted"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('registry.census.overdueCount')}
                  value={totals.overdue}
                  styles={{ content: { color: totals.overdue > 0 ? '#cf1322' : undefined } }}
                  data-testid="census-total-overdue"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('registry.census.systemsProgress')}
                  value={totals.systems.done}
                  suffix={`/ ${totals.systems.total}`}
                  data-testid="census-total-systems"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('registry.census.datasetsProgress')}
                  value={totals.datasets.done}
                  suffix={`/ ${totals.datasets.total}`}
                  data-testid="census-total-datasets"
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('registry.census.chart')}>
            <CensusChart progress={round.progress} />
          </Card>
          <Card size="small" title={t('registry.census.departments')}>
            <ProgressTable round={round} onShowItems={setShown} />
          </Card>
          <Drawer
            open={shown !== null}
            onClose={() => setShown(null)}
            size={760}
            title={shown?.department.name}
            destroyOnHidden
            data-testid="census-items-drawer"
          >
            {shown && <CensusItems roundId={round.id} departmentId={shown.department.id} roundOpen={open} />}
          </Drawer>
        </>
      )}

      {responder && !manager && (
        <>
          {round.progress.map((r) => (
            <Card size="small" key={r.department.id} data-testid="census-my-progress">
              <Row gutter={[16, 8]} align="middle">
                <Col xs={24} md={6}>
                  <Typography.Text strong>{r.department.name}</Typography.Text>
                </Col>
                <Col xs={24} md={6}>
                  <Typography.Text type="secondary">{t('registry.census.systemsProgress')}</Typography.Text>
                  <Tally done={r.systems.done} total={r.systems.total} />
                </Col>
                <Col xs={24} md={6}>
                  <Typography.Text type="secondary">{t('registry.census.datasetsProgress')}</Typography.Text>
                  <Tally done={r.datasets.done} total={r.datasets.total} />
                </Col>
                <Col xs={24} md={6}>
                  <ReturnTag row={r} />
                  {r.submittedAt && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('registry.census.returnSubmitted', {
                        at: formatDateTime(r.submittedAt, { seconds: false }),
                      })}
                    </Typography.Text>
                  )}
                </Col>
              </Row>
            </Card>
          ))}
          <CensusItems roundId={round.id} roundOpen={open} />
        </>
      )}
    </Space>
  );
}

/** Census rounds (`/registry/census`) and one round (`/registry/census/:id`), for the bureau and the departments. */
export function CensusPage() {
  const { id } = useParams();
  return id ? <RoundView id={id} /> : <RoundsList />;
}
