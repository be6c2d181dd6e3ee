import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Progress,
  Result,
  Space,
  Steps,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { CopyOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api/download.ts';
import { isApiError } from '../api/errors.ts';
import { fetchMe, meKey, useAuth } from '../app/auth.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { errorText } from './errorText.ts';
import {
  problemsCsv,
  uploadWorkbook,
  XLSX_TYPE,
  type ImportOutcome,
  type ImportProblem,
  type ImportResult,
} from './importUpload.ts';

/** The server takes at most this much (its import body limit). */
const MAX_BYTES = 20 * 1024 * 1024;

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Rejected = Extract<ImportOutcome, { kind: 'rejected' }>;

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; dryRun: boolean; percent: number }
  | { step: 'checked'; result: ImportResult }
  | { step: 'rejected'; outcome: Rejected }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; error: unknown };

/** Every problem of a rejected file: sheet, row, column, reason; copyable as CSV. */
function ProblemsTable({ outcome }: { outcome: Rejected }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rows = outcome.problems.map((p, i) => ({ ...p, key: i }));
  const columns: TableColumnsType<ImportProblem & { key: number }> = [
    {
      key: 'sheet',
      dataIndex: 'sheet',
      title: t('catalog.import.sheet'),
      width: 110,
      filters: [...new Set(outcome.problems.map((p) => p.sheet))].map((s) => ({ text: s, value: s })),
      onFilter: (v, p) => p.sheet === v,
      render: (sheet: string) => sheet || '—',
    },
    {
      key: 'row',
      dataIndex: 'row',
      title: t('catalog.import.row'),
      width: 70,
      align: 'right',
      sorter: (a, b) => a.row - b.row,
      // Row 0: the problem is the whole file or sheet.
      render: (row: number) => (row > 0 ? row : '—'),
    },
    {
      key: 'column',
      dataIndex: 'column',
      title: t('catalog.import.column'),
      width: 140,
      render: (column: string | null) => column || '—',
    },
    { key: 'message', dataIndex: 'message', title: t('catalog.import.reason'), width: 420 },
  ];
  const copy = async () => {
    const csv = problemsCsv(outcome.problems, [
      t('catalog.import.sheet'),
      t('catalog.import.row'),
      t('catalog.import.column'),
      t('catalog.import.reason'),
    ]);
    try {
      await navigator.clipboard.writeText(csv);
      message.success(t('catalog.import.copied', { count: outcome.problems.length }));
    } catch {
      message.error(t('catalog.import.copyFailed'));
    }
  };
  return (
    <Card
      size="small"
      title={t('catalog.import.problems')}
      extra={
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="import-copy-csv">
          {t('catalog.import.copyCsv')}
        </Button>
      }
    >
      {outcome.problemCount > outcome.problems.length && (
        <Typography.Paragraph type="secondary">
          {t('catalog.import.shown', { shown: outcome.problems.length, count: outcome.problemCount })}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{
          pageSize: 20,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
        }}
        scroll={{ x: 740 }}
        data-testid="import-problems"
      />
    </Card>
  );
}

interface Props {
  /** e.g. `/api/datasets/import/template.xlsx` */
  templatePath: string;
  templateFilename: string;
  /** e.g. `/api/datasets/import` */
  importPath: string;
  /** What to fill in and how the import behaves. */
  intro: ReactNode;
  /** The dry run's verdict and the import's result, in the feature's words. */
  checkedText: (result: ImportResult) => string;
  doneText: (result: ImportResult) => string;
  /** After a real import: e.g. refresh the lists it changed. */
  onImported?: (result: ImportResult) => Promise<unknown> | void;
  /** Buttons beside "choose another file" once imported (e.g. open the list). */
  doneActions?: ReactNode[];
}

/**
 * An Excel import, step by step: download the template, choose the file, a dry run that reports every
 * problem (sheet, row, column, reason), then the import, which applies all rows or none.
 */
export function XlsxImport({
  templatePath,
  templateFilename,
  importPath,
  intro,
  checkedText,
  doneText,
  onImported,
  doneActions = [],
}: Props) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [templateBusy, setTemplateBusy] = useState(false);

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    try {
      await downloadFile(templatePath, templateFilename);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setTemplateBusy(false);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setPhase({ step: 'uploading', dryRun, percent: 0 });
    try {
      const upload = (csrfToken: string) =>
        uploadWorkbook(importPath, file, {
          dryRun,
          csrfToken,
          onProgress: (percent) => setPhase({ step: 'uploading', dryRun, percent }),
        });
      let outcome: ImportOutcome;
      try {
        outcome = await upload(me.csrfToken);
      } catch (e) {
        // The token belonged to an earlier session: fetch the current one and try once more.
        if (!isApiError(e) || e.code !== 'CSRF_FAILED') throw e;
        const fresh = await queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });
        if (!fresh) throw e;
        outcome = await upload(fresh.csrfToken);
      }
      if (outcome.kind === 'rejected') setPhase({ step: 'rejected', outcome });
      else if (dryRun) setPhase({ step: 'checked', result: outcome.result });
      else {
        setPhase({ step: 'done', result: outcome.result });
        await onImported?.(outcome.result);
      }
    } catch (error) {
      setPhase({ step: 'failed', error });
    }
  };

  const pick = (f: File) => {
    if (!f.name.toLowerCase().endsWith('.xlsx')) {
      message.error(t('catalog.import.notXlsx'));
      return;
    }
    if (f.size > MAX_BYTES) {
      message.error(t('catalog.import.tooLarge'));
      return;
    }
    setFile(f);
    setPhase({ step: 'idle' });
  };

  const reset = () => {
    setFile(null);
    setPhase({ step: 'idle' });
  };

  const current =
    phase.step === 'done'
      ? 3
      : phase.step === 'checked' || (phase.step === 'uploading' && !phase.dryRun)
        ? 3
        : file
          ? 2
          : 1;
  const busy = phase.step === 'uploading';

  return (
    <>
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <Steps
        size="small"
        current={current}
        items={[
          { title: t('catalog.import.step1') },
          { title: t('catalog.import.step2') },
          { title: t('catalog.import.step3') },
          { title: t('catalog.import.step4') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Button
          icon={<DownloadOutlined />}
          loading={templateBusy}
          onClick={() => void downloadTemplate()}
          data-testid="import-template"
        >
          {t('catalog.import.template')}
        </Button>
        {phase.step !== 'done' && (
          <div data-testid="import-file">
            <Upload.Dragger
              accept={`.xlsx,${XLSX_TYPE}`}
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(f) => {
                pick(f);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('catalog.import.chooseHint')}</p>
              {file && (
                <p className="ant-upload-hint" data-testid="import-file-name">
                  {t('catalog.import.file', { name: file.name, size: fileSize(file.size) })}
                </p>
              )}
            </Upload.Dragger>
          </div>
        )}
        {file && phase.step !== 'done' && (
          <Flex gap={8} wrap>
            <Button
              type={phase.step === 'checked' ? 'default' : 'primary'}
              loading={busy && phase.dryRun}
              disabled={busy}
              onClick={() => void run(true)}
              data-testid="import-validate"
            >
              {t('catalog.import.validate')}
            </Button>
            {phase.step === 'checked' && (
              <Button
                type="primary"
                disabled={phase.result.created + phase.result.updated === 0}
                onClick={() => void run(false)}
                data-testid="import-run"
              >
                {t('catalog.import.import')}
              </Button>
            )}
          </Flex>
        )}
        {phase.step === 'uploading' && (
          <div data-testid="import-progress" aria-live="polite">
            <Progress percent={phase.percent} status="active" />
            <Typography.Text type="secondary">
              {phase.percent < 100 ? t('catalog.import.uploading') : t('catalog.import.processing')}
            </Typography.Text>
          </div>
        )}
        {phase.step === 'checked' && (
          <Alert type="success" showIcon title={checkedText(phase.result)} data-testid="import-checked" />
        )}
        {phase.step === 'failed' && <ErrorAlert error={phase.error} testId="import-error" />}
        {phase.step === 'rejected' && (
          <>
            <Alert
              type="error"
              showIcon
              title={
                phase.outcome.message || t('catalog.import.rejected', { count: phase.outcome.problemCount })
              }
              description={
                phase.outcome.requestId ? (
                  <span style={{ opacity: 0.65, fontSize: 12 }}>
                    {t('common.requestId', { id: phase.outcome.requestId })}
                  </span>
                ) : undefined
              }
              data-testid="import-rejected"
            />
            <ProblemsTable outcome={phase.outcome} />
          </>
        )}
        {phase.step === 'done' && (
          <Result
            status="success"
            title={doneText(phase.result)}
            data-testid="import-done"
            extra={[
              ...doneActions,
              <Button key="again" onClick={reset} data-testid="import-again">
                {t('catalog.import.again')}
              </Button>,
            ]}
          />
        )}
      </Space>
    </>
  );
}
