// A realistic knowledge base of N articles for bench/kb-search.bench.mjs: the 1,135 real service items
// (packages/core/data/service-items/) × 50 districts as service guides with templated bodies, plus
// templated FAQ question-and-answer articles. Deterministic (seeded), no randomness between runs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const here = dirname(fileURLToPath(import.meta.url));
export const SERVICE_ITEMS_CSV = join(
  here,
  '../../packages/core/data/service-items/sichuan_guangan_district_service_items.csv',
);

export const DISTRICTS = [
  '广安区',
  '前锋区',
  '岳池县',
  '武胜县',
  '邻水县',
  '华蓥市',
  '顺庆区',
  '高坪区',
  '嘉陵区',
  '南部县',
  '营山县',
  '蓬安县',
  '仪陇县',
  '西充县',
  '阆中市',
  '通川区',
  '达川区',
  '宣汉县',
  '开江县',
  '大竹县',
  '渠县',
  '万源市',
  '巴州区',
  '恩阳区',
  '通江县',
  '南江县',
  '平昌县',
  '翠屏区',
  '南溪区',
  '叙州区',
  '江安县',
  '长宁县',
  '高县',
  '珙县',
  '筠连县',
  '兴文县',
  '屏山县',
  '市中区',
  '东兴区',
  '威远县',
  '资中县',
  '隆昌市',
  '自流井区',
  '贡井区',
  '大安区',
  '沿滩区',
  '荣县',
  '富顺县',
  '船山区',
  '安居区',
];

const CONDITIONS = [
  '申请人为本辖区常住居民或在本辖区依法登记的企业、个体工商户和其他组织',
  '申请材料齐全、符合法定形式',
  '申请人具有完全民事行为能力，委托他人办理的须出具授权委托书',
  '符合国家和省规定的相关条件，无不良信用记录',
  '已按规定参加社会保险并连续缴费满6个月',
  '经营场所符合安全、消防和环保要求',
  '未处于行政处罚执行期间',
];
const MATERIALS = [
  '申请人有效居民身份证原件及复印件',
  '申请表（窗口领取或在天府通办网上下载）',
  '营业执照副本复印件',
  '授权委托书及受托人身份证明',
  '户口簿或居住证',
  '不动产权证书或房屋租赁合同',
  '近期二寸免冠彩色照片两张',
  '相关资格证书或证明材料',
  '银行账户信息',
];
const BASIS = [
  '《中华人民共和国行政许可法》',
  '《四川省政务服务条例》',
  '《社会保险法》第十六条',
  '《优化营商环境条例》',
  '《中华人民共和国道路运输条例》',
  '《食品安全法》第三十五条',
  '《户口登记条例》',
];
const DAYS = [
  '即办',
  '1个工作日',
  '3个工作日',
  '5个工作日',
  '7个工作日',
  '10个工作日',
  '15个工作日',
  '20个工作日',
];
const FAQ_TEMPLATES = [
  (i) => [
    `${i}需要准备哪些材料？`,
    (f) => `办理${i}需要准备：${f.materials}。材料不全的，窗口一次性告知需补正的内容。`,
  ],
  (i) => [
    `${i}多长时间能办好？`,
    (f) =>
      `${i}的承诺办结时限为${f.promisedDays}，法定时限为${f.legalDays}。材料齐全的当场受理，办结后短信通知申请人。`,
  ],
  (i) => [
    `在哪里可以办理${i}？`,
    (f) =>
      `可到${f.location}办理，办理时间为${f.hours}；也可通过天府通办网上提交申请，全程网办的无需到现场。`,
  ],
  (i) => [`${i}收费吗？`, (f) => `${i}${f.fee}。如有工作人员索要额外费用，可拨打12345热线或${f.phone}反映。`],
  (i) => [
    `${i}的办理条件是什么？`,
    (f) => `${f.conditions}。不符合条件的，窗口将出具不予受理告知书并说明理由。`,
  ],
  (i) => [
    `${i}可以委托别人代办吗？`,
    () =>
      `可以。委托他人代办${i}的，受托人须携带授权委托书、委托人和受托人的有效身份证件原件，到窗口提交申请。`,
  ],
];

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pickSome = (random, list, min, max) => {
  const n = min + Math.floor(random() * (max - min + 1));
  const copy = [...list];
  const out = [];
  for (let i = 0; i < n && copy.length; i++) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return out;
};

export function readServiceItems() {
  return parse(readFileSync(SERVICE_ITEMS_CSV, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
}

/** Units: one per district, one per department under each district. */
export function benchUnits(items) {
  const departments = [...new Set(items.map((i) => i.department))];
  const units = [];
  DISTRICTS.forEach((district, d) => {
    const id = `d${d}`;
    units.push({ id, parent_id: null, name: `${district}人民政府`, path: `/${id}/` });
    departments.forEach((dept, k) => {
      units.push({
        id: `${id}-u${k}`,
        parent_id: id,
        name: `${district}${dept.replace(/^(区|广安区)/, '')}`,
        path: `/${id}/${id}-u${k}/`,
      });
    });
  });
  return { units, departmentIndex: new Map(departments.map((d, k) => [d, k])) };
}

function guideFields(random, item, district, dept) {
  const street = ['建设路', '人民路', '滨江路', '兴安大道', '金安大道'][Math.floor(random() * 5)];
  return {
    summary: `${item.item_name}是${district}${dept}依申请办理的政务服务事项，申请人可通过线上或窗口提交申请。`,
    conditions: pickSome(random, CONDITIONS, 1, 3).join('；'),
    materials: pickSome(random, MATERIALS, 2, 5).join('；'),
    promisedDays: DAYS[Math.floor(random() * DAYS.length)],
    legalDays: DAYS[Math.min(DAYS.length - 1, 2 + Math.floor(random() * 6))],
    location: `${district}政务服务中心${1 + Math.floor(random() * 40)}号窗口（${street}${1 + Math.floor(random() * 300)}号）`,
    hours: '工作日上午9:00-12:00，下午13:30-17:00（法定节假日除外）',
    phone: `0826-${String(2_000_000 + Math.floor(random() * 7_999_999))}`,
    fee: random() < 0.85 ? '不收费' : '按国家规定标准收费',
    basis: pickSome(random, BASIS, 1, 2).join('、'),
    onlineUrl: item.link,
  };
}

/**
 * The articles, as kb_articles rows (one revision). Guides first (item × district), then FAQs until n.
 * Every row is `published`, valid, owned by the district's department.
 */
export function* benchArticles(n, items, departmentIndex, now = '2026-11-28T00:00:00.000Z') {
  const random = rng(12345);
  let count = 0;
  const guides = [];
  outer: for (let d = 0; d < DISTRICTS.length; d++) {
    for (const item of items) {
      if (count >= n) break outer;
      const district = DISTRICTS[d];
      const k = departmentIndex.get(item.department);
      const dept = item.department.replace(/^(区|广安区)/, '');
      const fields = guideFields(random, item, district, dept);
      guides.push({ item, d, k, fields });
      count++;
      yield row({
        id: `g-${d}-${item.item_code}`,
        kind: 'guide',
        title: item.item_name,
        item_code: `${item.item_code}-${d}`,
        owner_unit_id: `d${d}-u${k}`,
        owner_unit_name: `${district}${dept}`,
        keywords: item.main_item === '未分类' ? '' : item.main_item,
        fields,
        now,
      });
    }
  }
  for (let i = 0; count < n; i++, count++) {
    const g = guides[(i * 7919) % guides.length];
    const [question, answer] = FAQ_TEMPLATES[i % FAQ_TEMPLATES.length](g.item.item_name);
    yield row({
      id: `f-${i}`,
      kind: 'faq',
      title: question,
      item_code: null,
      owner_unit_id: `d${g.d}-u${g.k}`,
      owner_unit_name: `${DISTRICTS[g.d]}${g.item.department.replace(/^(区|广安区)/, '')}`,
      keywords: '',
      fields: { question, answer: answer(g.fields), basis: g.fields.basis },
      now,
    });
  }
}

function row({ id, kind, title, item_code, owner_unit_id, owner_unit_name, keywords, fields, now }) {
  return {
    id,
    kind,
    status: 'published',
    title,
    item_code,
    owner_unit_id,
    owner_unit_name,
    keywords,
    fields: JSON.stringify(fields),
    published_version: 1,
    latest_version: 1,
    valid_from: null,
    valid_to: null,
    next_review_on: null,
    search_revision: 1,
    created_by: 'bench',
    created_at: now,
    updated_at: now,
  };
}

export const ARTICLE_COLUMNS = [
  'id',
  'kind',
  'status',
  'title',
  'item_code',
  'owner_unit_id',
  'owner_unit_name',
  'keywords',
  'fields',
  'published_version',
  'latest_version',
  'valid_from',
  'valid_to',
  'next_review_on',
  'search_revision',
  'created_by',
  'created_at',
  'updated_at',
];

/** Bulk insert into a migrated SQLite file (better-sqlite3, one transaction). */
export function insertSqlite(SQLite, file, units, articles) {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  const now = '2026-11-28T00:00:00.000Z';
  const unit = db.prepare(
    'insert into units (id, parent_id, name, kind, path, duty_phone, sort_order, active, created_at) values (?, ?, ?, ?, ?, null, 0, 1, ?)',
  );
  const article = db.prepare(
    `insert into kb_articles (${ARTICLE_COLUMNS.join(', ')}) values (${ARTICLE_COLUMNS.map(() => '?').join(', ')})`,
  );
  let count = 0;
  let bytes = 0;
  db.transaction(() => {
    for (const u of units)
      unit.run(u.id, u.parent_id, u.name, u.parent_id ? 'department' : 'district', u.path, now);
    for (const a of articles) {
      article.run(...ARTICLE_COLUMNS.map((c) => a[c]));
      count++;
      bytes += a.fields.length + a.title.length;
    }
    db.prepare('update kb_index_state set revision = 1 where id = 1').run();
  })();
  db.close();
  return { count, chars: bytes };
}

/** Bulk insert into a migrated PostgreSQL database (multi-row INSERTs of 1,000 rows). */
export async function insertPg(client, units, articles) {
  const now = '2026-11-28T00:00:00.000Z';
  await client.query('begin');
  for (let i = 0; i < units.length; i += 1000) {
    const chunk = units.slice(i, i + 1000);
    const values = [];
    const params = [];
    chunk.forEach((u, j) => {
      values.push(
        `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5}, null, 0, 1, '${now}')`,
      );
      params.push(u.id, u.parent_id, u.name, u.parent_id ? 'department' : 'district', u.path);
    });
    await client.query(
      `insert into units (id, parent_id, name, kind, path, duty_phone, sort_order, active, created_at) values ${values.join(', ')}`,
      params,
    );
  }
  let count = 0;
  let batch = [];
  const flush = async () => {
    if (!batch.length) return;
    const cols = ARTICLE_COLUMNS.length;
    const values = batch.map(
      (_, j) => `(${ARTICLE_COLUMNS.map((__, c) => `$${j * cols + c + 1}`).join(', ')})`,
    );
    await client.query(
      `insert into kb_articles (${ARTICLE_COLUMNS.join(', ')}) values ${values.join(', ')}`,
      batch.flatMap((a) => ARTICLE_COLUMNS.map((c) => a[c])),
    );
    batch = [];
  };
  for (const a of articles) {
    batch.push(a);
    count++;
    if (batch.length === 1000) await flush();
  }
  await flush();
  await client.query('update kb_index_state set revision = 1 where id = 1');
  await client.query('commit');
  await client.query('analyze kb_articles');
  return { count };
}
