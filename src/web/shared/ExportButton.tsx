import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile, exportUrl } from '../api/download.ts';
import { errorText } from './errorText.ts';

interface Props {
  /** e.g. `/api/users/export.xlsx` */
  path: string;
  /** The list's current filters and sort; paging is left out. */
  query: Record<string, string | number | undefined | null>;
  filename: string;
  testId: string;
  /** The button's words when "export" alone would not say what is exported. */
  label?: string;
}

export function ExportButton({ path, query, filename, testId, label }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadFile(exportUrl(path, query), filename);
    } catch (e) {
      message.error(`${t('common.exportFailed')}: ${errorText(e, t)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void onClick()} data-testid={testId}>
      {label ?? t('common.export')}
    </Button>
  );
}
