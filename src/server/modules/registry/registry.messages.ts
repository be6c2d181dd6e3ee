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
} as const satisfies Record<string, readonly [string, string]>;
