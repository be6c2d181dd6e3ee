import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
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
    {
      key: 'index',
      dataIndex: 'index',
      title: t('catalog.field.index'),
      width: 56,
      align: 'right',
      fixed: 'left',
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('catalog.field.name'),
      width: 180,
      fixed: 'left',
      ellipsis: { showTitle: false },
      render: (name: string, f) => (
        <span title={name} style={{ fontFamily: 'monospace' }}>
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
    {
      key: 'label',
      dataIndex: 'label',
      title: t('catalog.field.label'),
      width: 150,
      ellipsis: { showTitle: true },
    },
    {
      key: 'type',
      dataIndex: 'type',
      title: t('catalog.field.type'),
      width: 100,
      render: (type: string) => catalogCodeLabel('fieldType', type),
    },
    {
      key: 'required',
      dataIndex: 'required',
      title: t('catalog.field.required'),
      width: 80,
      align: 'center',
      render: (required: boolean) =>
        required ? <CheckOutlined aria-label={t('common.yes')} /> : <span aria-label={t('common.no')} />,
    },
    {
      key: 'level',
      dataIndex: 'level',
      title: t('catalog.field.level'),
      width: 120,
      filters: CLASSIFICATION_LEVELS.map((l) => ({ text: catalogCodeLabel('level', l), value: l })),
      onFilter: (value, f) => f.level === value,
      render: (_: unknown, f) => <LevelTag level={f.level} />,
    },
    {
      key: 'rule',
      title: t('catalog.field.rule'),
      width: 220,
      // Each on its own line, cut to the column with the whole text in a tooltip.
      render: (_: unknown, f) =>
        f.codeList || f.pattern ? (
          <Flex vertical gap={2} align="flex-start" style={{ minWidth: 0 }}>
            {f.codeList && (
              <Tag style={{ marginInlineEnd: 0, maxWidth: '100%' }}>
                <Typography.Text ellipsis={{ tooltip: f.codeList }} style={{ maxWidth: '100%' }}>
                  {f.codeList}
                </Typography.Text>
              </Tag>
            )}
            {f.pattern && (
              <Typography.Text
                code
                ellipsis={{ tooltip: <span style={{ fontFamily: 'monospace' }}>{f.pattern}</span> }}
                style={{ maxWidth: '100%' }}
                data-testid={`field-pattern-${f.name}`}
              >
                {f.pattern}
              </Typography.Text>
            )}
          </Flex>
        ) : null,
    },
    {
      key: 'unit',
      dataIndex: 'unit',
      title: t('catalog.field.unit'),
      width: 90,
      ellipsis: { showTitle: true },
    },
    {
      key: 'description',
      dataIndex: 'description',
      title: t('catalog.field.description'),
      width: 200,
      ellipsis: { showTitle: true },
    },
  ];
  // The columns' own widths: the table scrolls sideways where its card is narrower (the dataset page at 1440 px).
  const width = columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0);
  return (
    <Table<Row>
      size="small"
      rowKey="name"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      tableLayout="fixed"
      scroll={{ x: width }}
      data-testid={testId}
    />
  );
}
