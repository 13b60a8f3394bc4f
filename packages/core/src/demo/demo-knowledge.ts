import { readFileSync } from 'node:fs';
import { type Actor, type Role, addDays, toLocalDate } from '@huawu/domain';
import type { CoreDeps } from '../deps.js';
import { submitVersion } from '../knowledge/act-on-article.js';
import { getArticle } from '../knowledge/get-article.js';
import { importServiceItemRecords } from '../knowledge/import-service-items.js';
import { recordGap } from '../knowledge/manage-gaps.js';
import { proposeVersion } from '../knowledge/propose-version.js';
import { publishArticlesDirectly } from '../knowledge/publish-directly.js';
import { readCsv } from '../knowledge/service-items.csv.js';
import { DEMO_UNITS, DEMO_USERS } from './demo-city.js';

/** The shipped catalogue of 1,135 real service items (Apache-2.0, see data/service-items/README.md). */
export const SERVICE_ITEMS_CSV = new URL(
  '../../data/service-items/sichuan_guangan_district_service_items.csv',
  import.meta.url,
);

/**
 * The catalogue's district bureaus that have a counterpart among Jincheng's units own their guides in
 * the demo; the other departments stay owners by name only (no unit: the centre maintains them).
 */
export const DEMO_DEPARTMENT_UNITS: Record<string, string> = {
  区人社局: '市人力资源和社会保障局',
  区住建局: '市住房和城乡建设局',
  区市监局: '市市场监督管理局',
  区生态环境局: '市生态环境局',
  区交通运输局: '市交通运输局',
  区教科体局: '市教育局',
};

const phone = (unitId: string) => DEMO_UNITS.find((u) => u.id === unitId)?.dutyPhone ?? '12345';
const name = (unitId: string) => DEMO_UNITS.find((u) => u.id === unitId)?.name ?? '';
/** Demo duty phones are fictional: answers say so. */
const duty = (unitId: string) => `${name(unitId)}值班电话 ${phone(unitId)}（演示号码）`;

interface DemoFaq {
  unit: string;
  question: string;
  answer: string;
  basis?: string;
  keywords?: string;
  /** Review date this many days ago (stale in the demo). */
  overdueDays?: number;
}

/**
 * Knowledge points (知识点) of the fictional city of Jincheng (金城市). The answers are general and
 * honest: they say where and how to ask, and defer particulars to the responsible department.
 */
const FAQS: DemoFaq[] = [
  {
    unit: 'centre',
    question: '12345热线受理哪些事项？',
    answer:
      '12345政务服务便民热线受理企业和群众的非紧急类咨询、求助、投诉、举报和建议，7×24小时人工服务。能当场答复的当场答复，不能当场答复的按职责转交有关单位办理并跟踪回访。',
    basis: '《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）',
    keywords: '热线 受理范围 12345',
  },
  {
    unit: 'centre',
    question: '遇到火灾、治安案件或急病，可以打12345吗？',
    answer:
      '紧急情况请直接拨打110（报警）、119（火警）、120（急救）、122（交通事故）。12345受理非紧急事项；如来电涉及紧急情况，话务员会立即协助转接上述紧急热线。',
    basis: '国办发〔2020〕53号：110、119、120、122等紧急热线单独设置',
    keywords: '紧急 报警 急救 火警 转接',
  },
  {
    unit: 'centre',
    question: '反映的问题转给部门后，怎么查询办理进度？',
    answer:
      '来电登记后会生成工单编号。可再次拨打12345，报工单编号或来电时的联系电话查询办理进度；承办单位办结后，热线会按您选择的方式回复并回访。',
    keywords: '工单 进度 查询 编号',
  },
  {
    unit: 'centre',
    question: '对办理结果不满意怎么办？',
    answer:
      '回访时可如实评价“不满意”并说明理由。经热线中心审核，确属办理不到位的，工单会退回承办单位重新办理；属于法律政策限制等原因暂时无法解决的，会向您说明情况。',
    keywords: '不满意 重办 回访 评价',
  },
  {
    unit: 'centre',
    question: '反映问题时可以要求对个人信息保密吗？',
    answer:
      '可以。来电时说明需要保密，话务员会将工单标记为保密，承办单位看不到您的姓名和电话，由热线中心负责联系和回复。举报类事项依法对举报人信息保密。',
    keywords: '保密 隐私 匿名 举报人',
  },
  {
    unit: 'centre',
    question: '哪些诉求12345一般不予受理？',
    answer:
      '已进入诉讼、仲裁、行政复议等法定程序的事项，涉及国家秘密的事项，以及违反法律法规、公序良俗的诉求，一般不予受理；话务员会告知应当通过的法定途径。',
    keywords: '不予受理 诉讼 仲裁 复议',
    overdueDays: 12,
  },
  {
    unit: 'city-housing',
    question: '提取住房公积金一般需要准备什么？',
    answer: `提取住房公积金通常需要本人有效身份证件、本人银行卡，以及与提取原因相应的证明（如购房合同或不动产权证书、租房证明、退休证明等）。不同提取情形所需材料不同，请以住房公积金管理部门公布的办事指南为准；也可咨询${duty('city-housing')}。`,
    keywords: '公积金 提取 取公积金 材料',
  },
  {
    unit: 'city-housing',
    question: '老旧小区改造怎么申请？',
    answer: `老旧小区改造一般由街道、社区组织居民提出改造意愿，经所在区汇总后按年度计划实施。居民可先向所在社区反映；政策详情可咨询${duty('city-housing')}。`,
    keywords: '老旧小区 改造 加装电梯',
    overdueDays: 30,
  },
  {
    unit: 'city-housing',
    question: '对物业服务不满意，可以向哪里反映？',
    answer:
      '可先与物业服务企业协商，或向业主委员会反映；协商不成的，可向小区所在街道（社区）或区住房城乡建设主管部门反映，也可拨打12345，由热线转交有关单位处理。涉及收费问题的，可同时向市场监管部门反映。',
    keywords: '物业 服务 收费 投诉',
  },
  {
    unit: 'city-housing',
    question: '新房交付后发现质量问题怎么办？',
    answer: `在保修期内，可要求建设单位（开发商）按购房合同和质量保修书履行保修责任；协商不成的，可向住房城乡建设主管部门反映，或依法通过诉讼、仲裁解决。咨询可拨打${duty('city-housing')}。`,
    basis: '《建设工程质量管理条例》关于保修责任的规定',
    keywords: '房屋质量 保修 开发商 漏水 开裂',
  },
  {
    unit: 'city-hrss',
    question: '灵活就业人员怎样参加职工养老保险？',
    answer: `灵活就业人员可以个人身份参加职工基本养老保险，一般持身份证到社会保险经办机构或通过线上渠道办理登记，缴费基数在规定的范围内自主选择。具体档次和办理渠道请以社保经办机构公布为准，或咨询${duty('city-hrss')}。`,
    keywords: '灵活就业 养老保险 社保 缴费基数 个体',
  },
  {
    unit: 'city-hrss',
    question: '社保卡丢了怎么办？',
    answer:
      '社保卡丢失后应尽快挂失，可通过社保卡服务网点、服务热线或官方线上渠道办理挂失，再到服务网点申请补办。补办时携带本人有效身份证件。',
    keywords: '社保卡 丢失 挂失 补办',
  },
  {
    unit: 'city-hrss',
    question: '单位拖欠工资，应该怎么反映？',
    answer: `可向用人单位所在地的劳动保障监察机构投诉举报，也可申请劳动争议调解、仲裁。申请劳动争议仲裁的时效期间一般为一年。咨询可拨打${duty('city-hrss')}，也可通过12345反映。`,
    basis: '《劳动争议调解仲裁法》第二十七条；《保障农民工工资支付条例》',
    keywords: '欠薪 拖欠工资 讨薪 劳动仲裁 农民工',
  },
  {
    unit: 'city-hrss',
    question: '失业了可以领失业保险金吗？',
    answer:
      '失业前用人单位和本人已按规定参加失业保险并缴费满一年、非因本人意愿中断就业、已办理失业登记并有求职要求的，可以按规定申领失业保险金。具体标准和办理方式以社保经办机构公布为准。',
    basis: '《失业保险条例》第十四条',
    keywords: '失业金 失业保险 领取 失业登记',
  },
  {
    unit: 'city-market',
    question: '买到过期食品怎么维权？',
    answer:
      '请保留购物小票、商品实物和包装等证据，先与商家协商；协商不成的，可向市场监督管理部门投诉举报（全国12315平台或拨打12315），也可通过12345反映。经营者销售明知是不符合食品安全标准的食品的，消费者可依法要求赔偿。',
    basis: '《食品安全法》第一百四十八条',
    keywords: '过期食品 食品安全 维权 赔偿 12315',
  },
  {
    unit: 'city-market',
    question: '网购商品有质量问题向哪里投诉？',
    answer:
      '可先通过购物平台的售后和投诉渠道处理；协商不成的，可向经营者所在地的市场监督管理部门投诉，或通过全国12315平台在线投诉。请保存订单、聊天记录和商品照片等证据。',
    keywords: '网购 质量 投诉 退货 12315',
  },
  {
    unit: 'city-market',
    question: '开个体户怎么办营业执照？',
    answer: `个体工商户登记可通过政务服务网在线申请，或到政务服务中心市场监管窗口办理，一般需经营者身份证件和经营场所信息。具体材料以市场监管部门公布的办事指南为准，也可咨询${duty('city-market')}。`,
    keywords: '个体户 营业执照 注册 登记',
  },
  {
    unit: 'city-eco',
    question: '餐馆油烟扰民向哪个部门反映？',
    answer:
      '餐饮油烟扰民问题可拨打12345反映，由热线按职责转交属地街道或有关执法部门核查处理。反映时请说明店铺名称、具体位置和影响时段。',
    keywords: '油烟 餐馆 扰民 排烟',
  },
  {
    unit: 'city-eco',
    question: '夜间施工噪音扰民怎么办？',
    answer:
      '噪声敏感区域内夜间施工一般须取得有关部门的证明并公告附近居民。如遇夜间施工噪音扰民，可拨打12345反映具体地点和时间，由热线转交有关部门核查；正在发生的严重扰民也可拨打110。',
    basis: '《噪声污染防治法》关于夜间施工的规定',
    keywords: '噪音 噪声 施工 夜间 扰民',
    overdueDays: 3,
  },
  {
    unit: 'city-transport',
    question: '想建议增设公交站点或调整线路，怎么提？',
    answer: `可拨打12345提出建议，说明建议的线路、站点位置和理由，热线会转交交通运输主管部门研究答复；也可咨询${duty('city-transport')}。`,
    keywords: '公交 站点 线路 建议',
  },
  {
    unit: 'city-transport',
    question: '出租车拒载或绕路怎么投诉？',
    answer:
      '请记下车牌号、乘车时间和上下车地点，保留发票或支付记录，拨打12345或出租车管理部门的投诉渠道反映，由交通运输主管部门调查处理。',
    keywords: '出租车 拒载 绕路 投诉 网约车',
  },
  {
    unit: 'city-edu',
    question: '小学一年级新生什么时候报名？',
    answer: `小学新生入学报名时间和材料由教育部门每年公布招生政策时确定，一般在春夏之交发布。请关注市、区教育部门官方发布，或咨询${duty('city-edu')}。`,
    keywords: '入学 报名 小学 一年级 招生',
  },
  {
    unit: 'city-edu',
    question: '校外培训机构不退费怎么办？',
    answer:
      '请保留合同、缴费凭证和沟通记录，先与机构协商；协商不成的，可向培训机构所在地的教育部门或市场监管部门投诉，也可拨打12345反映，必要时依法通过诉讼解决。',
    keywords: '培训机构 退费 预付费 学费',
  },
  {
    unit: 'east',
    question: '楼道灯、小区公共设施坏了找谁修？',
    answer:
      '有物业管理的小区，公共部位设施由物业服务企业负责维修；无物业的老旧小区，可向所在社区居委会或街道反映。也可拨打12345，由热线转交属地街道处理。',
    keywords: '楼道灯 公共设施 维修 路灯 社区',
  },
  {
    unit: 'west',
    question: '雨后道路或小区门口积水，向哪里反映？',
    answer:
      '市政道路积水可拨打12345反映具体位置，由热线转交有关部门和属地街道处置；小区内部积水可先联系物业。遇到积水深、有安全隐患的，请注意绕行，情况紧急时拨打110。',
    keywords: '积水 排水 内涝 下雨',
  },
];

const actorOf = (username: string): Actor => {
  const u = DEMO_USERS.find((x) => x.username === username);
  if (!u) throw new Error(`demo user ${username} missing`);
  return { userId: `demo-${u.username}`, role: u.role as Role, unitId: u.unitId, displayName: u.displayName };
};

/**
 * Seeds the demo knowledge base: the shipped catalogue as published guides (owners mapped to Jincheng's
 * bureaus where one matches; guide details are not in the source, so each guide points to its official
 * link), Jincheng's knowledge points (a few past their review date), one unit proposal in review and
 * two open gaps.
 */
export async function seedDemoKnowledge(deps: CoreDeps): Promise<{ guides: number; faqs: number }> {
  const supervisor = actorOf('supervisor');
  const csv = readCsv(readFileSync(SERVICE_ITEMS_CSV, 'utf8'));
  const department = csv.records[0]?.indexOf('department') ?? -1;
  const records = csv.records.map((r, i) =>
    i > 0 && department >= 0
      ? r.map((cell, c) => (c === department ? (DEMO_DEPARTMENT_UNITS[cell] ?? cell) : cell))
      : r,
  );
  const imported = await importServiceItemRecords(deps, supervisor, records, { rows: csv.rows });
  const today = toLocalDate(deps.now(), deps.config.timeZone);
  // The centre's initial load: published at once, like an import (one transaction).
  const ids = await publishArticlesDirectly(
    deps,
    supervisor,
    FAQS.map((faq) => ({
      kind: 'faq' as const,
      fields: { question: faq.question, answer: faq.answer, ...(faq.basis ? { basis: faq.basis } : {}) },
      keywords: faq.keywords,
      ownerUnitId: faq.unit,
      nextReviewOn: addDays(today, faq.overdueDays ? -faq.overdueDays : 180),
    })),
    '演示数据',
  );
  const housing = FAQS.findIndex((f) => f.unit === 'city-housing');
  const firstHousing = housing >= 0 ? await getArticle(deps, supervisor, ids[housing]!) : undefined;
  if (firstHousing) {
    const handler = actorOf('handler');
    const proposal = await proposeVersion(deps, handler, firstHousing.id, {
      title: firstHousing.title,
      keywords: `${firstHousing.keywords} 租房提取`,
      fields: {
        ...firstHousing.fields,
        answer: `${firstHousing.fields.answer ?? ''}租房提取可先通过线上渠道申请，按提示上传材料。`,
      },
      nextReviewOn: firstHousing.nextReviewOn,
      changeNote: '补充租房提取的办理渠道',
      baseVersion: 1,
    });
    await submitVersion(deps, handler, proposal.id, 2);
  }
  const agent = actorOf('agent');
  await recordGap(deps, agent, {
    question: '小区内安装新能源汽车充电桩需要物业同意吗？',
    query: '充电桩 安装',
  });
  await recordGap(deps, agent, { question: '养犬登记在哪里办理？', query: '养狗 办证' });
  return { guides: imported.created + imported.updated + imported.unchanged, faqs: FAQS.length };
}
