import { normalizeText } from '@huawu/domain';
import { bigramKey, queryBigramKeys } from './pinyin-keys.js';
import { textUnits } from './tokenizer.js';
import { isHanBigram } from './vocabulary.js';

/**
 * Colloquial ↔ official terms. Callers say 社保, 驾照, 准生证; guides say 社会保险, 机动车驾驶证,
 * 生育登记. Each group lists equivalent terms, the official one first. A query containing any term of
 * a group is also searched with the others (see query-plan.ts). The seed below is merged with the
 * centre's own groups (`kb_synonyms`) at every refresh.
 */
export const SEED_SYNONYMS: readonly (readonly string[])[] = [
  ['社会保险', '社保'],
  ['社会保障卡', '社保卡', '医保卡'],
  ['医疗保障', '医保', '医疗保险', '基本医疗保险'],
  ['住房公积金', '公积金'],
  ['机动车驾驶证', '驾驶证', '驾照', '驾驶执照'],
  ['居民身份证', '身份证'],
  ['户籍', '户口'],
  ['居民户口簿', '户口本', '户口簿'],
  ['生育登记', '准生证', '生育服务证', '生育服务'],
  ['个体工商户', '开店', '个体户', '开个店'],
  ['营业执照', '开店'],
  ['设立登记', '营业执照', '开公司', '注册公司'],
  ['最低生活保障', '低保'],
  ['特困人员', '五保户', '五保'],
  ['养老保险待遇', '退休', '退休金', '养老金'],
  ['老年人优待证', '老年证', '老人证'],
  ['残疾人证', '残疾证'],
  ['入学', '上学', '读书', '上小学', '读小学', '上初中', '上幼儿园', '报名'],
  ['义务教育', '小学', '初中'],
  ['犬类', '养狗', '狗证', '养犬'],
  ['密码重置', '密码忘', '忘记密码'],
  ['申领', '领钱', '领取'],
  ['结婚登记', '结婚证'],
  ['离婚登记', '离婚', '离婚证'],
  ['不动产权证书', '房产证', '房本', '不动产登记', '房屋产权证'],
  ['纳税', '交税', '缴税', '报税'],
  ['开具发票', '开发票', '代开发票', '发票'],
  ['失业保险金', '失业金', '失业补助'],
  ['出生医学证明', '出生证'],
  ['无犯罪记录证明', '无犯罪证明', '良民证'],
  ['补领', '补办', '补发', '补证', '丢', '遗失', '丢失'],
  ['换领', '换证', '到期换证'],
  ['网络预约出租汽车', '网约车', '滴滴', '跑滴滴'],
  ['巡游出租汽车', '出租车'],
  ['互联网上网服务营业场所', '网吧'],
  ['烟草专卖零售许可证', '卖烟', '烟草证', '烟草许可证'],
  ['食品经营许可', '开饭店', '开餐馆', '餐饮许可'],
  ['公共场所卫生许可', '卫生许可证'],
  ['道路运输证', '营运证'],
  ['临时救助', '困难救助'],
  ['退役军人', '退伍军人', '复员军人', '转业军人'],
  ['工伤认定', '工伤'],
  ['生育津贴', '生育保险待遇', '产假工资'],
  ['异地就医', '外地看病', '异地看病'],
  ['异地', '外地', '外省'],
  ['户口迁移', '迁户口', '户口迁入', '落户'],
  ['社会组织', '民办非企业', '社会团体'],
  ['建设工程规划许可证', '建房许可', '规划许可'],
  ['农村宅基地', '宅基地'],
  // Everyday words for official ones (callers' wording, not item names).
  ['务工', '打工'],
  ['子女', '娃儿', '孩子', '小孩', '娃娃', '儿女'],
  ['儿童', '娃儿', '孩子', '小孩'],
  ['转移接续', '转过来', '转回来', '转到'],
  ['转移', '转过来', '转走', '转出去'],
  ['遗属待遇', '丧葬费', '抚恤金', '丧葬补助金'],
  ['劳动人事争议仲裁', '劳动仲裁', '辞退', '拖欠工资', '欠薪', '不给工资', '工资不给', '不给补偿', '欠工资'],
  ['停止供水', '停水'],
  ['食品', '吃的', '食物'],
  ['食品小经营店', '小超市', '小卖部', '便利店'],
  ['食品小作坊', '小作坊'],
  ['更正', '写错', '错了'],
  ['变更', '更改', '修改', '要改', '改名'],
  ['户口登记', '上户口', '报户口'],
  ['津贴', '补贴', '补助'],
  ['高龄津贴', '高龄补贴'],
  ['维修资金', '维修基金'],
  ['预防接种', '打疫苗', '打预防针'],
  ['解挂', '找到了'],
  ['年度审验', '年审', '年检'],
  ['采砂', '挖沙', '挖沙子', '采沙'],
  ['纠纷', '吵架', '吵起来', '闹矛盾'],
  ['招聘', '招人', '招工'],
  ['摊点', '摆摊', '地摊'],
  ['生育', '生孩子', '生娃', '怀孕', '二胎', '三胎'],
  ['就医', '看病'],
  ['医疗机构', '医院', '诊所'],
  ['学前教育', '幼儿园'],
  ['资助', '助学金'],
  ['高校毕业生', '大学生', '应届毕业生', '毕业生'],
  ['求职', '找工作'],
  ['失业', '没工作', '下岗', '没得工作'],
  ['个体工商户', '做生意', '做买卖'],
  ['注销', '关门', '不干了', '不做了'],
  ['住房', '房子'],
  ['房屋', '房子'],
  ['租赁', '租房'],
  ['公共租赁住房', '公租房', '廉租房'],
  ['征收', '拆迁'],
  ['建设', '建房', '盖房', '修房子'],
  ['机动车', '汽车', '小车', '私家车'],
  ['货物运输', '货车', '拉货', '跑运输'],
  ['客运', '客车', '大巴'],
  ['驾驶员培训', '驾校', '学车'],
  ['畜禽养殖', '养猪', '养鸡', '养殖场'],
  ['林木采伐', '砍树', '伐树'],
  ['野外用火', '烧纸', '烧火', '烧荒'],
  ['烟花爆竹', '鞭炮', '放炮', '烟花'],
  ['法律援助', '请不起律师', '打官司'],
  ['消费纠纷', '被骗', '假货', '退货', '退款', '消费投诉'],
  ['投诉', '乱收费', '举报'],
  ['户外广告', '广告牌'],
  ['供电', '通电', '接电', '用电'],
  ['供水', '自来水', '接水'],
  ['供气', '天然气', '通气', '接气'],
  ['死亡', '去世', '过世', '走了'],
  ['贷款', '借钱', '借款'],
  ['开具', '出具', '开证明'],
  ['查询', '查一下', '查查', '查看'],
  ['参保', '买社保', '交社保', '缴社保', '上社保'],
  ['缴费', '交钱', '交费'],
  ['补缴', '断缴', '补交'],
  ['收养', '领养', '抱养'],
  ['残疾', '残废'],
  ['墓地', '坟地', '公墓'],
  ['挖掘', '挖路', '开挖'],
  ['预防性体检合格证', '健康证'],
  ['公共场所卫生许可', '理发店', '美容院', '游泳池'],
  ['旅馆业', '宾馆', '酒店', '民宿', '开旅馆'],
  ['娱乐场所', 'ktv', '歌厅', '酒吧', '夜总会'],
  ['校外培训机构', '培训班', '补习班', '辅导班'],
  ['电影放映', '电影院'],
  ['取水', '打井', '抽水'],
  ['污水', '排污', '下水道'],
  ['环境影响', '环评'],
  ['商品房预售许可', '预售证'],
  ['不动产', '土地证'],
  ['采矿', '挖矿', '开矿'],
  ['雷电防护', '防雷'],
];

export interface SynonymMatch {
  /** The term as found in the query (normalised). */
  term: string;
  /** Offset (in characters of the normalised query text) and length. */
  start: number;
  end: number;
  /** Equivalent terms that do not already contain the matched one. */
  alternatives: string[];
}

export interface SynonymDictionary {
  /** Term occurrences in a normalised query text, each with its equivalents. */
  match(text: string): SynonymMatch[];
  /** Number of groups (seed + centre's). */
  readonly size: number;
  /** Whether a bigram occurs in some term. */
  knows(bigram: string): boolean;
  /** Bigrams of terms that sound like `bigram` and differ from it in one character (户藉 → 户籍). */
  homophones(bigram: string): string[];
}

/** Groups as stored in `kb_synonyms.terms` (a JSON array of strings); malformed rows are skipped. */
export function parseSynonymGroup(json: string): string[] | null {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return null;
    const terms = value.filter((t): t is string => typeof t === 'string');
    return terms.length >= 2 ? terms : null;
  } catch {
    return null;
  }
}

export function createSynonymDictionary(groups: readonly (readonly string[])[]): SynonymDictionary {
  /** term → every equivalent term (over all groups holding it). */
  const equivalents = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.map((t) => normalizeText(t).replace(/ /g, '')).filter(Boolean))];
    if (terms.length < 2) continue;
    for (const term of terms) {
      const set = equivalents.get(term) ?? new Set<string>();
      equivalents.set(term, set);
      for (const other of terms) if (other !== term) set.add(other);
    }
  }
  const byKey = new Map<number, Set<string>>();
  const known = new Set<string>();
  for (const term of equivalents.keys()) {
    for (const unit of textUnits(term)) {
      known.add(unit);
      const key = isHanBigram(unit) ? bigramKey(unit) : 0;
      if (!key) continue;
      const set = byKey.get(key) ?? new Set<string>();
      byKey.set(key, set);
      set.add(unit);
    }
  }
  // Longest first, so a query holding 住房公积金 reports that before 公积金.
  const terms = [...equivalents.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return {
    size: groups.length,
    knows: (bigram) => known.has(bigram),
    homophones(bigram) {
      const [a, b] = [...bigram];
      const out = new Set<string>();
      for (const key of queryBigramKeys(bigram)) {
        for (const unit of byKey.get(key) ?? []) {
          const [x, y] = [...unit];
          if (unit !== bigram && (x === a || y === b)) out.add(unit);
        }
      }
      return [...out].sort();
    },
    match(text) {
      const found: SynonymMatch[] = [];
      for (const term of terms) {
        let from = 0;
        for (;;) {
          const at = text.indexOf(term, from);
          if (at < 0) break;
          from = at + 1;
          const end = at + term.length;
          // A term inside a longer match is part of that compound, not a word of its own: 公积金 and
          // 住房 in 住房公积金, 社保 in 社保卡 (社会保障卡, not 社会保险卡).
          if (found.some((m) => m.start <= at && m.end >= end)) continue;
          const alternatives = [...(equivalents.get(term) ?? [])].filter((alt) => !alt.includes(term)).sort();
          found.push({ term, start: at, end, alternatives });
        }
      }
      return found.sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}
