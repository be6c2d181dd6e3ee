/** The matters module's messages: [中文, English]; keys of field reasons start with "od.matters.". */
export const mattersMessages = {
  // The domain's reasons (domain/matters.ts matterProblems).
  'od.matters.oneOf': ['取值应为以下之一：{allowed}', 'Must be one of: {allowed}'],
  'od.matters.dayCount': [
    '应为 0 到 {max} 之间的整数（工作日）',
    'Must be a whole number of working days from 0 to {max}',
  ],
  'od.matters.onTheSpotLimit': ['即办件的时限应为 0', 'An on-the-spot matter has a limit of 0'],
  'od.matters.limitRequired': [
    '非即办件须填写大于 0 的时限',
    'A matter not decided on the spot needs a limit above 0',
  ],
  'od.matters.committedAboveStatutory': [
    '承诺时限不能超过法定时限（{statutory} 个工作日）',
    'The committed limit cannot exceed the statutory limit ({statutory} working days)',
  ],
  'od.matters.range': ['应为 {min} 到 {max} 之间的整数', 'Must be a whole number from {min} to {max}'],
  'od.matters.stageTwice': ['环节「{stageZh}」出现了两次', 'The stage "{stageEn}" appears twice'],
  'od.matters.stageOrder': [
    '环节「{stageZh}」的位置不对，顺序应为：收件、受理、审查、决定、办结、出件',
    'The stage "{stageEn}" is out of order; the order is intake, acceptance, review, decision, completion, delivery',
  ],
  'od.matters.stageMandatory': [
    '收件、受理、办结是必经环节，不能设为可选',
    'Intake, acceptance and completion are mandatory stages and cannot be optional',
  ],
  'od.matters.stageMissing': ['缺少必经环节「{stageZh}」', 'The mandatory stage "{stageEn}" is missing'],
  'od.matters.stageDaysAboveCommitted': [
    '各环节时限合计 {days} 个工作日，超过承诺时限 {committed} 个工作日',
    'The stage limits add up to {days} working days, more than the committed limit of {committed}',
  ],
  'od.matters.duplicate': ['重复填写', 'Listed twice'],
  'od.matters.required': ['必填', 'Required'],
  'od.matters.amount': ['金额应为不小于 0 的数字（元）', 'The amount must be a number of yuan, 0 or more'],
  // The module's own.
  'od.matters.basicCode': ['基本编码应为 12 位数字', 'The basic code must be 12 digits'],
  'od.matters.codeTaken': [
    '实施编码 {code} 已被其他事项使用',
    'The implementation code {code} is already used by another matter',
  ],
  'od.matters.departmentRequired': ['请选择实施部门', 'Choose the implementing department'],
  'od.matters.stale': [
    '事项已被他人修改（当前为第 {version} 版），请刷新后重试',
    'Someone else changed the matter (now version {version}); reload and try again',
  ],
  'od.matters.guideStale': [
    '办事指南已被他人修改，请刷新后重试',
    'Someone else changed the guide; reload and try again',
  ],
  'od.matters.alreadySuspended': ['事项已暂停，无需再次暂停', 'The matter is already suspended'],
  'od.matters.alreadyActive': ['事项已在用，无需启用', 'The matter is already active'],
  'od.matters.materialTwice': ['与第 {first} 项材料重名', 'Same name as material {first}'],
  'od.matters.phone': [
    '电话号码只能包含数字、空格、+、-、括号、顿号、逗号和“转”',
    'A phone number may only contain digits, spaces, +, -, brackets, commas and 转 (extension)',
  ],
  // Guide inspection: each rule's finding in words (params from domain/guide-inspection.ts, plus
  // the labels the presenter adds: typeZh/typeEn, procedureZh/procedureEn, no, firstNo).
  'od.matters.inspection.no_guide': ['尚未编制办事指南', 'The matter has no guide'],
  'od.matters.inspection.missing_conditions': ['缺少受理条件', 'The conditions are missing'],
  'od.matters.inspection.missing_materials': [
    '{typeZh}事项未列明申请材料',
    'No application materials are listed for a matter of type "{typeEn}"',
  ],
  'od.matters.inspection.missing_process': ['缺少办理流程', 'The process is missing'],
  'od.matters.inspection.missing_legal_basis': ['缺少设定依据', 'The legal basis is missing'],
  'od.matters.inspection.missing_place': ['缺少办理地点', 'The place is missing'],
  'od.matters.inspection.missing_hours': ['缺少办理时间', 'The office hours are missing'],
  'od.matters.inspection.missing_contact_phone': ['缺少咨询电话', 'The enquiry phone number is missing'],
  'od.matters.inspection.missing_complaint_phone': [
    '缺少监督投诉电话',
    'The complaint phone number is missing',
  ],
  'od.matters.inspection.committed_above_statutory': [
    '承诺时限 {committed} 个工作日超过法定时限 {statutory} 个工作日',
    'The committed limit of {committed} working days exceeds the statutory limit of {statutory}',
  ],
  'od.matters.inspection.on_the_spot_with_limits': [
    '即办件的时限应为 0，现为法定 {statutory}、承诺 {committed} 个工作日',
    'An on-the-spot matter has limits of 0, not statutory {statutory} and committed {committed} working days',
  ],
  'od.matters.inspection.stage_days_above_committed': [
    '各环节时限合计 {days} 个工作日，超过承诺时限 {committed} 个工作日',
    'The stage limits add up to {days} working days, more than the committed limit of {committed}',
  ],
  'od.matters.inspection.fee_without_basis': [
    '收费项目「{name}」未写明收费依据',
    'The fee "{name}" names no basis',
  ],
  'od.matters.inspection.online_without_url': [
    '网办深度为 {depth} 级（可网上申请），但未提供有效的网上办理地址',
    'Online depth {depth} (online application) but no valid online address',
  ],
  'od.matters.inspection.no_visit_not_online': [
    '跑动次数为 0（一次不用跑），但网办深度仅为 {depth} 级，应为全程网办（4 级）',
    'No visit needed (一次不用跑) but the online depth is only {depth}; it must be fully online (4)',
  ],
  'od.matters.inspection.fully_online_with_visits': [
    '全程网办事项仍要求到现场 {visits} 次',
    'A fully online matter still asks for {visits} visit(s) in person',
  ],
  'od.matters.inspection.material_zero_copies': [
    '第 {no} 项材料「{name}」的份数为 {copies}，应至少 1 份',
    'Material {no} "{name}" has {copies} copies; at least 1 is needed',
  ],
  'od.matters.inspection.material_duplicate_name': [
    '第 {no} 项材料「{name}」与第 {firstNo} 项重名',
    'Material {no} "{name}" has the same name as material {firstNo}',
  ],
  'od.matters.inspection.special_procedure_not_applicable': [
    '{typeZh}事项不适用特别程序「{procedureZh}」',
    'The special procedure "{procedureEn}" does not apply to a matter of type "{typeEn}"',
  ],
  'od.matters.inspection.stale': [
    '办事指南已 {days} 天未更新（上次 {updatedOn}），应至少每年复核一次',
    'The guide has not been updated for {days} days (last on {updatedOn}); review it at least once a year',
  ],
} as const satisfies Record<string, readonly [string, string]>;
