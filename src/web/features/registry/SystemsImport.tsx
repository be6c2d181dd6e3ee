import { useQueryClient } from '@tanstack/react-query';
import { Button, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { XlsxImport } from '../../shared/XlsxImport.tsx';
import { systemKeys } from './api.ts';

interface Props {
  open: boolean;
  onClose: () => void;
}

/** The registry's Excel import in a drawer: template, file, dry run with every problem, then the import. */
export function SystemsImport({ open, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t('registry.import.title')}
      destroyOnHidden
      data-testid="systems-import-drawer"
    >
      <XlsxImport
        templatePath="/api/systems/import/template.xlsx"
        templateFilename="systems-template.xlsx"
        importPath="/api/systems/import"
        intro={t('registry.import.intro')}
        checkedText={(r) =>
          t('registry.import.dryRunOk', { created: r.created, updated: r.updated, unchanged: r.unchanged })
        }
        doneText={(r) => t('registry.import.done', { created: r.created, updated: r.updated })}
        onImported={() => queryClient.invalidateQueries({ queryKey: systemKeys.all })}
        doneActions={[
          <Button key="close" type="primary" onClick={onClose} data-testid="systems-import-close">
            {t('registry.import.close')}
          </Button>,
        ]}
      />
    </Drawer>
  );
}
