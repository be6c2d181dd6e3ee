import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Row, Space, Tag, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Region, RegionFeatureProperties, RegionRef } from '../../api/types.ts';
import { useAuth } from '../../app/auth.ts';
import { useRegionScope } from '../../app/regionScope.tsx';
import { fetchRegions, isLeafLevel, regionKeys, type RegionNode } from '../../shared/regions.ts';
import { RegionCounts } from './RegionCounts.tsx';
import { RegionDetail } from './RegionDetail.tsx';
import { RegionMap, useMapData } from './RegionMap.tsx';
import { RegionTable } from './RegionTable.tsx';

interface TreeItem {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: TreeItem[];
}

function toTreeItem(node: RegionNode): TreeItem {
  return {
    key: node.code,
    title: node.name,
    isLeaf: node.isLeaf,
    ...(node.children ? { children: node.children.map(toTreeItem) } : {}),
  };
}

function ref(r: RegionRef): RegionRef {
  return { code: r.code, name: r.name, level: r.level };
}

/** A region record for the detail panel: from the tree when loaded, else looked up by code. */
function useRegionRecord(code: string | null, fromTree: Region | undefined) {
  return useQuery({
    queryKey: regionKeys.list({ q: code ?? '', pageSize: 10 }),
    queryFn: async () => {
      const page = await fetchRegions({ q: code ?? '', pageSize: 10 });
      return page.items.find((r) => r.code === code) ?? null;
    },
    enabled: code !== null && !fromTree,
  });
}

/** Regions: the division tree beside the map (drill district → street → community), details, counts, list. */
export function RegionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { selected: scopeRegion, tree } = useRegionScope();

  // The region whose children the map shows, and the region picked for details.
  const [mapRoot, setMapRoot] = useState<RegionRef>(() => ref(scopeRegion));
  const [picked, setPicked] = useState<string | null>(scopeRegion.code);
  const [expanded, setExpanded] = useState<string[]>([tree.root.code]);

  // Following the header's region picker.
  useEffect(() => {
    const target = isLeafLevel(scopeRegion.level)
      ? tree.find(scopeRegion.code)?.parentCode
      : scopeRegion.code;
    const node = target ? tree.find(target) : undefined;
    setMapRoot(node ? ref(node) : ref(scopeRegion));
    setPicked(scopeRegion.code);
    // Only when the header selection changes, not on every tree load.
  }, [scopeRegion.code]);

  const mapData = useMapData(mapRoot.code);
  const schematic = mapData.data?.collection.features.some((f) => f.properties.schematic) ?? false;

  const drillTo = (region: RegionRef) => {
    setMapRoot(ref(region));
    setExpanded((prev) => (prev.includes(region.code) ? prev : [...prev, region.code]));
    void tree.loadChildren(region.code).catch(() => undefined);
  };

  const onMapClick = (feature: RegionFeatureProperties) => {
    setPicked(feature.code);
    if (!isLeafLevel(feature.level) && !mapData.data?.own) drillTo(feature);
  };

  const onTreeSelect = (code: string) => {
    const node = tree.find(code);
    if (!node) return;
    setPicked(code);
    if (!node.isLeaf) drillTo(node);
    else if (node.parentCode) {
      const parent = tree.find(node.parentCode);
      if (parent) setMapRoot(ref(parent));
    }
  };

  const breadcrumb = useMemo(() => {
    const path = tree.pathTo(mapRoot.code);
    return path.length > 0 ? path : [{ ...mapRoot, parentCode: null, isLeaf: false }];
  }, [tree, mapRoot]);

  const pickedNode = picked ? tree.find(picked) : undefined;
  // The counts follow the picked region; for a community or park, the map's region around it.
  const countsRegion = pickedNode && !isLeafLevel(pickedNode.level) ? ref(pickedNode) : mapRoot;
  const lookup = useRegionRecord(picked, pickedNode?.record);
  const pickedRecord = pickedNode?.record ?? lookup.data ?? null;
  const parentName = pickedRecord?.parentCode ? tree.find(pickedRecord.parentCode)?.name : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-regions">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('regions.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7}>
          <Card
            title={t('regions.tree')}
            size="small"
            styles={{ body: { maxHeight: 520, overflow: 'auto' } }}
          >
            <Tree
              data-testid="region-tree"
              treeData={[toTreeItem(tree.root)]}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectedKeys={picked ? [picked] : []}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) onTreeSelect(String(key));
              }}
              loadData={async (node) => {
                await tree.loadChildren(String(node.key));
              }}
              titleRender={(node) => (
                <span data-testid={`region-node-${String(node.key)}`}>{String(node.title)}</span>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          <Card
            size="small"
            title={
              <Breadcrumb
                data-testid="map-breadcrumb"
                items={breadcrumb.map((node, i) => ({
                  key: node.code,
                  title:
                    i < breadcrumb.length - 1 ? (
                      <a
                        href="#"
                        onClick={(e) => {
                          e.preventDefault();
                          setMapRoot(ref(node));
                          setPicked(node.code);
                        }}
                      >
                        {node.name}
                      </a>
                    ) : (
                      node.name
                    ),
                }))}
              />
            }
            extra={
              <Space>
                {schematic && (
                  <Tag color="orange" data-testid="map-schematic">
                    {t('regions.schematic')}
                  </Tag>
                )}
                {/* Only streets drill down further. */}
                {!mapData.data?.own && mapRoot.level === 'district' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('regions.drillHint')}
                  </Typography.Text>
                )}
              </Space>
            }
          >
            <div data-testid="region-map" aria-label={t('regions.map')} role="img">
              <RegionMap rootCode={mapRoot.code} selectedCode={picked} onFeatureClick={onMapClick} />
            </div>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <RegionDetail region={pickedRecord} parentName={parentName} canManage={can('regions.manage')} />
        </Col>
        <Col xs={24} lg={14}>
          <RegionCounts region={countsRegion} isScopeRoot={countsRegion.code === tree.root.code} />
        </Col>
      </Row>
      <RegionTable parent={mapRoot} onSelect={(r) => setPicked(r.code)} />
    </Space>
  );
}
