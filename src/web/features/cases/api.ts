import { api, compact } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type {
  ApplicationInput,
  ApplicationResult,
  ApplyMatter,
  ApplyMatterDetail,
  ApplyMatterQuery,
  CaseActionInput,
  CaseApplicantUnmasked,
  CaseDetail,
  CaseIntakeInput,
  CaseIntakeResult,
  CaseListItem,
  CasePublicStatus,
  CaseQuery,
  CaseStatusInput,
  IntakeMatter,
  IntakeMatterQuery,
  Page,
  PublicEvaluationInput,
  PublicEvaluationReceipt,
} from '../../api/types.ts';

export const caseKeys = {
  all: ['cases'] as const,
  list: (query: CaseQuery) => ['cases', 'list', query] as const,
  count: (query: CaseQuery) => ['cases', 'count', query] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
};

export const intakeMatterKeys = {
  list: (query: IntakeMatterQuery) => ['cases', 'intake-matters', query] as const,
};

export const applyKeys = {
  list: (query: ApplyMatterQuery) => ['public-matters', 'list', query] as const,
  detail: (id: string) => ['public-matters', 'detail', id] as const,
};

/** A fresh Idempotency-Key: one per form fill, so that a retried submission makes no second case/event. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages served over plain HTTP on a LAN address have no randomUUID (not a secure context).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fetchCases(query: CaseQuery): Promise<Page<CaseListItem>> {
  return unwrap<Page<CaseListItem>>(api.GET('/api/cases', { params: { query: compact({ ...query }) } }));
}

/** The number of cases matching a query (one row fetched). */
export async function countCases(query: CaseQuery): Promise<number> {
  return (await fetchCases({ ...query, page: 1, pageSize: 1 })).total;
}

export function fetchCase(id: string): Promise<CaseDetail> {
  return unwrap<CaseDetail>(api.GET('/api/cases/{id}', { params: { path: { id } } }));
}

/** The applicant's full name, ID and phone (audited with the reason); kept in page state only. */
export function unmaskApplicant(id: string, reason: string): Promise<CaseApplicantUnmasked> {
  return unwrap<CaseApplicantUnmasked>(
    api.POST('/api/cases/{id}/unmask', { params: { path: { id } }, body: { reason } }),
  );
}

export function actOnCase(id: string, body: CaseActionInput, key: string): Promise<CaseDetail> {
  return unwrap<CaseDetail>(
    api.POST('/api/cases/{id}/actions', {
      params: { path: { id } },
      body,
      headers: { 'Idempotency-Key': key },
    }),
  );
}

export function intakeCase(body: CaseIntakeInput, key: string): Promise<CaseIntakeResult> {
  return unwrap<CaseIntakeResult>(api.POST('/api/cases', { body, headers: { 'Idempotency-Key': key } }));
}

export function fetchIntakeMatters(query: IntakeMatterQuery): Promise<Page<IntakeMatter>> {
  return unwrap<Page<IntakeMatter>>(api.GET('/api/matters', { params: { query: compact({ ...query }) } }));
}

export function fetchApplyMatters(query: ApplyMatterQuery): Promise<Page<ApplyMatter>> {
  return unwrap<Page<ApplyMatter>>(
    api.GET('/api/public/matters', { params: { query: compact({ ...query }) } }),
  );
}

export function fetchApplyMatter(id: string): Promise<ApplyMatterDetail> {
  return unwrap<ApplyMatterDetail>(api.GET('/api/public/matters/{id}', { params: { path: { id } } }));
}

export function applyOnline(body: ApplicationInput, key: string): Promise<ApplicationResult> {
  return unwrap<ApplicationResult>(
    api.POST('/api/public/applications', { body, headers: { 'Idempotency-Key': key } }),
  );
}

export function lookupCase(body: CaseStatusInput): Promise<CasePublicStatus> {
  return unwrap<CasePublicStatus>(api.POST('/api/public/case-status', { body }));
}

export function evaluateCase(body: PublicEvaluationInput): Promise<PublicEvaluationReceipt> {
  return unwrap<PublicEvaluationReceipt>(api.POST('/api/public/evaluations', { body }));
}
