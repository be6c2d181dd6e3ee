import { api, compact } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type {
  DatasetQuery,
  DatasetSearchResult,
  Page,
  SystemConsumesInput,
  SystemConsumesResult,
  SystemDetail,
  SystemFlag,
  SystemFlagQuery,
  SystemFlagResolveInput,
  SystemFlagScanResult,
  SystemInput,
  SystemListItem,
  SystemPatchInput,
  SystemQuery,
  SystemRecord,
} from '../../api/types.ts';

export const systemKeys = {
  all: ['systems'] as const,
  list: (query: SystemQuery) => ['systems', 'list', query] as const,
  count: (query: SystemQuery) => ['systems', 'count', query] as const,
  detail: (id: string) => ['systems', 'detail', id] as const,
};

export const flagKeys = {
  all: ['system-flags'] as const,
  list: (query: SystemFlagQuery) => ['system-flags', 'list', query] as const,
};

export function fetchSystems(query: SystemQuery): Promise<Page<SystemListItem>> {
  return unwrap<Page<SystemListItem>>(api.GET('/api/systems', { params: { query: compact({ ...query }) } }));
}

/** The number of systems matching a query (one row fetched). */
export async function countSystems(query: SystemQuery): Promise<number> {
  return (await fetchSystems({ ...query, page: 1, pageSize: 1 })).total;
}

export function fetchSystem(id: string): Promise<SystemDetail> {
  return unwrap<SystemDetail>(api.GET('/api/systems/{id}', { params: { path: { id } } }));
}

export function createSystem(body: SystemInput): Promise<SystemRecord> {
  return unwrap<SystemRecord>(api.POST('/api/systems', { body }));
}

export function updateSystem(id: string, body: SystemPatchInput): Promise<SystemRecord> {
  return unwrap<SystemRecord>(api.PATCH('/api/systems/{id}', { params: { path: { id } }, body }));
}

export function fetchFlags(query: SystemFlagQuery): Promise<Page<SystemFlag>> {
  return unwrap<Page<SystemFlag>>(api.GET('/api/system-flags', { params: { query: compact({ ...query }) } }));
}

export function resolveFlag(id: string, body: SystemFlagResolveInput): Promise<unknown> {
  return unwrap<unknown>(api.POST('/api/system-flags/{id}/resolve', { params: { path: { id } }, body }));
}

export function scanFlags(): Promise<SystemFlagScanResult> {
  return unwrap<SystemFlagScanResult>(api.POST('/api/system-flags/scan', {}));
}

export function setConsumes(id: string, body: SystemConsumesInput): Promise<SystemConsumesResult> {
  return unwrap<SystemConsumesResult>(
    api.PUT('/api/systems/{id}/consumes', { params: { path: { id } }, body }),
  );
}

/** Datasets matching a search, for choosing what a system uses. */
export function searchDatasets(q: string | undefined): Promise<DatasetSearchResult> {
  const query: DatasetQuery = { q, sort: q ? 'relevance' : 'code', pageSize: 20 };
  return unwrap<DatasetSearchResult>(api.GET('/api/datasets', { params: { query: compact({ ...query }) } }));
}
