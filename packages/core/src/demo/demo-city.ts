/** The demo city of Jincheng (金城市): its hotline centre, handling units and one account per role. */
export const DEMO_PASSWORD = 'Huawu2026';

export const DEMO_UNITS = [
  {
    id: 'centre',
    parentId: null,
    name: '金城市12345政务服务便民热线中心',
    kind: 'centre',
    dutyPhone: '12345',
  },
  { id: 'city-housing', parentId: null, name: '市住房和城乡建设局', kind: 'city', dutyPhone: '0931-8120001' },
  { id: 'city-market', parentId: null, name: '市市场监督管理局', kind: 'city', dutyPhone: '0931-8120002' },
  {
    id: 'city-hrss',
    parentId: null,
    name: '市人力资源和社会保障局',
    kind: 'city',
    dutyPhone: '0931-8120003',
  },
  { id: 'city-eco', parentId: null, name: '市生态环境局', kind: 'city', dutyPhone: '0931-8120004' },
  { id: 'city-transport', parentId: null, name: '市交通运输局', kind: 'city', dutyPhone: '0931-8120005' },
  { id: 'city-edu', parentId: null, name: '市教育局', kind: 'city', dutyPhone: '0931-8120006' },
  { id: 'east', parentId: null, name: '东城区人民政府', kind: 'district', dutyPhone: '0931-8230000' },
  {
    id: 'east-heping',
    parentId: 'east',
    name: '东城区和平街道办事处',
    kind: 'street',
    dutyPhone: '0931-8230101',
  },
  {
    id: 'east-xinhua',
    parentId: 'east',
    name: '东城区新华街道办事处',
    kind: 'street',
    dutyPhone: '0931-8230102',
  },
  { id: 'west', parentId: null, name: '西城区人民政府', kind: 'district', dutyPhone: '0931-8340000' },
  {
    id: 'west-changan',
    parentId: 'west',
    name: '西城区长安街道办事处',
    kind: 'street',
    dutyPhone: '0931-8340101',
  },
  {
    id: 'west-binhe',
    parentId: 'west',
    name: '西城区滨河街道办事处',
    kind: 'street',
    dutyPhone: '0931-8340102',
  },
] as const;

export const DEMO_USERS = [
  { username: 'agent', displayName: '李娜（话务员）', role: 'agent', unitId: 'centre' },
  { username: 'dispatcher', displayName: '王强（派单员）', role: 'dispatcher', unitId: 'centre' },
  { username: 'reviewer', displayName: '赵敏（审核员）', role: 'reviewer', unitId: 'centre' },
  { username: 'callback', displayName: '陈静（回访员）', role: 'callback', unitId: 'centre' },
  { username: 'inspector', displayName: '周洁（质检员）', role: 'inspector', unitId: 'centre' },
  { username: 'supervisor', displayName: '孙伟（值班长）', role: 'supervisor', unitId: 'centre' },
  { username: 'admin', displayName: '系统管理员', role: 'admin', unitId: 'centre' },
  {
    username: 'handler',
    displayName: '刘洋（市住建局承办人）',
    role: 'unit_handler',
    unitId: 'city-housing',
  },
  {
    username: 'market',
    displayName: '黄磊（市市场监管局承办人）',
    role: 'unit_handler',
    unitId: 'city-market',
  },
  { username: 'heping', displayName: '吴芳（和平街道承办人）', role: 'unit_handler', unitId: 'east-heping' },
  { username: 'eastadmin', displayName: '郑军（东城区管理员）', role: 'unit_admin', unitId: 'east' },
] as const;

/** Realistic appeals written for the demo (not taken from any citizen data). */
export const DEMO_APPEALS = [
  {
    t: 'complaint',
    title: '小区夜间施工噪音扰民',
    c: '反映和平路18号附近工地连续多日夜间22点后仍在施工，噪音很大，影响休息，希望有关部门处理。',
    a: '东城区和平路18号',
    u: 'east-heping',
  },
  {
    t: 'consultation',
    title: '咨询公积金提取办理材料',
    c: '来电人咨询购买首套住房提取住房公积金需要准备哪些材料，能否网上办理。',
    a: null,
    u: 'city-housing',
  },
  {
    t: 'help',
    title: '老旧小区楼道灯损坏',
    c: '新华街道幸福里小区3号楼楼道灯已坏一个月，老人上下楼不便，希望尽快维修。',
    a: '东城区幸福里小区3号楼',
    u: 'east-xinhua',
  },
  {
    t: 'complaint',
    title: '超市销售过期食品',
    c: '来电人称在长安路某超市购买的酸奶已过保质期两天，与商家协商未果，要求查处。',
    a: '西城区长安路56号',
    u: 'city-market',
  },
  {
    t: 'report',
    title: '举报餐馆油烟直排',
    c: '滨河路一家餐馆未安装油烟净化设施，油烟直接排向居民楼，举报请求处理。',
    a: '西城区滨河路102号',
    u: 'city-eco',
  },
  {
    t: 'consultation',
    title: '咨询灵活就业人员社保缴费',
    c: '来电人咨询灵活就业人员如何参加职工养老保险，缴费基数如何选择。',
    a: null,
    u: 'city-hrss',
  },
  {
    t: 'suggestion',
    title: '建议增设公交站点',
    c: '建议在东城区新华路与建设路交叉口增设公交站点，方便周边居民出行。',
    a: '东城区新华路与建设路交叉口',
    u: 'city-transport',
  },
  {
    t: 'help',
    title: '雨后小区路面积水严重',
    c: '昨晚降雨后长安街道锦绣家园小区门口积水没过脚踝，排水不畅，请求处理。',
    a: '西城区锦绣家园小区',
    u: 'west-changan',
  },
  {
    t: 'complaint',
    title: '培训机构拒不退费',
    c: '来电人反映孩子报名的课外培训机构停课后拒不退还剩余学费约6000元。',
    a: '东城区建设路88号',
    u: 'city-edu',
  },
  {
    t: 'consultation',
    title: '咨询新生入学报名时间',
    c: '来电人咨询今年小学一年级新生入学网上报名的时间和需要的材料。',
    a: null,
    u: 'city-edu',
  },
  {
    t: 'complaint',
    title: '物业擅自提高停车费',
    c: '滨河街道碧水湾小区物业未经业主大会同意将停车费由每月150元提高到300元。',
    a: '西城区碧水湾小区',
    u: 'west-binhe',
  },
  {
    t: 'help',
    title: '路边井盖缺失存在安全隐患',
    c: '和平路与人民路交叉口东侧人行道井盖缺失，夜间行人容易跌落，请尽快处置。',
    a: '东城区和平路与人民路交叉口',
    u: 'east-heping',
  },
  {
    t: 'praise',
    title: '表扬社区工作人员',
    c: '来电人表扬新华街道社区工作人员耐心帮助其办理高龄补贴申请。',
    a: null,
    u: 'east-xinhua',
  },
  {
    t: 'complaint',
    title: '出租车拒载',
    c: '来电人反映在火车站乘坐出租车时司机以路程太近为由拒载，车牌号已记录。',
    a: '金城火车站',
    u: 'city-transport',
  },
  {
    t: 'consultation',
    title: '咨询二手房交易税费',
    c: '来电人咨询个人出售满五年唯一住房需要缴纳哪些税费。',
    a: null,
    u: 'city-housing',
  },
] as const;

export const CALLER_NAMES = ['张先生', '王女士', '刘先生', '陈女士', '杨先生', '赵女士', '黄先生', '周女士'];
