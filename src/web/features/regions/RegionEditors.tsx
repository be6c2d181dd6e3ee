import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Region, RegionLevel } from '../../api/types.ts';
import { meKey } from '../../app/auth.ts';
import { useRegionScope } from '../../app/regionScope.tsx';
import { levelLabel } from '../../i18n/labels.ts';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { regionKeys } from '../../shared/regions.ts';
import { useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { createRegion, renameRegion } from './api.ts';

/** The levels that can sit directly under a region of the given level (parks are district-level units). */
export function childLevels(level: RegionLevel): RegionLevel[] {
  switch (level) {
    case 'district':
      return ['street', 'park'];
    case 'street':
      return ['community'];
    default:
      return [];
  }
}

/** Digits in a division code of each level; the server checks how the code fits the tree. */
const CODE_LENGTH: Record<RegionLevel, number> = { district: 6, street: 9, park: 9, community: 12 };

const NAME_RULES = { required: true, whitespace: true, min: 2, max: 50 } as const;

/**
 * After a change: the lists, counts and maps refetch, and the tree reloads the children of `reload` (the
 * levels whose names or child counts changed). Renaming the user's own region also refetches /api/me,
 * which names it in the header and at the tree's root.
 */
function useRefreshRegions() {
  const queryClient = useQueryClient();
  const { tree, root } = useRegionScope();
  return async (reload: (string | null)[], renamed?: string) => {
    await queryClient.invalidateQueries({ queryKey: regionKeys.all });
    const loaded = reload.filter((c): c is string => c !== null && tree.find(c) !== undefined);
    await Promise.all(loaded.map((c) => tree.reloadChildren(c).catch(() => undefined)));
    if (renamed === root.code) await queryClient.invalidateQueries({ queryKey: meKey });
  };
}

interface RenameValues {
  name: string;
}

/** Renames a region (regions.manage). Open while `region` is set. */
export function RenameRegionModal({ region, onClose }: { region: Region | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshRegions();
  const [form] = Form.useForm<RenameValues>();
  const submit = useFormSubmit(
    form,
    ['name'],
    async (values: RenameValues) => {
      if (!region) return;
      const name = values.name.trim();
      await renameRegion(region.code, name);
      message.success(t('regions.renamed', { name }));
      await refresh([region.parentCode], region.code);
      onClose();
    },
    'region-rename-error',
  );
  const { clear } = submit;
  // Another region to rename: forget the previous one's error.
  useEffect(() => clear(), [region, clear]);

  return (
    <Modal
      open={region !== null}
      title={region ? t('regions.renameTitle', { code: region.code }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'region-rename-save' } as Record<string, string>}
    >
      {submit.alert}
      <Form<RenameValues>
        key={region?.code}
        form={form}
        layout="vertical"
        onFinish={submit.onFinish}
        preserve={false}
        initialValues={{ name: region?.name }}
      >
        <Form.Item
          name="name"
          label={t('regions.name')}
          rules={[{ ...NAME_RULES, message: t('regions.nameLength') }]}
        >
          <Input data-testid="region-rename-input" autoComplete="off" maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const ADD_FIELDS = ['level', 'code', 'name'] as const;

interface AddValues {
  level: RegionLevel;
  code: string;
  name: string;
}

interface AddProps {
  open: boolean;
  /** The region the new one goes under. */
  parent: Region;
  onClose: () => void;
}

/** Adds a street, park or community under a region (regions.manage). */
export function AddRegionDrawer({ open, parent, onClose }: AddProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshRegions();
  const [form] = Form.useForm<AddValues>();
  const levels = childLevels(parent.level);
  const level = Form.useWatch('level', form) ?? levels[0];

  const submit = useFormSubmit(
    form,
    ADD_FIELDS,
    async (values: AddValues) => {
      const name = values.name.trim();
      await createRegion({ code: values.code.trim(), name, level: values.level, parentCode: parent.code });
      message.success(t('regions.added', { name }));
      await refresh([parent.code, parent.parentCode]);
      onClose();
    },
    'region-add-error',
  );

  const codeHint = (l: RegionLevel | undefined) => {
    switch (l) {
      case 'park':
        return t('regions.codeHintPark', { parent: parent.code });
      case 'community':
        return t('regions.codeHintCommunity', { parent: parent.code });
      default:
        return t('regions.codeHintStreet', { parent: parent.code });
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('regions.addTitle', { name: parent.name })}
      form={form}
      submit={submit}
      initialValues={{ level: levels[0], code: parent.code }}
      testId="region-add-drawer"
      saveTestId="region-add-save"
    >
      <Form.Item label={t('regions.parent')}>
        <Input value={`${parent.name} ${parent.code}`} disabled />
      </Form.Item>
      <Form.Item
        name="level"
        label={t('regions.level')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          options={levels.map((l) => ({ value: l, label: levelLabel(l) }))}
          data-testid="region-add-level"
        />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('regions.code')}
        extra={codeHint(level)}
        dependencies={['level']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const l = getFieldValue('level') as RegionLevel | undefined;
              if (!value || !l) return Promise.resolve();
              const len = CODE_LENGTH[l];
              return new RegExp(`^\\d{${len}}$`).test(value.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('regions.codeDigits', { count: len })));
            },
          }),
        ]}
      >
        <Input data-testid="region-add-code" autoComplete="off" inputMode="numeric" maxLength={12} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('regions.name')}
        rules={[{ ...NAME_RULES, message: t('regions.nameLength') }]}
      >
        <Input data-testid="region-add-name" autoComplete="off" maxLength={50} />
      </Form.Item>
    </FormDrawer>
  );
}
