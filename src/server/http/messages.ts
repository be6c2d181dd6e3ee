import type { IdProblem } from '../../domain/identifiers.ts';
import { catalogMessages } from '../modules/catalog/catalog.messages.ts';
import { casesMessages } from '../modules/cases/cases.messages.ts';
import { caseImportMessages } from '../modules/cases/import.messages.ts';
import { supervisionMessages } from '../modules/cases/supervision.messages.ts';
import { censusMessages } from '../modules/census/census.messages.ts';
import { mattersMessages } from '../modules/matters/matters.messages.ts';
import { notifyMessages } from '../modules/notify/notify.messages.ts';
import { registryMessages } from '../modules/registry/registry.messages.ts';

/** Server-side messages in both languages; codes are stable API, messages are for people. */
export type Lang = 'zh-CN' | 'en';

const foundation = {
  BAD_REQUEST: ['请求有误', 'The request is invalid'],
  VALIDATION_FAILED: ['提交的内容有误，请检查标出的字段', 'Some fields are invalid; see the fields listed'],
  MALFORMED_JSON: ['请求体不是有效的 JSON', 'The request body is not valid JSON'],
  BODY_TOO_LARGE: ['请求体过大（上限 {limit} 字节）', 'The request body is too large (limit {limit} bytes)'],
  UNSUPPORTED_MEDIA_TYPE: ['不支持的内容类型', 'Unsupported content type'],
  UNAUTHENTICATED: ['请先登录', 'Please sign in'],
  SESSION_EXPIRED: ['会话已过期，请重新登录', 'Your session has expired; please sign in again'],
  INVALID_CREDENTIALS: ['用户名或密码错误', 'Wrong username or password'],
  ACCOUNT_LOCKED: [
    '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试或联系管理员',
    'Too many failed sign-ins: the account is locked; try again in {minutes} minutes or ask an administrator',
  ],
  ACCOUNT_DISABLED: ['账号已停用，请联系管理员', 'This account is disabled; ask an administrator'],
  MFA_REQUIRED: ['请先完成双因素认证', 'Complete two-factor authentication first'],
  MFA_INVALID: ['动态验证码错误', 'The verification code is wrong'],
  PASSWORD_CHANGE_REQUIRED: ['请先修改密码', 'Change your password first'],
  PASSWORD_POLICY: ['密码不符合密码策略', 'The password does not meet the password policy'],
  CSRF_FAILED: [
    '请求校验失败，请刷新页面后重试',
    'Request verification failed; reload the page and try again',
  ],
  FORBIDDEN: ['您没有执行此操作的权限', 'You are not allowed to do this'],
  OUT_OF_SCOPE: ['该数据不在您的管辖范围内', 'This record is outside your scope'],
  NOT_FOUND: ['未找到', 'Not found'],
  ROUTE_NOT_FOUND: ['接口不存在', 'No such endpoint'],
  CONFLICT: ['与现有数据冲突', 'Conflicts with existing data'],
  // The field itself is named in `fields` (beside its input); the message says what happened.
  DUPLICATE: [
    '已有相同的记录，请修改标出的字段',
    'A record with the same value already exists; change the field marked',
  ],
  RATE_LIMITED: ['请求过于频繁，请 {seconds} 秒后再试', 'Too many requests; try again in {seconds} seconds'],
  CASE_QUERY_LOCKED: [
    '该办件的查询密码错误次数过多，已暂时锁定，请 {minutes} 分钟后再试',
    'Too many wrong query passwords for this case: it is locked; try again in {minutes} minutes',
  ],
  DATABASE_UNAVAILABLE: [
    '数据库暂时不可用，请稍后再试',
    'The database is temporarily unavailable; try again shortly',
  ],
  CALENDAR_YEAR_MISSING: [
    '{year} 年尚无官方工作日安排，请管理员录入后再计算',
    'No published working-day schedule for {year}: an administrator must enter it first',
  ],
  SEPARATION_OF_DUTIES: [
    '系统管理员、安全管理员、审计管理员三种角色不能由同一账号兼任',
    'System, security and audit administrator roles cannot be held by one account',
  ],
  IMPORT_REJECTED: [
    '导入未执行：文件中有 {count} 处问题，请逐条修改后重新导入（未导入任何数据）',
    'Nothing was imported: the file has {count} problems; fix each and import again',
  ],
  INTERNAL: [
    '服务器内部错误，请联系管理员并提供请求编号 {requestId}',
    'Internal error; give the administrator request id {requestId}',
  ],
  // Field-level reasons used by our own schemas (message keys start with "od.").
  'od.loginId': [
    '只能包含小写字母、数字、点、下划线和连字符（2-64 位）',
    'Only lower-case letters, digits, ".", "_" and "-" (2-64 characters)',
  ],
  'od.deptCode': [
    '以小写字母开头，只能包含小写字母、数字、下划线和连字符（2-32 位）',
    'Starts with a lower-case letter; only lower-case letters, digits, "_" and "-" (2-32 characters)',
  ],
  'od.divisionCode': ['不是有效的行政区划代码', 'Not a valid administrative division code'],
  'od.isoDate': ['日期格式应为 YYYY-MM-DD 且为真实日期', 'Must be a real date in the form YYYY-MM-DD'],
  'od.geojson': ['GeoJSON 无效：{reason}', 'Invalid GeoJSON: {reason}'],
  'od.duplicate': ['已存在', 'Already exists'],
  'od.import.notXlsx': ['不是有效的 Excel（.xlsx）文件', 'Not an Excel (.xlsx) file'],
  'od.import.sheetMissing': [
    '缺少工作表「{name}」，请使用下载的模板',
    'The sheet "{nameEn}" is missing; use the downloadable template',
  ],
  'od.import.unknownHeader': ['无法识别的列「{header}」', 'Unknown column "{header}"'],
  'od.import.duplicateHeader': ['该列出现了两次', 'This column appears twice'],
  'od.import.headerMissing': ['缺少必填列', 'A required column is missing'],
  'od.import.merged': [
    '不支持合并单元格（{range}），请取消合并后重试',
    'Merged cells ({range}) are not supported; unmerge them',
  ],
  'od.import.formula': ['单元格含公式，请粘贴为数值', 'The cell holds a formula; paste it as a value'],
  'od.import.cellError': ['单元格是错误值（如 #N/A）', 'The cell holds an error value (e.g. #N/A)'],
  'od.import.cellType': ['无法读取该单元格的内容', 'The cell content cannot be read'],
  'od.import.option': ['取值应为以下之一：{allowed}', 'Must be one of: {allowedEn}'],
  'od.import.tooManyRows': [
    '一次最多导入 {max} 行，该文件有 {found} 行，请拆分后分批导入',
    'At most {max} rows per import; this file has {found}: split it',
  ],
  'od.import.tooLarge': [
    '文件解压后超过 {max} MB，请拆分后分批导入',
    'The file unpacks to more than {max} MB; split it',
  ],
  'od.import.required': ['必填', 'Required'],
  'od.import.duplicateInFile': ['与第 {row} 行重复', 'Duplicates row {row}'],
  'od.region.codeLength': ['代码应为 {digits} 位数字', 'The code must have {digits} digits'],
  'od.region.parkRange': [
    '园区代码为区代码加 9xx（如 330105901）',
    'A park code is the district code plus 9xx (e.g. 330105901)',
  ],
  'od.region.reservedRange': ['9xx 段留给园区使用', 'The 9xx range is kept for parks'],
  'od.region.districtHasNoParent': ['区没有上级区划', 'A district has no parent region'],
  'od.region.needsParent': ['需要一个已存在的上级区划', 'Needs an existing parent region'],
  'od.region.wrongParentLevel': [
    '上级层级不对：街道和园区属于区，社区属于街道',
    'Wrong parent level: streets and parks belong to a district, communities to a street',
  ],
  'od.region.codePrefix': [
    '代码应以上级区划代码 {parent} 开头',
    "The code must start with the parent's code {parent}",
  ],
  'od.reservedName': [
    '该用户名是默认账号名，生产环境不允许使用',
    'A default account name: not allowed in production',
  ],
  'od.regionLevelForRole': ['{role}的管辖范围应为一个{level}', 'The scope of a {role} must be a {level}'],
  'od.unknownRole': ['未知角色', 'Unknown role'],
  'od.unknownRegion': ['区划不存在', 'No such region'],
  'od.unknownDepartment': ['部门不存在', 'No such department'],
  'od.departmentRequired': ['部门专员必须属于一个部门', 'A department officer must belong to a department'],
  'od.password.TOO_SHORT': ['密码至少需要 {min} 位', 'At least {min} characters'],
  'od.password.TOO_LONG': ['密码最多 {max} 位', 'At most {max} characters'],
  'od.password.TOO_FEW_CLASSES': [
    '需包含大写字母、小写字母、数字、符号中的至少 {required} 类',
    'Use at least {required} of: upper case, lower case, digits, symbols',
  ],
  'od.password.CONTAINS_USERNAME': ['密码不能包含用户名', 'Must not contain the username'],
  'od.password.EMPTY': ['密码不能为空', 'Must not be empty'],
  'od.password.REUSED': [
    '不能与最近 {count} 次使用过的密码相同',
    'Must differ from the last {count} passwords',
  ],
  'od.password.WRONG_CURRENT': ['当前密码错误', 'The current password is wrong'],
  // Identifiers (domain/identifiers.ts): what is wrong, in the user's language.
  'od.id.resident.notString': ['身份证号码须为文字', 'The resident ID must be text'],
  'od.id.resident.length': [
    '身份证号码须为 18 位，现为 {got} 位',
    'The resident ID has 18 characters, not {got}',
  ],
  'od.id.resident.digits': [
    '身份证号码前 17 位须为数字',
    'The first 17 characters of a resident ID are digits',
  ],
  'od.id.resident.lowerX': ['身份证号码末位校验码须为大写 X', 'The check character is an upper-case X'],
  'od.id.resident.checkCharacterForm': ['身份证号码末位须为数字或 X', 'The last character is a digit or X'],
  'od.id.resident.birthDate': [
    '身份证号码中的出生日期 {value} 无效',
    'The birth date {value} in the resident ID is not a date',
  ],
  'od.id.resident.birthEarly': [
    '身份证号码中的出生日期 {birth} 不合理',
    'The birth date {birth} is implausibly early',
  ],
  'od.id.resident.birthFuture': [
    '身份证号码中的出生日期 {birth} 晚于今天',
    'The birth date {birth} is in the future',
  ],
  'od.id.resident.checkCharacter': [
    '身份证号码校验码不符，请核对是否输错',
    'The check character does not match: is there a typing error?',
  ],
  'od.id.uscc.notString': ['统一社会信用代码须为文字', 'The unified social credit code must be text'],
  'od.id.uscc.length': [
    '统一社会信用代码须为 18 位，现为 {got} 位',
    'The credit code has 18 characters, not {got}',
  ],
  'od.id.uscc.lowerCase': ['统一社会信用代码中的字母须大写', 'Letters in the credit code are upper-case'],
  'od.id.uscc.charset': ['统一社会信用代码不能含“{value}”', 'The credit code cannot contain "{value}"'],
  'od.id.uscc.division': [
    '统一社会信用代码第 3-8 位（行政区划码）须为数字',
    'Characters 3-8 (the division code) are digits',
  ],
  'od.id.uscc.organisationCode': [
    '统一社会信用代码第 9-17 位（组织机构代码）校验不符',
    'Characters 9-17 (the organisation code) fail their check',
  ],
  'od.id.uscc.checkCharacter': [
    '统一社会信用代码校验码不符，请核对是否输错',
    'The check character does not match: is there a typing error?',
  ],
} as const satisfies Record<string, readonly [string, string]>;

// Each module keeps its own messages beside its code; one catalogue serves them all.
const catalogue = {
  ...foundation,
  ...registryMessages,
  ...catalogMessages,
  ...censusMessages,
  ...mattersMessages,
  ...casesMessages,
  ...supervisionMessages,
  ...caseImportMessages,
  ...notifyMessages,
} as const;

export type MessageKey = keyof typeof catalogue;

/** The message saying what is wrong with a resident ID or a unified social credit code. */
export function idProblemMessage(kind: 'resident' | 'uscc', problem: IdProblem): MessageKey {
  return `od.id.${kind}.${problem}` as MessageKey; // every pair has its message (messages.test.ts)
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue, key);
}

export function translate(key: MessageKey, lang: Lang, params: Record<string, unknown> = {}): string {
  const template = catalogue[key][lang === 'en' ? 1 : 0];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Chinese unless the client clearly prefers English. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
