/** People-facing names of the matters module's codes and audit actions: [中文, English]. */
export const mattersLabels = {
  auditAction: {},
  codes: {},
} as const satisfies {
  auditAction: Record<string, readonly [string, string]>;
  codes: Record<string, Record<string, readonly [string, string]>>;
};
