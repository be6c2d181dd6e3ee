/** The census module's messages: [中文, English]; keys of field reasons start with "od.census.". */
export const censusMessages = {
  CENSUS_ITEMS_PENDING: [
    '还有 {count} 项未确认（信息系统 {systems} 个、数据资源 {datasets} 个），全部确认、更正或补充后才能提交',
    '{count} items are still pending ({systems} systems, {datasets} datasets): confirm, correct or add them all before submitting',
  ],
  'od.census.roundOpen': [
    '已有进行中的普查“{title}”，请先结束它再发起新的普查',
    'The census round "{title}" is still open: close it before opening another',
  ],
  'od.census.roundClosed': ['该普查已结束', 'This census round is closed'],
  'od.census.alreadySubmitted': ['本部门已提交普查答复', 'Your department has already submitted its return'],
  'od.census.departmentRequired': ['请指定部门', 'Name the department'],
  'od.census.notYours': ['不存在或不属于本部门', 'Does not exist or does not belong to your department'],
} as const satisfies Record<string, readonly [string, string]>;
