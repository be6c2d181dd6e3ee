/** People-facing names of the census module's codes and audit actions: [中文, English]. */
export const censusLabels = {
  auditAction: {},
  codes: {},
} as const satisfies {
  auditAction: Record<string, readonly [string, string]>;
  codes: Record<string, Record<string, readonly [string, string]>>;
};
