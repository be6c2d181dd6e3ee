/** People-facing names of the registry module's codes and audit actions: [中文, English]. */
export const registryLabels = {
  auditAction: {
    'system.create': ['登记信息系统', 'System registered'],
    'system.update': ['修改信息系统', 'System updated'],
    'system.export': ['导出信息系统', 'Systems exported'],
    'system.import': ['导入信息系统', 'Systems imported'],
    'system.consumes.set': ['设置系统使用的数据资源', 'Datasets used by a system set'],
    'system.usage.report': ['上报系统使用情况', 'System usage reported'],
    'system.flags.scan': ['僵尸与重复系统监测', 'Zombie and duplicate scan'],
    'system.flag.resolve': ['处理系统疑点', 'System flag resolved'],
    'system.flags.export': ['导出系统疑点', 'System flags exported'],
  },
  codes: {
    systemOrigin: { vertical: ['条线系统', 'Vertical'], local: ['块上系统', 'Local'] },
    systemLevel: { province: ['省级', 'Province'], city: ['市级', 'City'], district: ['区级', 'District'] },
    systemDeployment: {
      gov_cloud: ['政务云', 'Government cloud'],
      local_room: ['本地机房', 'Local server room'],
    },
    systemStatus: {
      planned: ['规划中', 'Planned'],
      building: ['建设中', 'Building'],
      live: ['运行中', 'Live'],
      retired: ['已下线', 'Retired'],
    },
    securityLevel: {
      '1': ['等保一级', 'Level 1'],
      '2': ['等保二级', 'Level 2'],
      '3': ['等保三级', 'Level 3'],
      '4': ['等保四级', 'Level 4'],
      '5': ['等保五级', 'Level 5'],
    },
    interfaceDirection: { provides: ['提供', 'Provides'], consumes: ['调用', 'Calls'] },
    usageSignal: {
      sign_in: ['登录', 'Sign-ins'],
      api_call: ['接口调用', 'API calls'],
      data_update: ['数据更新', 'Data updates'],
      exchange_call: ['共享交换调用', 'Exchange calls'],
      catalog_view: ['目录浏览', 'Catalogue views'],
    },
    flagKind: {
      zombie: ['疑似僵尸系统', 'Possible zombie'],
      duplicate: ['疑似重复建设', 'Possible duplicate'],
    },
    flagStatus: {
      open: ['待处理', 'Open'],
      confirmed: ['已确认', 'Confirmed'],
      dismissed: ['已排除', 'Dismissed'],
      cleared: ['已自动解除', 'Cleared'],
    },
    flagClearance: {
      used_again: ['系统恢复使用', 'The system is used again'],
      not_live: ['系统已不在运行', 'The system is no longer live'],
      not_similar: ['不再相似', 'No longer similar'],
      retired: ['其中一个系统已下线', 'One of the systems was retired'],
    },
  },
} as const satisfies {
  auditAction: Record<string, readonly [string, string]>;
  codes: Record<string, Record<string, readonly [string, string]>>;
};
