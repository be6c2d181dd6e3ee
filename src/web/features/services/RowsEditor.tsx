import type { ReactNode } from 'react';
import { Button, Form, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export interface RowsEditorColumn {
  key: string;
  title: ReactNode;
  width: number;
  /** The cell's Form.Item(s); `name` is the row's index in the list (for `[name, 'field']`), `i` its position. */
  render: (name: number, i: number) => ReactNode;
}

interface Props {
  /** The form list's name, e.g. `stages`. */
  name: string;
  columns: RowsEditorColumn[];
  /** The values of a new row (or a function of the rows so far). */
  newRow: () => Record<string, unknown>;
  addLabel: string;
  emptyText: string;
  /** Rows may be reordered (stages, materials). */
  movable?: boolean;
  max?: number;
  /** e.g. `stage`: rows get `stage-0-…` test ids, the add button `stage-add`. */
  testId: string;
}

const row = { marginBottom: 0 };
export const cellStyle = row;

type Row = { key: number; name: number };

/**
 * An editable table inside a form (Form.List): add, remove and reorder rows, an error beside each
 * cell, and the list's own problems (e.g. "a required stage is missing") below it.
 */
export function RowsEditor({ name, columns, newRow, addLabel, emptyText, movable, max, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(rows, { add, remove, move }, { errors }) => {
        const tableColumns: TableColumnsType<Row> = [
          {
            key: 'index',
            title: '#',
            width: 40,
            align: 'right',
            render: (_: unknown, _r, i) => i + 1,
          },
          ...columns.map((c) => ({
            key: c.key,
            title: c.title,
            width: c.width,
            render: (_: unknown, r: Row, i: number) => c.render(r.name, i),
          })),
          {
            key: 'actions',
            title: t('common.actions'),
            width: movable ? 112 : 56,
            render: (_: unknown, r, i) => (
              <Space size={0}>
                {movable && (
                  <Tooltip title={t('services.edit.moveUp')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      aria-label={`${t('services.edit.moveUp')} ${i + 1}`}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      data-testid={`${testId}-${i}-up`}
                    />
                  </Tooltip>
                )}
                {movable && (
                  <Tooltip title={t('services.edit.moveDown')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label={`${t('services.edit.moveDown')} ${i + 1}`}
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, i + 1)}
                      data-testid={`${testId}-${i}-down`}
                    />
                  </Tooltip>
                )}
                <Tooltip title={t('services.edit.removeRow')}>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('services.edit.removeRow')} ${i + 1}`}
                    onClick={() => remove(r.name)}
                    data-testid={`${testId}-${i}-remove`}
                  />
                </Tooltip>
              </Space>
            ),
          },
        ];
        return (
          <>
            <Table<Row>
              size="small"
              rowKey="key"
              columns={tableColumns}
              dataSource={rows.map((r) => ({ key: r.key, name: r.name }))}
              pagination={false}
              tableLayout="fixed"
              scroll={{ x: tableColumns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
              locale={{ emptyText }}
              data-testid={`${testId}-editor`}
            />
            {errors.length > 0 && (
              <div role="alert" style={{ marginTop: 4 }} data-testid={`${testId}-errors`}>
                {errors.map((e, i) => (
                  <div key={i}>
                    <Typography.Text type="danger">{e}</Typography.Text>
                  </div>
                ))}
              </div>
            )}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={max !== undefined && rows.length >= max}
              onClick={() => add(newRow())}
              style={{ marginTop: 8, width: '100%' }}
              data-testid={`${testId}-add`}
            >
              {addLabel}
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}
