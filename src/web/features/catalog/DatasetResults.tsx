import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Empty, Flex, Pagination, Select, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetListItem, DatasetSort } from '../../api/types.ts';
import { catalogCodeLabel } from '../../i18n/labels.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { PAGE_SIZE_OPTIONS } from '../../shared/useListParams.ts';
import { LevelTag, OpenTag, SharingTag, StatusTag } from './CodeTags.tsx';
import type { CatalogSearch } from './useCatalogSearch.ts';

const SORT_LABEL: Record<DatasetSort, string> = {
  relevance: 'catalog.sort.relevance',
  name: 'catalog.sort.name',
  '-name': 'catalog.sort.name',
  updatedAt: 'catalog.sort.updated',
  '-updatedAt': 'catalog.sort.updated',
  '-releaseDate': 'catalog.sort.releaseDate',
  code: 'catalog.meta.code',
  '-code': 'catalog.meta.code',
};

/** Marks the words of the query in a text (case-insensitive, whole words of the query only). */
export function Highlight({ text, query }: { text: string; query: string | undefined }): ReactNode {
  const words = (query ?? '')
    .split(/\s+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  if (words.length === 0) return text;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'gi'));
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} style={{ padding: 0, background: '#fff1b8' }}>
        {part}
      </mark>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

function ResultItem({
  item,
  href,
  query,
  showStatus,
}: {
  item: DatasetListItem;
  href: string;
  query: string | undefined;
  showStatus: boolean;
}) {
  const { t } = useTranslation();
  return (
    <article
      data-testid={`dataset-result-${item.id}`}
      style={{ padding: '14px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
    >
      <Flex wrap gap={8} align="baseline">
        <Link to={href} data-testid="dataset-result-link" style={{ fontSize: 16, fontWeight: 500 }}>
          <Highlight text={item.name} query={query} />
        </Link>
        <Typography.Text type="secondary" copyable={{ text: item.code }} style={{ fontFamily: 'monospace' }}>
          {item.code}
        </Typography.Text>
      </Flex>
      <Flex wrap gap={4} style={{ margin: '6px 0' }}>
        {showStatus && <StatusTag status={item.status} />}
        <Tag style={{ marginInlineEnd: 0 }}>
          {catalogCodeLabel('category', item.category)}
          {item.baseResource ? ` · ${catalogCodeLabel('baseResource', item.baseResource)}` : ''}
        </Tag>
        <SharingTag value={item.sharingType} />
        <OpenTag value={item.openType} />
        <LevelTag level={item.maxLevel} />
        <Tag style={{ marginInlineEnd: 0 }}>{catalogCodeLabel('updateFrequency', item.updateFrequency)}</Tag>
        <Tag style={{ marginInlineEnd: 0 }}>{catalogCodeLabel('format', item.format)}</Tag>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
        <Highlight text={item.summary} query={query} />
      </Typography.Paragraph>
      <Flex wrap gap={16} style={{ fontSize: 12 }}>
        <Typography.Text style={{ fontSize: 12 }}>
          {t('catalog.providerOf', { name: item.department.name })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.releaseDate
            ? t('catalog.releasedAt', { date: item.releaseDate })
            : t('catalog.updatedAt', { date: formatDateTime(item.updatedAt, { seconds: false }) })}
        </Typography.Text>
        {item.version > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.version', { version: item.version })}
          </Typography.Text>
        )}
        {item.keywords.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.keywords.join(t('common.listSeparator'))}
          </Typography.Text>
        )}
      </Flex>
    </article>
  );
}

interface Props {
  search: CatalogSearch;
  /** Where a result links to. */
  hrefOf: (item: DatasetListItem) => string;
  showStatus?: boolean;
}

/** The page of results: count and sort above, the entries, the pager below. */
export function DatasetResults({ search, hrefOf, showStatus = true }: Props) {
  const { t } = useTranslation();
  const { result, query, sort, sortOptions } = search;
  const total = result.data?.total ?? 0;
  return (
    <div data-testid="catalog-results" aria-busy={result.isFetching}>
      {result.isError && (
        <ErrorAlert error={result.error} onRetry={() => void result.refetch()} testId="catalog-error" />
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 4 }}>
        <Typography.Text data-testid="catalog-total">
          {query.q
            ? t('catalog.resultCountQuery', { q: query.q, total })
            : t('catalog.resultCount', { total })}
        </Typography.Text>
        <Flex align="center" gap={8}>
          <label htmlFor="catalog-sort">{t('catalog.sort.label')}</label>
          <Select<DatasetSort>
            id="catalog-sort"
            size="small"
            value={sort}
            onChange={search.setSort}
            options={sortOptions.map((s) => ({ value: s, label: t(SORT_LABEL[s] as never) }))}
            style={{ width: 160 }}
            data-testid="catalog-sort"
          />
        </Flex>
      </Flex>
      {result.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : total === 0 && !result.isError ? (
        <Empty description={t('catalog.noResults')} style={{ margin: '48px 0' }} />
      ) : (
        <div style={{ opacity: result.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          {(result.data?.items ?? []).map((item) => (
            <ResultItem
              key={item.id}
              item={item}
              href={hrefOf(item)}
              query={query.q}
              showStatus={showStatus}
            />
          ))}
        </div>
      )}
      {total > 0 && (
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Pagination
            current={query.page ?? 1}
            pageSize={query.pageSize ?? 20}
            total={total}
            pageSizeOptions={PAGE_SIZE_OPTIONS}
            showSizeChanger
            showTotal={(n) => t('common.total', { total: n })}
            onChange={search.setPage}
            data-testid="catalog-pager"
          />
        </Flex>
      )}
    </div>
  );
}
