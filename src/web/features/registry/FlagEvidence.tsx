import { Descriptions, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SystemFlag } from '../../api/types.ts';
import { registryLabel, USAGE_SIGNALS } from '../../i18n/labels.ts';
import { percent } from './common.tsx';
import { readDuplicateEvidence, readZombieEvidence, type ZombieEvidenceView } from './evidence.ts';

/** One line: "已连续 N 天无任何使用（阈值 90 天）". */
export function ZombieSummary({ evidence }: { evidence: ZombieEvidenceView }) {
  const { t } = useTranslation();
  const threshold = evidence.thresholdDays ?? '–';
  const text =
    evidence.daysSilent === null
      ? t('registry.evidence.zombieUnknown', { threshold })
      : evidence.lastUsedOn === null
        ? t('registry.evidence.zombieNeverUsed', { threshold })
        : t('registry.evidence.zombieSummary', { days: evidence.daysSilent, threshold });
  return <Typography.Text strong>{text}</Typography.Text>;
}

/** A similarity 0..1 as a short bar with its percentage. */
function Similarity({ value, testId }: { value: number | null; testId: string }) {
  if (value === null) return <>–</>;
  return (
    <Flex align="center" gap={8} data-testid={testId}>
      <Progress
        percent={Math.round(value * 100)}
        size={[96, 8]}
        showInfo={false}
        strokeColor={value >= 0.5 ? '#fa8c16' : '#1677ff'}
        style={{ margin: 0, lineHeight: 1 }}
        aria-hidden
      />
      <span style={{ minWidth: 36, paddingInlineEnd: 16, whiteSpace: 'nowrap' }}>{percent(value)}</span>
    </Flex>
  );
}

interface Props {
  flag: SystemFlag;
  /** On a system's page: the system shown, so that a duplicate names the other one. */
  currentSystemId?: string;
  /** Fewer rows (the flags list); the system page shows everything. */
  compact?: boolean;
}

/** A flag's evidence, readably: days silent against the threshold, or the similar system and why. */
export function FlagEvidence({ flag, currentSystemId, compact = false }: Props) {
  const { t } = useTranslation();
  const none = t('registry.evidence.none');
  const date = (d: string | null) => d ?? t('registry.system.neverUsed');

  if (flag.kind === 'zombie') {
    const e = readZombieEvidence(flag.evidence);
    const usedSignals = USAGE_SIGNALS.filter((s) => e.lastUse[s] !== null);
    const signalTags = (
      <Flex wrap gap={4}>
        {(compact && usedSignals.length > 0 ? usedSignals : USAGE_SIGNALS).map((s) => (
          <Tag key={s} style={{ marginInlineEnd: 0 }}>
            {t('registry.evidence.signalLastUse', {
              signal: registryLabel('signal', s),
              date: date(e.lastUse[s]),
            })}
          </Tag>
        ))}
      </Flex>
    );
    if (compact)
      return (
        <div data-testid={`flag-evidence-${flag.id}`} data-kind="zombie">
          <ZombieSummary evidence={e} />
          <div style={{ margin: '4px 0' }}>
            <Typography.Text type="secondary">
              {t('registry.evidence.lastUsedOnValue', { date: date(e.lastUsedOn) })}
            </Typography.Text>
          </div>
          {signalTags}
        </div>
      );
    return (
      <div data-testid={`flag-evidence-${flag.id}`} data-kind="zombie">
        <ZombieSummary evidence={e} />
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          style={{ marginTop: 4 }}
          items={[
            {
              key: 'silent',
              label: t('registry.evidence.silentDays'),
              children:
                e.daysSilent === null ? none : t('registry.evidence.daysValue', { count: e.daysSilent }),
            },
            {
              key: 'threshold',
              label: t('registry.evidence.threshold'),
              children:
                e.thresholdDays === null
                  ? none
                  : t('registry.evidence.daysValue', { count: e.thresholdDays }),
            },
            { key: 'last', label: t('registry.evidence.lastUsedOn'), children: date(e.lastUsedOn) },
            { key: 'launch', label: t('registry.evidence.launchDate'), children: e.launchDate ?? none },
            {
              key: 'users',
              label: t('registry.evidence.declaredUserCount'),
              children: e.declaredUserCount === null ? none : e.declaredUserCount.toLocaleString(),
            },
          ]}
        />
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text type="secondary">{t('registry.evidence.lastUsePerSignal')}</Typography.Text>
          {signalTags}
        </Flex>
      </div>
    );
  }

  const e = readDuplicateEvidence(flag.evidence);
  // The pair is stored once; on a system's page the "other" one is whichever that system is not.
  const other =
    currentSystemId && flag.otherSystem && flag.otherSystem.id === currentSystemId
      ? flag.system
      : flag.otherSystem;
  return (
    <div data-testid={`flag-evidence-${flag.id}`} data-kind="duplicate">
      <Descriptions
        size="small"
        column={compact ? 1 : { xs: 1, sm: 2 }}
        items={[
          {
            key: 'other',
            label: t('registry.evidence.otherSystem'),
            span: 'filled' as const,
            children: other ? (
              <span>
                <Link to={`/registry/systems/${other.id}`} data-testid={`flag-other-${flag.id}`}>
                  {other.name}
                </Link>{' '}
                <Typography.Text type="secondary">
                  {other.code} · {other.department.name}
                </Typography.Text>
              </span>
            ) : (
              none
            ),
          },
          ...(compact
            ? [
                {
                  key: 'similarity',
                  label: t('registry.evidence.similarity'),
                  children: (
                    <Flex wrap gap={4} style={{ columnGap: 8 }}>
                      <Flex align="center" gap={6}>
                        <Typography.Text type="secondary">{t('registry.evidence.nameShort')}</Typography.Text>
                        <Similarity value={e.nameSimilarity} testId={`flag-name-sim-${flag.id}`} />
                      </Flex>
                      <Flex align="center" gap={6}>
                        <Typography.Text type="secondary">
                          {t('registry.evidence.purposeShort')}
                        </Typography.Text>
                        <Similarity value={e.purposeSimilarity} testId={`flag-purpose-sim-${flag.id}`} />
                      </Flex>
                    </Flex>
                  ),
                },
              ]
            : [
                {
                  key: 'name',
                  label: t('registry.evidence.nameSimilarity'),
                  children: <Similarity value={e.nameSimilarity} testId={`flag-name-sim-${flag.id}`} />,
                },
                {
                  key: 'purpose',
                  label: t('registry.evidence.purposeSimilarity'),
                  children: <Similarity value={e.purposeSimilarity} testId={`flag-purpose-sim-${flag.id}`} />,
                },
              ]),
          {
            key: 'datasets',
            label: t('registry.evidence.sharedDatasets'),
            span: 'filled' as const,
            children:
              e.sharedDatasets.length === 0 ? (
                none
              ) : (
                <Flex wrap gap={4}>
                  {e.sharedDatasets.map((d) => (
                    <Tag key={d} color="blue" style={{ marginInlineEnd: 0 }}>
                      {d}
                    </Tag>
                  ))}
                </Flex>
              ),
          },
          {
            key: 'reason',
            label: t('registry.evidence.reason'),
            span: 'filled' as const,
            children: e.reason ? registryLabel('duplicateReason', e.reason) : none,
          },
        ]}
      />
    </div>
  );
}
