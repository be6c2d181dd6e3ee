import { useEffect, useState, type ReactNode } from 'react';
import { Button, Grid, Input, Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ExportButton } from './ExportButton.tsx';
import type { ListTable as ListTableState } from './useListTable.ts';

/** A list page: its title and the cards below it. */
export function ListPage({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={testId}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Space>
  );
}

type ExportQuery = Record<string, string | number | null | undefined>;

export interface ListToolbarProps {
  /** Free-text search, applied on Enter or the search button; follows the URL (Back, reset). */
  search?: {
    value: string | undefined;
    onSearch: (text: string | undefined) => void;
    placeholder: string;
    testId: string;
    width?: number;
    /** A labelled search button instead of the icon. */
    enterButton?: ReactNode;
  };
  /** Further filter controls. */
  children?: ReactNode;
  /** Clears every filter, sort and page. */
  onReset?: () => void;
  /** Excel export of the list as filtered and sorted (paging is left out). */
  exportTo?: { path: string; query: ExportQuery; filename: string; testId: string };
  /** Buttons after the export, e.g. "New …". */
  actions?: ReactNode;
}

/** Search, filters and reset on the left; export and actions on the right; wraps on narrow screens. */
export function ListToolbar({ search, children, onReset, exportTo, actions }: ListToolbarProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(search?.value ?? '');
  const urlValue = search?.value ?? '';
  useEffect(() => setText(urlValue), [urlValue]);

  const exportQuery: ExportQuery | undefined = exportTo && {
    ...exportTo.query,
    page: undefined,
    pageSize: undefined,
  };

  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 12,
        justifyContent: 'space-between',
        alignItems: 'flex-start',
        marginBottom: 12,
      }}
    >
      <Space wrap>
        {search && (
          <Input.Search
            allowClear
            placeholder={search.placeholder}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => search.onSearch(value.trim() || undefined)}
            enterButton={search.enterButton}
            style={{ width: search.width ?? 240 }}
            data-testid={search.testId}
          />
        )}
        {children}
        {onReset && <Button onClick={onReset}>{t('common.reset')}</Button>}
      </Space>
      {(exportTo || actions) && (
        <Space wrap>
          {exportTo && exportQuery && (
            <ExportButton
              path={exportTo.path}
              query={exportQuery}
              filename={exportTo.filename}
              testId={exportTo.testId}
            />
          )}
          {actions}
        </Space>
      )}
    </div>
  );
}

interface ListTableProps<T> extends Omit<
  TableProps<T>,
  'columns' | 'dataSource' | 'pagination' | 'onChange' | 'loading'
> {
  table: Pick<ListTableState<T, string, string, unknown>, 'result' | 'tableProps'>;
  columns: TableColumnsType<T>;
  testId: string;
}

/** The sum of the columns' widths, so that on a narrow screen the table scrolls instead of squeezing. */
function columnsWidth<T>(columns: TableColumnsType<T>): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);
}

/** The list's table: the API error (with retry) above it, paging and sorting wired to the URL. */
export function ListTable<T extends object>({ table, columns, testId, ...rest }: ListTableProps<T>) {
  // On a phone, columns pinned left and right would leave no room for the ones between them.
  const narrow = Grid.useBreakpoint().md === false;
  const shown = narrow ? columns.map((c) => ({ ...c, fixed: undefined })) : columns;
  return (
    <>
      {table.result.isError && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={table.result.error} onRetry={() => void table.result.refetch()} />
        </div>
      )}
      <Table<T>
        size="small"
        data-testid={testId}
        scroll={{ x: columnsWidth(shown) }}
        {...table.tableProps}
        {...rest}
        columns={shown}
      />
    </>
  );
}
