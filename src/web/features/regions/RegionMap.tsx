import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { RegionFeatureProperties } from '../../api/types.ts';
import { levelLabel } from '../../i18n/labels.ts';
import { EChart } from '../../shared/EChart.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { regionKeys } from '../../shared/regions.ts';
import { fetchMapData } from './api.ts';
import { layoutForMap } from './mapLayout.ts';

echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

const PARK_STYLE = {
  label: { show: false },
  itemStyle: { areaColor: '#f0f9e8', borderColor: '#389e0d', borderWidth: 1, borderType: 'dashed' },
  emphasis: { label: { show: false }, itemStyle: { areaColor: '#d9f7be' } },
  select: { label: { show: false } },
} as const;

interface Props {
  /** The region whose children are drawn. */
  rootCode: string;
  /** Highlighted region (e.g. chosen in the tree). */
  selectedCode: string | null;
  onFeatureClick: (feature: RegionFeatureProperties) => void;
  height?: number;
}

export function useMapData(rootCode: string) {
  return useQuery({ queryKey: regionKeys.boundaries(rootCode), queryFn: () => fetchMapData(rootCode) });
}

/** ECharts map of a region's children (names shown, parks as unlabelled overlays; click to drill down). */
export function RegionMap({ rootCode, selectedCode, onFeatureClick, height = 460 }: Props) {
  const { t, i18n } = useTranslation();
  const query = useMapData(rootCode);

  const chart = useMemo(() => {
    const data = query.data;
    if (!data || data.collection.features.length === 0) return null;
    const mapName = `od-${rootCode}-${query.dataUpdatedAt}`;
    // Features are keyed by division code: names can repeat across the district.
    const collection = layoutForMap(data.collection);
    echarts.registerMap(mapName, collection as unknown as Parameters<typeof echarts.registerMap>[1]);
    const byCode = new Map(data.collection.features.map((f) => [f.properties.code, f.properties]));
    const option = {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const props = byCode.get(p.name);
          // The tooltip is HTML: escape what came from the server.
          const encode = echarts.format.encodeHTML;
          return props
            ? `${encode(props.name)}<br/>${encode(`${levelLabel(props.level)} · ${props.code}`)}`
            : encode(p.name);
        },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: true,
          // Fill the card: the default leaves a wide margin around a tall district.
          layoutCenter: ['50%', '50%'],
          layoutSize: '92%',
          selectedMode: 'single',
          label: {
            show: true,
            fontSize: 11,
            formatter: (p: { name: string }) => byCode.get(p.name)?.name ?? p.name,
          },
          itemStyle: { areaColor: '#e6f0fc', borderColor: '#1561c8', borderWidth: 1 },
          emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { areaColor: '#a9c8f0' } },
          select: { label: { show: true }, itemStyle: { areaColor: '#ffd591' } },
          data: collection.features.map((f) => ({
            name: f.properties.code,
            selected: f.properties.code === selectedCode,
            // Parks overlay the streets they lie in: no label of their own (the tooltip names them).
            ...(f.properties.level === 'park' ? PARK_STYLE : {}),
          })),
        },
      ],
    };
    return { option, byCode };
    // i18n.language is a dependency so that labels and tooltips are rebuilt in the new language.
  }, [query.data, query.dataUpdatedAt, rootCode, selectedCode, i18n.language]);

  if (query.isPending) {
    return (
      <div style={{ height, display: 'grid', placeItems: 'center' }}>
        <Spin />
      </div>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!chart) {
    return (
      <div style={{ height, display: 'grid', placeItems: 'center' }}>
        <Empty description={t('regions.noBoundary')} />
      </div>
    );
  }
  return (
    <EChart
      option={chart.option}
      style={{ height, width: '100%' }}
      onClick={(params) => {
        const props = params.name ? chart.byCode.get(params.name) : undefined;
        if (props) onFeatureClick(props);
      }}
    />
  );
}
