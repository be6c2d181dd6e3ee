import { api, compact } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type {
  CaseFlag,
  CaseFlagDetail,
  CaseFlagQuery,
  CaseFlagSummary,
  DepartmentRanking,
  EvaluationListItem,
  EvaluationQuery,
  EvaluationSummary,
  FlagRectifyInput,
  FlagReviewInput,
  GuideFinding,
  GuideFindingQuery,
  GuideInspectionLatest,
  GuideInspectionRun,
  GuideInspectionSummary,
  GuideSaveInput,
  Guide,
  InternalMatterStats,
  MatterCreateInput,
  MatterDetail,
  MatterListItem,
  MatterQuery,
  MatterSummary,
  MatterSummaryQuery,
  MatterUpdateInput,
  Page,
  PeriodQuery,
  ProvinceDelivery,
  ProvinceStatus,
  RankingQuery,
  ReconciliationRun,
} from '../../api/types.ts';

/** Query keys of the services pages; `all` prefixes invalidate every list and figure of a kind. */
export const matterKeys = {
  all: ['matters'] as const,
  list: (query: MatterQuery) => ['matters', 'list', query] as const,
  summary: (query: MatterSummaryQuery) => ['matters', 'summary', query] as const,
  detail: (id: string) => ['matters', 'detail', id] as const,
};

export const inspectionKeys = {
  all: ['guide-inspections'] as const,
  latest: ['guide-inspections', 'latest'] as const,
  runs: (query: { page: number; pageSize: number }) => ['guide-inspections', 'runs', query] as const,
  findings: (runId: string, query: GuideFindingQuery) =>
    ['guide-inspections', 'findings', runId, query] as const,
};

export const caseFlagKeys = {
  all: ['case-flags'] as const,
  list: (query: CaseFlagQuery) => ['case-flags', 'list', query] as const,
  summary: (departmentId: string | undefined) => ['case-flags', 'summary', departmentId ?? null] as const,
  detail: (id: string) => ['case-flags', 'detail', id] as const,
};

export const evaluationKeys = {
  all: ['evaluations'] as const,
  list: (query: EvaluationQuery) => ['evaluations', 'list', query] as const,
  summary: (query: PeriodQuery) => ['evaluations', 'summary', query] as const,
};

export const rankingKeys = {
  all: ['ranking'] as const,
  list: (query: RankingQuery) => ['ranking', query] as const,
};

export const internalKeys = {
  stats: (query: PeriodQuery) => ['internal-stats', query] as const,
};

export const provinceKeys = {
  all: ['province'] as const,
  status: ['province', 'status'] as const,
  runs: (query: { page: number; pageSize: number }) => ['province', 'runs', query] as const,
};

// ----- matters and guides -----

export function fetchMatters(query: MatterQuery): Promise<Page<MatterListItem>> {
  return unwrap<Page<MatterListItem>>(api.GET('/api/matters', { params: { query: compact({ ...query }) } }));
}

/** Matters per type under the list's filters. */
export function fetchMatterSummary(query: MatterSummaryQuery): Promise<MatterSummary> {
  return unwrap<MatterSummary>(api.GET('/api/matters/summary', { params: { query: compact({ ...query }) } }));
}

export function fetchMatter(id: string): Promise<MatterDetail> {
  return unwrap<MatterDetail>(api.GET('/api/matters/{id}', { params: { path: { id } } }));
}

export function createMatter(body: MatterCreateInput): Promise<MatterDetail> {
  return unwrap<MatterDetail>(api.POST('/api/matters', { body }));
}

export function updateMatter(id: string, body: MatterUpdateInput): Promise<MatterDetail> {
  return unwrap<MatterDetail>(api.PUT('/api/matters/{id}', { params: { path: { id } }, body }));
}

export function setMatterStatus(
  id: string,
  verb: 'suspend' | 'activate',
  version: number,
): Promise<MatterDetail> {
  const params = { params: { path: { id } }, body: { version } };
  return unwrap<MatterDetail>(
    verb === 'suspend'
      ? api.POST('/api/matters/{id}/suspend', params)
      : api.POST('/api/matters/{id}/activate', params),
  );
}

export function saveGuide(id: string, body: GuideSaveInput): Promise<Guide> {
  return unwrap<Guide>(api.PUT('/api/matters/{id}/guide', { params: { path: { id } }, body }));
}

// ----- guide inspection -----

export function fetchInspectionLatest(): Promise<GuideInspectionLatest> {
  return unwrap<GuideInspectionLatest>(api.GET('/api/guides/inspections/latest', {}));
}

export function fetchInspectionRuns(query: {
  page: number;
  pageSize: number;
}): Promise<Page<GuideInspectionRun>> {
  return unwrap<Page<GuideInspectionRun>>(api.GET('/api/guides/inspections', { params: { query } }));
}

export function runInspection(): Promise<GuideInspectionSummary> {
  return unwrap<GuideInspectionSummary>(api.POST('/api/guides/inspections', {}));
}

export function fetchFindings(runId: string, query: GuideFindingQuery): Promise<Page<GuideFinding>> {
  return unwrap<Page<GuideFinding>>(
    api.GET('/api/guides/inspections/{id}/findings', {
      params: { path: { id: runId }, query: compact({ ...query }) },
    }),
  );
}

// ----- supervision -----

export function fetchCaseFlags(query: CaseFlagQuery): Promise<Page<CaseFlag>> {
  return unwrap<Page<CaseFlag>>(
    api.GET('/api/supervision/flags', { params: { query: compact({ ...query }) } }),
  );
}

export function fetchCaseFlagSummary(departmentId: string | undefined): Promise<CaseFlagSummary> {
  return unwrap<CaseFlagSummary>(
    api.GET('/api/supervision/flags/summary', { params: { query: compact({ departmentId }) } }),
  );
}

export function fetchCaseFlag(id: string): Promise<CaseFlagDetail> {
  return unwrap<CaseFlagDetail>(api.GET('/api/supervision/flags/{id}', { params: { path: { id } } }));
}

export function rectifyFlag(id: string, body: FlagRectifyInput): Promise<CaseFlagDetail> {
  return unwrap<CaseFlagDetail>(
    api.POST('/api/supervision/flags/{id}/rectify', { params: { path: { id } }, body }),
  );
}

export function reviewFlag(id: string, body: FlagReviewInput): Promise<CaseFlagDetail> {
  return unwrap<CaseFlagDetail>(
    api.POST('/api/supervision/flags/{id}/review', { params: { path: { id } }, body }),
  );
}

export function fetchRanking(query: RankingQuery): Promise<DepartmentRanking> {
  return unwrap<DepartmentRanking>(
    api.GET('/api/supervision/ranking', { params: { query: compact({ ...query }) } }),
  );
}

// ----- evaluations -----

export function fetchEvaluations(query: EvaluationQuery): Promise<Page<EvaluationListItem>> {
  return unwrap<Page<EvaluationListItem>>(
    api.GET('/api/evaluations', { params: { query: compact({ ...query }) } }),
  );
}

export function fetchEvaluationSummary(query: PeriodQuery): Promise<EvaluationSummary> {
  return unwrap<EvaluationSummary>(
    api.GET('/api/evaluations/summary', { params: { query: compact({ ...query }) } }),
  );
}

export function recordReturnVisit(id: string, note: string): Promise<EvaluationListItem> {
  return unwrap<EvaluationListItem>(
    api.POST('/api/evaluations/{id}/return-visit', { params: { path: { id } }, body: { note } }),
  );
}

// ----- internal matters -----

export function fetchInternalStats(query: PeriodQuery): Promise<InternalMatterStats> {
  return unwrap<InternalMatterStats>(
    api.GET('/api/cases/internal-stats', { params: { query: compact({ ...query }) } }),
  );
}

// ----- the provincial case library -----

export function fetchProvinceStatus(): Promise<ProvinceStatus> {
  return unwrap<ProvinceStatus>(api.GET('/api/province/status', {}));
}

export function deliverOutbox(): Promise<ProvinceDelivery> {
  return unwrap<ProvinceDelivery>(api.POST('/api/province/outbox/deliver', {}));
}

export function fetchReconciliations(query: {
  page: number;
  pageSize: number;
}): Promise<Page<ReconciliationRun>> {
  return unwrap<Page<ReconciliationRun>>(api.GET('/api/province/reconciliations', { params: { query } }));
}

export function reconcileNow(): Promise<ReconciliationRun> {
  return unwrap<ReconciliationRun>(api.POST('/api/province/reconciliations', {}));
}
