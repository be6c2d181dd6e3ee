// The demo district's information systems (信息系统一本账): about 120 local (块上) and vertical
// (条线) systems of the 42 departments, from a curated list so that names are distinct and purposes
// dissimilar. Planted on purpose: six zombie systems (live, long unused) and four duplicate pairs
// (overlapping names and purposes in two departments, producing a dataset of the same name).
// Vendors are SYNTHETIC ("某甲", "某乙" …) and stand for no real company.

import type { DemoDepartment } from './departments.ts';
import { createRandom, type Random } from './random.ts';
import { DEFAULT_DEMO_SEED } from './users.ts';

export type DemoSystemStatus = 'planned' | 'building' | 'live' | 'retired';
export type DemoSystemLevel = 'province' | 'city' | 'district';

export interface DemoSystemInterface {
  name: string;
  direction: 'provides' | 'consumes';
  protocol: string;
}

export interface DemoSystem {
  /** Stable spec key, e.g. 'gaj.rk'; datasets refer to their source system by it. */
  key: string;
  /** e.g. SYS-GAJ-001. */
  code: string;
  name: string;
  purpose: string;
  departmentCode: string;
  operator: string;
  origin: 'vertical' | 'local';
  verticalLine: string | null;
  level: DemoSystemLevel;
  deployment: 'gov_cloud' | 'local_room';
  securityLevel: number;
  status: DemoSystemStatus;
  /** ISO date; null for planned and building systems. */
  launchDate: string | null;
  /** 万元, two decimals, as text (a numeric column). */
  budget: string | null;
  userCount: number | null;
  interfaces: DemoSystemInterface[];
  /**
   * For the usage history: days before "today" on which the last use happened (planted zombies and
   * retired systems); null when the system is in use now (live) or has never been used.
   */
  idleDays: number | null;
}

/** The four planted duplicate pairs; each pair also produces a dataset of the same name. */
export type DuplicateLabel = 'video' | 'credit' | 'elderly' | 'grid';

interface Spec {
  key: string;
  name: string;
  purpose: string;
  line?: readonly [verticalLine: string, level: 'province' | 'city'];
  status?: DemoSystemStatus;
  /** Launch year (random within it); otherwise drawn from 2012-2025. */
  launched?: number;
  zombie?: true;
  dup?: DuplicateLabel;
  /** Deployed in the department's own machine room (专网, 涉密) rather than on the government cloud. */
  room?: true;
  /** Serves the public (large user counts). */
  publicFacing?: true;
  dengbao?: 1 | 2 | 3 | 4;
}

type Opts = Omit<Spec, 'key' | 'name' | 'purpose' | 'line'>;
const L = (key: string, name: string, purpose: string, o: Opts = {}): Spec => ({ key, name, purpose, ...o });
const V = (
  key: string,
  line: string,
  level: 'province' | 'city',
  name: string,
  purpose: string,
  o: Opts = {},
): Spec => ({ key, name, purpose, line: [line, level], ...o });

const SPECS: readonly Spec[] = [
  // 区政府办公室
  L(
    'zfb.oa',
    '区政府协同办公系统',
    '区政府机关公文的起草、会签、流转和归档，以及请示件和会议通知的网上办理。',
    {
      launched: 2014,
    },
  ),
  L(
    'zfb.video',
    '区政府视频会议系统',
    '为区政府常务会议和专题调度会提供高清视频会议服务，连通各部门、街道分会场，支持会议录制和会场点名。',
    { dup: 'video', launched: 2016 },
  ),
  V(
    'zfb.rx',
    '市12345政务服务热线中心',
    'city',
    '12345热线区级工单处置系统',
    '承接市12345热线派发的群众诉求工单，分派至责任单位限时办理，并跟踪回访满意度。',
  ),
  L(
    'zfb.dc',
    '区政府督查督办系统',
    '对区政府重点工作、民生实事和领导批示件立项分解，按节点催办、通报并销号。',
  ),
  // 区发改局
  L(
    'fgj.proj',
    '区重大项目管理平台',
    '跟踪全区重大建设项目的前期审批、年度投资完成和形象进度，按月生成推进情况报表。',
  ),
  L(
    'fgj.credit',
    '区公共信用信息查询平台',
    '面向政府部门和社会公众提供企业信用信息查询，汇集企业的行政许可、行政处罚和失信记录，出具企业信用报告。',
    { dup: 'credit', publicFacing: true },
  ),
  L(
    'fgj.price',
    '区重要民生商品价格监测系统',
    '定点采集农贸市场和超市的粮油、肉蛋和蔬菜零售价格，监测异常波动并发布价格指数。',
  ),
  V(
    'fgj.tz',
    '省发展改革委',
    'province',
    '浙江省投资项目在线审批监管平台',
    '企业投资项目的赋码、备案、核准以及审批事项的并联办理和监管。',
  ),
  // 区经信局
  L('jxj.cloud', '区企业上云服务平台', '受理企业上云补助申报，对接云服务商为中小企业提供上云方案和服务券。', {
    zombie: true,
    launched: 2019,
  }),
  L(
    'jxj.mj',
    '区工业企业亩均效益评价系统',
    '按亩均税收、亩均增加值和单位能耗等指标对规上工业企业开展综合评价和分档。',
  ),
  // 区教育局
  V(
    'jyj.xj',
    '省教育厅',
    'province',
    '浙江省中小学学籍管理系统',
    '全省中小学生学籍注册、转学、休学复学和毕业的全过程管理。',
    {
      dengbao: 3,
    },
  ),
  L('jyj.zs', '区义务教育招生入学服务平台', '适龄儿童入学网上报名、户籍房产材料核验和学区划片结果查询。', {
    publicFacing: true,
  }),
  L('jyj.aq', '区智慧校园安全管理平台', '学校出入口人脸识别、校园视频巡查以及安全隐患的上报和整改闭环。'),
  L('jyj.jz', '区未来学校数字基座', '统一学校身份认证、数据标准和应用接入，为各校教学应用提供公共底座。', {
    status: 'planned',
  }),
  // 区科技局
  L(
    'kjj.cxq',
    '区科技创新券管理系统',
    '向中小微企业发放科技创新券，用于购买检验检测和技术开发服务，并办理创新券兑付结算。',
    { zombie: true, launched: 2017 },
  ),
  L('kjj.xm', '区科技计划项目管理系统', '区级科技计划项目的申报、专家评审、立项、中期检查和验收结题管理。'),
  // 区民政局
  V(
    'mzj.hy',
    '省民政厅',
    'province',
    '全国婚姻登记信息系统（浙江）',
    '结婚登记、离婚登记和补领婚姻登记证的办理，以及婚姻状况的核验查询。',
    { dengbao: 3 },
  ),
  L(
    'mzj.jz',
    '区社会救助综合管理系统',
    '最低生活保障、特困供养和临时救助的申请审核、家庭经济状况核对和救助金发放。',
    {
      dengbao: 3,
    },
  ),
  L(
    'mzj.yl',
    '区智慧养老服务平台',
    '为辖区老年人提供居家养老服务预约、助餐补贴发放和养老机构床位查询，统一管理养老服务组织和服务工单。',
    { dup: 'elderly' },
  ),
  L(
    'mzj.grid',
    '区社区网格化事件管理系统',
    '社区网格员巡查上报网格内的矛盾纠纷、安全隐患和环境问题等事件，按流程分派处置并考核结案。',
    { dup: 'grid' },
  ),
  L('mzj.org', '区社会组织管理系统', '社会组织的成立登记、年度检查、等级评估和活动异常名录管理。'),
  L('mzj.addr', '区地名地址管理系统', '标准地名和门楼牌地址的采集、命名审核和统一编码赋码。'),
  L(
    'mzj.et',
    '区困境儿童关爱服务系统',
    '建立困境儿童和留守儿童档案，记录走访关爱情况和基本生活保障金发放。',
    {
      status: 'planned',
    },
  ),
  // 区司法局
  V(
    'sfj.jz',
    '省司法厅',
    'province',
    '浙江省社区矫正管理系统',
    '社区矫正对象的入矫登记、电子定位监管、请假审批和教育帮扶记录。',
    {
      room: true,
      dengbao: 3,
    },
  ),
  L('sfj.tj', '区人民调解信息管理系统', '各级人民调解委员会受理的民间纠纷登记、调解过程记录和调解协议归档。'),
  L('sfj.fy', '区法律援助案件管理系统', '法律援助申请的受理、经济困难审查、指派律师和案件质量评估。'),
  L('sfj.zf', '区行政执法监督平台', '归集全区行政执法主体、执法人员和执法案件，开展执法行为监督和案卷评查。'),
  // 区财政局
  V(
    'czj.ys',
    '省财政厅',
    'province',
    '浙江省预算管理一体化系统',
    '预算编制、指标管理、国库集中支付和单位会计核算的一体化处理。',
    {
      dengbao: 3,
    },
  ),
  L('czj.cg', '区政府采购管理系统', '政府采购意向公开、采购计划备案、采购合同和履约验收管理。'),
  L('czj.zc', '区行政事业单位资产管理系统', '行政事业单位资产的配置、使用、出租出借和处置审批登记。'),
  L('czj.zs', '区综合治税信息平台', '归集各部门的涉税信息，比对分析税源变化，发现漏征漏管线索。', {
    dengbao: 3,
  }),
  // 区人力社保局
  V(
    'rsj.sb',
    '省人力社保厅',
    'province',
    '浙江省人力社保一体化经办平台',
    '社会保险参保登记、缴费基数核定、待遇资格认证和养老金发放。',
    { dengbao: 3 },
  ),
  L('rsj.jy', '区就业创业服务平台', '失业登记、就业困难人员援助、创业补贴申领和招聘岗位发布。', {
    publicFacing: true,
  }),
  L('rsj.jc', '区劳动保障监察系统', '欠薪投诉受理、劳动保障监察案件办理和在建工程欠薪预警。'),
  // 区住建局
  L('jsj.zl', '区建设工程质量安全监管系统', '在建工程的质量安全巡查、隐患整改闭环和竣工验收备案。'),
  L('jsj.bz', '区住房保障管理系统', '公共租赁住房和保障性租赁住房的申请审核、轮候配租和租赁补贴发放。'),
  L('jsj.wy', '区物业管理服务平台', '住宅小区物业服务企业备案、物业服务质量评价和业主投诉处理。'),
  V(
    'jsj.sc',
    '省住房城乡建设厅',
    'province',
    '浙江省建筑市场监管公共服务系统',
    '建筑业企业资质、注册执业人员和工程项目业绩的统一登记与公开。',
  ),
  L(
    'jsj.cim',
    '区城市信息模型平台',
    '整合建筑、市政管线和地形三维模型，为规划建设管理提供城市信息模型底座。',
    {
      status: 'building',
    },
  ),
  // 区农业农村局
  L(
    'nyj.zs',
    '区农产品质量安全追溯系统',
    '农产品生产主体备案、农药使用和检测记录登记以及承诺达标合格证开具。',
  ),
  // 区商务局
  L(
    'swj.jc',
    '区重点商贸企业运行监测系统',
    '跟踪限上批发零售和住宿餐饮企业的月度销售额，分析消费市场运行态势。',
  ),
  L('swj.ylk', '区单用途预付卡监管平台', '商业预付卡发卡企业备案、预收资金存管和消费者投诉处理。'),
  L('swj.yj', '区夜间经济消费监测平台', '利用支付和客流数据分析夜间消费集聚区的客流和消费热度。', {
    status: 'planned',
  }),
  // 区文广旅体局
  L(
    'wgj.lv',
    '区智慧旅游公共服务平台',
    '发布景区导览、旅游线路和节庆活动信息，提供游客流量统计和旅游投诉入口。',
    { zombie: true, launched: 2016, publicFacing: true },
  ),
  L('wgj.wh', '区公共文化服务平台', '文化场馆预约、公益艺术培训报名和群众文化活动发布。', {
    publicFacing: true,
  }),
  L('wgj.zf', '区文化市场综合执法系统', '网吧、娱乐场所和出版物经营单位的日常检查和执法案件办理。'),
  L('wgj.ty', '区体育场馆预约服务系统', '学校体育场地和公共体育场馆的开放时段预约、入场核验和人流统计。', {
    publicFacing: true,
    dengbao: 1,
  }),
  // 区卫健局
  L(
    'wjj.qmjk',
    '区全民健康信息平台',
    '汇聚区内医疗机构诊疗记录和居民电子健康档案，支撑检查检验结果互认和区域医疗协同。',
    {
      dengbao: 3,
    },
  ),
  L('wjj.jc', '区基层医疗卫生信息系统', '社区卫生服务中心的门诊诊疗、慢病随访和家庭医生签约服务管理。', {
    dengbao: 3,
  }),
  V(
    'wjj.cs',
    '省卫生健康委',
    'province',
    '浙江省出生医学证明管理系统',
    '出生医学证明的首次签发、换发和补发管理。',
    {
      dengbao: 3,
    },
  ),
  V(
    'wjj.my',
    '省疾病预防控制中心',
    'province',
    '浙江省免疫规划信息系统',
    '儿童预防接种登记、疫苗出入库管理和入托入学接种证查验。',
    {
      dengbao: 3,
    },
  ),
  L(
    'wjj.yy',
    '区医养结合养老服务平台',
    '为辖区老年人提供居家养老和医养结合服务预约，发放助餐补贴，查询养老机构和护理床位，统一管理养老服务工单。',
    { dup: 'elderly' },
  ),
  L('wjj.ygt', '区紧密型医共体信息平台', '医共体成员单位之间的统一预约、双向转诊和远程会诊。', {
    status: 'building',
  }),
  // 区退役军人局
  V(
    'tyj.xx',
    '省退役军人事务厅',
    'province',
    '退役军人事务信息管理系统',
    '退役军人和其他优抚对象的信息采集、优待证发放和抚恤补助管理。',
    { dengbao: 3 },
  ),
  // 区应急管理局
  L(
    'yjj.fx',
    '区安全生产风险监测预警系统',
    '对危险化学品企业、有限空间作业和瓶装燃气用户开展风险监测和分级预警。',
  ),
  L('yjj.zh', '区应急指挥调度平台', '突发事件接报、应急队伍和物资调度、视频会商和指挥协同。', { dengbao: 3 }),
  V(
    'yjj.zf',
    '省应急管理厅',
    'province',
    '浙江省安全生产监管执法系统',
    '安全生产监督检查计划、现场执法文书和行政处罚案件办理。',
  ),
  V(
    'yjj.pc',
    '省应急管理厅',
    'province',
    '第一次全国自然灾害综合风险普查系统',
    '承灾体调查、历史灾害和综合减灾能力数据的采集与质检。',
    { status: 'retired', launched: 2020 },
  ),
  L('yjj.fxft', '区防汛防台指挥系统', '汛期雨情水情监测、城市积水点预警和防汛责任人调度。', {
    status: 'building',
  }),
  // 区审计局
  L('shj.zy', '区审计作业管理系统', '审计项目计划、现场实施、审计底稿复核和问题整改跟踪。'),
  L('shj.dsj', '区大数据审计分析平台', '采集财政、社保和公积金等业务数据，开展疑点筛查和关联分析。', {
    dengbao: 3,
  }),
  // 区市场监管局
  V(
    'scj.dj',
    '省市场监管局',
    'province',
    '浙江省市场主体登记管理系统',
    '企业、个体工商户和农民专业合作社的设立、变更和注销登记。',
    { dengbao: 3 },
  ),
  L(
    'scj.xy',
    '区企业信用信息查询系统',
    '面向政府部门和社会公众提供企业信用信息查询，汇集企业的登记、行政许可、行政处罚和经营异常记录，出具企业信用报告。',
    { dup: 'credit', publicFacing: true },
  ),
  L('scj.sp', '区食品安全智慧监管系统', '食品生产经营主体的日常检查、监督抽检和风险分级管理。'),
  L('scj.tz', '区特种设备安全监管系统', '电梯、锅炉和压力容器等特种设备的使用登记、定期检验和维保监管。'),
  V(
    'scj.ts',
    '国家市场监督管理总局',
    'province',
    '全国12315消费者投诉举报平台',
    '消费者投诉举报的在线受理、分派处理和调解结果反馈。',
    { publicFacing: true },
  ),
  V(
    'scj.zf',
    '省市场监管局',
    'province',
    '浙江省市场监管执法办案系统',
    '市场监管行政处罚案件的立案、调查、审核和决定文书管理。',
  ),
  L('scj.zscq', '区知识产权公共服务平台', '专利和商标申请指导、知识产权质押融资对接和侵权纠纷调解。'),
  // 区统计局
  V(
    'tjj.zb',
    '国家统计局',
    'province',
    '国家统计联网直报平台',
    '规模以上企业和重点调查单位统计报表的在线填报、审核和汇总。',
    {
      dengbao: 3,
    },
  ),
  L(
    'tjj.fx',
    '区经济运行监测分析系统',
    '汇总地区生产总值、固定资产投资和社会消费品零售总额等指标，进行月度运行分析。',
  ),
  V(
    'tjj.pc',
    '国家统计局',
    'province',
    '第七次全国人口普查数据处理系统',
    '人口普查短表和长表数据的录入、编码和质量审核。',
    { status: 'retired', launched: 2019 },
  ),
  // 区医保局
  V(
    'ybj.pt',
    '省医疗保障局',
    'province',
    '浙江省医疗保障信息平台',
    '医保参保登记、定点医药机构费用结算和异地就医备案。',
    {
      dengbao: 3,
    },
  ),
  L('ybj.jg', '区医保基金智能监管系统', '对定点医药机构的医保结算数据开展规则审核和疑点筛查。'),
  // 区城管局
  L(
    'cgj.grid',
    '区城市网格化事件处置系统',
    '城管网格员巡查上报网格内的市容环境、安全隐患和矛盾纠纷等事件，按流程派遣处置并考核结案。',
    { dup: 'grid' },
  ),
  L('cgj.lj', '区垃圾分类智能监管系统', '生活垃圾分类投放点的称重计量、清运车辆轨迹和分类质量评价。'),
  L('cgj.sz', '区市政设施养护管理系统', '道路、桥梁、路灯和排水设施的台账登记、巡检和养护工单管理。'),
  L('cgj.bike', '区公共自行车管理系统', '公共自行车租还点、车辆调度和租车卡管理。', {
    status: 'retired',
    launched: 2013,
    dengbao: 1,
  }),
  L('cgj.smx', '区城市生命线安全监测系统', '燃气管网、供水管网和桥梁结构的传感器实时监测和风险预警。', {
    status: 'building',
  }),
  // 区数据资源局
  L(
    'sjj.data',
    '区公共数据平台',
    '公共数据的归集、治理、共享交换和开放，承载全区数据资源目录和数据共享通道。',
    {
      dengbao: 3,
    },
  ),
  L('sjj.cloud', '区政务云管理平台', '政务云计算、存储和网络资源的申请、分配、计量和安全监测。', {
    dengbao: 3,
  }),
  L('sjj.jsc', '区城市运行驾驶舱', '汇集城市运行关键指标，以驾驶舱和大屏方式呈现城市体征并联动处置。'),
  V(
    'sjj.zz',
    '省大数据发展管理局',
    'province',
    '浙江省电子证照库',
    '电子证照的制证签发、归集存储和跨部门亮证用证。',
    {
      dengbao: 3,
    },
  ),
  L('sjj.zc', '区数据资产登记平台', '对公共数据产品和数据资产进行登记、评估和授权运营管理。', {
    status: 'planned',
  }),
  // 区信访局
  V(
    'xfj.xf',
    '省信访局',
    'province',
    '浙江省信访信息系统',
    '群众来信来访和网上信访事项的登记、交办、办理和满意度评价。',
    {
      dengbao: 3,
    },
  ),
  L('xfj.mt', '区社会矛盾纠纷调处化解中心平台', '矛盾纠纷的统一受理、分流交办和多部门联合化解。'),
  // 区机关事务局
  L('jgj.car', '区公务用车管理平台', '公务用车的用车申请、派车审批、行驶轨迹和运行费用管理。'),
  L(
    'jgj.video',
    '区机关视频会议系统',
    '为区级机关各类会议提供高清视频会议服务，连通各部门、街道分会场，支持会议录制和会场点名。',
    { dup: 'video' },
  ),
  // 区投促局
  L('tcj.zs', '区招商引资项目管理系统', '招商线索登记、项目洽谈跟踪和签约项目的落地服务管理。', {
    zombie: true,
    launched: 2018,
  }),
  // 区国资办
  L('gzb.jg', '区国有资产监管信息系统', '区属国有企业的产权登记、财务快报和三重一大事项监管。'),
  // 区公安分局
  V(
    'gaj.rk',
    '省公安厅',
    'province',
    '浙江省公安人口信息管理系统',
    '户籍登记、户口迁移、居民身份证申领和人口信息变更。',
    {
      room: true,
      dengbao: 4,
    },
  ),
  V(
    'gaj.ld',
    '省公安厅',
    'province',
    '流动人口居住登记系统',
    '流动人口居住登记、居住证申领和出租房屋管理。',
    {
      room: true,
      dengbao: 3,
    },
  ),
  V(
    'gaj.lg',
    '省公安厅',
    'province',
    '旅馆业治安管理信息系统',
    '旅馆旅客住宿登记信息的实时上传和比对预警。',
    {
      room: true,
      dengbao: 3,
    },
  ),
  V(
    'gaj.jj',
    '省公安厅交通警察总队',
    'province',
    '公安交通管理综合应用平台',
    '机动车登记、驾驶人管理和交通违法处理。',
    {
      room: true,
      dengbao: 3,
    },
  ),
  L('gaj.sp', '区公共安全视频监控联网平台', '公共安全视频监控点位的联网接入、分级共享调阅和设备运维巡检。', {
    room: true,
    dengbao: 3,
  }),
  L('gaj.af', '区智慧安防小区管理系统', '住宅小区出入口人脸和车辆识别、门禁记录和异常预警。', { dengbao: 3 }),
  // 区税务局
  V(
    'swuj.js',
    '国家税务总局浙江省税务局',
    'province',
    '金税三期税收管理系统',
    '税务登记、纳税申报、税款征收和发票管理。',
    { room: true, dengbao: 4 },
  ),
  V(
    'swuj.dz',
    '国家税务总局浙江省税务局',
    'province',
    '浙江省电子税务局',
    '纳税人网上申报、缴税、发票申领和涉税证明开具。',
    {
      publicFacing: true,
      dengbao: 3,
    },
  ),
  V(
    'swuj.sbf',
    '国家税务总局浙江省税务局',
    'province',
    '社会保险费征收系统',
    '社会保险费的申报核定、征收入库和欠费追缴。',
    {
      dengbao: 3,
    },
  ),
  // 区规资分局
  V(
    'gtj.bdc',
    '省自然资源厅',
    'province',
    '浙江省不动产登记信息管理平台',
    '不动产首次登记、转移登记、抵押登记和登记资料查询。',
    { dengbao: 3 },
  ),
  V(
    'gtj.kj',
    '省自然资源厅',
    'province',
    '浙江省国土空间基础信息平台',
    '国土空间现状、规划和管控数据的汇聚和共享服务。',
  ),
  V(
    'gtj.gh',
    '市规划和自然资源局',
    'city',
    '国土空间规划实施监督系统',
    '国土空间规划成果入库、规划许可核发和规划实施评估监测。',
  ),
  L('gtj.dl', '区地理信息公共服务平台', '基础地理矢量、影像和兴趣点的在线地图服务与专题图层发布。', {
    publicFacing: true,
  }),
  // 区生态环境分局
  V(
    'hbj.zx',
    '省生态环境厅',
    'province',
    '浙江省污染源自动监控系统',
    '重点排污单位废水废气排放的在线监测、数据有效性审核和超标报警。',
  ),
  V(
    'hbj.xk',
    '生态环境部',
    'province',
    '全国排污许可证管理信息平台',
    '排污许可证的申请、核发、变更和执行报告管理。',
  ),
  L('hbj.zf', '区生态环境综合执法系统', '环境执法检查任务派发、现场检查记录和环境违法案件办理。'),
  L('hbj.wz', '区空气质量微站监测网', '街道级空气质量微型站的颗粒物和臭氧监测、数据质控和污染溯源。'),
  // 区消防大队
  V(
    'xfjy.jd',
    '省消防救援总队',
    'province',
    '消防监督管理系统',
    '消防设计审查验收备案、消防监督检查和火灾事故调查。',
  ),
  L('xfjy.wlw', '区智慧消防物联网监控平台', '独立式烟感、消防水压和电气火灾探测器的物联网接入与告警处置。'),
  // 区委办
  L('qwb.jy', '区委机要文电管理系统', '区委机要文件和明电的收发、传阅、清退和销毁登记。', {
    room: true,
    dengbao: 3,
  }),
  // 区委组织部
  V(
    'zzb.dy',
    '省委组织部',
    'province',
    '全国党员管理信息系统',
    '党员基本信息、组织关系转接和党费收缴管理。',
    {
      room: true,
      dengbao: 3,
    },
  ),
  L('zzb.dj', '区智慧党建平台', '记录基层党组织的三会一课和主题党日活动，开展党员积分管理和党建考核。', {
    zombie: true,
    launched: 2017,
  }),
  L('zzb.da', '区干部人事档案管理系统', '干部人事档案的数字化、查阅审批和专项审核。', {
    room: true,
    dengbao: 3,
  }),
  // 区委宣传部
  L('xcb.zy', '区新时代文明实践志愿服务平台', '志愿者注册、志愿服务项目发布、活动签到和服务时长记录。', {
    publicFacing: true,
  }),
  // 区委编办
  V(
    'bb.sm',
    '省委编办',
    'province',
    '机构编制实名制管理系统',
    '机关事业单位机构、编制和在编人员的实名制管理。',
  ),
  V(
    'bb.sy',
    '省委编办',
    'province',
    '事业单位法人登记管理系统',
    '事业单位法人的设立、变更、注销登记和年度报告公示。',
  ),
  // 群团
  L('zgh.fw', '区职工服务平台', '工会会员入会、困难职工帮扶申请和职工普惠服务。', { publicFacing: true }),
  L('tqw.zy', '区青年志愿者管理平台', '组织青年参与大型赛会和社区服务，发布团员青年志愿活动招募信息。', {
    zombie: true,
    launched: 2016,
  }),
  L('fl.wq', '区妇女儿童维权服务系统', '妇女儿童权益投诉受理、婚姻家庭纠纷调解和维权个案跟踪。'),
  V('cl.zz', '省残疾人联合会', 'province', '残疾人证管理系统', '残疾人证的申领、残疾评定、换领和注销管理。', {
    dengbao: 3,
  }),
  // 事业单位
  V(
    'zwzx.sl',
    '省大数据发展管理局',
    'province',
    '浙江政务服务网统一受理平台',
    '政务服务事项的网上申报、统一受理和办件数据流转。',
    { publicFacing: true, dengbao: 3 },
  ),
  L('zwzx.pd', '区政务服务大厅排队叫号系统', '大厅取号、窗口叫号、服务评价和人流统计。', { dengbao: 1 }),
  L('zwzx.old', '区网上办事大厅', '早期区级政务服务事项的网上申报和办件查询，已并入浙江政务服务网。', {
    status: 'retired',
    launched: 2013,
  }),
  L('dag.sz', '区数字档案馆系统', '馆藏档案数字化、电子档案接收归档和档案查阅利用。'),
  L('rmt.cb', '区融媒体中心采编发布平台', '新闻线索汇聚、稿件采编审核和多平台一键发布。'),
];

/** Codes follow the spec order within each department: SYS-<DEPT>-001, -002 … */
function codesOf(specs: readonly Spec[]): Map<string, string> {
  const perDept = new Map<string, number>();
  const out = new Map<string, string>();
  for (const s of specs) {
    const dept = deptOf(s);
    const n = (perDept.get(dept) ?? 0) + 1;
    perDept.set(dept, n);
    out.set(s.key, `SYS-${dept.toUpperCase()}-${String(n).padStart(3, '0')}`);
  }
  return out;
}

function deptOf(s: Spec): string {
  return s.key.slice(0, s.key.indexOf('.'));
}

const CODES = codesOf(SPECS);
const codeOf = (key: string): string => {
  const code = CODES.get(key);
  if (!code) throw new Error(`unknown demo system ${key}`);
  return code;
};

/** Codes of the six planted zombie systems (live, launched years ago, unused for 150-400 days). */
export const plantedZombies: readonly string[] = SPECS.filter((s) => s.zombie).map((s) => codeOf(s.key));

/** The planted duplicate pairs, by system code; no other pair of demo systems is a duplicate. */
export const plantedDuplicatePairs: readonly (readonly [string, string])[] = (
  ['video', 'credit', 'elderly', 'grid'] as const
).map((label) => {
  const [a, b] = SPECS.filter((s) => s.dup === label).map((s) => codeOf(s.key));
  if (!a || !b) throw new Error(`duplicate pair ${label} is incomplete`);
  return [a, b] as const;
});

/** System key → code, for the dataset generator. */
export function demoSystemCode(key: string): string {
  return codeOf(key);
}

const LOCAL_VENDORS = [
  '杭州某甲信息技术有限公司',
  '杭州某乙软件股份有限公司',
  '浙江某丙数字科技有限公司',
  '杭州某丁智能科技有限公司',
  '浙江某戊网络技术有限公司',
  '杭州某己数据服务有限公司',
  '杭州某庚系统集成有限公司',
  '浙江某辛信息产业有限公司',
  '杭州某壬云计算有限公司',
  '杭州某癸电子科技有限公司',
];
const PROVINCIAL_VENDORS = ['浙江某子信息技术有限公司', '浙江某丑数据科技有限公司', '浙江某寅软件有限公司'];
const PROTOCOLS = ['REST', 'REST', 'REST', 'WebService', '库表交换', 'SFTP', 'MQ'] as const;

/** The name without the leading 区 and the trailing 系统/平台 … — the stem used in interface names. */
function stem(name: string): string {
  return name
    .replace(/^区/, '')
    .replace(/（.*）$/, '')
    .replace(/(管理信息系统|信息管理系统|管理系统|信息系统|管理平台|服务平台|信息平台|系统|平台)$/, '');
}

function isoDay(year: number, rng: Random): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function interfacesOf(s: Spec, rng: Random): DemoSystemInterface[] {
  const out: DemoSystemInterface[] = [];
  const name = stem(s.name);
  if (s.line) {
    out.push({ name: `${s.line[0]}数据回流接口`, direction: 'consumes', protocol: '库表交换' });
    if (rng.chance(0.6))
      out.push({ name: `${name}数据共享接口`, direction: 'provides', protocol: rng.pick(PROTOCOLS) });
  } else {
    out.push({ name: `${name}数据共享接口`, direction: 'provides', protocol: rng.pick(PROTOCOLS) });
    if (rng.chance(0.7))
      out.push({ name: '区公共数据平台共享交换接口', direction: 'consumes', protocol: 'REST' });
  }
  if (rng.chance(0.5))
    out.push({ name: '浙政钉统一身份认证接口', direction: 'consumes', protocol: 'OAuth 2.0' });
  if (s.publicFacing)
    out.push({ name: '浙里办统一用户认证接口', direction: 'consumes', protocol: 'OAuth 2.0' });
  if (rng.chance(0.25)) out.push({ name: '电子证照调用接口', direction: 'consumes', protocol: 'REST' });
  return out.slice(0, 4);
}

/**
 * Every demo system, in a stable order. Only the figures (dates, budgets, user counts, vendors,
 * interfaces) depend on the seed; names, codes, statuses and the planted cases do not.
 */
export function demoSystems(
  departments: readonly Pick<DemoDepartment, 'code'>[],
  seed: number = DEFAULT_DEMO_SEED,
): DemoSystem[] {
  const known = new Set(departments.map((d) => d.code));
  const root = createRandom(seed).fork('systems');
  return SPECS.map((s) => {
    const dept = deptOf(s);
    if (!known.has(dept)) throw new Error(`demo system ${s.key}: unknown department ${dept}`);
    const rng = root.fork(s.key);
    const status = s.status ?? 'live';
    const vertical = !!s.line;
    const launchYear = s.launched ?? (vertical ? rng.int(2012, 2022) : rng.int(2014, 2025));
    const launchDate = status === 'planned' || status === 'building' ? null : isoDay(launchYear, rng);
    const securityLevel =
      s.dengbao ??
      rng.weighted([
        [2, 0.7],
        [3, 0.25],
        [1, 0.05],
      ] as const);
    const budget = vertical
      ? rng.chance(0.6)
        ? rng.float(5, 80)
        : null
      : status === 'planned'
        ? rng.float(200, 1500)
        : rng.float(30, 1200);
    const userCount =
      status === 'planned' || status === 'building'
        ? null
        : s.publicFacing
          ? rng.int(5_000, 300_000)
          : vertical
            ? rng.int(30, 2_000)
            : rng.int(15, 900);
    const operator = vertical
      ? `${s.line![0]}统建，${rng.pick(PROVINCIAL_VENDORS)}运维`
      : rng.pick(LOCAL_VENDORS);
    let idleDays: number | null = null;
    if (s.zombie) idleDays = rng.int(150, 380);
    else if (status === 'retired') idleDays = rng.int(100, 380);
    return {
      key: s.key,
      code: codeOf(s.key),
      name: s.name,
      purpose: s.purpose,
      departmentCode: dept,
      operator,
      origin: vertical ? 'vertical' : 'local',
      verticalLine: s.line?.[0] ?? null,
      level: s.line?.[1] ?? 'district',
      deployment: s.room ? 'local_room' : 'gov_cloud',
      securityLevel,
      status,
      launchDate,
      budget: budget === null ? null : budget.toFixed(2),
      userCount,
      interfaces: interfacesOf(s, rng),
      idleDays,
    };
  });
}
