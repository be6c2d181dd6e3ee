import { api, compact } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type {
  Dataset,
  DatasetActionInput,
  DatasetDiff,
  DatasetInput,
  DatasetPatchInput,
  DatasetQuery,
  DatasetReviews,
  DatasetSearchResult,
  DatasetVersions,
  SourceSystemPage,
  SourceSystemQuery,
} from '../../api/types.ts';

/**
 * The catalogue's API calls. `anonymous` asks as the public does (no session cookie): the open
 * catalogue shows what anyone may see even to a signed-in visitor.
 */
export const datasetKeys = {
  all: ['datasets'] as const,
  list: (query: DatasetQuery, anonymous = false) => ['datasets', anonymous ? 'open' : 'list', query] as const,
  detail: (id: string, anonymous = false) => ['datasets', anonymous ? 'open' : 'detail', id] as const,
  versions: (id: string) => ['datasets', 'versions', id] as const,
  diff: (id: string, from: number, to: number | 'current') => ['datasets', 'diff', id, from, to] as const,
  reviews: (id: string) => ['datasets', 'reviews', id] as const,
};

const credentialsFor = (anonymous: boolean): RequestCredentials => (anonymous ? 'omit' : 'same-origin');

export function fetchDatasets(query: DatasetQuery, anonymous = false): Promise<DatasetSearchResult> {
  return unwrap<DatasetSearchResult>(
    api.GET('/api/datasets', {
      params: { query: compact({ ...query }) },
      credentials: credentialsFor(anonymous),
    }),
  );
}

export function fetchDataset(id: string, anonymous = false): Promise<Dataset> {
  return unwrap<Dataset>(
    api.GET('/api/datasets/{id}', { params: { path: { id } }, credentials: credentialsFor(anonymous) }),
  );
}

export function createDataset(body: DatasetInput): Promise<Dataset> {
  return unwrap<Dataset>(api.POST('/api/datasets', { body }));
}

export function updateDataset(id: string, body: DatasetPatchInput): Promise<Dataset> {
  return unwrap<Dataset>(api.PATCH('/api/datasets/{id}', { params: { path: { id } }, body }));
}

export function datasetAction(id: string, body: DatasetActionInput): Promise<Dataset> {
  return unwrap<Dataset>(api.POST('/api/datasets/{id}/actions', { params: { path: { id } }, body }));
}

export function fetchVersions(id: string): Promise<DatasetVersions> {
  return unwrap<DatasetVersions>(api.GET('/api/datasets/{id}/versions', { params: { path: { id } } }));
}

export function fetchDiff(id: string, from: number, to: number | 'current'): Promise<DatasetDiff> {
  return unwrap<DatasetDiff>(
    api.GET('/api/datasets/{id}/diff', {
      params: { path: { id }, query: { from, to } },
    }),
  );
}

export function fetchReviews(id: string): Promise<DatasetReviews> {
  return unwrap<DatasetReviews>(api.GET('/api/datasets/{id}/reviews', { params: { path: { id } } }));
}

/** The systems a department may name as a dataset's source (the registry's list). */
export function fetchSourceSystems(query: SourceSystemQuery): Promise<SourceSystemPage> {
  return unwrap<SourceSystemPage>(api.GET('/api/systems', { params: { query: compact({ ...query }) } }));
}
