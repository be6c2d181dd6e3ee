import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Skeleton, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { InternalMatterStats, InternalMatterStatsRow } from '../../api/types.ts';
import { EChart } from '../../shared/EChart.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListPage } from '../../shared/ListTable.tsx';
import { fetchInternalStats, internalKeys } from './api.ts';
import { encodeHTML } from './charts.ts';
import { useOwnDepartment } from './codes.tsx';
import { decimal, rate } from './format.ts';
import { PeriodPicker, usePeriod } from './Period.tsx';

function Headline({ s }: { s: InternalMatterStats }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'matters', title: t('services.internal.internalMatters'), value: String(s.internalMatters) },
    { key: 'departments', title: t('services.internal.departments'), value: String(s.departments) },
    {
      key: 'implementation',
      title: t('services.internal.implementationRate'),
      value: rate(s.implementationRate),
      hint: t('services.internal.implementationHint', { n: s.implemented, total: s.internalMatters }),
    },
    {
      key: 'online',
      title: t('services.internal.onlineHandlingRate'),
      value: rate(s.onlineHandlingRate),
      hint: t('services.internal.onlineHint', { n: s.onlineCases, total: s.cases }),
    },
    {
      key: 'visits',
      title: t('services.internal.averageVisits'),
      value: decimal(s.averageVisits),
      hint: t('services.internal.visitsHint'),
    },
    {
      key: 'duration',
      title: t('services.internal.averageDuration'),
      value: decimal(s.averageDurationDays, 1),
      suffix: t('services.internal.workingDays'),
      hint: t('services.internal.durationHint', { n: s.completed }),
    },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="internal-headline">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={c.title}
              value={c.value}
              suffix={c.value === '–' ? undefined : c.suffix}
              styles={{ content: { fontSize: 26, color: '#1561c8' } }}
              data-testid={`internal-stat-${c.key}`}
            />
            {c.hint && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.hint}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function DepartmentChart({ rows }: { rows: InternalMatterStatsRow[] }) {
  const { t, i18n } = useTranslation();
  const data = rows.filter((r) => r.cases > 0).sort((a, b) => b.cases - a.cases);
  const key = JSON.stringify(data.map((r) => [r.department.id, r.cases, r.onlineCases])) + i18n.language;
  const option = useMemo(
    (): EChartsCoreOption => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (
          params: { name: string; seriesName: string; value: number; marker: string; dataIndex: number }[],
        ) => {
          const r = data[params[0]?.dataIndex ?? -1];
          if (!r) return '';
          return [
            encodeHTML(r.department.name),
            ...params.map((p) => `${p.marker}${encodeHTML(p.seriesName)}: ${p.value}`),
            `${encodeHTML(t('services.internal.onlineHandlingRate'))}: ${rate(r.onlineHandlingRate)}`,
          ].join('<br/>');
        },
      },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.map((r) => r.department.name),
        axisLabel: { rotate: 40, width: 90, overflow: 'truncate', interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          stack: 'cases',
          name: t('services.internal.onlineCases'),
          itemStyle: { color: '#1561c8' },
          data: data.map((r) => r.onlineCases),
        },
        {
          type: 'bar',
          stack: 'cases',
          name: t('services.internal.otherCases'),
          itemStyle: { color: '#bfbfbf' },
          data: data.map((r) => r.cases - r.onlineCases),
        },
      ],
    }),
    [key],
  );
  if (data.length === 0)
    return <Typography.Text type="secondary">{t('services.internal.noCases')}</Typography.Text>;
  return (
    <EChart
      option={option}
      style={{ height: 320 }}
      testId="internal-chart"
      ariaLabel={data
        .map((r) =>
          t('services.internal.chartAria', {
            name: r.department.name,
            cases: r.cases,
            online: r.onlineCases,
          }),
        )
        .join(t('common.listSeparator'))}
    />
  );
}

/** 机关内部最多跑一次: the headline figures, a chart and the table per department, over a period. */
export function InternalStatsPage() {
  const { t } = useTranslation();
  const own = useOwnDepartment();
  const { period, setPeriod } = usePeriod();
  const result = useQuery({
    queryKey: internalKeys.stats(period),
    queryFn: () => fetchInternalStats(period),
    placeholderData: keepPreviousData,
  });
  const s = result.data;
  const columns: TableColumnsType<InternalMatterStatsRow> = [
    {
      key: 'department',
      title: t('services.matter.department'),
      width: 170,
      fixed: 'left',
      render: (_: unknown, r) => r.department.name,
      sorter: (a, b) => a.department.code.localeCompare(b.department.code),
    },
    {
      key: 'matters',
      dataIndex: 'internalMatters',
      title: t('services.internal.internalMatters'),
      width: 90,
      align: 'right',
      sorter: (a, b) => a.internalMatters - b.internalMatters,
    },
    {
      key: 'implementation',
      title: t('services.internal.implementationRate'),
      width: 100,
      align: 'right',
      sorter: (a, b) => (a.implementationRate ?? -1) - (b.implementationRate ?? -1),
      render: (_: unknown, r) => rate(r.implementationRate),
    },
    {
      key: 'cases',
      dataIndex: 'cases',
      title: t('services.internal.cases'),
      width: 80,
      align: 'right',
      sorter: (a, b) => a.cases - b.cases,
      defaultSortOrder: 'descend',
    },
    {
      key: 'onlineCases',
      dataIndex: 'onlineCases',
      title: t('services.internal.onlineCases'),
      width: 90,
      align: 'right',
      sorter: (a, b) => a.onlineCases - b.onlineCases,
    },
    {
      key: 'online',
      title: t('services.internal.onlineHandlingRate'),
      width: 100,
      align: 'right',
      sorter: (a, b) => (a.onlineHandlingRate ?? -1) - (b.onlineHandlingRate ?? -1),
      render: (_: unknown, r) => rate(r.onlineHandlingRate),
    },
    {
      key: 'visits',
      title: t('services.internal.averageVisits'),
      width: 90,
      align: 'right',
      sorter: (a, b) => (a.averageVisits ?? -1) - (b.averageVisits ?? -1),
      render: (_: unknown, r) => decimal(r.averageVisits),
    },
    {
      key: 'completed',
      dataIndex: 'completed',
      title: t('services.internal.completed'),
      width: 80,
      align: 'right',
      sorter: (a, b) => a.completed - b.completed,
    },
    {
      key: 'duration',
      title: t('services.internal.averageDuration'),
      width: 120,
      align: 'right',
      sorter: (a, b) => (a.averageDurationDays ?? -1) - (b.averageDurationDays ?? -1),
      render: (_: unknown, r) => decimal(r.averageDurationDays, 1),
    },
  ];

  return (
    <ListPage title={t('services.internal.title')} testId="page-internal">
      <Flex gap={12} align="center" wrap justify="space-between">
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t('services.period.label')}</Typography.Text>
          <PeriodPicker shown={s} period={period} onChange={setPeriod} testId="internal-period" />
          <Typography.Text type="secondary">{t('services.internal.periodHint')}</Typography.Text>
        </Flex>
        <ExportButton
          path="/api/cases/internal-stats/export.xlsx"
          query={{ from: period.from, to: period.to }}
          filename={`${t('services.internal.title')}.xlsx`}
          testId="internal-export"
        />
      </Flex>
      {own && (
        <Typography.Text type="secondary">
          {t('services.internal.onlyOwnDepartment', { name: own.name })}
        </Typography.Text>
      )}
      {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
      {!s ? (
        result.isPending && <Skeleton active />
      ) : (
        <>
          <Headline s={s} />
          <Card size="small" title={t('services.internal.chartTitle')}>
            <DepartmentChart rows={s.items} />
          </Card>
          <Card size="small" title={t('services.internal.byDepartment')}>
            <Table<InternalMatterStatsRow>
              size="small"
              rowKey={(r) => r.department.id}
              columns={columns}
              dataSource={s.items}
              loading={result.isFetching}
              pagination={s.items.length > 60 ? { pageSize: 60, showSizeChanger: false } : false}
              scroll={{ x: 920 }}
              data-testid="internal-table"
            />
          </Card>
        </>
      )}
    </ListPage>
  );
}
