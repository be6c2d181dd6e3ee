/** The notify module's messages: [中文, English]; keys of field reasons start with "od.notify.". */
export const notifyMessages = {
  'od.notify.notAUrl': [
    '应为以 https:// 或 http:// 开头的网址',
    'Must be a web address starting with https:// or http://',
  ],
  'od.notify.httpsOnly': [
    '生产环境只能使用 https 地址（机器人地址含访问令牌）',
    'Production sends to https addresses only (a robot address carries its access token)',
  ],
  'od.notify.credentials': ['地址中不能含用户名或密码', 'The address may not carry a user name or password'],
  'od.notify.hostNotAllowed': [
    '该地址的主机不在允许的机器人主机列表中（WEBHOOK_ALLOWED_HOSTS，由运维人员配置）',
    "The address's host is not among the allowed robot hosts (WEBHOOK_ALLOWED_HOSTS, set by operations)",
  ],
  'od.notify.unknownKind': [
    '没有这类通知；可选：办事指南检查（guides.）、办件督办（cases.）、数据资源目录（dataset.）、普查（census.）、信息系统（registry.）',
    'No such kind of notice; choose guide inspection (guides.), cases (cases.), catalogue (dataset.), census (census.) or registry (registry.)',
  ],
  'od.notify.secretFormat': [
    '钉钉加签密钥以 SEC 开头（在机器人安全设置中复制）',
    "A DingTalk signing secret starts with SEC (copy it from the robot's security settings)",
  ],
  'od.notify.unknownDepartment': ['部门不存在', 'No such department'],
  'od.notify.secretWecom': ['企业微信群机器人不使用加签密钥', 'WeCom group robots take no signing secret'],
} as const satisfies Record<string, readonly [string, string]>;
