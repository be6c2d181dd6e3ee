import { useEffect, useState } from 'react';
import { Modal, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Shown while the work runs. */
  open: boolean;
  title: string;
  /** What is being done, in a sentence. */
  description: string;
  /** Seconds a typical run takes, for the progress estimate (the bar never reaches 100% by itself). */
  expectedSeconds: number;
  testId: string;
}

/**
 * Progress for a long request the server answers only when done (a guide inspection, a
 * reconciliation): an estimated bar that slows as it nears the end, and the time elapsed.
 */
export function LongTask({ open, title, description, expectedSeconds, testId }: Props) {
  const { t } = useTranslation();
  const [elapsed, setElapsed] = useState(0);

  useEffect(() => {
    if (!open) return;
    setElapsed(0);
    const started = Date.now();
    const timer = window.setInterval(() => setElapsed((Date.now() - started) / 1000), 250);
    return () => window.clearInterval(timer);
  }, [open]);

  // Approaches 95% asymptotically: about 63% at the expected time, never claiming to be done.
  const percent = Math.min(95, Math.round(95 * (1 - Math.exp(-elapsed / Math.max(1, expectedSeconds)))));
  return (
    <Modal
      open={open}
      title={title}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={null}
      destroyOnHidden
      data-testid={testId}
    >
      <Typography.Paragraph>{description}</Typography.Paragraph>
      <Progress percent={percent} status="active" aria-label={title} />
      <Typography.Text type="secondary" data-testid={`${testId}-elapsed`}>
        {t('services.longTask.elapsed', { seconds: Math.floor(elapsed) })}
      </Typography.Text>
    </Modal>
  );
}
