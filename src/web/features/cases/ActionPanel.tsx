import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import type { CaseActionInput, CaseDetail, CaseEventKind } from '../../api/types.ts';
import { caseLabel } from '../../i18n/labels.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { FormErrorAlert } from '../../shared/useFormSubmit.tsx';
import { actOnCase, caseKeys, newIdempotencyKey } from './api.ts';
import { showFieldErrors } from './formErrors.ts';
import { lastSupplementNotice } from './SupplementNotice.tsx';

type ActionKind = Exclude<CaseEventKind, 'submitted'>;

interface ActionForm {
  reason?: string;
  items?: { material?: string; reason?: string }[];
  note?: string;
  procedure?: string;
  result?: string;
  days?: number;
  opinion?: string;
  decision?: 'approve' | 'deny';
  method?: 'window' | 'mail' | 'electronic';
}

/** The order the buttons appear in: the case's main path first, then pauses, then the exits. */
const ORDER: ActionKind[] = [
  'accepted',
  'supplement_received',
  'special_ended',
  'reviewed',
  'decided',
  'completed',
  'delivered',
  'supplement_requested',
  'special_started',
  'extended',
  'refused',
  'withdrawn',
];
const PRIMARY = new Set<ActionKind>([
  'accepted',
  'supplement_received',
  'special_ended',
  'reviewed',
  'decided',
  'completed',
  'delivered',
]);
const DANGER = new Set<ActionKind>(['refused', 'withdrawn']);
const COMPLETION_RESULTS = ['approved', 'denied', 'returned', 'voided'] as const;
const DELIVERY_METHODS = ['window', 'mail', 'electronic'] as const;

/** Server field paths of a payload → this form's fields. */
const FIELD_OF: Record<string, string> = {
  'payload.reason': 'reason',
  'payload.items': 'items',
  'payload.note': 'note',
  'payload.procedure': 'procedure',
  'payload.result': 'result',
  'payload.days': 'days',
  'payload.opinion': 'opinion',
  'payload.decision': 'decision',
  'payload.method': 'method',
};

function payloadOf(kind: ActionKind, v: ActionForm): Record<string, unknown> {
  const note = v.note?.trim() ? { note: v.note.trim() } : {};
  switch (kind) {
    case 'accepted':
      return {};
    case 'refused':
    case 'withdrawn':
      return { reason: v.reason?.trim() ?? '' };
    case 'supplement_requested':
      return {
        items: (v.items ?? []).map((it) => ({
          material: it.material?.trim() ?? '',
          reason: it.reason?.trim() ?? '',
        })),
      };
    case 'supplement_received':
      return note;
    case 'special_started':
      return { procedure: v.procedure, ...note };
    case 'special_ended':
      return { result: v.result?.trim() ?? '' };
    case 'extended':
      return { days: v.days, reason: v.reason?.trim() ?? '' };
    case 'reviewed':
      return { opinion: v.opinion?.trim() ?? '' };
    case 'decided':
      return { decision: v.decision, opinion: v.opinion?.trim() ?? '' };
    case 'completed':
      return { result: v.result, ...note };
    case 'delivered':
      return { method: v.method };
  }
}

/** Extension days still allowed by the matter. */
function extensionLeft(c: CaseDetail): number {
  const used = c.events
    .filter((e) => e.kind === 'extended')
    .reduce((sum, e) => sum + Number((e.payload as { days?: unknown }).days ?? 0), 0);
  return Math.max(0, Math.min(60, c.matter.maxExtensionDays - used));
}

function ActionFields({ kind, detail }: { kind: ActionKind; detail: CaseDetail }) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const text = (name: 'reason' | 'opinion' | 'result' | 'note', label: string, must: boolean, max = 1000) => (
    <Form.Item name={name} label={label} rules={must ? [...required, { max }] : [{ max }]}>
      <Input.TextArea rows={3} maxLength={max} showCount data-testid={`action-${name}`} />
    </Form.Item>
  );
  switch (kind) {
    case 'accepted':
      return <Typography.Paragraph>{t('cases.actions.acceptConfirm')}</Typography.Paragraph>;
    case 'refused':
      return text('reason', t('cases.actions.refusalReason'), true);
    case 'withdrawn':
      return text('reason', t('cases.actions.withdrawalReason'), true);
    case 'supplement_requested':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('cases.actions.supplementHint')}</Typography.Paragraph>
          <Typography.Text strong>{t('cases.actions.items')}</Typography.Text>
          <Form.List
            name="items"
            rules={[
              {
                validator: async (_, items?: unknown[]) => {
                  if (!items || items.length < 1) throw new Error(t('cases.actions.itemsRequired'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <div style={{ marginTop: 8 }} data-testid="action-items">
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="flex-start" wrap>
                    <Typography.Text style={{ paddingTop: 5, width: 20 }}>{i + 1}.</Typography.Text>
                    <Form.Item
                      name={[field.name, 'material']}
                      rules={[...required, { max: 200 }]}
                      style={{ flex: '1 1 180px', marginBottom: 8 }}
                    >
                      <Input
                        placeholder={t('cases.actions.material')}
                        aria-label={`${t('cases.actions.material')} ${i + 1}`}
                        maxLength={200}
                        data-testid={`action-item-material-${i}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'reason']}
                      rules={[...required, { max: 500 }]}
                      style={{ flex: '2 1 220px', marginBottom: 8 }}
                    >
                      <Input
                        placeholder={t('cases.actions.itemReason')}
                        aria-label={`${t('cases.actions.itemReason')} ${i + 1}`}
                        maxLength={500}
                        data-testid={`action-item-reason-${i}`}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      disabled={fields.length <= 1}
                      aria-label={`${t('cases.actions.removeItem')} ${i + 1}`}
                      data-testid={`action-item-remove-${i}`}
                    >
                      {t('cases.actions.removeItem')}
                    </Button>
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ material: '', reason: '' })}
                  disabled={fields.length >= 50}
                  data-testid="action-add-item"
                >
                  {t('cases.actions.addItem')}
                </Button>
                <Form.ErrorList errors={errors} />
              </div>
            )}
          </Form.List>
        </>
      );
    case 'supplement_received':
      return text('note', t('cases.actions.note'), false);
    case 'special_started':
      return (
        <>
          <Form.Item
            name="procedure"
            label={t('cases.actions.procedure')}
            rules={[{ required: true, message: t('common.required') }]}
            extra={
              detail.matter.specialProcedures.length === 0 ? t('cases.actions.procedureNone') : undefined
            }
          >
            <Select
              options={detail.matter.specialProcedures.map((p) => ({
                value: p,
                label: caseLabel('specialProcedure', p),
              }))}
              data-testid="action-procedure"
            />
          </Form.Item>
          {text('note', t('cases.actions.note'), false)}
        </>
      );
    case 'special_ended':
      return text('result', t('cases.actions.specialResult'), true);
    case 'extended': {
      const left = extensionLeft(detail);
      return (
        <>
          <Form.Item
            name="days"
            label={t('cases.actions.days')}
            extra={left > 0 ? t('cases.actions.daysMax', { max: left }) : t('cases.actions.daysNone')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} max={Math.max(1, left)} precision={0} data-testid="action-days" />
          </Form.Item>
          {text('reason', t('cases.actions.extensionReason'), true)}
        </>
      );
    }
    case 'reviewed':
      return text('opinion', t('cases.actions.reviewOpinion'), true, 2000);
    case 'decided':
      return (
        <>
          <Form.Item
            name="decision"
            label={t('cases.actions.decision')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Radio.Group
              data-testid="action-decision"
              options={(['approve', 'deny'] as const).map((d) => ({
                value: d,
                label: caseLabel('decision', d),
              }))}
            />
          </Form.Item>
          {text('opinion', t('cases.actions.decisionOpinion'), true, 2000)}
        </>
      );
    case 'completed':
      return (
        <>
          <Form.Item
            name="result"
            label={t('cases.actions.result')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Radio.Group
              data-testid="action-result"
              options={COMPLETION_RESULTS.map((r) => ({ value: r, label: caseLabel('result', r) }))}
            />
          </Form.Item>
          {text('note', t('cases.actions.note'), false)}
        </>
      );
    case 'delivered':
      return (
        <Form.Item
          name="method"
          label={t('cases.actions.deliveryMethod')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group
            data-testid="action-method"
            options={DELIVERY_METHODS.map((m) => ({ value: m, label: caseLabel('deliveryMethod', m) }))}
          />
        </Form.Item>
      );
  }
}

/** Initial values that save a click: one empty supplement line, the result the decision implies. */
function initialValues(kind: ActionKind, c: CaseDetail): ActionForm {
  if (kind === 'supplement_requested') return { items: [{ material: '', reason: '' }] };
  if (kind === 'completed') {
    const decided = [...c.events].reverse().find((e) => e.kind === 'decided');
    const decision = (decided?.payload as { decision?: string } | undefined)?.decision;
    return { result: decision === 'deny' ? 'denied' : 'approved' };
  }
  if (kind === 'delivered') return { method: 'window' };
  if (kind === 'extended') return { days: 1 };
  return {};
}

/**
 * The actions the server says this user may take now, one button each; each opens a small form and sends
 * {kind, version, payload} with an Idempotency-Key. A 409 (someone else acted first, an illegal step)
 * shows the server's reason and reloads the case.
 */
export function ActionPanel({ detail, onReload }: { detail: CaseDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ActionForm>();
  const [kind, setKind] = useState<ActionKind | null>(null);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const actions = ORDER.filter((k) => detail.allowedActions.includes(k));
  const notice = lastSupplementNotice(detail);

  const open = (k: ActionKind) => {
    setKind(k);
    setKey(newIdempotencyKey());
    setError(null);
    setUnmatched([]);
    form.resetFields();
    form.setFieldsValue(initialValues(k, detail));
  };
  const close = () => setKind(null);

  const submit = async (v: ActionForm) => {
    if (!kind) return;
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const body = { kind, version: detail.version, payload: payloadOf(kind, v) } as CaseActionInput;
    try {
      const next = await actOnCase(detail.id, body, key);
      queryClient.setQueryData(caseKeys.detail(detail.id), next);
      void queryClient.invalidateQueries({ queryKey: caseKeys.all, refetchType: 'none' });
      message.success(t('cases.actions.done', { action: t(`cases.actions.kind.${kind}`) }));
      close();
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        // The reason sits in the field problem (od.cases.stale, od.cases.transition.*), localised.
        const reason = e.fields.map((f) => f.message).join(t('common.listSeparator')) || e.message;
        message.error(t('cases.actions.conflict', { reason }), 6);
        close();
        onReload();
      } else {
        setError(e);
        setUnmatched(showFieldErrors(form, e, FIELD_OF));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('cases.actions.title')} data-testid="case-actions">
      {actions.length === 0 ? (
        <Typography.Text type="secondary" data-testid="case-actions-none">
          {t('cases.actions.none')}
        </Typography.Text>
      ) : (
        <Space wrap>
          {actions.map((k) => (
            <Button
              key={k}
              type={PRIMARY.has(k) ? 'primary' : 'default'}
              danger={DANGER.has(k)}
              onClick={() => open(k)}
              data-testid={`case-action-${k}`}
            >
              {t(`cases.actions.kind.${k}`)}
            </Button>
          ))}
        </Space>
      )}
      {notice && (
        <div style={{ marginTop: 12 }}>
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="case-print-notice">
              {t('cases.actions.printNotice')}
            </Button>
            <ExportButton
              path={`/api/cases/${detail.id}/supplement-notice.xlsx`}
              query={{}}
              filename={`${t('cases.actions.notice.title')}-${detail.caseNo}.xlsx`}
              testId="case-export-notice"
              label={t('cases.actions.exportNotice')}
            />
          </Space>
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t('cases.actions.hint')}
      </Typography.Paragraph>
      <Modal
        open={kind !== null}
        title={kind ? `${t(`cases.actions.kind.${kind}`)} · ${detail.caseNo}` : ''}
        onCancel={close}
        width={kind === 'supplement_requested' ? 720 : 520}
        forceRender
        footer={[
          <Button key="cancel" onClick={close} data-testid="case-action-cancel">
            {t('common.cancel')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            danger={kind ? DANGER.has(kind) : false}
            loading={busy}
            onClick={() => form.submit()}
            data-testid="case-action-submit"
          >
            {t('cases.actions.submit')}
          </Button>,
        ]}
      >
        <Form<ActionForm>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          data-testid="case-action-form"
          data-kind={kind ?? undefined}
        >
          {error !== null && (
            <div style={{ marginBottom: 16 }}>
              <FormErrorAlert error={error} unmatched={unmatched} testId="case-action-error" />
            </div>
          )}
          {kind && <ActionFields kind={kind} detail={detail} />}
        </Form>
      </Modal>
    </Card>
  );
}
