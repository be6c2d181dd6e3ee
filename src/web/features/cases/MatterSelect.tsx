import { useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntakeMatter, IntakeMatterQuery } from '../../api/types.ts';
import { fetchIntakeMatters, intakeMatterKeys } from './api.ts';

interface Props {
  value?: string | undefined;
  onChange?: (id: string | undefined, matter: IntakeMatter | undefined) => void;
  /** Show each matter's limits below its name (the intake form). */
  detailed?: boolean;
  placeholder?: string;
  testId?: string;
  style?: CSSProperties;
  id?: string;
  /** Only active matters (intake). */
  activeOnly?: boolean;
}

/** A searchable matter chooser over GET /api/matters (needs matters.read); usable as a form control. */
export function MatterSelect({
  value,
  onChange,
  detailed,
  placeholder,
  testId,
  style,
  id,
  activeOnly,
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query: IntakeMatterQuery = {
    q: search || undefined,
    status: activeOnly ? 'active' : undefined,
    sort: 'code',
    pageSize: 50,
  };
  const result = useQuery({
    queryKey: intakeMatterKeys.list(query),
    queryFn: () => fetchIntakeMatters(query),
  });
  // Keep the chosen matter known even when a later search no longer lists it.
  const [chosen, setChosen] = useState<IntakeMatter | undefined>(undefined);
  const items = result.data?.items ?? [];
  const all = chosen && !items.some((m) => m.id === chosen.id) ? [chosen, ...items] : items;

  const label = (m: IntakeMatter) =>
    detailed ? (
      <Flex vertical style={{ lineHeight: 1.35, padding: '2px 0' }}>
        <span style={{ whiteSpace: 'normal' }}>{m.name}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
          {m.department.name} ·{' '}
          {m.onTheSpot
            ? t('cases.intake.matterOnTheSpot')
            : t('cases.intake.matterLimits', {
                committed: m.committedLimitDays,
                statutory: m.statutoryLimitDays,
              })}
          {m.type === 'internal' && (
            <Tag color="purple" style={{ marginInlineStart: 6 }}>
              {t('cases.intake.matterInternal')}
            </Tag>
          )}
        </Typography.Text>
      </Flex>
    ) : (
      m.name
    );

  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={(v) => {
        const m = all.find((x) => x.id === v);
        setChosen(m);
        onChange?.(v, m);
      }}
      loading={result.isFetching}
      options={all.map((m) => ({ value: m.id, label: label(m), title: m.name }))}
      optionLabelProp={detailed ? 'title' : undefined}
      placeholder={placeholder ?? t('cases.intake.matterPlaceholder')}
      aria-label={placeholder ?? t('cases.intake.matter')}
      data-testid={testId}
      style={style}
      popupMatchSelectWidth={detailed ? true : 360}
      notFoundContent={result.isFetching ? undefined : null}
    />
  );
}
