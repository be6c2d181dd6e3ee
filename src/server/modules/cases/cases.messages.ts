/** The cases module's messages: [中文, English]; keys of field reasons start with "od.cases.". */
export const casesMessages = {
  'od.cases.matterUnavailable': ['事项不存在或已暂停办理', 'The matter does not exist or is suspended'],
  'od.cases.notOnline': ['该事项不支持网上申请', 'This matter cannot be applied for online'],
  'od.cases.internalApplicant': [
    '机关内部事项的申请人须为部门',
    'The applicant of an internal matter must be a department',
  ],
  'od.cases.publicApplicant': [
    '政务服务事项的申请人须为自然人或法人',
    'The applicant of a public matter must be a person or an enterprise',
  ],
  'od.cases.regionOutOfScope': ['办理地点不在您的辖区内', 'The place of handling is outside your region'],
  'od.cases.regionNotHall': [
    '办理地点须为区或街道的服务中心',
    'Cases are handled at the district hall or a street service centre',
  ],
  'od.cases.idRequired': ['请填写证件号码', 'Enter the ID number'],
  'od.cases.stale': [
    '该办件已被他人处理（当前版本 {version}），请刷新后重试',
    'Someone else acted on this case first (now version {version}): reload and try again',
  ],
  'od.cases.badKey': ['Idempotency-Key 须为 1-100 个字符', 'Idempotency-Key must be 1-100 characters'],
  'od.cases.roleNotAllowed': ['此环节须由以下角色办理：{roles}', 'This step is taken by: {roles}'],
  'od.cases.resultRequired': ['请选择办结结果', 'Choose the result'],
  'od.cases.resultContradictsDecision': [
    '办结结果与审批决定不一致',
    'The result contradicts the decision taken',
  ],
  'od.cases.matterOtherDepartment': [
    '只能收取本部门事项的办件',
    'You can take in cases of your own department’s matters only',
  ],
  'od.cases.applicantDepartment': [
    '申请部门不存在，或申请人不是部门',
    'No such department, or the applicant is not a department',
  ],
  'od.cases.noSupplementNotice': ['该办件尚无补正告知', 'This case has no supplement notice'],
  'od.cases.statusNotFound': ['申办流水号或查询密码不正确', 'No case matches this number and query password'],
  'od.cases.transition.closed': ['办件已结束，不能再办理', 'The case is closed'],
  'od.cases.transition.notSubmitted': ['办件尚未申请', 'The case has not been submitted'],
  'od.cases.transition.notAccepted': ['办件尚未受理', 'The case has not been accepted yet'],
  'od.cases.transition.alreadyAccepted': [
    '办件已受理或已作出受理决定',
    'The case has already been accepted or refused',
  ],
  'od.cases.transition.paused': [
    '办件处于补正或特别程序中，须先结束',
    'The case is waiting for supplements or in a special procedure: end that first',
  ],
  'od.cases.transition.supplementAlreadyRequested': [
    '补正材料须一次性告知，本件已告知过补正',
    'Supplements are asked for once: this case already had its notice',
  ],
  'od.cases.transition.noSupplementPending': ['没有待接收的补正', 'No supplements are awaited'],
  'od.cases.transition.noSpecialPending': ['没有进行中的特别程序', 'No special procedure is running'],
  'od.cases.transition.stageNotInMatter': ['该事项没有此环节', 'The matter has no such stage'],
  'od.cases.transition.wrongPhase': [
    '当前环节不能进行此操作',
    'This step is not possible at the current stage',
  ],
  'od.cases.transition.procedureNotAllowed': [
    '该事项不适用此特别程序',
    'This special procedure does not apply to the matter',
  ],
  'od.cases.transition.extensionExceeded': [
    '延期总天数超过该事项允许的上限',
    'The extensions would exceed what the matter allows',
  ],
  'od.cases.transition.completed': ['办件已办结', 'The case is already completed'],
  'od.cases.transition.keyReused': [
    '该 Idempotency-Key 已用于另一操作',
    'This Idempotency-Key was used for another action',
  ],
  // The reason of each flag, from its parameters (domain/case-flags.ts).
  'od.cases.flag.overdue_committed': [
    '超过承诺时限（{due}）{days} 个工作日',
    '{days} working days past the committed limit ({due})',
  ],
  'od.cases.flag.overdue_statutory': [
    '超过法定时限（{due}）{days} 个工作日',
    '{days} working days past the statutory limit ({due})',
  ],
  'od.cases.flag.completed_before_accepted': [
    '办结时间（{completed}）早于受理时间（{accepted}）',
    'Completed ({completed}) before it was accepted ({accepted})',
  ],
  'od.cases.flag.accepted_before_submitted': [
    '受理时间（{accepted}）早于申请时间（{submitted}）',
    'Accepted ({accepted}) before it was submitted ({submitted})',
  ],
  'od.cases.flag.completed_without_acceptance': ['没有受理记录即已办结', 'Completed without any acceptance'],
  'od.cases.flag.missing_stage': [
    '办结前缺少必经环节：{stages}',
    'Completed without the required stages: {stages}',
  ],
  'od.cases.flag.too_fast': [
    '受理后 {minutes} 分钟即办结，短于该事项的合理用时 {min} 分钟',
    'Completed {minutes} minutes after acceptance, under the plausible {min} minutes for the matter',
  ],
  'od.cases.flag.outside_working_time': [
    '{date} {time} 在非工作时间办理（共 {count} 次）',
    'Handled outside working time on {date} at {time} ({count} times)',
  ],
  'od.cases.flag.result_missing': ['已办结但缺少办结结果代码', 'Completed without a result code'],
  'od.cases.flag.committed_above_statutory': [
    '承诺时限 {committed} 个工作日超过法定时限 {statutory} 个工作日',
    'The committed limit ({committed} working days) exceeds the statutory one ({statutory})',
  ],
  'od.cases.flag.upstream_mismatch': [
    '与省办件库的副本不一致：{summary}',
    'Differs from the provincial case library: {summary}',
  ],
  'od.cases.flag.poor_evaluation': ['收到差评（{grade} 分）', 'Poor evaluation (grade {grade})'],
} as const satisfies Record<string, readonly [string, string]>;
