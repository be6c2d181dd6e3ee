/** People-facing names of the census module's codes and audit actions: [中文, English]. */
export const censusLabels = {
  auditAction: {
    'census.round.open': ['发起普查', 'Census round opened'],
    'census.round.close': ['结束普查', 'Census round closed'],
    'census.confirm': ['普查确认', 'Census items confirmed'],
    'census.submit': ['提交普查答复', 'Census return submitted'],
    'census.remind': ['普查催办', 'Census reminder sent'],
    'census.export': ['导出普查进度', 'Census progress exported'],
  },
  codes: {
    censusRoundStatus: { open: ['进行中', 'Open'], closed: ['已结束', 'Closed'] },
    censusReturnStatus: { pending: ['未提交', 'Pending'], submitted: ['已提交', 'Submitted'] },
    censusState: {
      pending: ['待确认', 'Pending'],
      confirmed: ['已确认', 'Confirmed'],
      corrected: ['已更正', 'Corrected'],
      added: ['新增', 'Added'],
    },
  },
} as const satisfies {
  auditAction: Record<string, readonly [string, string]>;
  codes: Record<string, Record<string, readonly [string, string]>>;
};
