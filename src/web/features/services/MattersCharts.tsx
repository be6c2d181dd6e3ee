import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { MatterQuery, MatterType } from '../../api/types.ts';
import { caseLabel, SERVICE_CODES } from '../../i18n/labels.ts';
import { EChart } from '../../shared/EChart.tsx';
import { fetchInspectionLatest, fetchMatterSummary, inspectionKeys, matterKeys } from './api.ts';
import { encodeHTML } from './charts.ts';

const TYPE_COLORS: Record<MatterType, string> = {
  licensing: '#1561c8',
  confirmation: '#13a8a8',
  adjudication: '#722ed1',
  payment: '#389e0d',
  reward: '#d4b106',
  filing: '#fa8c16',
  other_power: '#8c8c8c',
  public_service: '#eb2f96',
  internal: '#2f54eb',
};

/** How many departments the by-department chart shows (the rest are summed up). */
const TOP_DEPARTMENTS = 15;

interface Props {
  /** The list's filters (no paging): the type chart counts under them, except for the type itself. */
  query: MatterQuery;
  /** The bureau (not a department role) also sees matters by department. */
  showDepartments: boolean;
  onType: (type: MatterType) => void;
  onDepartment: (departmentId: string) => void;
}

/** Matters by type (under the current filters) and, for the bureau, active matters by department. */
export function MattersCharts({ query, showDepartments, onType, onDepartment }: Props) {
  const { t, i18n } = useTranslation();
  const { type: _type, page: _page, pageSize: _size, sort: _sort, ...base } = query;
  const types = SERVICE_CODES.matterType.filter((ty) =>
    // "Internal only" and "for the public only" leave one side empty: don't show it.
    base.internal === 'true' ? ty === 'internal' : base.internal === 'false' ? ty !== 'internal' : true,
  );
  const summary = useQuery({
    queryKey: matterKeys.summary(base),
    queryFn: () => fetchMatterSummary(base),
  });
  const latest = useQuery({
    queryKey: inspectionKeys.latest,
    queryFn: fetchInspectionLatest,
    enabled: showDepartments,
  });

  const typeData = types.map((type) => ({
    type,
    name: caseLabel('matterType', type),
    value: summary.data?.byType[type] ?? 0,
  }));
  const typeKey = JSON.stringify(typeData) + i18n.language;
  const typeOption = useMemo(
    (): EChartsCoreOption => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: typeData.map((d) => d.name) },
      series: [
        {
          type: 'bar',
          name: t('services.matters.count'),
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
          data: typeData.map((d) => ({
            value: d.value,
            code: d.type,
            itemStyle: { color: TYPE_COLORS[d.type] },
          })),
        },
      ],
    }),
    [typeKey],
  );

  const departments = useMemo(() => {
    const rows = [...(latest.data?.departments ?? [])].sort((a, b) => b.matters - a.matters);
    return rows.slice(0, TOP_DEPARTMENTS);
  }, [latest.data]);
  const departmentKey = JSON.stringify(departments.map((d) => [d.department.id, d.matters])) + i18n.language;
  const departmentOption = useMemo(
    (): EChartsCoreOption => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { name: string; value: number }[]) =>
          params[0] ? `${encodeHTML(params[0].name)}: ${params[0].value}` : '',
      },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: departments.map((d) => d.department.name),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('services.matters.activeCount'),
          barMaxWidth: 14,
          itemStyle: { color: '#1561c8' },
          label: { show: true, position: 'right' },
          data: departments.map((d) => ({ value: d.matters, id: d.department.id })),
        },
      ],
    }),
    [departmentKey],
  );

  const payload = (data: unknown) => data as { code?: string; id?: string } | undefined;
  const typeChart = (
    <Card size="small" title={t('services.matters.chartByType')} style={{ height: '100%' }}>
      <EChart
        option={typeOption}
        style={{ height: Math.max(180, types.length * 26) }}
        testId="matters-chart-type"
        ariaLabel={typeData.map((d) => `${d.name} ${d.value}`).join(t('common.listSeparator'))}
        onClick={(p) => {
          const type = types.find((ty) => ty === payload(p.data)?.code);
          if (type) onType(type);
        }}
      />
    </Card>
  );
  if (!showDepartments) return typeChart;
  return (
    <Row gutter={[16, 16]} data-testid="matters-charts">
      <Col xs={24} lg={10}>
        {typeChart}
      </Col>
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title={t('services.matters.chartByDepartment', { n: TOP_DEPARTMENTS })}
          style={{ height: '100%' }}
        >
          <EChart
            option={departmentOption}
            style={{ height: Math.max(180, departments.length * 22) }}
            testId="matters-chart-department"
            ariaLabel={departments
              .map((d) => `${d.department.name} ${d.matters}`)
              .join(t('common.listSeparator'))}
            onClick={(p) => {
              const id = payload(p.data)?.id;
              if (id) onDepartment(id);
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
