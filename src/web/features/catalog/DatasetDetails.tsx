import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../api/types.ts';
import { catalogCodeLabel } from '../../i18n/labels.ts';
import { formatDateTime } from '../../shared/format.ts';
import { LevelTag, OpenTag, SharingTag } from './CodeTags.tsx';
import { FieldsTable } from './FieldsTable.tsx';

interface Props {
  dataset: Dataset;
  /** Where the source system links to (the registry page); no link when undefined. */
  systemHref?: ((id: string) => string) | undefined;
}

function Blank() {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{t('catalog.meta.none')}</Typography.Text>;
}

const or = (value: ReactNode) => (value === null || value === undefined || value === '' ? <Blank /> : value);

/**
 * A dataset's metadata, sharing and opening, and its fields: the read-only view shared by the
 * signed-in dataset page and the open catalogue.
 */
export function DatasetDetails({ dataset: d, systemHref }: Props) {
  const { t, i18n } = useTranslation();
  const labelWidth = i18n.language === 'en' ? 150 : 110;
  const sourceSystem = d.sourceSystem ? (
    systemHref ? (
      <Link to={systemHref(d.sourceSystem.id)} data-testid="dataset-source-system">
        {d.sourceSystem.name}
      </Link>
    ) : (
      <span data-testid="dataset-source-system">{d.sourceSystem.name}</span>
    )
  ) : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('catalog.detail.basic')} size="small" data-testid="dataset-metadata">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="dataset-summary">
          {d.summary}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2, xl: 2 }}
          styles={{ label: { width: labelWidth } }}
          items={[
            {
              key: 'code',
              label: t('catalog.meta.code'),
              children: (
                <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="dataset-code">
                  {d.code}
                </Typography.Text>
              ),
            },
            {
              key: 'category',
              label: t('catalog.meta.category'),
              children: (
                <>
                  {catalogCodeLabel('category', d.category)}
                  {d.baseResource && ` · ${catalogCodeLabel('baseResource', d.baseResource)}`}
                  {d.theme && ` · ${d.theme}`}
                </>
              ),
            },
            {
              key: 'department',
              label: t('catalog.meta.department'),
              children: <span data-testid="dataset-provider">{d.provider.name}</span>,
            },
            { key: 'sourceSystem', label: t('catalog.meta.sourceSystem'), children: or(sourceSystem) },
            {
              key: 'format',
              label: t('catalog.meta.format'),
              children: (
                <>
                  {catalogCodeLabel('format', d.format)}
                  {d.formatDetail && ` (${d.formatDetail})`}
                </>
              ),
            },
            {
              key: 'updateFrequency',
              label: t('catalog.meta.updateFrequency'),
              children: catalogCodeLabel('updateFrequency', d.updateFrequency),
            },
            { key: 'releaseDate', label: t('catalog.meta.releaseDate'), children: or(d.releaseDate) },
            {
              key: 'updatedAt',
              label: t('catalog.meta.updatedAt'),
              children: formatDateTime(d.updatedAt, { seconds: false }),
            },
            {
              key: 'maxLevel',
              label: t('catalog.meta.maxLevel'),
              children: <LevelTag level={d.maxLevel} />,
            },
            {
              key: 'version',
              label: t('catalog.meta.version'),
              children: d.version > 0 ? t('catalog.version', { version: d.version }) : <Blank />,
            },
            {
              key: 'keywords',
              label: t('catalog.meta.keywords'),
              span: 'filled',
              children: or(
                d.keywords.length > 0 && (
                  <Flex wrap gap={4}>
                    {d.keywords.map((k) => (
                      <Tag key={k} style={{ marginInlineEnd: 0 }}>
                        {k}
                      </Tag>
                    ))}
                  </Flex>
                ),
              ),
            },
            {
              key: 'relatedCodes',
              label: t('catalog.meta.relatedCodes'),
              span: 'filled',
              children: or(
                d.relatedCodes.length > 0 && (
                  <Flex wrap gap={4} style={{ fontFamily: 'monospace' }}>
                    {d.relatedCodes.map((c) => (
                      <Tag key={c} style={{ marginInlineEnd: 0 }}>
                        {c}
                      </Tag>
                    ))}
                  </Flex>
                ),
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('catalog.detail.sharing')} size="small" data-testid="dataset-sharing">
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: labelWidth } }}
          items={[
            {
              key: 'sharingType',
              label: t('catalog.meta.sharingType'),
              children: (
                <Space wrap>
                  <SharingTag value={d.sharingType} />
                  {d.sharingMethod && catalogCodeLabel('sharingMethod', d.sharingMethod)}
                </Space>
              ),
            },
            {
              key: 'sharingConditions',
              label: t('catalog.meta.sharingConditions'),
              children: or(d.sharingConditions),
            },
            { key: 'openType', label: t('catalog.meta.openType'), children: <OpenTag value={d.openType} /> },
            {
              key: 'openConditions',
              label: t('catalog.meta.openConditions'),
              children: or(d.openConditions),
            },
          ]}
        />
      </Card>
      <Card title={t('catalog.detail.fields', { count: d.fields.length })} size="small">
        <FieldsTable fields={d.fields} />
      </Card>
    </Space>
  );
}
