import { useState } from 'react';
import { Button, Card, Checkbox, Collapse, Flex, Grid, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetFacetCount, DatasetFacetName, DatasetFacets } from '../../api/types.ts';
import { catalogCodeLabel, type CatalogCodeGroup } from '../../i18n/labels.ts';
import { MULTI_VALUE_FACETS } from './useCatalogSearch.ts';

/** The code group whose labels name a facet's values (departments carry their own names). */
const FACET_CODES: Record<Exclude<DatasetFacetName, 'department'>, CatalogCodeGroup> = {
  category: 'category',
  sharingType: 'sharingType',
  openType: 'openType',
  maxLevel: 'level',
  updateFrequency: 'updateFrequency',
  format: 'format',
  status: 'status',
};

export const FACET_ORDER: readonly DatasetFacetName[] = [
  'department',
  'category',
  'sharingType',
  'openType',
  'maxLevel',
  'updateFrequency',
  'format',
  'status',
];

const SHOWN = 6;

export function facetValueLabel(facet: DatasetFacetName, value: DatasetFacetCount): string {
  if (facet === 'department') return value.name ?? value.value;
  return catalogCodeLabel(FACET_CODES[facet], value.value);
}

interface FacetProps {
  facet: DatasetFacetName;
  counts: DatasetFacetCount[];
  selected: string[];
  onChange: (values: string[]) => void;
}

function Facet({ facet, counts, selected, onChange }: FacetProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const multi = MULTI_VALUE_FACETS.includes(facet);
  // A selected value stays listed even when nothing matches it any more.
  const values = [
    ...counts,
    ...selected.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 })),
  ];
  const shown = expanded ? values : values.slice(0, SHOWN);
  const title = t(`catalog.facets.${facet}`);

  const toggle = (value: string, on: boolean) => {
    if (multi) onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
    else onChange(on ? [value] : []);
  };

  return (
    <section aria-label={title} data-testid={`facet-${facet}`} style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {selected.length > 0 && (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            onClick={() => onChange([])}
            data-testid={`facet-${facet}-clear`}
          >
            {t('catalog.facets.clear')}
          </Button>
        )}
      </Flex>
      <Flex vertical gap={2}>
        {shown.map((v) => {
          const on = selected.includes(v.value);
          const label = facetValueLabel(facet, v);
          return (
            <Checkbox
              key={v.value}
              checked={on}
              onChange={(e) => toggle(v.value, e.target.checked)}
              data-testid={`facet-${facet}-${v.value}`}
              style={{ width: '100%' }}
              styles={{ label: { flex: 1, minWidth: 0, paddingInlineEnd: 0 } }}
            >
              <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
                <Typography.Text ellipsis={{ tooltip: label }} style={{ minWidth: 0 }}>
                  {label}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {v.count}
                </Typography.Text>
              </Flex>
            </Checkbox>
          );
        })}
      </Flex>
      {values.length > SHOWN && (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => setExpanded((e) => !e)}
          data-testid={`facet-${facet}-more`}
        >
          {expanded ? t('catalog.facets.less') : t('catalog.facets.more', { count: values.length - SHOWN })}
        </Button>
      )}
    </section>
  );
}

interface Props {
  facets: DatasetFacets | undefined;
  selected: Partial<Record<DatasetFacetName, string[]>>;
  onChange: (facet: DatasetFacetName, values: string[]) => void;
  onClearAll: () => void;
  /** Facets not to show (e.g. status on the public catalogue, where everything is published). */
  hide?: readonly DatasetFacetName[];
}

/** The catalogue's facets: counts from the server under the current filters; click to filter. */
export function SearchFacets({ facets, selected, onChange, onClearAll, hide = [] }: Props) {
  const { t } = useTranslation();
  const anySelected = Object.values(selected).some((v) => v && v.length > 0);
  if (!facets) return <Skeleton active paragraph={{ rows: 12 }} />;
  const shown = FACET_ORDER.filter(
    (f) => !hide.includes(f) && (facets[f].length > 0 || (selected[f]?.length ?? 0) > 0),
  );
  return (
    <nav aria-label={t('catalog.facets.title')} data-testid="catalog-facets">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('catalog.facets.title')}
        </Typography.Title>
        {anySelected && (
          <Button size="small" onClick={onClearAll} data-testid="facets-clear-all">
            {t('catalog.facets.clearAll')}
          </Button>
        )}
      </Flex>
      {shown.length === 0 && <Typography.Text type="secondary">{t('catalog.facets.empty')}</Typography.Text>}
      {shown.map((f) => (
        <Facet
          key={f}
          facet={f}
          counts={facets[f]}
          selected={selected[f] ?? []}
          onChange={(values) => onChange(f, values)}
        />
      ))}
    </nav>
  );
}

/**
 * The facets in the page's left column; on a narrow screen folded into a panel above the results,
 * so that the results are not pushed below a screenful of checkboxes.
 */
export function FacetsPanel(props: Props) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().lg !== false;
  if (wide)
    return (
      <Card size="small">
        <SearchFacets {...props} />
      </Card>
    );
  const count = Object.values(props.selected).reduce((n, v) => n + (v?.length ?? 0), 0);
  return (
    <Collapse
      size="small"
      style={{ background: '#fff' }}
      items={[
        {
          key: 'facets',
          label: (
            <span data-testid="facets-toggle">
              {t('catalog.facets.title')}
              {count > 0 && ` (${count})`}
            </span>
          ),
          children: <SearchFacets {...props} />,
        },
      ]}
    />
  );
}
