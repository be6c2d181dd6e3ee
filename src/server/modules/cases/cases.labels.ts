/** People-facing names of the cases module's codes and audit actions: [中文, English]. */
export const casesLabels = {
  auditAction: {},
  codes: {},
} as const satisfies {
  auditAction: Record<string, readonly [string, string]>;
  codes: Record<string, Record<string, readonly [string, string]>>;
};
