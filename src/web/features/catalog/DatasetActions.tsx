import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import {
  CheckOutlined,
  CloseOutlined,
  CloudUploadOutlined,
  EditOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dataset, DatasetAction, OpenType } from '../../api/types.ts';
import { catalogCodeLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { datasetAction, datasetKeys } from './api.ts';

/** The lifecycle actions in the order their buttons appear. */
export const ACTIONS: readonly DatasetAction[] = [
  'submit',
  'withdraw',
  'approve',
  'reject',
  'publish',
  'deprecate',
];

/** Reject and deprecate need a comment (the server enforces it too). */
export const COMMENT_REQUIRED: readonly DatasetAction[] = ['reject', 'deprecate'];

const ICONS: Record<DatasetAction, ReactNode> = {
  submit: <SendOutlined />,
  withdraw: <RollbackOutlined />,
  approve: <CheckOutlined />,
  reject: <CloseOutlined />,
  publish: <CloudUploadOutlined />,
  deprecate: <StopOutlined />,
};

/** What a lifecycle action needs to know about its entry. */
export interface ActionTarget {
  id: string;
  name: string;
  openType: OpenType;
  updatedAt?: string;
}

interface ModalProps {
  target: ActionTarget | null;
  action: DatasetAction | null;
  onClose: () => void;
  /** After the server has accepted the action. */
  onDone?: (dataset: Dataset) => void;
}

/** Confirms a lifecycle action, with a comment (required to reject or deprecate), and runs it. */
export function ActionModal({ target, action, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = target !== null && action !== null;
  const required = action !== null && COMMENT_REQUIRED.includes(action);
  const actionLabel = action ? catalogCodeLabel('action', action) : '';
  const okButtonProps = {
    loading: busy,
    danger: action === 'reject' || action === 'deprecate',
    'data-testid': 'dataset-action-confirm',
  };

  const run = async ({ comment }: { comment?: string }) => {
    if (!target || !action) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = comment?.trim();
      const dataset = await datasetAction(target.id, {
        action,
        ...(trimmed ? { comment: trimmed } : {}),
        ...(target.updatedAt ? { updatedAt: target.updatedAt } : {}),
      });
      message.success(t('catalog.actions.done', { action: actionLabel }));
      await queryClient.invalidateQueries({ queryKey: datasetKeys.all });
      onDone?.(dataset);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={target ? t('catalog.actions.confirmTitle', { action: actionLabel, name: target.name }) : ''}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) {
          form.resetFields();
          setError(null);
        }
      }}
      okText={actionLabel}
      okButtonProps={okButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      data-testid="dataset-action-modal"
    >
      {error !== null && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={error} testId="dataset-action-error" />
        </div>
      )}
      {action === 'publish' && target && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('catalog.actions.publishConfirm', {
            open: target.openType === 'closed' ? '' : t('catalog.actions.publishOpen'),
          })}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void run(v)}>
        <Form.Item
          name="comment"
          label={t('catalog.actions.commentLabel')}
          rules={
            required
              ? [{ required: true, whitespace: true, message: t('catalog.actions.commentRequired') }]
              : []
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t('catalog.actions.commentPlaceholder')}
            data-testid="dataset-action-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The buttons of the actions the server says the caller may take now (`can`), and Edit. */
export function DatasetActions({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [action, setAction] = useState<DatasetAction | null>(null);
  const available = ACTIONS.filter((a) => dataset.can[a]);
  if (available.length === 0 && !dataset.can.edit) return null;
  return (
    <>
      <Space wrap data-testid="dataset-actions">
        {dataset.can.edit && (
          <Button
            icon={<EditOutlined />}
            onClick={() => navigate(`/catalog/datasets/${dataset.id}/edit`)}
            data-testid="dataset-edit"
          >
            {t('catalog.actions.edit')}
          </Button>
        )}
        {available.map((a) => (
          <Button
            key={a}
            icon={ICONS[a]}
            type={a === 'approve' || a === 'publish' || a === 'submit' ? 'primary' : 'default'}
            danger={a === 'reject' || a === 'deprecate'}
            onClick={() => setAction(a)}
            data-testid={`dataset-action-${a}`}
          >
            {catalogCodeLabel('action', a)}
          </Button>
        ))}
      </Space>
      <ActionModal target={action ? dataset : null} action={action} onClose={() => setAction(null)} />
    </>
  );
}
