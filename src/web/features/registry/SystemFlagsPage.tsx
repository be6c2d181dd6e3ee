import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Statistic,
  Typography,
  type TableColumnsType,
} from 'antd';
import { RadarChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SystemFlag, SystemFlagKind, SystemFlagScanResult, SystemFlagStatus } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { oneOf, registryLabel, SYSTEM_FLAG_KINDS, SYSTEM_FLAG_STATUSES } from '../../i18n/labels.ts';
import { errorText } from '../../shared/errorText.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage, ListTable, ListToolbar } from '../../shared/ListTable.tsx';
import { useListTable } from '../../shared/useListTable.ts';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { fetchFlags, flagKeys, scanFlags, systemKeys } from './api.ts';
import { FlagStatusTag, FlagTags, useOwnDepartment } from './common.tsx';
import { FlagEvidence } from './FlagEvidence.tsx';
import { ResolveFlag } from './ResolveFlag.tsx';

const FILTERS = ['kind', 'status', 'departmentId'] as const;

function SystemCell({ system }: { system: SystemFlag['system'] }) {
  return (
    <div>
      <Link to={`/registry/systems/${system.id}`} data-testid={`flag-system-${system.code}`}>
        {system.name}
      </Link>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {system.code} · {system.department.name}
        </Typography.Text>
      </div>
    </div>
  );
}

function ScanResultAlert({ result, onClose }: { result: SystemFlagScanResult; onClose: () => void }) {
  const { t } = useTranslation();
  const items: { key: string; title: string; value: number; danger?: boolean }[] = [
    {
      key: 'zombie',
      title: `${t('registry.flags.scanRaised')} · ${t('registry.flags.scanZombies')}`,
      value: result.raised.zombie,
      danger: true,
    },
    {
      key: 'duplicate',
      title: `${t('registry.flags.scanRaised')} · ${t('registry.flags.scanDuplicates')}`,
      value: result.raised.duplicate,
      danger: true,
    },
    { key: 'refreshed', title: t('registry.flags.scanRefreshed'), value: result.refreshed },
    { key: 'cleared', title: t('registry.flags.scanCleared'), value: result.cleared },
    { key: 'suppressed', title: t('registry.flags.scanSuppressed'), value: result.suppressed },
  ];
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose, 'aria-label': t('common.close') }}
      title={t('registry.flags.scanDone')}
      data-testid="flag-scan-result"
      description={
        <>
          <Row gutter={[16, 8]} style={{ marginTop: 4 }}>
            {items.map((i) => (
              <Col key={i.key} xs={12} sm={8} lg={4}>
                <Statistic
                  title={i.title}
                  value={i.value}
                  styles={{
                    content: { fontSize: 20, color: i.danger && i.value > 0 ? '#d4380d' : undefined },
                  }}
                  data-testid={`flag-scan-${i.key}`}
                />
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary">
            {t('registry.flags.scanThreshold', { days: result.thresholdDays })}
          </Typography.Text>
        </>
      }
    />
  );
}

/**
 * Zombie and duplicate flags with their evidence, exportable to Excel; the bureau confirms or dismisses
 * them and can scan now.
 */
export function SystemFlagsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const own = useOwnDepartment();
  const canReview = can('registry.review');
  const [scanning, setScanning] = useState(false);
  const [scanResult, setScanResult] = useState<SystemFlagScanResult | null>(null);

  const table = useListTable({
    filters: FILTERS,
    toQuery: ({ filters, page, pageSize }) => ({
      kind: oneOf(SYSTEM_FLAG_KINDS, filters.kind),
      status: oneOf(SYSTEM_FLAG_STATUSES, filters.status),
      departmentId: filters.departmentId,
      page,
      pageSize,
    }),
    queryKey: flagKeys.list,
    fetch: fetchFlags,
  });
  const { list, query } = table;

  const scan = async () => {
    setScanning(true);
    setScanResult(null);
    const hide = message.loading(t('registry.flags.scanning'), 0);
    try {
      setScanResult(await scanFlags());
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: flagKeys.all }),
        queryClient.invalidateQueries({ queryKey: systemKeys.all }),
      ]);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      hide();
      setScanning(false);
    }
  };

  const columns: TableColumnsType<SystemFlag> = [
    {
      key: 'kind',
      title: t('registry.flags.kind'),
      width: en ? 140 : 100,
      render: (_: unknown, f: SystemFlag) => (
        <Flex vertical gap={4} align="flex-start">
          <FlagTags flags={[f.kind]} />
          <FlagStatusTag status={f.status} />
        </Flex>
      ),
    },
    {
      key: 'system',
      title: t('registry.flags.system'),
      width: 200,
      render: (_: unknown, f: SystemFlag) => <SystemCell system={f.system} />,
    },
    {
      key: 'evidence',
      title: t('registry.flags.evidence'),
      width: 420,
      render: (_: unknown, f: SystemFlag) => <FlagEvidence flag={f} currentSystemId={f.system.id} compact />,
    },
    {
      key: 'detectedAt',
      dataIndex: 'detectedAt',
      title: t('registry.flags.detectedAt'),
      width: 130,
      render: (v: string) => formatDateTime(v, { seconds: false }),
    },
    {
      key: 'resolution',
      title: t('registry.flags.resolution'),
      width: 180,
      render: (_: unknown, f: SystemFlag) =>
        f.resolution ? (
          <div>
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, tooltip: f.resolution }}>
              {f.resolvedBy === 'system' ? registryLabel('flagClearance', f.resolution) : f.resolution}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[
                f.resolvedBy === 'system' ? null : f.resolvedBy,
                formatDateTime(f.resolvedAt, { seconds: false }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        ) : null,
    },
  ];
  if (canReview)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: en ? 150 : 110,
      fixed: 'right',
      render: (_: unknown, f: SystemFlag) => <ResolveFlag flag={f} />,
    });

  return (
    <ListPage title={t('registry.flags.title')} testId="page-system-flags">
      {scanResult && <ScanResultAlert result={scanResult} onClose={() => setScanResult(null)} />}
      <Card size="small">
        <ListToolbar
          onReset={list.reset}
          exportTo={{
            path: '/api/system-flags/export.xlsx',
            query,
            filename: 'system-flags.xlsx',
            testId: 'flags-export',
          }}
          actions={
            canReview && (
              <Button
                type="primary"
                icon={<RadarChartOutlined />}
                loading={scanning}
                onClick={() => void scan()}
                data-testid="flag-scan"
              >
                {t('registry.flags.scan')}
              </Button>
            )
          }
        >
          <Select<SystemFlagKind>
            allowClear
            placeholder={t('registry.flags.kind')}
            aria-label={t('registry.flags.kind')}
            value={query.kind}
            onChange={(kind) => list.setFilters({ kind })}
            options={SYSTEM_FLAG_KINDS.map((k) => ({ value: k, label: registryLabel('flagKind', k) }))}
            style={{ width: 130 }}
            data-testid="flags-kind-filter"
          />
          <Select<SystemFlagStatus>
            allowClear
            placeholder={t('registry.flags.status')}
            aria-label={t('registry.flags.status')}
            value={query.status}
            onChange={(status) => list.setFilters({ status })}
            options={SYSTEM_FLAG_STATUSES.map((s) => ({ value: s, label: registryLabel('flagStatus', s) }))}
            style={{ width: 120 }}
            data-testid="flags-status-filter"
          />
          {!own && can('departments.read') && (
            <DepartmentSelect
              value={list.filters.departmentId}
              onChange={(departmentId) => list.setFilters({ departmentId })}
              placeholder={t('registry.flags.department')}
              style={{ width: 180 }}
              testId="flags-department-filter"
            />
          )}
        </ListToolbar>
        <ListTable<SystemFlag> table={table} rowKey="id" testId="flags-table" columns={columns} />
      </Card>
    </ListPage>
  );
}
