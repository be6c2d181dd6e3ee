import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors.ts';
import type { SystemDetail, SystemFlagKind, SystemInterface } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { catalogCodeLabel, registryLabel, securityLevelLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { fetchSystem, systemKeys } from './api.ts';
import { FlagStatusTag, FlagTags, SystemStatusTag } from './common.tsx';
import { ConsumesEditor } from './ConsumesEditor.tsx';
import { FlagEvidence } from './FlagEvidence.tsx';
import { ResolveFlag } from './ResolveFlag.tsx';
import { SystemDrawer } from './SystemDrawer.tsx';
import { UsageChart } from './UsageChart.tsx';

type DatasetRef = SystemDetail['produces'][number];
type SignalRow = SystemDetail['usage']['signals'][number];

function DatasetTable({ rows, testId }: { rows: DatasetRef[]; testId: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DatasetRef> = [
    {
      key: 'code',
      dataIndex: 'code',
      title: t('registry.system.datasetCode'),
      width: 150,
      render: (code: string, d: DatasetRef) => (
        <Link to={`/catalog/datasets/${d.id}`} data-testid={`${testId}-${d.id}`}>
          {code}
        </Link>
      ),
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('registry.system.datasetName'),
      render: (name: string, d: DatasetRef) => <Link to={`/catalog/datasets/${d.id}`}>{name}</Link>,
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('registry.system.datasetStatus'),
      width: 90,
      render: (s: string) => catalogCodeLabel('status', s),
    },
  ];
  return (
    <Table<DatasetRef>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: t('registry.system.noDatasets') }}
      data-testid={testId}
    />
  );
}

/** One information system: details, datasets, 90 days of use, and its zombie / duplicate flags. */
export function SystemPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const result = useQuery({ queryKey: systemKeys.detail(id), queryFn: () => fetchSystem(id) });
  const s = result.data;

  const back = (
    <Link to="/registry/systems" data-testid="system-back">
      <ArrowLeftOutlined /> {t('registry.system.back')}
    </Link>
  );

  if (result.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (result.isError || !s) {
    if (isApiError(result.error) && result.error.status === 404)
      return (
        <Result
          status="404"
          title={t('registry.system.notFound')}
          extra={back}
          data-testid="system-not-found"
        />
      );
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />
      </Space>
    );
  }

  const liveFlagKinds = [
    ...new Set(s.flags.filter((f) => f.status === 'open' || f.status === 'confirmed').map((f) => f.kind)),
  ] as SystemFlagKind[];
  const none = <Typography.Text type="secondary">{t('registry.evidence.none')}</Typography.Text>;

  const interfaceColumns: TableColumnsType<SystemInterface> = [
    { key: 'name', dataIndex: 'name', title: t('registry.systems.interfaceName') },
    {
      key: 'direction',
      dataIndex: 'direction',
      title: t('registry.systems.interfaceDirection'),
      width: 80,
      render: (d: string) => registryLabel('direction', d),
    },
    { key: 'protocol', dataIndex: 'protocol', title: t('registry.systems.interfaceProtocol'), width: 100 },
    { key: 'description', dataIndex: 'description', title: t('registry.systems.interfaceDescription') },
  ];

  const signalColumns: TableColumnsType<SignalRow> = [
    {
      key: 'signal',
      dataIndex: 'signal',
      title: t('registry.system.signal'),
      render: (v: string) => registryLabel('signal', v),
    },
    {
      key: 'lastUsedOn',
      dataIndex: 'lastUsedOn',
      title: t('registry.system.lastUsed'),
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('registry.system.neverUsed')}</Typography.Text>,
    },
    {
      key: 'last30',
      dataIndex: 'last30',
      title: t('registry.system.last30'),
      align: 'right',
      render: (v: number) => v.toLocaleString(),
    },
    {
      key: 'last90',
      dataIndex: 'last90',
      title: t('registry.system.last90'),
      align: 'right',
      render: (v: number) => v.toLocaleString(),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-system">
      {back}
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="system-title">
            {s.name}
          </Typography.Title>
          <Flex gap={8} wrap align="center" style={{ marginTop: 6 }}>
            <Tag style={{ marginInlineEnd: 0 }}>{s.code}</Tag>
            <SystemStatusTag status={s.status} />
            <FlagTags flags={liveFlagKinds} testId="system-flag-tags" />
            <Typography.Text type="secondary">{s.department.name}</Typography.Text>
          </Flex>
        </div>
        {can('registry.edit') && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="system-edit">
            {t('common.edit')}
          </Button>
        )}
      </Flex>

      {s.flags.length > 0 && (
        <Card size="small" title={t('registry.system.flags')} data-testid="system-flags">
          <List
            dataSource={s.flags}
            renderItem={(f) => (
              <List.Item
                key={f.id}
                data-testid={`system-flag-${f.id}`}
                extra={can('registry.review') ? <ResolveFlag flag={f} /> : undefined}
              >
                <div style={{ width: '100%' }}>
                  <Flex gap={8} wrap align="center" style={{ marginBottom: 6 }}>
                    <FlagTags flags={[f.kind]} />
                    <FlagStatusTag status={f.status} />
                    <Typography.Text type="secondary">
                      {t('registry.flags.detectedOn', {
                        at: formatDateTime(f.detectedAt, { seconds: false }),
                      })}
                    </Typography.Text>
                  </Flex>
                  <FlagEvidence flag={f} currentSystemId={s.id} />
                  {f.resolution && (
                    <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
                      {f.resolvedBy === 'system' || !f.resolvedBy
                        ? t('registry.flags.resolutionText', {
                            text: registryLabel('flagClearance', f.resolution),
                          })
                        : t('registry.flags.resolutionTextBy', { text: f.resolution, by: f.resolvedBy })}
                    </Typography.Paragraph>
                  )}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('registry.system.basics')} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              data-testid="system-details"
              items={[
                { key: 'code', label: t('registry.systems.code'), children: s.code },
                { key: 'department', label: t('registry.systems.department'), children: s.department.name },
                {
                  key: 'origin',
                  label: t('registry.systems.origin'),
                  children:
                    s.origin === 'vertical' && s.verticalLine
                      ? t('registry.system.originWithLine', {
                          origin: registryLabel('origin', s.origin),
                          line: s.verticalLine,
                        })
                      : registryLabel('origin', s.origin),
                },
                {
                  key: 'level',
                  label: t('registry.systems.level'),
                  children: registryLabel('level', s.level),
                },
                {
                  key: 'deployment',
                  label: t('registry.systems.deployment'),
                  children: registryLabel('deployment', s.deployment),
                },
                {
                  key: 'securityLevel',
                  label: t('registry.systems.securityLevel'),
                  children: securityLevelLabel(s.securityLevel),
                },
                {
                  key: 'status',
                  label: t('registry.systems.status'),
                  children: <SystemStatusTag status={s.status} />,
                },
                {
                  key: 'launchDate',
                  label: t('registry.systems.launchDate'),
                  children: s.launchDate ?? none,
                },
                {
                  key: 'budget',
                  label: t('registry.systems.budget'),
                  children: s.budget === null ? none : s.budget.toLocaleString(),
                },
                {
                  key: 'userCount',
                  label: t('registry.systems.userCount'),
                  children: s.userCount === null ? none : s.userCount.toLocaleString(),
                },
                { key: 'operator', label: t('registry.systems.operator'), children: s.operator || none },
                {
                  key: 'url',
                  label: t('registry.systems.url'),
                  children: s.url ? (
                    <Typography.Link href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.url}
                    </Typography.Link>
                  ) : (
                    none
                  ),
                },
                {
                  key: 'purpose',
                  label: t('registry.systems.purpose'),
                  span: 'filled',
                  children: s.purpose || none,
                },
                {
                  key: 'updatedAt',
                  label: t('registry.systems.updatedAt'),
                  children: formatDateTime(s.updatedAt, { seconds: false }),
                },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t('registry.systems.interfaces')}
            </Typography.Title>
            <Table<SystemInterface>
              size="small"
              rowKey={(r) => `${r.direction}:${r.name}`}
              columns={interfaceColumns}
              dataSource={s.interfaces}
              pagination={false}
              locale={{ emptyText: t('registry.systems.noInterfaces') }}
              data-testid="system-interfaces-table"
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('registry.system.usage')}
            style={{ height: '100%' }}
            data-testid="system-usage"
          >
            <Typography.Text type="secondary">{t('registry.system.usageChart')}</Typography.Text>
            <UsageChart usage={s.usage} />
            <Table<SignalRow>
              size="small"
              rowKey="signal"
              columns={signalColumns}
              dataSource={s.usage.signals}
              pagination={false}
              style={{ marginTop: 8 }}
              data-testid="system-usage-table"
            />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('registry.system.produced')} style={{ height: '100%' }}>
            <DatasetTable rows={s.produces} testId="system-produces" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('registry.system.consumed')}
            style={{ height: '100%' }}
            extra={can('registry.edit') ? <ConsumesEditor system={s} /> : undefined}
          >
            <DatasetTable rows={s.consumes} testId="system-consumes" />
          </Card>
        </Col>
      </Row>

      {s.flags.length === 0 && (
        <Card size="small" title={t('registry.system.flags')} data-testid="system-flags">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.system.noFlags')} />
        </Card>
      )}

      {can('registry.edit') && <SystemDrawer open={editing} system={s} onClose={() => setEditing(false)} />}
    </Space>
  );
}
