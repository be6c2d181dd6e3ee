/** The registry module's messages: [中文, English]; keys of field reasons start with "od.registry.". */
export const registryMessages = {
  'od.registry.code': [
    '以大写字母开头，只能包含大写字母、数字和连字符（3-32 位），如 SYS-GAJ-001',
    'Starts with a capital letter; only capital letters, digits and "-" (3-32 characters), e.g. SYS-GAJ-001',
  ],
  'od.registry.departmentRequired': ['请选择所属部门', 'Choose the owner department'],
  'od.registry.verticalLineRequired': [
    '条线系统须填写所属条线（如 省公安厅）',
    'A vertical system needs the line it comes down (e.g. provincial public security department)',
  ],
  'od.registry.launchDateRequired': ['已上线的系统须填写上线日期', 'A live system needs its launch date'],
  'od.registry.launchDateFuture': [
    '已上线或已下线系统的上线日期不能晚于今天',
    'The launch date of a live or retired system cannot be in the future',
  ],
  'od.registry.unknownDataset': ['数据资源不存在或不可见', 'No such dataset (or not visible to you)'],
  'od.registry.unknownSystem': [
    '系统编码 {code} 不存在或不属于本部门',
    'System code {code} does not exist or is not one of your department’s',
  ],
  'od.registry.dayInFuture': ['日期不能晚于今天（{today}）', 'The day cannot be after today ({today})'],
  'od.registry.dayTooOld': ['只能上报最近 {days} 天的使用情况', 'Only the last {days} days can be reported'],
  'od.registry.duplicateReport': [
    '同一系统、同一信号、同一天在本次上报中重复出现',
    'The same system, signal and day appear twice in this report',
  ],
  'od.registry.flagResolved': ['该疑点已处理', 'This flag has already been resolved'],
  // Import.
  'od.registry.import.otherDepartment': [
    '系统编码 {code} 已由其他部门登记',
    'The system code {code} is registered by another department',
  ],
  'od.registry.import.departmentScope': [
    '部门数据专员只能导入本部门的系统',
    "A department's data officer imports only their own department's systems",
  ],
  'od.registry.import.interfaceFormat': [
    '第 {entry} 个接口应写作“名称|方向|协议”（可再加“|说明”），多个接口以分号分隔',
    'Interface {entry} must read "name|direction|protocol" (optionally "|description"); separate interfaces with ";"',
  ],
  'od.registry.import.interfaceDirection': [
    '第 {entry} 个接口的方向应为：{allowed}',
    'Interface {entry}: the direction must be one of {allowedEn}',
  ],
  'od.registry.import.number': ['应为数字', 'Must be a number'],
  // A flag's evidence in words (exports).
  'od.registry.evidence.zombie': [
    '连续 {days} 天无使用（阈值 {threshold} 天），最近一次使用：{lastUsedOn}',
    'No use for {days} days in a row (threshold {threshold} days); last used on {lastUsedOn}',
  ],
  'od.registry.evidence.zombieNeverUsed': [
    '上线 {days} 天以来从未使用（阈值 {threshold} 天）',
    'Never used in the {days} days since launch (threshold {threshold} days)',
  ],
  'od.registry.evidence.zombieUnknown': [
    '无使用记录，也无上线日期（阈值 {threshold} 天）',
    'No use recorded and no launch date (threshold {threshold} days)',
  ],
  'od.registry.evidence.duplicate': [
    '名称相似度 {name}%，用途相似度 {purpose}%',
    'Name similarity {name}%, purpose similarity {purpose}%',
  ],
  'od.registry.evidence.sharedDatasets': ['共同产出：{names}', 'Both produce: {names}'],
} as const satisfies Record<string, readonly [string, string]>;
