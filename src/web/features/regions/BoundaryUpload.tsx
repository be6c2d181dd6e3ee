import { useState } from 'react';
import { Alert, App, Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RegionRef } from '../../api/types.ts';
import { isApiError } from '../../api/errors.ts';
import { errorText } from '../../shared/errorText.ts';
import { regionKeys } from '../../shared/regions.ts';
import { checkBoundary, MAX_BOUNDARY_MB, type GeoProblem } from './geojson.ts';
import { uploadBoundary } from './api.ts';

function problemText(problem: GeoProblem, t: TFunction): string {
  switch (problem.key) {
    case 'fileTooLarge':
      return t('regions.geo.fileTooLarge', { max: problem.max });
    case 'unsupportedType':
      return t('regions.geo.unsupportedType', { type: problem.type });
    case 'badPosition':
      return t('regions.geo.badPosition', { index: problem.index });
    case 'invalidJson':
      return t('regions.geo.invalidJson');
    case 'featureCollection':
      return t('regions.geo.featureCollection');
    case 'noGeometry':
      return t('regions.geo.noGeometry');
    case 'ringTooShort':
      return t('regions.geo.ringTooShort');
    case 'ringNotClosed':
      return t('regions.geo.ringNotClosed');
    case 'empty':
      return t('regions.geo.empty');
  }
}

interface Failure {
  title: string;
  problems: string[];
  requestId?: string | undefined;
}

/** Upload of a GeoJSON boundary for one region (regions.manage). */
export function BoundaryUpload({ region }: { region: RegionRef }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const handle = async (file: File) => {
    setFailure(null);
    if (file.size > MAX_BOUNDARY_MB * 1024 * 1024) {
      setFailure({
        title: t('regions.uploadFailed'),
        problems: [problemText({ key: 'fileTooLarge', max: MAX_BOUNDARY_MB }, t)],
      });
      return;
    }
    const checked = checkBoundary(await file.text());
    if (!checked.ok) {
      setFailure({
        title: t('regions.uploadFailed'),
        problems: checked.problems.map((p) => problemText(p, t)),
      });
      return;
    }
    setBusy(true);
    try {
      await uploadBoundary(region.code, checked.body);
      message.success(t('regions.uploadSuccess', { name: region.name }));
      await queryClient.invalidateQueries({ queryKey: regionKeys.all });
    } catch (e) {
      setFailure({
        title: isApiError(e) && e.fields.length > 0 ? t('regions.uploadFailed') : errorText(e, t),
        problems: isApiError(e) ? e.fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)) : [],
        requestId: isApiError(e) ? e.requestId : undefined,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".geojson,.json,application/geo+json,application/json"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          void handle(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="boundary-upload">
          {t('regions.upload')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('regions.uploadHint')}
      </Typography.Text>
      {failure && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailure(null) }}
          data-testid="boundary-upload-errors"
          title={failure.title}
          description={
            <>
              {failure.problems.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {failure.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              )}
              {failure.requestId && <small>{t('common.requestId', { id: failure.requestId })}</small>}
            </>
          }
        />
      )}
    </Space>
  );
}
