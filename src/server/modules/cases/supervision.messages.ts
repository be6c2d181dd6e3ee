/** Messages of supervision, rectification and evaluations: [中文, English] (merged into cases.messages). */
export const supervisionMessages = {
  'od.cases.supervision.rectify.explained': [
    '已提交整改说明，正在等待数据资源局审核',
    'A rectification has already been submitted and awaits review',
  ],
  'od.cases.supervision.rectify.closed': ['该问题已审核通过并销号', 'This flag has been reviewed and closed'],
  'od.cases.supervision.rectify.cleared': [
    '该问题已自动消除，无需整改',
    'This flag has cleared itself: nothing to rectify',
  ],
  'od.cases.supervision.review.open': [
    '部门尚未提交整改说明，暂不能审核',
    'The department has not submitted a rectification yet',
  ],
  'od.cases.supervision.review.closed': ['该问题已审核通过并销号', 'This flag has already been closed'],
  'od.cases.supervision.review.cleared': [
    '该问题已自动消除，无需审核',
    'This flag has cleared itself: nothing to review',
  ],
  'od.cases.period.order': ['开始日期不能晚于结束日期', 'The start date must not be after the end date'],
  'od.cases.evaluation.badCredentials': [
    '办件编号或查询密码不正确',
    'The case number or the query password is wrong',
  ],
  'od.cases.evaluation.notAccepted': [
    '办件尚未受理，暂不能评价受理环节',
    'The case has not been accepted yet: its acceptance cannot be evaluated',
  ],
  'od.cases.evaluation.notCompleted': [
    '办件尚未办结，暂不能评价办结环节',
    'The case has not been completed yet: its completion cannot be evaluated',
  ],
  'od.cases.evaluation.duplicate': [
    '该环节已评价过，每个环节只能评价一次',
    'This stage has already been evaluated: each stage is evaluated once',
  ],
  'od.cases.evaluation.noReturnVisit': [
    '只有实名差评需要回访',
    'Only real-name poor evaluations get a return visit',
  ],
  'od.cases.evaluation.returnVisitDone': ['已登记过回访', 'The return visit is already recorded'],
} as const satisfies Record<string, readonly [string, string]>;
