import { useEffect, useRef, type CSSProperties } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import * as echarts from 'echarts/core';

export interface EChartClick {
  name?: string;
  dataIndex?: number;
  data?: unknown;
}

interface Props {
  /** Charts, components and the renderer must have been registered with `echarts.use` by the caller. */
  option: EChartsCoreOption;
  onClick?: (params: EChartClick) => void;
  style?: CSSProperties;
  testId?: string;
  ariaLabel?: string;
}

/** A minimal ECharts host: one instance per element, resized with its container, disposed on unmount. */
export function EChart({ option, onClick, style, testId, ariaLabel }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);

  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el);
    chart.current = instance;
    instance.on('click', (params) => click.current?.(params as EChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} style={style} data-testid={testId} aria-label={ariaLabel} role="img" />;
}
