import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { SystemFlagKind, SystemOrigin, SystemQuery, SystemStatus } from '../../api/types.ts';
import { registryLabel, SYSTEM_FLAG_KINDS, SYSTEM_ORIGINS, SYSTEM_STATUSES } from '../../i18n/labels.ts';
import { EChart } from '../../shared/EChart.tsx';
import { countSystems, systemKeys } from './api.ts';
import './charts.ts';
import { SYSTEM_STATUS_CHART_COLORS } from './common.tsx';

const ORIGIN_COLORS: Record<SystemOrigin, string> = { local: '#13c2c2', vertical: '#722ed1' };

interface Props {
  /** The list's filters (no paging): each chart counts under them, except for its own dimension. */
  query: SystemQuery;
  onStatus: (status: SystemStatus) => void;
  onOrigin: (origin: SystemOrigin) => void;
  onFlag: (flag: SystemFlagKind | undefined) => void;
}

interface Slice {
  code: string;
  name: string;
  value: number;
  color: string;
}

function donut(slices: Slice[], total: number | undefined): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { orient: 'vertical', right: 0, top: 'middle', itemWidth: 10, itemHeight: 10 },
    title: undefined,
    series: [
      {
        type: 'pie',
        radius: ['50%', '78%'],
        center: ['32%', '50%'],
        avoidLabelOverlap: true,
        label: {
          show: true,
          position: 'center',
          formatter: () => (total === undefined ? '' : String(total)),
          fontSize: 18,
          fontWeight: 600,
        },
        labelLine: { show: false },
        emphasis: { label: { show: true } },
        data: slices.map((s) => ({
          name: s.name,
          value: s.value,
          code: s.code,
          itemStyle: { color: s.color },
        })),
      },
    ],
  };
}

/** Systems by status and by origin, and the open zombie / duplicate flags, over the current filters. */
export function SystemCharts({ query, onStatus, onOrigin, onFlag }: Props) {
  const { t, i18n } = useTranslation();
  const base: SystemQuery = { ...query, page: undefined, pageSize: undefined, sort: undefined };
  const counts = (key: keyof SystemQuery, values: readonly string[]) =>
    values.map((value) => {
      const q = { ...base, [key]: value } as SystemQuery;
      return { queryKey: systemKeys.count(q), queryFn: () => countSystems(q) };
    });
  const statusQ = useQueries({ queries: counts('status', SYSTEM_STATUSES) });
  const originQ = useQueries({ queries: counts('origin', SYSTEM_ORIGINS) });
  const flagQ = useQueries({ queries: counts('flag', SYSTEM_FLAG_KINDS) });
  const totalQ = useQuery({ queryKey: systemKeys.count(base), queryFn: () => countSystems(base) });

  const statusData = SYSTEM_STATUSES.map((s, i) => ({
    code: s,
    name: registryLabel('status', s),
    value: statusQ[i]?.data ?? 0,
    color: SYSTEM_STATUS_CHART_COLORS[s],
  }));
  const originData = SYSTEM_ORIGINS.map((o, i) => ({
    code: o,
    name: registryLabel('origin', o),
    value: originQ[i]?.data ?? 0,
    color: ORIGIN_COLORS[o],
  }));
  const statusTotal = statusQ.every((r) => r.data !== undefined)
    ? statusData.reduce((n, s) => n + s.value, 0)
    : undefined;
  const originTotal = originQ.every((r) => r.data !== undefined)
    ? originData.reduce((n, s) => n + s.value, 0)
    : undefined;

  const statusKey = JSON.stringify(statusData) + i18n.language;
  const originKey = JSON.stringify(originData) + i18n.language;
  const statusOption = useMemo(() => donut(statusData, statusTotal), [statusKey, statusTotal]);
  const originOption = useMemo(() => donut(originData, originTotal), [originKey, originTotal]);

  const codeOf = (data: unknown) => (data as { code?: string } | undefined)?.code;

  return (
    <Row gutter={[16, 16]} data-testid="systems-charts">
      <Col xs={24} md={9}>
        <Card size="small" title={t('registry.systems.chartStatus')}>
          <EChart
            option={statusOption}
            style={{ height: 160 }}
            testId="systems-chart-status"
            ariaLabel={statusData.map((s) => `${s.name} ${s.value}`).join(t('common.listSeparator'))}
            onClick={(p) => {
              const s = SYSTEM_STATUSES.find((v) => v === codeOf(p.data));
              if (s) onStatus(s);
            }}
          />
        </Card>
      </Col>
      <Col xs={24} md={9}>
        <Card size="small" title={t('registry.systems.chartOrigin')}>
          <EChart
            option={originOption}
            style={{ height: 160 }}
            testId="systems-chart-origin"
            ariaLabel={originData.map((s) => `${s.name} ${s.value}`).join(t('common.listSeparator'))}
            onClick={(p) => {
              const o = SYSTEM_ORIGINS.find((v) => v === codeOf(p.data));
              if (o) onOrigin(o);
            }}
          />
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card size="small" title={t('registry.systems.chartFlags')} style={{ height: '100%' }}>
          <Flex vertical gap={8} style={{ minHeight: 160, justifyContent: 'center' }}>
            <Statistic
              title={t('registry.systems.total')}
              value={totalQ.data ?? '–'}
              loading={totalQ.isPending}
              data-testid="systems-count-total"
            />
            <Flex gap={24}>
              {SYSTEM_FLAG_KINDS.map((k, i) => (
                <button
                  key={k}
                  type="button"
                  onClick={() => onFlag(query.flag === k ? undefined : k)}
                  aria-pressed={query.flag === k}
                  data-testid={`systems-count-${k}`}
                  style={{ cursor: 'pointer', background: 'none', border: 0, padding: 0, textAlign: 'start' }}
                >
                  <Statistic
                    title={
                      <Typography.Text type="secondary" underline={query.flag === k}>
                        {k === 'zombie'
                          ? t('registry.systems.zombieCount')
                          : t('registry.systems.duplicateCount')}
                      </Typography.Text>
                    }
                    value={flagQ[i]?.data ?? '–'}
                    loading={flagQ[i]?.isPending}
                    styles={{ content: { color: (flagQ[i]?.data ?? 0) > 0 ? '#d4380d' : undefined } }}
                  />
                </button>
              ))}
            </Flex>
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
