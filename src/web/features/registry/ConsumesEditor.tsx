import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Select, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SystemDetail } from '../../api/types.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { searchDatasets, setConsumes, systemKeys } from './api.ts';

type DatasetRef = SystemDetail['consumes'][number];

/** Chooses the datasets a system uses (registry.edit; the server checks the department). */
export function ConsumesEditor({ system }: { system: SystemDetail }) {
  const { t } = useTranslation();
  const label = (d: Pick<DatasetRef, 'code' | 'name'>) =>
    t('registry.system.datasetLabel', { name: d.name, code: d.code });
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const results = useQuery({
    queryKey: ['systems', 'dataset-search', search],
    queryFn: () => searchDatasets(search || undefined),
    enabled: open,
  });

  const start = () => {
    setChosen(system.consumes.map((d) => d.id));
    setKnown(new Map(system.consumes.map((d) => [d.id, label(d)])));
    setSearch('');
    setError(null);
    setOpen(true);
  };

  const options = new Map(known);
  for (const d of results.data?.items ?? []) options.set(d.id, label(d));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await setConsumes(system.id, { datasetIds: chosen });
      message.success(t('registry.system.consumesSaved'));
      await queryClient.invalidateQueries({ queryKey: systemKeys.detail(system.id) });
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={start} data-testid="system-consumes-edit">
        {t('common.edit')}
      </Button>
      <Modal
        open={open}
        title={t('registry.system.consumesTitle', { name: system.name })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, 'data-testid': 'system-consumes-save' }}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={640}
      >
        {error !== null && (
          <div style={{ marginBottom: 12 }}>
            <ErrorAlert error={error} />
          </div>
        )}
        <Typography.Paragraph type="secondary">{t('registry.system.consumesHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('registry.system.consumed')} htmlFor="system-consumes-select">
            <Select<string[]>
              id="system-consumes-select"
              mode="multiple"
              value={chosen}
              onChange={(ids) => {
                setChosen(ids);
                setKnown((prev) => {
                  const next = new Map(prev);
                  for (const id of ids) if (!next.has(id)) next.set(id, options.get(id) ?? id);
                  return next;
                });
              }}
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={results.isFetching}
              placeholder={t('registry.system.consumesSearch')}
              options={[...options].map(([value, text]) => ({ value, label: text }))}
              style={{ width: '100%' }}
              data-testid="system-consumes-select"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
