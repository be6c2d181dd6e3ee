/** The catalog module's messages: [中文, English]; keys of field reasons start with "od.catalog.". */
export const catalogMessages = {
  // Resource codes (资源代码): 类(1) 项(2) 目(3) 细目(0-6) / 顺序码(6).
  'od.catalog.code.empty': ['请填写资源代码', 'Enter the resource code'],
  'od.catalog.code.separator': [
    '资源代码应为“类项目细目/顺序码”，含且仅含一个“/”（如 101001001/000001）',
    'A resource code has exactly one "/": class, item, section, subsection / sequence (e.g. 101001001/000001)',
  ],
  'od.catalog.code.digits': [
    '资源代码只能由数字和一个“/”组成',
    'A resource code has only digits and one "/"',
  ],
  'od.catalog.code.class': [
    '资源代码首位（类）应为 1 基础、2 主题或 3 部门',
    'The first digit (class) must be 1 base, 2 theme or 3 department',
  ],
  'od.catalog.code.item': ['资源代码的“项”应为 2 位数字', 'The item of the code must have 2 digits'],
  'od.catalog.code.section': ['资源代码的“目”应为 3 位数字', 'The section of the code must have 3 digits'],
  'od.catalog.code.subsection': [
    '资源代码的“细目”最多 6 位数字',
    'The subsection of the code has at most 6 digits',
  ],
  'od.catalog.code.sequence': [
    '“/”后的顺序码应为 6 位数字（从 000001 起）',
    'The sequence after "/" must be 6 digits (from 000001)',
  ],
  'od.catalog.codeCategory': [
    '资源代码首位应为 {digit}，与资源分类一致',
    'The code must start with {digit} to match the category',
  ],
  'od.catalog.codeBaseResource': [
    '基础资源代码的“项”应为 {item}，与基础资源类型一致',
    'The item of a base resource code must be {item} to match the base resource',
  ],
  'od.catalog.codeFrozen': [
    '已发布过的资源不能修改资源代码',
    'The code of a resource that has been published cannot change',
  ],
  'od.catalog.required': ['必填', 'Required'],
  'od.catalog.length': ['长度应为 {min}-{max} 个字符', 'Must be {min}-{max} characters long'],
  'od.catalog.oneOf': ['取值应为：{allowed}', 'Must be one of: {allowed}'],
  'od.catalog.baseResourceRequired': [
    '基础资源须选择基础资源类型（人口、法人、自然资源和空间地理、社会信用、电子证照）',
    'A base resource needs its kind (population, legal entities, geospatial, social credit, e-licences)',
  ],
  'od.catalog.baseResourceNotBase': [
    '只有基础资源才填写基础资源类型',
    'Only base resources have a base resource kind',
  ],
  'od.catalog.themeRequired': ['主题资源须填写主题', 'A theme resource needs its theme'],
  'od.catalog.fieldsRequired': ['至少需要一个信息项', 'At least one field is needed'],
  'od.catalog.fieldsTooMany': ['信息项最多 {max} 个', 'At most {max} fields'],
  'od.catalog.fieldName': [
    '字段名以小写字母开头，只能包含小写字母、数字和下划线（最多 63 位）',
    'A field name starts with a lower-case letter; only a-z, 0-9 and "_" (at most 63 characters)',
  ],
  'od.catalog.fieldNameDuplicate': ['字段名重复', 'This field name is used twice'],
  'od.catalog.keyNotRequired': ['主键字段必须为必填', 'A key field must be required'],
  'od.catalog.pattern': ['不是有效的正则表达式', 'Not a valid regular expression'],
  'od.catalog.sharingConditionsRequired': [
    '有条件共享须填写共享条件',
    'Conditional sharing needs its conditions',
  ],
  'od.catalog.sharingReasonRequired': [
    '不予共享须填写理由或法律依据',
    'Not sharing needs a reason or legal basis',
  ],
  'od.catalog.openTypeTooOpen': [
    '信息项最高分级为 {level}，开放类型只能为：{allowed}（DB33/T 2351-2021；不予共享的资源不予开放）',
    'The highest field level is {level}: the open type may only be {allowed} (DB33/T 2351-2021; what is not shared is not opened)',
  ],
  'od.catalog.openConditionsRequired': [
    '有条件开放须填写开放条件',
    'Conditional opening needs its conditions',
  ],
  'od.catalog.keywordsTooMany': ['关键字最多 {max} 个', 'At most {max} keywords'],
  'od.catalog.keywordLength': ['每个关键字 1-{max} 个字符', 'Each keyword has 1-{max} characters'],
  'od.catalog.keywordDuplicate': ['关键字重复', 'This keyword is given twice'],
  'od.catalog.relatedCode': ['不是有效的资源代码', 'Not a valid resource code'],
  'od.catalog.relatedSelf': ['不能关联自身', 'An entry cannot be related to itself'],
  'od.catalog.releaseDate': [
    '日期格式应为 YYYY-MM-DD 且为真实日期',
    'Must be a real date in the form YYYY-MM-DD',
  ],
  'od.catalog.sourceSystem': [
    '来源系统不存在或不属于提供部门',
    "No such system, or it is not the providing department's",
  ],
  'od.catalog.departmentScope': [
    '部门数据专员只能为本部门编目',
    "A department's data officer catalogues only their own department",
  ],
  // Lifecycle.
  'od.catalog.locked.submitted': [
    '该资源已提交审核，请先撤回再修改',
    'The entry is waiting for review: withdraw it before editing',
  ],
  'od.catalog.locked.deprecated': ['已废止的资源不能修改', 'A deprecated entry cannot be edited'],
  'od.catalog.wrongState': [
    '当前状态为“{statusZh}”，不能“{actionZh}”',
    'The entry is {statusEn}: "{actionEn}" is not possible now',
  ],
  'od.catalog.commentRequired': ['请填写意见', 'A comment is required'],
  'od.catalog.ownSubmission': [
    '不能审核自己提交的数据资源，请由其他审核人处理',
    'You cannot review an entry you submitted; another reviewer must',
  ],
  'od.catalog.stale': [
    '该资源已被他人修改，请刷新后重试',
    'Someone else changed the entry meanwhile: reload it and try again',
  ],
  'od.catalog.versionMissing': ['没有该版本', 'No such version'],
  // Import.
  'od.catalog.import.unknownDataset': [
    '资源代码 {code} 不在“数据集”表中',
    'The code {code} is not on the Datasets sheet',
  ],
  'od.catalog.import.otherDepartment': [
    '资源代码 {code} 已由其他部门登记',
    'The code {code} is registered by another department',
  ],
  'od.catalog.import.locked': [
    '资源 {code} 当前为“{statusZh}”，不能通过导入修改',
    'The entry {code} is {statusEn}: an import cannot change it',
  ],
  'od.catalog.import.codeTaken': ['资源代码 {code} 已存在', 'The code {code} already exists'],
} as const satisfies Record<string, readonly [string, string]>;
