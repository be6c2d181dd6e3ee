// The notices the platform sends to people's roles (inbox and chat robots), by kind. No Node imports:
// the web app reads the list too.

/** Every kind of notice the platform sends to roles, so to robots (a test keeps the list complete). */
export const NOTICE_KINDS = [
  'guides.inspection',
  'cases.overdue',
  'cases.flag.explained',
  'cases.flag.rejected',
  'cases.evaluation.poor',
  'cases.upstream_mismatch',
  'dataset.submitted',
  'dataset.approved',
  'dataset.rejected',
  'dataset.published',
  'dataset.changed',
  'census.round',
  'census.reminder',
  'census.submitted',
  'registry.flags',
] as const;

/** A kind a robot may ask for: one the platform sends, or a family of them (`cases.`). */
export function isNoticeKind(kind: string): boolean {
  return NOTICE_KINDS.some((k) => k === kind || (kind.endsWith('.') && k.startsWith(kind)));
}
