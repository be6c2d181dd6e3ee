import { useNavigate } from 'react-router-dom';
import { Button, Card, Col, Flex, Row, Space } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.ts';
import { ListPage } from '../../shared/ListTable.tsx';
import { CatalogSearchBox } from './CatalogSearchBox.tsx';
import { DatasetResults } from './DatasetResults.tsx';
import { ExportDatasets } from './ExportDatasets.tsx';
import { FacetsPanel } from './SearchFacets.tsx';
import { useCatalogSearch } from './useCatalogSearch.ts';

/** The catalogue: Chinese full-text search, facets, sort, paging and the Excel export of the filtered list. */
export function CatalogPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const search = useCatalogSearch();
  const { query } = search;
  // Everyone with catalog.read sees the published catalogue; only editors and the bureau see other states.
  const seesWorkingEntries = can('catalog.edit') || can('catalog.review');

  return (
    <ListPage title={t('catalog.title')} testId="page-catalog">
      <Card size="small">
        <Flex wrap gap={12} justify="space-between" align="center">
          <div style={{ flex: '1 1 420px', maxWidth: 720 }}>
            <CatalogSearchBox value={query.q} onSearch={search.setQ} />
          </div>
          <Space wrap>
            <ExportDatasets query={query} />
            {can('catalog.edit') && (
              <Button
                icon={<UploadOutlined />}
                onClick={() => navigate('/catalog/import')}
                data-testid="catalog-import-link"
              >
                {t('catalog.importLink')}
              </Button>
            )}
            {can('catalog.edit') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/catalog/new')}
                data-testid="dataset-create"
              >
                {t('catalog.create')}
              </Button>
            )}
          </Space>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6} xxl={5}>
          <FacetsPanel
            facets={search.facets}
            selected={search.selected}
            onChange={search.setFacet}
            onClearAll={search.clearFacets}
            hide={seesWorkingEntries ? [] : ['status']}
          />
        </Col>
        <Col xs={24} lg={17} xl={18} xxl={19}>
          <Card size="small">
            <DatasetResults
              search={search}
              hrefOf={(item) => `/catalog/datasets/${item.id}`}
              showStatus={seesWorkingEntries}
            />
          </Card>
        </Col>
      </Row>
    </ListPage>
  );
}
