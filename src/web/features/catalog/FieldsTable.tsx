import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DatasetField } from '../../api/types.ts';
import { catalogCodeLabel, CLASSIFICATION_LEVELS } from '../../i18n/labels.ts';
import { LevelTag } from './CodeTags.tsx';

type Row = DatasetField & { index: number };

/** A dataset's fields (信息项), read-only, with their classification levels by colour. */
export function FieldsTable({
  fields,
  testId = 'dataset-fields',
}: {
  fields: DatasetField[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const rows: Row[] = fields.map((f, i) => ({ ...f, index: i + 1 }));
  const columns: TableColumnsType<Row> = [
    { key: 'index', dataIndex: 'index', title: t('catalog.field.index'), width: 56, align: 'right' },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('catalog.field.name'),
      width: 200,
      render: (name: string, f) => (
        <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {f.key && (
            <KeyOutlined
              aria-label={t('catalog.field.key')}
              style={{ color: '#d48806', marginInlineEnd: 4 }}
            />
          )}
          {name}
        </span>
      ),
    },
    { key: 'label', dataIndex: 'label', title: t('catalog.field.label'), width: 150 },
    {
      key: 'type',
      dataIndex: 'type',
      title: t('catalog.field.type'),
      width: 90,
      render: (type: string) => catalogCodeLabel('fieldType', type),
    },
    {
      key: 'required',
      dataIndex: 'required',
      title: t('catalog.field.required'),
      width: 84,
      align: 'center',
      render: (required: boolean) =>
        required ? <CheckOutlined aria-label={t('common.yes')} /> : <span aria-label={t('common.no')} />,
    },
    {
      key: 'level',
      dataIndex: 'level',
      title: t('catalog.field.level'),
      width: 110,
      filters: CLASSIFICATION_LEVELS.map((l) => ({ text: catalogCodeLabel('level', l), value: l })),
      onFilter: (value, f) => f.level === value,
      render: (_: unknown, f) => <LevelTag level={f.level} />,
    },
    {
      key: 'rule',
      title: t('catalog.field.rule'),
      width: 180,
      render: (_: unknown, f) => (
        <>
          {f.codeList && <Tag style={{ marginInlineEnd: 4 }}>{f.codeList}</Tag>}
          {f.pattern && (
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {f.pattern}
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: 'unit', dataIndex: 'unit', title: t('catalog.field.unit'), width: 80 },
    {
      key: 'description',
      dataIndex: 'description',
      title: t('catalog.field.description'),
      width: 200,
      ellipsis: { showTitle: true },
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="name"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1130 }}
      data-testid={testId}
    />
  );
}
