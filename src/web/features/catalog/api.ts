import type { components } from '../../api/schema.d.ts';
import { api, commonHeaders, compact } from '../../api/client.ts';
import { ApiError, unwrap } from '../../api/errors.ts';
import type {
  Dataset,
  DatasetActionInput,
  DatasetDiff,
  DatasetImportResult,
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

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One problem of a rejected import, as the server's 422 IMPORT_REJECTED body lists it. */
export type ImportProblem = NonNullable<components['schemas']['ImportRejected']['problems']>[number];

export type ImportOutcome =
  | { kind: 'ok'; result: DatasetImportResult }
  | {
      kind: 'rejected';
      message: string;
      problems: ImportProblem[];
      problemCount: number;
      requestId?: string;
    };

/**
 * Uploads an import workbook as the raw request body. XMLHttpRequest rather than fetch, because only
 * it reports upload progress. A 422 IMPORT_REJECTED is an outcome (the report), not an error.
 */
export function uploadImport(
  file: File,
  options: { dryRun: boolean; csrfToken: string; onProgress: (percent: number) => void },
): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/datasets/import${options.dryRun ? '?dryRun=true' : ''}`);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.setRequestHeader('Content-Type', XLSX_TYPE);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    for (const [k, v] of Object.entries(commonHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, undefined, 'network error'));
    xhr.onload = () => {
      let body: Record<string, unknown> | undefined;
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        resolve({ kind: 'ok', result: body as unknown as DatasetImportResult });
        return;
      }
      if (xhr.status === 422 && body?.code === 'IMPORT_REJECTED' && Array.isArray(body.problems)) {
        resolve({
          kind: 'rejected',
          message: String(body.message ?? ''),
          problems: body.problems as ImportProblem[],
          problemCount: Number(body.problemCount ?? body.problems.length),
          ...(typeof body.requestId === 'string' ? { requestId: body.requestId } : {}),
        });
        return;
      }
      reject(new ApiError(xhr.status, body as never, xhr.statusText || `HTTP ${xhr.status}`));
    };
    xhr.send(file);
  });
}
