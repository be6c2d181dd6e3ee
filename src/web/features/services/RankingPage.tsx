import { useMemo, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Segmented, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { DepartmentRankingRow, RankingQuery, RankingSort } from '../../api/types.ts';
import { SERVICE_CODES } from '../../i18n/labels.ts';
import { EChart } from '../../shared/EChart.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListPage } from '../../shared/ListTable.tsx';
import { sortOrderOf, sortParam } from '../../shared/useListParams.ts';
import { fetchRanking, rankingKeys } from './api.ts';
import { encodeHTML } from './charts.ts';
import { decimal, rate } from './format.ts';
import { PeriodPicker, usePeriod } from './Period.tsx';

type RankingKey = (typeof SERVICE_CODES.rankingKey)[number];

/** The figures the chart can show, each with how to read it off a row and how to print it. */
const METRICS: {
  key: RankingKey;
  value: (r: DepartmentRankingRow) => number | null;
  percent: boolean;
  higherIsBetter: boolean;
}[] = [
  { key: 'onTimeRate', value: (r) => r.onTimeRate, percent: true, higherIsBetter: true },
  { key: 'overdue', value: (r) => r.overdue, percent: false, higherIsBetter: false },
  { key: 'abnormal', value: (r) => r.abnormal, percent: false, higherIsBetter: false },
  {
    key: 'rectificationOnTimeRate',
    value: (r) => r.rectificationOnTimeRate,
    percent: true,
    higherIsBetter: true,
  },
  { key: 'averageGrade', value: (r) => r.averageGrade, percent: false, higherIsBetter: true },
  { key: 'returnVisitRate', value: (r) => r.returnVisitRate, percent: true, higherIsBetter: true },
];
const TOP = 20;

function isSort(v: string | null): v is RankingSort {
  return SERVICE_CODES.rankingKey.some((k) => v === k || v === `-${k}`);
}

function RankingChart({ rows, metric }: { rows: DepartmentRankingRow[]; metric: (typeof METRICS)[number] }) {
  const { t, i18n } = useTranslation();
  const data = rows
    .map((r) => ({ name: r.department.name, value: metric.value(r) }))
    .filter((d): d is { name: string; value: number } => d.value !== null)
    .sort((a, b) => (metric.higherIsBetter ? a.value - b.value : b.value - a.value))
    .slice(0, TOP);
  const show = (v: number) => (metric.percent ? rate(v, 1) : decimal(v));
  const lowest = data.length ? Math.min(...data.map((d) => d.value)) : 0;
  const axisMin = metric.percent
    ? Math.max(0, Math.floor(lowest * 10) / 10 - 0.1)
    : metric.key === 'averageGrade'
      ? Math.max(0, Math.floor(lowest) - 1)
      : undefined;
  const key = JSON.stringify(data) + metric.key + i18n.language;
  const option = useMemo(
    (): EChartsCoreOption => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { name: string; value: number }[]) =>
          params[0] ? `${encodeHTML(params[0].name)}: ${show(params[0].value)}` : '',
      },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        max: metric.percent ? 1 : metric.key === 'averageGrade' ? 5 : undefined,
        // Rates and grades close together: start the axis near the lowest, on a round step.
        min: axisMin,
        interval: axisMin === undefined ? undefined : ((metric.percent ? 1 : 5) - axisMin) / 4,
        minInterval: metric.percent || metric.key === 'averageGrade' ? undefined : 1,
        axisLabel: {
          formatter: (v: number) => (metric.percent ? `${Number((v * 100).toFixed(1))}%` : String(v)),
        },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.map((d) => d.name),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 14,
          itemStyle: { color: metric.higherIsBetter ? '#1561c8' : '#fa541c' },
          label: { show: true, position: 'right', formatter: (p: { value: number }) => show(p.value) },
          data: data.map((d) => d.value),
        },
      ],
    }),
    [key],
  );
  if (data.length === 0)
    return <Typography.Text type="secondary">{t('services.ranking.noData')}</Typography.Text>;
  return (
    <EChart
      option={option}
      style={{ height: Math.max(200, data.length * 24 + 16) }}
      testId="ranking-chart"
      ariaLabel={data.map((d) => `${d.name} ${show(d.value)}`).join(t('common.listSeparator'))}
    />
  );
}

/** 部门排名: departments over a period, sortable by every figure, with a chart of the chosen one. */
export function RankingPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { period, setPeriod } = usePeriod();
  const [params, setParams] = useSearchParams();
  const sortParamValue = params.get('sort');
  const sort: RankingSort = isSort(sortParamValue) ? sortParamValue : '-onTimeRate';
  const metricKey = params.get('metric');
  const metric = METRICS.find((m) => m.key === metricKey) ?? METRICS[0]!;
  const query: RankingQuery = { ...period, sort };
  const result = useQuery({
    queryKey: rankingKeys.list(query),
    queryFn: () => fetchRanking(query),
    placeholderData: keepPreviousData,
  });
  const rows = result.data?.items ?? [];
  // Equal figures share a rank (1, 2, 2, 4): the rank is one more than the rows with a different
  // figure above it, in the order the server sorted by.
  const sortKey = sort.replace('-', '') as RankingKey;
  const ranks = rows.reduce<number[]>((out, r, i) => {
    const same = i > 0 && rows[i - 1]![sortKey] === r[sortKey];
    out.push(same ? out[i - 1]! : i + 1);
    return out;
  }, []);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const sortable = (key: RankingKey) => ({ key, sorter: true, sortOrder: sortOrderOf(sort, key) });
  const num = (
    key: RankingKey,
    title: string,
    value: (r: DepartmentRankingRow) => ReactNode,
    width = 90,
  ) => ({
    ...sortable(key),
    title,
    width,
    align: 'right' as const,
    render: (_: unknown, r: DepartmentRankingRow) => value(r),
  });
  const columns: TableColumnsType<DepartmentRankingRow> = [
    {
      key: 'rank',
      title: t('services.ranking.rank'),
      width: 56,
      fixed: 'left',
      align: 'right',
      render: (_: unknown, _r, i) => ranks[i],
    },
    {
      key: 'department',
      title: t('services.matter.department'),
      width: 170,
      fixed: 'left',
      render: (_: unknown, r) => (
        <span data-testid={`ranking-row-${r.department.code}`}>{r.department.name}</span>
      ),
    },
    num('cases', t('services.ranking.cases'), (r) => r.cases, 80),
    num('completed', t('services.ranking.completed'), (r) => r.completed, 80),
    num('onTimeRate', t('services.ranking.onTimeRate'), (r) => rate(r.onTimeRate, 1), 100),
    num(
      'overdue',
      t('services.ranking.overdue'),
      (r) => <Typography.Text type={r.overdue > 0 ? 'danger' : undefined}>{r.overdue}</Typography.Text>,
      80,
    ),
    num(
      'abnormal',
      t('services.ranking.abnormal'),
      (r) => (
        <span title={t('services.ranking.abnormalByLevel', r.abnormalByLevel)}>
          {r.abnormal}
          {r.abnormalByLevel.alarm > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {' '}
              ({t('services.ranking.alarms', { count: r.abnormalByLevel.alarm })})
            </Typography.Text>
          )}
        </span>
      ),
      110,
    ),
    num(
      'rectificationOnTimeRate',
      t('services.ranking.rectificationOnTimeRate'),
      (r) => rate(r.rectificationOnTimeRate, 1),
      110,
    ),
    num('averageGrade', t('services.ranking.averageGrade'), (r) => decimal(r.averageGrade), 90),
    num('poorEvaluations', t('services.ranking.poorEvaluations'), (r) => r.poorEvaluations, 80),
    num('returnVisitRate', t('services.ranking.returnVisitRate'), (r) => rate(r.returnVisitRate, 1), 110),
  ];

  const onChange: TableProps<DepartmentRankingRow>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const next = sortParam(s?.columnKey, s?.order);
    setParam('sort', next && isSort(next) ? next : undefined);
  };

  return (
    <ListPage title={t('services.ranking.title')} testId="page-ranking">
      <Flex gap={12} align="center" wrap justify="space-between">
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t('services.period.label')}</Typography.Text>
          <PeriodPicker shown={result.data} period={period} onChange={setPeriod} testId="ranking-period" />
        </Flex>
        <ExportButton
          path="/api/supervision/ranking/export.xlsx"
          query={{ from: period.from, to: period.to, sort }}
          filename={en ? 'department-ranking.xlsx' : '部门办件排名.xlsx'}
          testId="ranking-export"
        />
      </Flex>
      {result.isError && <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />}
      {/* A department sees its own row only: nothing to compare in a chart. */}
      {rows.length > 1 && (
        <Card
          size="small"
          title={t('services.ranking.chartTitle', { n: TOP })}
          extra={
            <Segmented<RankingKey>
              size="small"
              value={metric.key}
              onChange={(v) => setParam('metric', v)}
              options={METRICS.map((m) => ({ value: m.key, label: t(`services.ranking.${m.key}`) }))}
              data-testid="ranking-metric"
            />
          }
        >
          <RankingChart rows={rows} metric={metric} />
        </Card>
      )}
      <Card size="small">
        <Table<DepartmentRankingRow>
          size="small"
          rowKey={(r) => r.department.id}
          columns={columns}
          dataSource={rows}
          loading={result.isFetching}
          onChange={onChange}
          pagination={false}
          scroll={{ x: 1150 }}
          sticky
          data-testid="ranking-table"
        />
      </Card>
    </ListPage>
  );
}
