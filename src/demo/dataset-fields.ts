// The demo catalogue's field dictionary (信息项): one line per field —
//   name label [type] [L1-L4] [r] [p:PATTERN] [c:code_list] [u:unit]
// where the type defaults from the name (…_date → date, …_at/_time → datetime, …_count → integer,
// …_flag → boolean, …_geometry → geometry), the level defaults to L1, 'r' marks a required field,
// p: names a pattern below, c: a code list and u: a unit ('_' stands for a space in both).
// Levels follow DB33/T 2351-2021: resident IDs, health and criminal records L4; personal names,
// phones, addresses and benefits L3; staff names and non-public business figures L2; public
// registration information L1.

export type DemoFieldType =
  'string' | 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean' | 'code' | 'geometry' | 'binary';
export type DemoLevel = 'L1' | 'L2' | 'L3' | 'L4';

export interface DemoField {
  name: string;
  label: string;
  type: DemoFieldType;
  required: boolean;
  key: boolean;
  level: DemoLevel;
  pattern?: string;
  codeList?: string;
  unit?: string;
}

export const PATTERNS = {
  /** GB 11643-1999 citizen identity number. */
  ID: '^\\d{17}[\\dX]$',
  /** GB 32100-2015 unified social credit code. */
  USCC: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
  PHONE: '^1[3-9]\\d{9}$',
  MONTH: '^\\d{4}-(0[1-9]|1[0-2])$',
  QUARTER: '^\\d{4}Q[1-4]$',
  YEAR: '^\\d{4}$',
  STREET: '^\\d{9}$',
  COMMUNITY: '^\\d{12}$',
  PLATE: '^浙A[A-HJ-NP-Z0-9]{5,6}$',
  /** 不动产单元代码: 宗地代码 (19) + 定着物代码 (9). */
  UNIT_NO: '^\\d{12}[A-Z]{2}\\d{5}[A-Z]\\d{8}$',
  PARCEL: '^\\d{12}[A-Z]{2}\\d{5}$',
  E_LICENSE: '^\\d\\.\\d\\.\\d{3}\\.[0-9A-Z]+$',
} as const;

const DICTIONARY = `
archive_count 档案数量 integer
destination_city 就医地 L3
drug_code 药品编码
drug_name 药品名称
dosage_form 剂型
reimburse_category 甲乙类 code c:医保药品甲乙类代码
payment_standard 支付标准 decimal u:元
shareholder_name 股东名称
subscribed_capital 认缴出资额 decimal u:万元
paid_capital 实缴出资额 decimal u:万元
abnormal_flag 是否列入经营异常名录
acceptance_result 验收结论 code c:项目验收结论代码
accepted_at 受理时间 r
accepted_date 受理日期
accident_count 事故起数
acquire_date 取得日期
activity_area 活动场地面积 decimal u:平方米
activity_date 活动日期
activity_id 活动编号
activity_name 活动名称
activity_type 活动类型 code c:组织生活类型代码
actual_staff 实有人数 integer
ad_size 广告设施面积 decimal u:平方米
address_code 地址编码
address_name 标准地址 L2
after_content 变更后内容
agreement_date 协议签订日期
agreement_no 调解协议书编号
agreement_status 协议状态 code c:医保协议状态代码
aid_amount 帮扶金额 decimal L3 u:元
aid_date 帮扶日期
aid_id 帮扶记录编号
alarm_id 告警编号
alarm_installed 是否安装燃气报警器 boolean
alarm_time 告警时间
alarm_type 告警类型 code c:消防物联网告警类型代码
alert_id 预警编号
alert_level 预警等级 code c:风险预警等级代码
alert_time 预警时间
alert_type 预警类型 code c:预警类型代码
allocated_date 分配日期
ammonia_mg_l 氨氮浓度 decimal u:mg/L
amount 发放金额 decimal L3 u:元
amount_involved 涉及金额 decimal L2 u:元
api_code 接口编码
appeal_channel 诉求渠道 code c:诉求渠道代码
appeal_content 诉求内容 L3
appeal_time 来电时间 r
appeal_type 诉求分类 code c:12345诉求分类代码
applicant_id_no 申请人证件号码 L4 p:ID
applicant_name 申请人名称 L3
applicant_resident_id 申请人公民身份号码 L4 p:ID
apply_date 申报日期
apply_id 申请编号
apply_school 志愿学校
approval_date 批准日期
approval_no 批准文号
approval_status 审核状态 code c:审核状态代码
approved_at 批准时间
aqi 空气质量指数 integer
archive_no 档号
archive_status 档案状态 code c:档案状态代码 L2
archive_title 题名
area_sqm 面积 decimal u:平方米
article_id 稿件编号
asset_category 资产分类 code c:GB/T_14885-2022
asset_name 资产名称
asset_no 资产编号
assign_date 赋码日期
assigned_lawyer 承办律师 L2
assigned_unit 承办单位
assistance_status 救助状态 code c:救助状态代码
attendee_count 参会人数 integer
attendee_units 列席单位
audit_type 审计类型 code c:审计项目类型代码
audited_unit 被审计单位
bank_name 贷款银行
base_address 驻地地址
batch_no 疫苗批号
bed_count 床位数 integer
before_content 变更前内容
benefit_type 抚恤补助类别 code c:优抚对象类别代码 L3
bike_capacity 锁止器数量 integer
bin_types 设置桶型
birth_date 出生日期 L3
birth_datetime 出生时间 datetime L3
birth_institution 接生机构
birth_weight 出生体重 decimal L3 u:克
blood_glucose 空腹血糖 decimal L4 u:mmol/L
blood_pressure 血压 string L4 u:mmHg
blood_type ABO血型 code L3 c:WS_364.7
booking_channel 预约渠道
booking_date 预约日期
booking_id 预约编号
booking_time 预约时间
booking_unit 预约单位
brand_name 字号品牌
budget_amount 预算金额 decimal u:万元
budget_year 预算年度 integer
build_year 建成年份 integer
builder_name 建设单位名称
builder_uscc 建设单位统一社会信用代码 p:USCC
building_area 建筑面积 decimal u:平方米
building_code 建筑物编码
building_count 楼幢数 integer
building_name 建筑物名称
building_no 幢号
business_address 经营场所
business_items 经营项目
business_scope 经营范围
business_type 经营类别 code c:文化市场经营类别代码
call_count 调用次数 integer
call_time 叫号时间
caller_name 来电人姓名 L3
caller_phone 来电号码 L3 p:PHONE
caller_unit 调用单位
camera_code 监控点位编码
camera_location 点位位置 L3
camera_name 点位名称 L2
camera_type 摄像机类型 code c:GB/T_28181-2022
cancel_date 注销日期
cancel_reason 注销原因
canteen_name 助餐点名称
capacity 可容纳人数 integer
capture_date 影像获取日期
card_issued_amount 发卡金额 decimal L2 u:万元
card_no 证件编号 L3
care_beds 养老床位数 integer
care_level 照护等级 code L3 c:老年人能力评估等级（GB/T_42195-2022）
care_mode 供养方式 code c:特困供养方式代码
case_desc 案情简述 L3
case_no 案件编号 r
case_status 办理状态 code c:案件办理状态代码
case_type 案件类型 code c:案件类型代码
cert_date 认定日期
cert_no 证书编号
cert_valid_to 执法证有效期至 date
chair_name 工会主席 L2
change_date 变更日期
change_id 变更记录编号
change_item 变更事项
channel 发布渠道
check_date 检查日期
check_in 是否入场核验 boolean
check_in_time 入住时间 L4
check_items 核对项目
check_out_time 退房时间 L4
check_result 检查结果
check_year 检查年度 integer
chemical_names 危险化学品品名
child_name 儿童姓名 L3
child_resident_id 儿童公民身份号码 L4 p:ID
chronic_disease 慢性病类型 code L4 c:ICD-10
class_name 班级
class_no 商标类别 code c:尼斯分类
clinic_code 接种门诊编码
clinic_name 接种门诊名称
closed_date 结案日期
cloud_provider 云服务商
cloud_service 上云服务内容
clue_content 线索内容 L2
clue_id 线索编号
clue_source 线索来源
clue_type 疑点类型
cod_mg_l 化学需氧量浓度 decimal u:mg/L
committed_days 承诺办理时限 integer u:工作日
committee_post 职务
commodity_code 商品编码
commodity_name 商品名称
commodity_spec 规格等级
community_code 社区代码 code p:COMMUNITY c:统计用区划代码
community_name 社区名称
compared_amount 比对金额 decimal L3 u:元
complainant_name 投诉人姓名 L3
complainant_phone 投诉人联系电话 L3 p:PHONE
complaint_content 投诉内容 L2
complaint_date 投诉日期
complaint_no 投诉编号
complaint_type 投诉类型 code c:投诉举报分类代码
completed_at 办结时间
completion_date 竣工日期
completion_year 竣工年份 integer
compliance_flag 是否达标排放 boolean
compose_form 组成形式 code c:个体工商户组成形式代码
concentration 排放浓度 decimal u:mg/m³
construction_site 建设地点
contact_person 联系人 L2
contact_phone 联系电话 L3 p:PHONE
contract_amount 合同金额 decimal u:万元
contract_id 签约编号
contract_no 合同编号
contractor_name 施工单位名称
coop_name 合作社名称
correction_end 矫正结束日期 date L4
correction_start 矫正开始日期 date L4
cost_yuan 养护费用 decimal u:元
coverage_geometry 覆盖范围 geometry
covered_addresses 划片地址范围 L2
covered_communities 划片社区
cpu_cores CPU核数 integer u:核
credit_grade 信用等级 code c:信用等级代码
credit_rating 公共信用评价等级 code c:公共信用评价等级代码
crime_type 罪名 L4
customs_code 海关编码
cylinder_count 在用钢瓶数 integer
data_source 数据来源
dataset_code 资源代码
dataset_name 资源名称
deadline 办结时限 date
death_cause 死亡原因 L4 c:ICD-10
death_count 死亡人数 integer
death_date 死亡日期 L3
death_place 死亡地点 L3
debt_amount 被担保债权数额 decimal L2 u:万元
decision_authority 处罚机关
decision_date 处罚决定日期
decision_no 行政处罚决定书文号
demolish_date 拆除日期
deposit_bank 资金存管银行
depot_address 储备库地址
depot_code 储备库编码
dept_name 就诊科室
device_code 设备编码
device_type 设备类型 code c:设备类型代码
diagnosis_code 诊断编码 code L4 c:ICD-10
diagnosis_name 诊断名称 L4
difference_amount 差异金额 decimal L3 u:元
difficulty_type 困难类型 code L3 c:困难职工类型代码
direct_loss 直接财产损失 decimal u:万元
director_name 负责人 L1
disability_grade 残疾等级 code L4 c:GB/T_26341-2010
disability_type 残疾类别 code L4 c:GB/T_26341-2010
discharge_date 退役日期 L3
discharge_type 退役方式 code L3 c:退役方式代码
disease_type 慢病类型 code L4 c:ICD-10
dishonest_flag 是否列入严重失信名单
disposal_result 处置结果
disposal_status 处置状态 code c:处置状态代码
dispute_desc 纠纷简要情况 L3
dispute_no 纠纷编号
dispute_type 纠纷类型 code c:矛盾纠纷分类代码
district_year 划片年度 integer p:YEAR
doc_no 文号
doc_title 文件标题
doc_type 公文种类 code c:GB/T_9704-2012
doctor_name 签约医生 L2
dog_breed 犬只品种
dog_license_no 犬只登记证号
door_no 门牌号
dose_no 剂次 integer
duration_min 会议时长 integer u:分钟
duty_phone 值班电话
e_license_id 电子证照标识 p:E_LICENSE
editor_name 责任编辑 L2
education 学历 code L2 c:GB/T_4658-2006
electricity_kwh 年用电量 decimal L2 u:千瓦时
emission_total 年度排放总量 decimal u:吨
employee_count 从业人数 integer L2
employer_name 服务处所 L3
end_date 结束日期
end_time 还车时间
energy_per_value 单位增加值能耗 decimal L2 u:吨标准煤/万元
energy_tce 综合能耗 decimal L2 u:吨标准煤
enforcement_area 执法区域
enforcement_unit 执法单位
enlist_date 入伍日期 L3
enroll_date 入学日期
ent_email 企业电子邮箱 L2
ent_name 企业名称 r
ent_phone 企业联系电话 L2
ent_type 企业类型 code c:市场主体类型代码
era 年代
est_date 成立日期
establish_date 成立日期
estate_code 小区编码
estate_name 小区名称
ethnicity 民族 code L2 c:GB/T_3304-1991
eval_authority 评价机关
eval_channel 评价渠道 code c:评价渠道代码
eval_content 评价内容 L2
eval_date 评价日期
eval_grade 评价等级 code c:政务服务好差评等级（五级）
eval_id 评价编号
eval_time 评价时间
eval_year 评价年度 integer p:YEAR
event_address 事件地址 L2
event_desc 事件描述 L2
event_no 事件编号
event_status 事件状态 code c:网格事件状态代码
event_type 事件类型 code c:网格事件分类代码
exam_item 检查检验项目 L3
exam_result 检查检验结果 L4
exceed_flag 是否超标 boolean
execution_rate 预算执行率 decimal u:%
expected_month 预计采购月份 p:MONTH
export_market 主要出口市场
face_camera_count 人脸识别设备数 integer
facility_code 设施编码
facility_name 设施名称
facility_type 设施类型 code c:市政设施分类代码
fail_count 失败次数 integer
family_size 家庭人口数 integer L3
father_name 父亲姓名 L3
father_resident_id 父亲公民身份号码 L4 p:ID
feature_class 要素分类 code c:GB/T_13923-2022
feature_code 要素编码
feature_id 承灾体编号
feature_name 要素名称
feature_type 承灾体类型 code c:承灾体分类代码
female_count 女性人口数 integer
female_name 女方姓名 L3
female_resident_id 女方公民身份号码 L4 p:ID
filing_date 备案日期
filing_no 备案编号
fine_amount 罚款金额 decimal u:元
finish_time 办结时间
fire_address 起火地点 L2
fire_cause 起火原因
fire_id 火灾编号
fire_manager 消防安全管理人 L2
fire_manager_phone 消防安全管理人电话 L3 p:PHONE
fire_time 起火时间
floor_count 地上层数 integer
flow_m3 废水流量 decimal u:立方米
follow_status 跟进状态 code c:线索跟进状态代码
followup_date 随访日期
followup_id 随访编号
fonds_no 全宗号
found_at 发现时间
found_date 发现日期
from_address 迁出地址 L3
fund_name 资金名称
fund_paid 统筹基金支付 decimal L3 u:元
funding_amount 资助金额 decimal u:万元
funding_source 经费来源 code c:事业单位经费来源代码
fundraising_flag 是否具有公开募捐资格
gate_count 出入口数 integer
gdp_value 增加值 decimal u:亿元
gender 性别 code L2 c:GB/T_2261.1-2003
grade_name 年级
grant_amount 补助金额 decimal L2 u:元
grant_date 发放日期
grant_id 发放记录编号
grid_code 网格编码
grid_name 网格名称
grid_worker_count 网格员人数 integer
guardian_name 监护人姓名 L3
guardian_phone 监护人联系电话 L3 p:PHONE
handled_at 办结时间
handled_count 办结量 integer
handling_result 处理结果
handling_unit 承办单位
hazard_count 隐患数 integer
hazard_desc 隐患描述
hazard_id 隐患编号
hazard_type 隐患类型 code c:隐患分类代码
headcount 招聘人数 integer
health_assessment 健康评估结果 L4
health_record_no 健康档案编号 L3
holder_id 持证人证件号码 L4 p:ID
holder_name 持证人姓名 L3
holder_type 持证主体类型 code c:持证主体类型代码
host_name 主持人 L2
host_unit 主会场单位
hotel_name 旅馆名称
house_address 房屋地址 L3
house_code 房屋编码
house_id 房源编号
household_address 户籍地址 L3
household_count 户数 integer
household_no 户号 L3
housing_address 保障房地址 L3
illegal_area 违建面积 decimal u:平方米
immune_date 狂犬疫苗接种日期
incentive_measure 激励措施
income_level 家庭收入水平 code L3 c:收入档次代码
indicator_code 指标编码
indicator_name 指标名称
indicator_value 指标值 decimal
industry_code 国民经济行业代码 code c:GB/T_4754-2017
industry_name 行业名称
injury_count 受伤人数 integer
inspection_id 检查编号
inspector_name 检查人员 L2
install_address 安装地址
install_location 安装位置
institution_code 医疗机构登记号
institution_name 机构名称
institution_type 机构类别 code c:WS_218-2002
instrument_code 器具编号
instrument_type 器具种类 code c:强制检定的工作计量器具目录
insurance_type 险种 code c:社会保险险种代码
insured_count 参保人数 integer L2
insured_date 参保日期 L3
insured_status 参保状态 code L3 c:参保状态代码
insured_type 参保类别 code L3 c:医保参保类别代码
intent_id 采购意向编号
invest_amount 投资额 decimal u:万元
invest_done_month 本月完成投资 decimal u:万元
invest_done_year 本年累计完成投资 decimal u:万元
investor_name 投资方名称
invoice_amount 开票金额 decimal L3 u:元
invoice_count 开票张数 integer L2
issue_date 发证日期
issue_desc 问题描述 L2
issue_id 问题编号
issuing_authority 发证机关
issuing_unit 发文单位
item_id 事项编号
item_source 事项来源
item_title 督办事项
job_id 岗位编号
job_title 岗位名称
join_date 加入日期 L2
kitchen_waste_kg 厨余垃圾量 decimal u:千克
lamp_code 路灯编码
lamp_type 灯具类型
land_area 用地面积 decimal u:亩
land_use 土地用途 code c:GB/T_21010-2017
landing_status 落地状态 code c:项目落地状态代码
landlord_name 房东姓名 L3
landlord_phone 房东联系电话 L3 p:PHONE
last_review_date 最近审核日期
latitude 纬度 decimal u:度
lawyer_count 执业律师人数 integer
layer_code 图层编码
layer_name 图层名称
lead_id 线索编号
lead_source 线索来源
lead_unit 牵头单位
leader_name 队长 L2
leader_phone 队长联系电话 L3 p:PHONE
leader_posts 领导职数 integer
legal_basis 法律依据
legal_rep 法定代表人
license_count 证照数量 integer
license_file 证照文件 binary L3
license_no 许可证编号
license_type_code 证照类型代码
license_type_name 证照类型名称
line_geometry 线状几何 geometry
list_authority 作出决定机关
list_date 列入日期
list_reason 列入原因
list_type 名单类型 code c:信用名单类型代码
loan_amount 融资金额 decimal L2 u:万元
longitude 经度 decimal u:度
main_business 主营业务
main_products 主要产品
maintainer_name 维保人员 L2
maintenance_date 维保日期
maintenance_result 维保结论
maintenance_unit 维保单位
male_count 男性人口数 integer
male_name 男方姓名 L3
male_resident_id 男方公民身份号码 L4 p:ID
managed_estates 在管项目数 integer
marital_status 婚姻状况 code L3 c:GB/T_2261.2-2003
marriage_cert_no 婚姻登记证字号 L3
material_name 物资名称
matter_category 事项类别
matter_code 事项编码
matter_name 事项名称
matter_type 事项类型 code c:GB/T_42305-2023
meal_date 就餐日期
meal_id 就餐记录编号
mediated_at 调解时间
mediation_org 调解组织
mediation_result 调解结果 code c:调解结果代码
medical_beds 医疗床位数 integer
meeting_date 会议日期
meeting_id 会议编号
meeting_name 会议名称
meeting_place 会议地点 L2
meeting_time 会议时间
member_count 成员人数 integer
member_id 成员编号 L2
memory_gb 内存 integer u:GB
mileage_km 行驶里程 decimal u:公里
monitor_point 监测点编码
monitor_time 监测时间
monitoring_type 监控类型 code c:重点排污单位类别代码
monthly_amount 月救助金额 decimal L3 u:元
mortgage_flag 是否抵押 boolean L2
mortgage_period 债务履行期限
mortgage_reg_no 抵押登记证明号 L2
mortgagee 抵押权人
mortgagor 抵押人 L3
mother_name 母亲姓名 L3
mother_resident_id 母亲公民身份号码 L4 p:ID
move_date 迁移日期 L3
move_id 迁移记录编号
move_type 迁移类型 code L3 c:GA/T_2000.5
net_assets 净资产 decimal u:万元
newborn_name 新生儿姓名 L3
next_inspection_date 下次检验日期
no2 二氧化氮浓度 decimal u:μg/m³
o3 臭氧浓度 decimal u:μg/m³
occupancy_status 入住状态 code c:房源状态代码
occupied_beds 在住人数 integer
on_duty_date 上岗日期
online_level 网办深度 code c:网上办理深度代码
online_status 在线状态 code c:设备在线状态代码
open_hours 开放时间
open_mode 开放方式 code c:开放类型代码
open_status 开放状态 code c:档案开放状态代码
operator_name 经营者姓名 L2
order_count 工单量 integer
order_no 工单编号
org_address 住所
org_category 机构类别 code c:GB_32100-2015机构类别代码
org_code 组织编码
org_level 机构规格 code c:机构规格代码
org_name 单位名称 r
org_phone 单位电话
org_type 组织类型 code c:社会组织类型代码
original_value 资产原值 decimal u:元
other_waste_kg 其他垃圾量 decimal u:千克
outlet_code 排放口编码
outlet_count 排放口数量 integer
output_value 工业总产值 decimal L2 u:万元
owed_amount 拖欠金额 decimal L2 u:元
owner_name 所有人姓名 L3
owner_phone 犬主联系电话 L3 p:PHONE
owner_resident_id 所有人公民身份号码 L4 p:ID
owner_unit 权属单位
paid_amount 已支出金额 decimal u:万元
parcel_code 图斑编号
parent_org 上级党组织
part_code 部件编码
part_name 部件名称
part_status 部件状态 code c:部件状态代码
part_type 部件类型 code c:GB/T_30428.2-2013
party_count 当事人数 integer
party_name 当事人名称 L3
party_names 当事人 L3
party_org_type 党组织类别 code c:党组织类别代码
patent_name 专利名称
patent_no 专利号
patent_type 专利类型 code c:专利类型代码
patentee_name 专利权人
pay_amount 缴费金额 decimal L3 u:元
pay_base 缴费基数 decimal L3 u:元
pay_date 拨付日期
pay_month 发放月份 p:MONTH
payment_no 拨付单号
peak_hour_count 最高瞬时客流 integer
penalty_basis 处罚依据
penalty_content 处罚内容
penalty_count 行政处罚次数 integer
penalty_points 记分 integer L3
pension_amount 养老金月发放额 decimal L3 u:元
period 所属期 r p:MONTH
permit_count 行政许可数 integer
permit_date 核发日期
permit_no 许可证号
person_name 姓名 L3 r
petition_content 信访内容 L3
petition_no 信访件编号
petition_type 信访形式 code c:信访形式代码
petitioner_name 信访人姓名 L3
petitioner_phone 信访人联系电话 L3 p:PHONE
petitioner_resident_id 信访人公民身份号码 L4 p:ID
ph_value pH值 decimal
phone 联系电话 L3 p:PHONE
photo 证件照片 binary L4
place_code 地名代码
place_name 地名
place_type 地名类别 code c:GB/T_18521-2001
plan_name 规划名称
planned_completion 计划竣工日期 date
plate_no 号牌号码 L3 p:PLATE
pledge_date 质押登记日期
pledge_id 质押编号
pledge_type 质押类型 code c:知识产权类型代码
pm10 PM10浓度 decimal u:μg/m³
pm25 PM2.5浓度 decimal u:μg/m³
poi_category 兴趣点分类 code c:兴趣点分类代码
poi_id 兴趣点编号
poi_name 兴趣点名称
point_code 投放点编码
point_name 投放点名称
point_type 监测点类型 code c:价格监测点类型代码
pollutant_code 污染物代码 code c:HJ_524-2009
pollutant_types 主要污染物
population_count 户籍人口数 integer
power_w 功率 integer u:瓦
practice_category 执业类别 code c:医师执业类别代码
practice_institution 执业机构
price_change_rate 环比涨跌幅 decimal u:%
price_date 采价日期
principal_name 校长 L2
problem_desc 问题描述
problems 评查发现问题
producer_name 标称生产企业
product_category 产品类别
product_name 产品名称
production_base 生产基地
profession 执业类别 code c:卫生专业技术人员类别代码
profit 利润总额 decimal L2 u:万元
progress_desc 进展情况
project_code 项目代码
project_id 项目编号
project_name 项目名称 r
project_no 项目编号
project_type 项目类别 code c:科技计划项目类别代码
property_address 房产地址 L3
property_cert_no 不动产权证书号 L3
property_company 物业服务企业
property_location 坐落 L3
property_reg_no 产权登记编号
property_reg_type 产权登记类型 code c:国有资产产权登记类型代码
protect_level 保护级别 code c:文物保护级别代码
provider_unit 提供单位
public_geometry 几何要素 geometry
publicity_deadline 公示截止期 date
publish_date 公布日期
publish_scope 公开属性 code c:政府信息公开属性代码
publish_time 发布时间
purchase_date 购置日期
purchaser_name 采购单位
purpose_desc 使用用途
qualification_level 资质等级 code c:建筑业企业资质等级代码
qualification_type 资质类别 code c:建筑业企业资质类别代码
quantity 储备数量 decimal
quantity_kg 数量 decimal u:千克
rd_ratio 研发投入占比 decimal u:%
recipient_name 收款单位
recipient_uscc 收款单位统一社会信用代码 p:USCC
recognize_date 认定日期
recognize_level 认定级别 code c:认定级别代码
recognize_year 认定年度 integer p:YEAR
record_id 记录编号
record_year 年度 integer
recruit_count 招募人数 integer
rectify_deadline 整改期限 date
rectify_status 整改状态 code c:整改状态代码
recyclable_kg 可回收物量 decimal u:千克
redeem_amount 兑付金额 decimal u:元
redeem_date 兑付日期
reg_address 住所
reg_authority 登记机关
reg_capital 注册资本 decimal u:万元
reg_date 登记日期
reg_no 登记编号
reg_status 登记状态 code c:市场主体登记状态代码
reg_type 登记类型 code c:婚姻登记类型代码
reg_valid_to 注册有效期至 date
region_geometry 空间范围 geometry L2
register_date 登记日期
registrant_name 注册人
relation_to_head 与户主关系 code L2 c:GB/T_4761-2008
relic_code 文物保护单位编号
relic_name 文物保护单位名称
relief_amount 救助金额 decimal L3 u:元
relief_date 救助日期
relief_id 救助编号
relief_reason 救助事由 L3
remove_date 移出日期
remove_reason 移出原因
rent_standard 租金标准 decimal u:元/平方米·月
rent_subsidy 租赁补贴金额 decimal L3 u:元
repair_authority 修复决定机关
repair_date 修复日期
repair_id 修复编号
repair_item 修复事项
report_date 报告日期
report_id 报告编号
report_no 核对报告编号
report_period 报告周期
report_time 报告时间
report_year 报告年度 integer p:YEAR
reported_at 上报时间
reporter_name 上报人 L2
request_id 申请编号
requester_unit 申请单位
residence_address 居住地址 L3
resident_count 常住人口数 integer
resident_id 公民身份号码 L4 p:ID
resolution_m 分辨率 decimal u:米
resolve_result 化解结果 code c:化解结果代码
resource_id 资源编号
resource_type 资源类型 code c:云资源类型代码
respondent_name 被投诉方
responsible_unit 责任单位
result_code 办理结果 code c:办件结果代码
retail_sales 零售额 decimal L2 u:万元
retention_period 保管期限 code c:DA/T_22-2015
revenue 营业收入 decimal L2 u:万元
review_id 评查编号
review_result 审核结果 code c:入学资格审核结果代码
review_score 评查得分 decimal u:分
review_year 评查年度 integer
right_holder 权利人 L3
right_holder_id 权利人证件号码 L4 p:ID
right_type 权利类型 code c:不动产权利类型代码
risk_grade 风险等级 code c:食品生产经营风险等级代码
risk_level 风险等级 code c:安全风险等级代码
road_length_m 长度 decimal u:米
road_name 道路名称
road_width_m 宽度 decimal u:米
room_area 使用面积 decimal u:平方米
room_code 用房编号
room_count 客房数 integer
room_no 房号 L2
rule_name 审核规则
safety_manager 安全负责人 L2
safety_manager_phone 安全负责人电话 L3 p:PHONE
salary_max 薪资上限 decimal u:元/月
salary_min 薪资下限 decimal u:元/月
sample_no 样品编号
sampled_ent_name 被抽样单位
sampling_date 抽样日期
satisfaction 满意度 code c:满意度评价代码
satisfaction_rate 满意率 decimal u:%
scenic_code 景区编码
scenic_grade 景区等级 code c:GB/T_17775-2024
scenic_name 景区名称
school_address 学校地址
school_code 学校标识码
school_district 所属学区
school_name 学校名称
school_type 办学类型 code c:教育部办学类型代码
score_year 积分年度 integer
secret_level 密级 code L2 c:GB/T_7156-2003
secretary_name 书记 L2
self_paid 个人自付 decimal L3 u:元
sentence_type 刑罚种类 code L4 c:刑罚种类代码
service_date 服务日期
service_hours 服务时长 decimal u:小时
service_id 服务编号
service_org 服务机构
service_package 服务包
service_phone 服务电话
service_rating 服务评价等级 code c:物业服务评价等级代码
service_scope 服务范围
service_type 服务类型 code c:服务类型代码
settle_date 结算日期
settle_id 结算编号
shareholding_ratio 国有持股比例 decimal u:%
shelter_code 避灾场所编码
shelter_name 避灾场所名称
sign_date 签发日期
signed_doctor 签约医生 L2
site_code 阵地编码
site_name 阵地名称
site_type 阵地类型 code c:文明实践阵地类型代码
source_unit 数据来源单位
specialty 注册专业 code c:注册建造师专业代码
staff_count 从业人员数 integer
staff_id 人员编号
staff_quota 核定编制数 integer
standard_limit 排放限值 decimal u:mg/m³
star_rating 养老机构等级 code c:GB/T_37276-2018
start_date 开始日期
start_month 救助起始月份 p:MONTH
start_time 出车时间
stat_date 统计日期
stat_item 统计项目
stat_month 统计月份 p:MONTH
stat_quarter 统计季度 p:QUARTER
stat_time 统计时间
stat_value 统计值 decimal
census_year 普查年度 integer p:YEAR
stat_year 统计年度 integer p:YEAR
station_code 站点编码
station_name 站点名称
station_phone 服务站电话
station_type 站点类型
statutory_days 法定办结时限 integer u:工作日
storage_capacity 设计储存量 decimal u:吨
storage_gb 存储容量 integer u:GB
store_address 门店地址
street_code 街道代码 code p:STREET c:统计用区划代码
structure_type 结构类型 code c:房屋结构类型代码
student_count 在校学生数 integer
student_no 全国学籍号 L3
subject_category 任教学科
subject_name 生产主体名称
subject_type 主体类型 code c:农产品生产主体类型代码
subsidy_amount 补贴金额 decimal L3 u:元
subsidy_type 补贴类型 code c:补贴类型代码
supervise_level 监管等级 code L3 c:社区矫正监管等级代码
supplier_name 供应商名称
supplier_uscc 供应商统一社会信用代码 p:USCC
support_type 供养类型 code L3 c:特困供养类型代码
survey_year 调查年度 integer
suspicious_amount 疑点金额 decimal L2 u:元
take_time 取号时间
tax_authority 主管税务机关
tax_paid 已缴税额 decimal L3 u:元
tax_per_mu 亩均税收 decimal L2 u:万元/亩
tax_revenue 楼宇税收 decimal L2 u:万元
tax_source_item 税源项目 L2
tax_type 税种 code c:税种代码
taxable_income 计税依据 decimal L3 u:元
taxpayer_name 纳税人名称 r
taxpayer_type 纳税人类型 code c:纳税人类型代码
teacher_count 专任教师数 integer
team_code 队伍编码
team_name 队伍名称
team_type 队伍类型 code c:应急救援队伍类型代码
tech_field 技术领域 code c:国家重点支持的高新技术领域
tenant_count 承租人数 integer L3
tenant_unit 租户单位
term_start 任期开始日期 date
terminal_no 终端号码
test_date 检测日期
test_item 检测项目
test_result 检测结论 code c:检测结论代码
ticket_id 取号编号
ticket_price 门票价格 decimal u:元
time_slot 预约时段
title 稿件标题
title_level 专业技术职称 code c:GB/T_8561-2001
to_address 迁入地址 L3
topic 主题
topics 会议议题
total_amount 医疗费用总额 decimal L3 u:元
total_area 总建筑面积 decimal u:平方米
total_assets 资产总额 decimal L2 u:万元
total_investment 总投资 decimal u:万元
total_liabilities 负债总额 decimal L2 u:万元
total_paid 缴费总额 decimal L2 u:元
total_score 年度积分 decimal L2 u:分
trade_name 字号名称
trademark_name 商标名称
trademark_reg_no 商标注册号
training_category 培训类别
trip_id 派车单号
trip_purpose 用车事由
unemployment_reason 失业原因 code L3 c:失业原因代码
union_name 工会名称
unit_code 单位编码
unit_name 单位名称
unit_no 不动产单元号 p:UNIT_NO
unit_price 零售价格 decimal u:元
unit_scale 单位规模 code c:统计上大中小微型企业划分标准
unit_type 单位类型 code c:消防安全重点单位类型代码
update_cycle 更新周期
update_date 更新日期
updated_at 信息更新时间
uscc 统一社会信用代码 r p:USCC
use_date 查阅日期
use_id 用证记录编号
use_purpose 查阅目的 L2
use_scene 用证场景
use_status 使用状况 code c:资产使用状况代码
use_time 用证时间
use_type 用房类型 code c:办公用房类型代码
use_unit_name 使用单位名称
use_unit_uscc 使用单位统一社会信用代码 p:USCC
user_code 用户编号
user_name 用户名称 L3
user_type 用户类型 code c:燃气用户类型代码
user_unit 用车单位
using_unit 用证单位
vacancy_rate 空置率 decimal u:%
vaccinate_date 接种日期
vaccinate_site 接种单位
vaccine_name 疫苗名称 L3
valid_from 有效期起始日期 date
valid_to 有效期截止日期 date
value_added_per_mu 亩均增加值 decimal L2 u:万元/亩
vehicle_camera_count 车辆识别设备数 integer
vehicle_plate 车牌号码 p:PLATE
vehicle_status 车辆状态 code c:GA_24.15
vehicle_type 车辆类型 code c:GA_24.4
venue_address 会场地址
venue_code 场馆编码
venue_count 分会场数 integer
venue_id 会场编号
venue_name 会场名称
venue_type 场馆类型 code c:公共文化设施类型代码
venue_unit 会场所属单位
verify_date 检定日期
verify_result 检定结论 code c:检定结论代码
view_count 阅读量 integer
violation_behavior 违法行为 code L3 c:GA_408.1
violation_id 违法记录编号
violation_place 违法地点 L3
violation_time 违法时间 L3
violation_type 违法行为类型
visit_date 就诊日期 L4
visit_id 就诊流水号
visitor_count 接待游客量 integer
volunteer_count 参与志愿者人数 integer
volunteer_id 志愿者编号
voucher_amount 创新券面额 decimal u:元
voucher_no 创新券编号
window_count 进驻窗口数 integer
window_no 窗口号
work_address 工作地点
worker_count 涉及人数 integer
worker_id 网格员编号
yoy_growth 同比增长 decimal u:%
zone_code 分区编码
zone_name 分区名称
zone_type 分区类型 code c:国土空间规划分区代码
`;

const TYPES = new Set<DemoFieldType>([
  'string',
  'integer',
  'decimal',
  'date',
  'datetime',
  'boolean',
  'code',
  'geometry',
  'binary',
]);

function defaultType(name: string): DemoFieldType {
  if (/_(date)$/.test(name)) return 'date';
  if (/(_at|_time|_datetime)$/.test(name)) return 'datetime';
  if (/(_count|_year)$/.test(name)) return 'integer';
  if (/_flag$/.test(name)) return 'boolean';
  if (/_geometry$/.test(name)) return 'geometry';
  return 'string';
}

type Entry = Omit<DemoField, 'key' | 'required' | 'name'> & { required: boolean };

function parseDictionary(text: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const line of text.split('\n')) {
    const tokens = line.trim().split(/\s+/);
    const [name, label, ...rest] = tokens;
    if (!name || !label) continue;
    if (out.has(name)) throw new Error(`demo field ${name} is defined twice`);
    const entry: Entry = { label, type: defaultType(name), level: 'L1', required: false };
    // A code list makes a field a code and a unit a decimal, unless the line names the type.
    const explicit = rest.some((t) => TYPES.has(t as DemoFieldType));
    for (const t of rest) {
      if (TYPES.has(t as DemoFieldType)) entry.type = t as DemoFieldType;
      else if (/^L[1-4]$/.test(t)) entry.level = t as DemoLevel;
      else if (t === 'r') entry.required = true;
      else if (t.startsWith('p:')) {
        const pattern = PATTERNS[t.slice(2) as keyof typeof PATTERNS];
        if (!pattern) throw new Error(`demo field ${name}: unknown pattern ${t}`);
        entry.pattern = pattern;
      } else if (t.startsWith('c:')) {
        entry.codeList = t.slice(2).replace(/_/g, ' ');
        if (!explicit) entry.type = 'code';
      } else if (t.startsWith('u:')) {
        entry.unit = t.slice(2).replace(/_/g, ' ');
        if (!explicit) entry.type = 'decimal';
      } else throw new Error(`demo field ${name}: cannot read ${JSON.stringify(t)}`);
    }
    out.set(name, entry);
  }
  return out;
}

const ENTRIES = parseDictionary(DICTIONARY);

/**
 * The fields of a spec string such as 'uscc* ent_name legal_rep': key fields ('*') are required;
 * the others keep the dictionary's required flag.
 */
export function demoFields(spec: string): DemoField[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((token) => {
      const key = token.endsWith('*');
      const name = key ? token.slice(0, -1) : token;
      const entry = ENTRIES.get(name);
      if (!entry) throw new Error(`demo field ${name} is not in the dictionary`);
      const field: DemoField = {
        name,
        label: entry.label,
        type: entry.type,
        required: key || entry.required,
        key,
        level: entry.level,
      };
      if (entry.pattern) field.pattern = entry.pattern;
      if (entry.codeList) field.codeList = entry.codeList;
      if (entry.unit) field.unit = entry.unit;
      return field;
    });
}
