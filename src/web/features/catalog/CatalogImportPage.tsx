import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../shared/ListTable.tsx';
import { XlsxImport } from '../../shared/XlsxImport.tsx';
import { datasetKeys } from './api.ts';

/** Catalogue import from Excel: template, file, a dry run that reports every problem, then the import. */
export function CatalogImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <ListPage title={t('catalog.import.title')} testId="page-catalog-import">
      <Card size="small">
        <XlsxImport
          templatePath="/api/datasets/import/template.xlsx"
          templateFilename="datasets-template.xlsx"
          importPath="/api/datasets/import"
          intro={t('catalog.import.intro')}
          checkedText={(r) => t('catalog.import.dryRunOk', { created: r.created, updated: r.updated })}
          doneText={(r) => t('catalog.import.done', { created: r.created, updated: r.updated })}
          onImported={() => queryClient.invalidateQueries({ queryKey: datasetKeys.all })}
          doneActions={[
            <Button key="catalog" type="primary" onClick={() => navigate('/catalog')}>
              {t('catalog.import.toCatalog')}
            </Button>,
          ]}
        />
      </Card>
    </ListPage>
  );
}
