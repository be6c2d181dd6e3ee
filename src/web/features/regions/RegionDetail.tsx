import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../api/types.ts';
import { levelLabel } from '../../i18n/labels.ts';
import { BoundaryUpload } from './BoundaryUpload.tsx';
import { AddRegionDrawer, childLevels, RenameRegionModal } from './RegionEditors.tsx';

export function BoundaryTag({ region }: { region: Pick<Region, 'hasBoundary' | 'schematic'> }) {
  const { t } = useTranslation();
  if (!region.hasBoundary) return <Tag>{t('regions.boundaryNone')}</Tag>;
  return region.schematic ? (
    <Tag color="orange">{t('regions.boundarySchematic')}</Tag>
  ) : (
    <Tag color="green">{t('regions.boundaryOfficial')}</Tag>
  );
}

interface Props {
  region: Region | null;
  parentName: string | undefined;
  canManage: boolean;
}

export function RegionDetail({ region, parentName, canManage }: Props) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState(false);
  const canAdd = region !== null && childLevels(region.level).length > 0;
  return (
    <Card
      title={t('regions.detail')}
      size="small"
      data-testid="region-detail"
      extra={
        canManage &&
        region && (
          <Space size="small">
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setRenaming(true)}
              data-testid="region-rename"
            >
              {t('regions.rename')}
            </Button>
            {canAdd && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="region-add-child"
              >
                {t('regions.addChild')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {!region ? (
        <Empty description={t('regions.noSelection')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'name', label: t('regions.name'), children: region.name },
              { key: 'code', label: t('regions.code'), children: region.code },
              { key: 'level', label: t('regions.level'), children: levelLabel(region.level) },
              {
                key: 'parent',
                label: t('regions.parent'),
                children: region.parentCode ? `${parentName ?? ''} ${region.parentCode}` : t('common.none'),
              },
              { key: 'childCount', label: t('regions.childCount'), children: region.childCount },
              { key: 'boundary', label: t('regions.boundary'), children: <BoundaryTag region={region} /> },
            ]}
          />
          {canManage && (
            <>
              <BoundaryUpload region={region} />
              <RenameRegionModal region={renaming ? region : null} onClose={() => setRenaming(false)} />
              {canAdd && <AddRegionDrawer open={adding} parent={region} onClose={() => setAdding(false)} />}
            </>
          )}
        </>
      )}
    </Card>
  );
}
