/** The historical import's messages, audit label and code labels: [中文, English]. */
export const caseImportMessages = {
  'od.cases.import.encoding': ['文件不是 UTF-8 编码的文本', 'The file is not UTF-8 text'],
  'od.cases.import.json': ['该行不是一个 JSON 对象', 'This line is not a JSON object'],
  'od.cases.import.empty': ['文件中没有办件', 'The file holds no cases'],
  'od.cases.import.tooManyCases': [
    '一次最多导入 {max} 件办件，该文件有 {found} 件，请拆分后分批导入',
    'At most {max} cases per import; this file has {found}: split it',
  ],
  'od.cases.import.tooManyEvents': [
    '一次最多导入 {max} 条办理事件，该文件有 {found} 条以上，请拆分后分批导入',
    'At most {max} events per import; this file has more than {found}: split it',
  ],
  'od.cases.import.caseNo': [
    '申办流水号以字母或数字开头，只能包含字母、数字、连字符和下划线（1-64 位）',
    'A case number starts with a letter or digit and has only letters, digits, "-" and "_" (1-64 characters)',
  ],
  'od.cases.import.duplicateInDb': [
    '申办流水号 {caseNo} 已存在（已导入过或已在本系统办理）',
    'Case number {caseNo} already exists (imported before or handled here)',
  ],
  'od.cases.import.unknownMatter': ['事项编码 {code} 不存在', 'No matter with code {code}'],
  'od.cases.import.region': [
    '区划代码 {code} 不存在或不是办事大厅所在的区、街道',
    'Region {code} does not exist or is not a district or street with a service hall',
  ],
  'od.cases.import.phone': ['联系电话格式不正确', 'Not a valid phone number'],
  'od.cases.import.unknownKind': [
    '未知的办理事件类型「{kind}」，应为以下之一：{allowed}',
    'Unknown event kind "{kind}"; must be one of: {allowed}',
  ],
  'od.cases.import.time': [
    '时间应为 YYYY-MM-DD HH:mm:ss（北京时间）或带时区的 ISO 8601（如 2026-03-02T09:30:00+08:00）',
    'A time must be YYYY-MM-DD HH:mm:ss (China time) or ISO 8601 with an offset (e.g. 2026-03-02T09:30:00+08:00)',
  ],
  'od.cases.import.isoTime': [
    '时间应为带时区的 ISO 8601（如 2026-03-02T09:30:00+08:00）',
    'A time must be ISO 8601 with an offset (e.g. 2026-03-02T09:30:00+08:00)',
  ],
  'od.cases.import.future': ['时间晚于当前时间（{now}）', 'The time is after now ({now})'],
  'od.cases.import.order': [
    '办理事件未按时间先后排列：早于上一条事件（{previous}）',
    'Events out of time order: earlier than the previous event ({previous})',
  ],
  'od.cases.import.noSubmitted': ['办件缺少“申请”（submitted）事件', 'The case has no submitted event'],
  'od.cases.import.unknownCase': [
    '申办流水号 {caseNo} 不在“办件”工作表中',
    'Case number {caseNo} is not on the Cases sheet',
  ],
  'od.cases.import.materials': [
    '补正材料应写为“材料名称：原因”，多项以分号分隔',
    'Missing materials are written "material: reason", several separated by semicolons',
  ],
  'od.cases.import.evaluationTwice': [
    '同一环节（{stage}）只能有一条评价',
    'Only one evaluation per stage ({stage})',
  ],
  'od.cases.import.evaluationIncomplete': [
    '填写评价时须同时填写评价环节、评价等级和评价时间',
    'An evaluation needs its stage, grade and time',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export const caseImportAuditLabels = {
  'cases.import': ['导入历史办件', 'Historical cases imported'],
} as const satisfies Record<string, readonly [string, string]>;

/**
 * Names of the codes the import template's drop-downs need that no module's labels have (a cell may
 * hold the code or either name); the others come from the cases, supervision and matters labels and
 * the roles in http/labels.ts.
 */
export const importCodeLabels = {
  yesNo: { true: ['是', 'Yes'], false: ['否', 'No'] },
} as const satisfies Record<string, Record<string, readonly [string, string]>>;
