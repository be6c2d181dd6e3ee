import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemRecord } from '../../api/types.ts';
import { errorText } from '../../shared/errorText.ts';
import { fetchSystem, systemKeys } from './api.ts';

/** Opens the edit drawer with the full record (the list has no interfaces); shared with the census page. */
export function useSystemEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<SystemRecord | null | undefined>(undefined);
  const [loadingId, setLoadingId] = useState<string | null>(null);
  const edit = async (id: string) => {
    setLoadingId(id);
    try {
      setEditing(
        await queryClient.fetchQuery({ queryKey: systemKeys.detail(id), queryFn: () => fetchSystem(id) }),
      );
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setLoadingId(null);
    }
  };
  return {
    editing,
    loadingId,
    edit: (id: string) => void edit(id),
    create: () => setEditing(null),
    close: () => setEditing(undefined),
  };
}
