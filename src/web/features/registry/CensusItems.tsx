import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CheckOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CensusItem, CensusItemState } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { catalogCodeLabel, registryLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { errorText } from '../../shared/errorText.ts';
import { formatDateTime } from '../../shared/format.ts';
import { censusKeys, confirmItems, fetchItems, submitReturn } from './censusApi.ts';
import { SystemDrawer } from './SystemDrawer.tsx';
import { useSystemEditor } from './useSystemEditor.ts';

type EntityType = 'system' | 'dataset';

const STATE_COLORS: Record<CensusItemState, string> = {
  pending: 'default',
  confirmed: 'success',
  corrected: 'processing',
  added: 'cyan',
};

export function CensusStateTag({ state }: { state: CensusItemState }) {
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
      {registryLabel('censusState', state)}
    </Tag>
  );
}

interface Props {
  roundId: string;
  /** The bureau looking at one department's items (read only); none: the caller's own department. */
  departmentId?: string;
  /** The round is open: confirming and submitting are possible. */
  roundOpen: boolean;
}

/**
 * A department's census: its systems and datasets with their state. The department's data officer selects
 * the correct ones and confirms them, corrects the others (edit), adds missing ones, then submits.
 */
export function CensusItems({ roundId, departmentId, roundOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const editor = useSystemEditor();
  const [tab, setTab] = useState<EntityType>('system');
  const [selected, setSelected] = useState<Record<EntityType, string[]>>({ system: [], dataset: [] });
  const [confirming, setConfirming] = useState(false);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [note, setNote] = useState('');

  const result = useQuery({
    queryKey: censusKeys.items(roundId, departmentId),
    queryFn: () => fetchItems(roundId, departmentId),
  });
  const data = result.data;
  const responding = !departmentId && can('census.respond');
  const submitted = data?.status === 'submitted';
  const editable = responding && roundOpen;

  const refresh = () => queryClient.invalidateQueries({ queryKey: censusKeys.all });

  if (result.isPending) return <Skeleton active />;
  if (result.isError || !data)
    return <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />;

  const lists: Record<EntityType, CensusItem[]> = { system: data.systems, dataset: data.datasets };
  const doneOf = (items: CensusItem[]) => items.filter((i) => i.state !== 'pending').length;
  const pending = data.systems.length + data.datasets.length - doneOf(data.systems) - doneOf(data.datasets);
  const total = data.systems.length + data.datasets.length;

  const confirm = async () => {
    const ids = selected[tab];
    if (ids.length === 0) return;
    setConfirming(true);
    try {
      const out = await confirmItems(roundId, { entityType: tab, ids });
      message.success(t('registry.census.confirmed', { count: out.confirmed }));
      setSelected((s) => ({ ...s, [tab]: [] }));
      await refresh();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setConfirming(false);
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await submitReturn(roundId, note.trim() || undefined);
      message.success(t('registry.census.submitted'));
      setSubmitOpen(false);
      await refresh();
    } catch (e) {
      // The server refuses while items are pending, and says how many: shown as it says it.
      setSubmitError(e);
      setSubmitOpen(false);
    } finally {
      setSubmitting(false);
    }
  };

  const columns = (type: EntityType): TableColumnsType<CensusItem> => [
    {
      key: 'code',
      dataIndex: 'code',
      title: t('registry.census.code'),
      width: 170,
      render: (code: string, i: CensusItem) => (
        <Link to={type === 'system' ? `/registry/systems/${i.id}` : `/catalog/datasets/${i.id}`}>{code}</Link>
      ),
    },
    { key: 'name', dataIndex: 'name', title: t('registry.census.name'), width: 260, ellipsis: true },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('registry.systems.status'),
      width: 90,
      render: (s: string) => (type === 'system' ? registryLabel('status', s) : catalogCodeLabel('status', s)),
    },
    {
      key: 'state',
      title: t('registry.census.state'),
      width: 100,
      render: (_: unknown, i: CensusItem) =>
        i.at ? (
          <Tooltip title={formatDateTime(i.at, { seconds: false })}>
            <span>
              <CensusStateTag state={i.state} />
            </span>
          </Tooltip>
        ) : (
          <CensusStateTag state={i.state} />
        ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            render: (_: unknown, i: CensusItem) =>
              type === 'system'
                ? can('registry.edit') && (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      loading={editor.loadingId === i.id}
                      onClick={() => editor.edit(i.id)}
                      data-testid={`census-edit-system-${i.code}`}
                    >
                      {t('registry.census.editSystem')}
                    </Button>
                  )
                : can('catalog.edit') && (
                    <Link to={`/catalog/datasets/${i.id}/edit`} data-testid={`census-edit-dataset-${i.id}`}>
                      <EditOutlined /> {t('registry.census.editDataset')}
                    </Link>
                  ),
          },
        ]
      : []),
  ];

  const table = (type: EntityType) => (
    <Table<CensusItem>
      size="small"
      rowKey="id"
      columns={columns(type)}
      dataSource={lists[type]}
      pagination={lists[type].length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
      scroll={{ x: editable ? 760 : 680 }}
      data-testid={`census-items-${type}s`}
      rowSelection={
        editable
          ? {
              selectedRowKeys: selected[type],
              // Past one page, "select all" in the header menu reaches the other pages too.
              selections: lists[type].length > 50 ? [Table.SELECTION_ALL, Table.SELECTION_NONE] : undefined,
              onChange: (keys) => setSelected((s) => ({ ...s, [type]: keys.map(String) })),
              getCheckboxProps: (i: CensusItem) => ({
                disabled: i.state !== 'pending',
                'aria-label': i.name,
              }),
            }
          : undefined
      }
    />
  );

  const tabLabel = (type: EntityType) => {
    const items = lists[type];
    const args = { done: doneOf(items), total: items.length };
    return (
      <span data-testid={`census-tab-${type}s`}>
        {type === 'system' ? t('registry.census.systemsTab', args) : t('registry.census.datasetsTab', args)}
      </span>
    );
  };

  return (
    <Card
      size="small"
      title={departmentId ? t('registry.census.items') : t('registry.census.myDepartment')}
      data-testid="census-items"
      extra={
        departmentId ? (
          <Tag color={submitted ? 'success' : 'default'} data-testid="census-return-status">
            {registryLabel('returnStatus', data.status)}
          </Tag>
        ) : undefined
      }
    >
      {responding && !roundOpen && (
        <Alert type="info" showIcon title={t('registry.census.roundClosed')} style={{ marginBottom: 12 }} />
      )}
      {editable && !submitted && (
        <Typography.Paragraph type="secondary">{t('registry.census.itemsHint')}</Typography.Paragraph>
      )}
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Progress
          percent={total === 0 ? 100 : Math.round(((total - pending) / total) * 100)}
          style={{ flex: '1 1 240px', margin: 0, maxWidth: 420 }}
          status={pending === 0 ? 'success' : 'active'}
          aria-label={t('registry.census.progress')}
        />
        <Typography.Text type={pending === 0 ? 'success' : 'warning'} data-testid="census-pending">
          {submitted
            ? registryLabel('returnStatus', 'submitted')
            : pending > 0
              ? t('registry.census.pendingLeft', { count: pending })
              : editable
                ? t('registry.census.allDone')
                : t('registry.census.allChecked')}
        </Typography.Text>
      </Flex>
      {submitError !== null && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={submitError} testId="census-submit-error" />
        </div>
      )}
      {editable && (
        <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
          <Space wrap>
            <Button
              icon={<CheckOutlined />}
              disabled={selected[tab].length === 0}
              loading={confirming}
              onClick={() => void confirm()}
              data-testid="census-confirm"
            >
              {selected[tab].length > 0
                ? t('registry.census.confirmSelectedCount', { count: selected[tab].length })
                : t('registry.census.confirmSelected')}
            </Button>
            {tab === 'system' && can('registry.edit') && (
              <Button icon={<PlusOutlined />} onClick={editor.create} data-testid="census-add-system">
                {t('registry.census.addSystem')}
              </Button>
            )}
            {tab === 'dataset' && can('catalog.edit') && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => void navigate('/catalog/new')}
                data-testid="census-add-dataset"
              >
                {t('registry.census.addDataset')}
              </Button>
            )}
          </Space>
          {!submitted && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => {
                setSubmitError(null);
                setSubmitOpen(true);
              }}
              data-testid="census-submit"
            >
              {t('registry.census.submit')}
            </Button>
          )}
        </Flex>
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k === 'dataset' ? 'dataset' : 'system')}
        items={[
          { key: 'system', label: tabLabel('system'), children: table('system') },
          { key: 'dataset', label: tabLabel('dataset'), children: table('dataset') },
        ]}
      />
      <Modal
        open={submitOpen}
        title={t('registry.census.submit')}
        okText={t('registry.census.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: submitting, 'data-testid': 'census-submit-confirm' }}
        onOk={() => void submit()}
        onCancel={() => setSubmitOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('registry.census.submitConfirm')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('registry.census.submitNote')} htmlFor="census-submit-note">
            <Input.TextArea
              id="census-submit-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              data-testid="census-submit-note"
            />
          </Form.Item>
        </Form>
      </Modal>
      {can('registry.edit') && (
        <SystemDrawer
          open={editor.editing !== undefined}
          system={editor.editing ?? null}
          onClose={editor.close}
          onSaved={() => void refresh()}
        />
      )}
    </Card>
  );
}
