import { api, compact } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type {
  CensusConfirmInput,
  CensusConfirmResult,
  CensusItems,
  CensusRemindResult,
  CensusRound,
  CensusRoundDetail,
  CensusRoundInput,
  CensusRoundListItem,
  CensusRoundOpened,
  CensusSubmitResult,
  Page,
} from '../../api/types.ts';

export interface RoundsQuery {
  page: number;
  pageSize: number;
}

export const censusKeys = {
  all: ['census'] as const,
  rounds: (query: RoundsQuery) => ['census', 'rounds', query] as const,
  round: (id: string) => ['census', 'round', id] as const,
  items: (id: string, departmentId: string | undefined) =>
    ['census', 'items', id, departmentId ?? ''] as const,
};

export function fetchRounds(query: RoundsQuery): Promise<Page<CensusRoundListItem>> {
  return unwrap<Page<CensusRoundListItem>>(
    api.GET('/api/census-rounds', { params: { query: compact({ ...query }) } }),
  );
}

export function fetchRound(id: string): Promise<CensusRoundDetail> {
  return unwrap<CensusRoundDetail>(api.GET('/api/census-rounds/{id}', { params: { path: { id } } }));
}

export function openRound(body: CensusRoundInput): Promise<CensusRoundOpened> {
  return unwrap<CensusRoundOpened>(api.POST('/api/census-rounds', { body }));
}

/** A department's systems and datasets in a round: the caller's own, or (the bureau) the one named. */
export function fetchItems(id: string, departmentId?: string): Promise<CensusItems> {
  return unwrap<CensusItems>(
    api.GET('/api/census-rounds/{id}/items', {
      params: { path: { id }, query: departmentId ? { departmentId } : {} },
    }),
  );
}

export function confirmItems(id: string, body: CensusConfirmInput): Promise<CensusConfirmResult> {
  return unwrap<CensusConfirmResult>(
    api.POST('/api/census-rounds/{id}/confirm', { params: { path: { id } }, body }),
  );
}

export function submitReturn(id: string, note: string | undefined): Promise<CensusSubmitResult> {
  return unwrap<CensusSubmitResult>(
    api.POST('/api/census-rounds/{id}/submit', { params: { path: { id } }, body: note ? { note } : {} }),
  );
}

export function remindRound(id: string): Promise<CensusRemindResult> {
  return unwrap<CensusRemindResult>(api.POST('/api/census-rounds/{id}/remind', { params: { path: { id } } }));
}

export function closeRound(id: string): Promise<CensusRound> {
  return unwrap<CensusRound>(api.POST('/api/census-rounds/{id}/close', { params: { path: { id } } }));
}
