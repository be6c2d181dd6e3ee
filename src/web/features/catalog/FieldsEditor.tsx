import {
  Button,
  Checkbox,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  type TableColumnsType,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ClassificationLevel, FieldType } from '../../api/types.ts';
import { catalogCodeLabel, CLASSIFICATION_LEVELS, FIELD_TYPES } from '../../i18n/labels.ts';
import { LEVEL_COLORS } from './CodeTags.tsx';
import { EMPTY_FIELD } from './datasetForm.ts';

/** A field name as the catalogue accepts it (src/domain/catalog.ts FIELD_NAME). */
const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** The longest pattern the catalogue accepts (src/domain/catalog.ts LIMITS.pattern). */
const PATTERN_MAX = 500;

/**
 * A field's pattern problem, as the server finds it (src/domain/catalog.ts): the trimmed text must be a
 * regular expression in `u` mode, which the browser's engine checks the same way. Blank is fine.
 */
function patternProblem(value: string | null | undefined): 'length' | 'invalid' | null {
  const pattern = value?.trim() ?? '';
  if (pattern.length === 0) return null;
  if (pattern.length > PATTERN_MAX) return 'length';
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch {
    return 'invalid';
  }
}

interface Row {
  key: number;
  name: number;
}

const cell = { marginBottom: 0 };

/**
 * The editable fields table of the dataset form: add, remove and reorder rows; errors beside each input.
 * `disabled` (a locked form) is passed on explicitly to the buttons that set their own `disabled`, which
 * would otherwise win over the form's.
 */
export function FieldsEditor({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.List name="fields">
      {(rows, { add, remove, move }) => {
        const columns: TableColumnsType<Row> = [
          {
            key: 'index',
            title: t('catalog.field.index'),
            width: 56,
            align: 'right',
            fixed: 'left',
            render: (_: unknown, _r, i) => i + 1,
          },
          {
            key: 'name',
            title: t('catalog.field.name'),
            width: 170,
            fixed: 'left',
            render: (_: unknown, r, i) => (
              <Form.Item
                name={[r.name, 'name']}
                style={cell}
                rules={[
                  { required: true, message: t('common.required') },
                  { pattern: FIELD_NAME, message: t('catalog.edit.fieldNameHint') },
                ]}
              >
                <Input
                  aria-label={`${t('catalog.field.name')} ${i + 1}`}
                  style={{ fontFamily: 'monospace' }}
                  autoComplete="off"
                  data-testid={`field-${i}-name`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'label',
            title: t('catalog.field.label'),
            width: 150,
            render: (_: unknown, r, i) => (
              <Form.Item
                name={[r.name, 'label']}
                style={cell}
                rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              >
                <Input aria-label={`${t('catalog.field.label')} ${i + 1}`} data-testid={`field-${i}-label`} />
              </Form.Item>
            ),
          },
          {
            key: 'type',
            title: t('catalog.field.type'),
            width: 120,
            render: (_: unknown, r, i) => (
              <Form.Item name={[r.name, 'type']} style={cell}>
                <Select<FieldType>
                  aria-label={`${t('catalog.field.type')} ${i + 1}`}
                  options={FIELD_TYPES.map((v) => ({ value: v, label: catalogCodeLabel('fieldType', v) }))}
                  popupMatchSelectWidth={false}
                  data-testid={`field-${i}-type`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'required',
            title: t('catalog.field.required'),
            width: 88,
            align: 'center',
            render: (_: unknown, r, i) => (
              <Form.Item name={[r.name, 'required']} valuePropName="checked" style={cell}>
                <Checkbox
                  aria-label={`${t('catalog.field.required')} ${i + 1}`}
                  data-testid={`field-${i}-required`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'key',
            title: t('catalog.field.key'),
            width: 64,
            align: 'center',
            render: (_: unknown, r, i) => (
              <Form.Item name={[r.name, 'key']} valuePropName="checked" style={cell}>
                <Checkbox
                  aria-label={`${t('catalog.field.key')} ${i + 1}`}
                  data-testid={`field-${i}-key`}
                  // A key field is always required.
                  onChange={(e) => {
                    if (e.target.checked) form.setFieldValue(['fields', r.name, 'required'], true);
                  }}
                />
              </Form.Item>
            ),
          },
          {
            key: 'level',
            title: t('catalog.field.level'),
            width: 130,
            render: (_: unknown, r, i) => (
              <Form.Item name={[r.name, 'level']} style={cell}>
                <Select<ClassificationLevel>
                  aria-label={`${t('catalog.field.level')} ${i + 1}`}
                  options={CLASSIFICATION_LEVELS.map((v) => ({
                    value: v,
                    label: (
                      <Tag color={LEVEL_COLORS[v]} style={{ marginInlineEnd: 0 }}>
                        {catalogCodeLabel('level', v)}
                      </Tag>
                    ),
                  }))}
                  popupMatchSelectWidth={false}
                  data-testid={`field-${i}-level`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'pattern',
            title: t('catalog.field.pattern'),
            width: 200,
            render: (_: unknown, r, i) => (
              <Form.Item
                name={[r.name, 'pattern']}
                style={cell}
                rules={[
                  {
                    validator: async (_rule, value: string | null | undefined) => {
                      const problem = patternProblem(value);
                      if (problem === 'length')
                        throw new Error(t('catalog.edit.patternLength', { max: PATTERN_MAX }));
                      if (problem === 'invalid') throw new Error(t('catalog.edit.patternInvalid'));
                    },
                  },
                ]}
              >
                <Input
                  aria-label={`${t('catalog.field.pattern')} ${i + 1}`}
                  style={{ fontFamily: 'monospace' }}
                  data-testid={`field-${i}-pattern`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'codeList',
            title: t('catalog.field.codeList'),
            width: 140,
            render: (_: unknown, r, i) => (
              <Form.Item name={[r.name, 'codeList']} style={cell}>
                <Input
                  aria-label={`${t('catalog.field.codeList')} ${i + 1}`}
                  data-testid={`field-${i}-code-list`}
                />
              </Form.Item>
            ),
          },
          {
            key: 'unit',
            title: t('catalog.field.unit'),
            width: 110,
            render: (_: unknown, r, i) => (
              <Form.Item name={[r.name, 'unit']} style={cell}>
                <Input aria-label={`${t('catalog.field.unit')} ${i + 1}`} data-testid={`field-${i}-unit`} />
              </Form.Item>
            ),
          },
          {
            key: 'move',
            title: t('common.actions'),
            width: 112,
            fixed: 'right',
            render: (_: unknown, r, i) => (
              <Space size={0}>
                <Tooltip title={t('catalog.edit.moveUp')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={`${t('catalog.edit.moveUp')} ${i + 1}`}
                    disabled={disabled || i === 0}
                    onClick={() => move(i, i - 1)}
                    data-testid={`field-${i}-up`}
                  />
                </Tooltip>
                <Tooltip title={t('catalog.edit.moveDown')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={`${t('catalog.edit.moveDown')} ${i + 1}`}
                    disabled={disabled || i === rows.length - 1}
                    onClick={() => move(i, i + 1)}
                    data-testid={`field-${i}-down`}
                  />
                </Tooltip>
                <Tooltip title={t('catalog.edit.removeField')}>
                  <Button
                    type="text"
                    size="small"
                    danger
                    disabled={disabled}
                    icon={<DeleteOutlined />}
                    aria-label={`${t('catalog.edit.removeField')} ${i + 1}`}
                    onClick={() => remove(r.name)}
                    data-testid={`field-${i}-remove`}
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
              columns={columns}
              dataSource={rows.map((r) => ({ key: r.key, name: r.name }))}
              pagination={false}
              tableLayout="fixed"
              // The columns' own widths: a smaller `x` squeezed the last ones under the fixed 操作 column.
              scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
              locale={{ emptyText: t('catalog.edit.fieldsEmpty') }}
              data-testid="fields-editor"
            />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={disabled}
              onClick={() => add({ ...EMPTY_FIELD })}
              style={{ marginTop: 8, width: '100%' }}
              data-testid="field-add"
            >
              {t('catalog.edit.addField')}
            </Button>
          </>
        );
      }}
    </Form.List>
  );
}
