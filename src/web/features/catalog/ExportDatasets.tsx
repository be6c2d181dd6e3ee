import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/download.ts';
import type { DatasetQuery } from '../../api/types.ts';
import { errorText } from '../../shared/errorText.ts';

/** `/api/datasets/export.xlsx?…` with the list's filters; a filter with several values is repeated. */
export function datasetExportUrl(query: DatasetQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === null || value === '')
      continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const qs = params.toString();
  return qs ? `/api/datasets/export.xlsx?${qs}` : '/api/datasets/export.xlsx';
}

/**
 * Excel export of the catalogue as filtered and sorted. Like shared/ExportButton, but the catalogue's
 * department filter can hold several values, which the shared URL builder would join into one.
 */
export function ExportDatasets({ query }: { query: DatasetQuery }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadFile(datasetExportUrl(query), 'datasets.xlsx');
    } catch (e) {
      message.error(`${t('common.exportFailed')}: ${errorText(e, t)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void onClick()}
      data-testid="catalog-export"
    >
      {t('common.export')}
    </Button>
  );
}
