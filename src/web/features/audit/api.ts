import { api, compact } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type { AuditRecord, AuditVerifyResult, Page, QueryOf } from '../../api/types.ts';

export type AuditQuery = QueryOf<'/api/audit'>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditQuery) => ['audit', 'list', query] as const,
};

export function fetchAudit(query: AuditQuery): Promise<Page<AuditRecord>> {
  return unwrap<Page<AuditRecord>>(api.GET('/api/audit', { params: { query: compact({ ...query }) } }));
}

export function verifyAuditChain(): Promise<AuditVerifyResult> {
  return unwrap<AuditVerifyResult>(api.GET('/api/audit/verify', {}));
}
