/** People-facing names of supervision's codes and audit actions: [中文, English] (merged in http/labels.ts). */
export const supervisionLabels = {
  auditAction: {
    'case.flag.rectify': ['提交整改说明', 'Rectification submitted'],
    'case.flag.review': ['审核整改', 'Rectification reviewed'],
    'case.flags.export': ['导出超期异常办件', 'Case flags exported'],
    'case.ranking.export': ['导出部门排名', 'Department ranking exported'],
    'case.evaluation.create': ['提交办件评价', 'Evaluation submitted'],
    'case.evaluation.return_visit': ['差评回访', 'Return visit recorded'],
    'case.evaluations.export': ['导出办件评价', 'Evaluations exported'],
  },
  codes: {
    caseFlagAction: {
      raised: ['发现', 'Raised'],
      explained: ['部门整改', 'Rectified by the department'],
      accepted: ['审核通过', 'Accepted'],
      rejected: ['退回重改', 'Sent back'],
      cleared: ['自动消除', 'Cleared'],
      reopened: ['重新打开', 'Reopened'],
    },
    rectifyKind: { explain: ['情况说明', 'Explanation'], correct: ['已纠正', 'Corrected'] },
    evaluationStage: {
      accepted: ['受理环节', 'After acceptance'],
      completed: ['办结环节', 'After completion'],
    },
    evaluationGrade: {
      '5': ['非常满意', 'Very satisfied'],
      '4': ['满意', 'Satisfied'],
      '3': ['基本满意', 'Fairly satisfied'],
      '2': ['不满意', 'Dissatisfied'],
      '1': ['非常不满意', 'Very dissatisfied'],
    },
  },
} as const satisfies {
  auditAction: Record<string, readonly [string, string]>;
  codes: Record<string, Record<string, readonly [string, string]>>;
};
