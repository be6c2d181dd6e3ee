import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionNode } from '../shared/regions.ts';
import { useRegionScope } from './regionScope.tsx';

export interface RegionOption {
  value: string;
  title: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

export function toTreeSelectData(node: RegionNode): RegionOption {
  return {
    value: node.code,
    title: node.name,
    isLeaf: node.isLeaf,
    ...(node.children ? { children: node.children.map(toTreeSelectData) } : {}),
  };
}

interface RegionSelectProps {
  value?: string | undefined;
  onChange?: (code: string) => void;
  testId?: string;
  disabled?: boolean;
}

/** A region chooser over the user's own subtree; usable as an antd form control. */
export function RegionSelect({ value, onChange, testId, disabled }: RegionSelectProps) {
  const { t } = useTranslation();
  const { tree, canBrowse } = useRegionScope();
  return (
    <TreeSelect
      data-testid={testId}
      value={value}
      onChange={(code: string) => onChange?.(code)}
      treeData={[toTreeSelectData(tree.root)]}
      loadData={async (node) => {
        const code = (node as { value?: unknown }).value;
        if (typeof code === 'string') await tree.loadChildren(code);
      }}
      treeDefaultExpandedKeys={[tree.root.code]}
      disabled={disabled || !canBrowse}
      placeholder={t('header.regionPlaceholder')}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}

/** The header's region picker: limited to the user's scope; the choice is kept in the region context. */
export function RegionPicker({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { selected, select, tree, canBrowse } = useRegionScope();
  return (
    <span data-testid="region-picker" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {!compact && <span style={{ whiteSpace: 'nowrap' }}>{t('header.regionScope')}</span>}
      <span style={{ width: compact ? 130 : 220 }}>
        <RegionSelect
          value={selected.code}
          disabled={!canBrowse}
          onChange={(code) => {
            const node = tree.find(code);
            if (node) select({ code: node.code, name: node.name, level: node.level });
          }}
        />
      </span>
    </span>
  );
}
