import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassificationLevel, DatasetStatus, OpenType, SharingType } from '../../api/types.ts';
import { catalogCodeLabel } from '../../i18n/labels.ts';

/** Classification levels by colour: L1 open (green) … L4 highly sensitive (red). */
export const LEVEL_COLORS: Record<ClassificationLevel, string> = {
  L1: 'green',
  L2: 'blue',
  L3: 'orange',
  L4: 'red',
};

/** The same colours for charts (antd's palette). */
export const LEVEL_HEX: Record<ClassificationLevel, string> = {
  L1: '#52c41a',
  L2: '#1677ff',
  L3: '#fa8c16',
  L4: '#f5222d',
};

export const STATUS_COLORS: Record<DatasetStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  published: 'success',
  deprecated: 'error',
};

const SHARING_COLORS: Record<SharingType, string> = {
  unconditional: 'green',
  conditional: 'gold',
  none: 'default',
};

const OPEN_COLORS: Record<OpenType, string> = { open: 'green', conditional: 'gold', closed: 'default' };

const tagStyle = { marginInlineEnd: 0 };

export function LevelTag({ level, short = false }: { level: ClassificationLevel; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`catalog.levelHint.${level}`)}>
      <Tag color={LEVEL_COLORS[level]} style={tagStyle} data-testid={`level-${level}`}>
        {short ? level : catalogCodeLabel('level', level)}
      </Tag>
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: DatasetStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={tagStyle} data-testid="dataset-status">
      {catalogCodeLabel('status', status)}
    </Tag>
  );
}

export function SharingTag({ value }: { value: SharingType }) {
  return (
    <Tag color={SHARING_COLORS[value]} style={tagStyle}>
      {catalogCodeLabel('sharingType', value)}
    </Tag>
  );
}

export function OpenTag({ value }: { value: OpenType }) {
  return (
    <Tag color={OPEN_COLORS[value]} style={tagStyle}>
      {catalogCodeLabel('openType', value)}
    </Tag>
  );
}
