import type { TFunction } from 'i18next';
import { Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetDiff, DatasetField } from '../../api/types.ts';
import { catalogCodeLabel, dynamicLabel, type CatalogCodeGroup } from '../../i18n/labels.ts';
import { LevelTag } from './CodeTags.tsx';

/** Attributes whose values are codes, and the labels they take. */
const CODE_GROUPS: Record<string, CatalogCodeGroup> = {
  category: 'category',
  baseResource: 'baseResource',
  format: 'format',
  sharingType: 'sharingType',
  sharingMethod: 'sharingMethod',
  openType: 'openType',
  updateFrequency: 'updateFrequency',
  maxLevel: 'level',
  status: 'status',
  // A field's own attributes.
  type: 'fieldType',
  level: 'level',
};

const BEFORE_BG = '#fff1f0';
const AFTER_BG = '#f6ffed';

/** A changed value in words: codes labelled, lists joined, references by name, nothing as a dash. */
export function diffValue(path: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('catalog.meta.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('catalog.meta.none');
    return value.map((v) => diffValue(path, v, t)).join(t('common.listSeparator'));
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.name === 'string') return o.name;
    return JSON.stringify(value);
  }
  const group = CODE_GROUPS[path];
  if (group && typeof value === 'string') return catalogCodeLabel(group, value);
  return String(value);
}

/** The label of a changed attribute: the metadata's or a field's, else the raw path. */
function attributeLabel(path: string, scope: 'meta' | 'field'): string {
  return dynamicLabel(`catalog.${scope}.${path}`, path);
}

interface ChangeRow {
  key: string;
  path: string;
  before: unknown;
  after: unknown;
}

function ChangesTable({
  rows,
  scope,
  testId,
}: {
  rows: ChangeRow[];
  scope: 'meta' | 'field';
  testId: string;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ChangeRow> = [
    {
      key: 'path',
      title: t('catalog.versions.attribute'),
      width: 140,
      render: (_: unknown, r) => <Typography.Text strong>{attributeLabel(r.path, scope)}</Typography.Text>,
    },
    {
      key: 'before',
      title: t('catalog.versions.before'),
      width: 260,
      onCell: () => ({ style: { background: BEFORE_BG } }),
      render: (_: unknown, r) => (
        <Typography.Text delete type="danger" style={{ whiteSpace: 'pre-wrap' }}>
          {diffValue(r.path, r.before, t)}
        </Typography.Text>
      ),
    },
    {
      key: 'after',
      title: t('catalog.versions.after'),
      width: 260,
      onCell: () => ({ style: { background: AFTER_BG } }),
      render: (_: unknown, r) => (
        <Typography.Text type="success" style={{ whiteSpace: 'pre-wrap' }}>
          {diffValue(r.path, r.after, t)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Table<ChangeRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 660 }}
      data-testid={testId}
    />
  );
}

function FieldList({ fields, kind }: { fields: DatasetField[]; kind: 'added' | 'removed' }) {
  const { t } = useTranslation();
  const bg = kind === 'added' ? AFTER_BG : BEFORE_BG;
  const columns: TableColumnsType<DatasetField> = [
    {
      key: 'mark',
      width: 36,
      render: () => (
        <Typography.Text strong type={kind === 'added' ? 'success' : 'danger'}>
          {kind === 'added' ? '+' : '−'}
        </Typography.Text>
      ),
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('catalog.field.name'),
      width: 150,
      render: (name: string) => (
        <Typography.Text delete={kind === 'removed'} style={{ fontFamily: 'monospace' }}>
          {name}
        </Typography.Text>
      ),
    },
    { key: 'label', dataIndex: 'label', title: t('catalog.field.label'), width: 160 },
    {
      key: 'type',
      dataIndex: 'type',
      title: t('catalog.field.type'),
      width: 100,
      render: (type: string) => catalogCodeLabel('fieldType', type),
    },
    {
      key: 'level',
      title: t('catalog.field.level'),
      width: 110,
      render: (_: unknown, f) => <LevelTag level={f.level} />,
    },
  ];
  return (
    <Table<DatasetField>
      size="small"
      rowKey="name"
      columns={columns}
      dataSource={fields}
      pagination={false}
      onRow={() => ({ style: { background: bg } })}
      data-testid={`diff-fields-${kind}`}
    />
  );
}

/** A version diff as readable, highlighted tables: metadata changes, then fields added, removed, changed. */
export function DiffView({ diff }: { diff: DatasetDiff }) {
  const { t } = useTranslation();
  const { attributes, fields } = diff;
  const count = attributes.length + fields.added.length + fields.removed.length + fields.changed.length;
  if (count === 0) return <Empty description={t('catalog.versions.noChanges')} data-testid="diff-empty" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dataset-diff">
      <Typography.Text type="secondary">{t('catalog.versions.summary', { count })}</Typography.Text>
      {attributes.length > 0 && (
        <section>
          <Typography.Title level={5}>
            {t('catalog.versions.attributes', { count: attributes.length })}
          </Typography.Title>
          <ChangesTable
            scope="meta"
            testId="diff-attributes"
            rows={attributes.map((a) => ({ key: a.path, path: a.path, before: a.before, after: a.after }))}
          />
        </section>
      )}
      {fields.added.length > 0 && (
        <section>
          <Typography.Title level={5}>
            {t('catalog.versions.fieldsAdded', { count: fields.added.length })}
          </Typography.Title>
          <FieldList fields={fields.added} kind="added" />
        </section>
      )}
      {fields.removed.length > 0 && (
        <section>
          <Typography.Title level={5}>
            {t('catalog.versions.fieldsRemoved', { count: fields.removed.length })}
          </Typography.Title>
          <FieldList fields={fields.removed} kind="removed" />
        </section>
      )}
      {fields.changed.length > 0 && (
        <section data-testid="diff-fields-changed">
          <Typography.Title level={5}>
            {t('catalog.versions.fieldsChanged', { count: fields.changed.length })}
          </Typography.Title>
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            {fields.changed.map((f) => (
              <div key={f.name} data-testid={`diff-field-${f.name}`}>
                <Tag color="gold" style={{ fontFamily: 'monospace', marginBottom: 4 }}>
                  {f.name}
                </Tag>
                <ChangesTable
                  scope="field"
                  testId={`diff-field-${f.name}-changes`}
                  rows={f.changes.map((c) => ({
                    key: c.path,
                    path: c.path,
                    before: c.before,
                    after: c.after,
                  }))}
                />
              </div>
            ))}
          </Space>
        </section>
      )}
    </Space>
  );
}
