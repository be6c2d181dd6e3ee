import { Card, Empty, Skeleton, Steps, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetReview, DatasetStatus, ReviewAction } from '../../api/types.ts';
import { catalogCodeLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';

const MAIN_STEPS: DatasetStatus[] = ['draft', 'submitted', 'approved', 'published'];

const ACTION_COLORS: Record<ReviewAction, string> = {
  submit: 'blue',
  withdraw: 'gray',
  approve: 'green',
  reject: 'red',
  publish: 'green',
  revise: 'orange',
  deprecate: 'red',
};

/** The latest time the entry reached a status, from the log. */
function reachedAt(reviews: DatasetReview[], status: DatasetStatus): string | undefined {
  return reviews.filter((r) => r.toStatus === status).sort((a, b) => b.at.localeCompare(a.at))[0]?.at;
}

/** draft → submitted → approved → published (→ deprecated), with the current status and when each was reached. */
export function LifecycleSteps({
  status,
  reviews,
  createdAt,
}: {
  status: DatasetStatus;
  reviews: DatasetReview[];
  /** When the entry was created: the draft step's time until it is sent back to draft. */
  createdAt: string;
}) {
  const { t } = useTranslation();
  const steps: DatasetStatus[] = status === 'deprecated' ? [...MAIN_STEPS, 'deprecated'] : MAIN_STEPS;
  const current = steps.indexOf(status);
  return (
    <Steps
      size="small"
      current={current}
      status={status === 'deprecated' ? 'error' : status === 'published' ? 'finish' : 'process'}
      data-testid="dataset-lifecycle"
      items={steps.map((s, i) => {
        const at =
          i <= current ? (reachedAt(reviews, s) ?? (s === 'draft' ? createdAt : undefined)) : undefined;
        return {
          title: t(`catalog.steps.${s}`),
          content: at ? formatDateTime(at, { seconds: false }) : undefined,
        };
      })}
    />
  );
}

/** The lifecycle log with review comments, newest first. */
export function ReviewLog({
  reviews,
  loading,
  error,
  onRetry,
}: {
  reviews: DatasetReview[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const sorted = [...reviews].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Card title={t('catalog.detail.reviews')} size="small" data-testid="dataset-reviews">
      {error !== null && <ErrorAlert error={error} onRetry={onRetry} />}
      {loading ? (
        <Skeleton active />
      ) : sorted.length === 0 ? (
        <Empty description={t('catalog.reviews.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={sorted.map((r) => ({
            key: r.id,
            color: ACTION_COLORS[r.action],
            content: (
              <div data-testid={`review-${r.id}`}>
                <Typography.Text strong>{catalogCodeLabel('action', r.action)}</Typography.Text>
                {r.actor && <Typography.Text> · {r.actor}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                  {formatDateTime(r.at, { seconds: false })}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('catalog.reviews.from', {
                      from: catalogCodeLabel('status', r.fromStatus),
                      to: catalogCodeLabel('status', r.toStatus),
                    })}
                  </Typography.Text>
                </div>
                {r.comment && (
                  <Typography.Paragraph
                    style={{
                      margin: '4px 0 0',
                      padding: '4px 8px',
                      background: '#fafafa',
                      borderRadius: 4,
                      whiteSpace: 'pre-wrap',
                    }}
                    data-testid="review-comment"
                  >
                    {r.comment}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
