import { KB_ARTICLE_STATUSES, KB_GAP_STATUSES, KB_LIMITS } from '@huawu/domain';
import { Type } from '@sinclair/typebox';

/** Request schemas of the knowledge-base routes. The domain has the precise rules; these bound shapes. */

/** Text that may be sent as null ("left empty"): one type list, so a violation is reported once. */
const text = (maxLength: number, description?: string) =>
  Type.Unsafe<string | null>({
    type: ['string', 'null'],
    maxLength,
    ...(description ? { description } : {}),
  });
const date = (description: string) => Type.Optional(text(10, `${description}（YYYY-MM-DD）`));
const flag = Type.Optional(Type.String({ enum: ['0', '1', 'true', 'false'] }));
const digits = (n: number) => Type.Optional(Type.String({ pattern: `^[0-9]{1,${n}}$` }));

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const VersionParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  version: Type.String({ pattern: '^[0-9]{1,6}$' }),
});

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100, description: '检索内容' }),
    kind: Type.Optional(Type.String({ enum: ['guide', 'faq'] })),
    unitId: Type.Optional(Type.String({ maxLength: 64 })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,2}$', description: '1–50，默认 10' })),
    includeDrafts: flag,
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({ maxLength: 200, description: `逗号分隔：${KB_ARTICLE_STATUSES.join(', ')}` }),
    ),
    kind: Type.Optional(Type.String({ enum: ['guide', 'faq'] })),
    unitId: Type.Optional(Type.String({ maxLength: 64 })),
    stale: flag,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: digits(6),
    pageSize: digits(3),
  },
  { additionalProperties: false },
);

const Fields = Type.Record(Type.String({ maxLength: 40 }), text(4000), {
  description:
    '字段：办事指南 conditions, materials, promisedDays, legalDays, location, hours, phone, fee, basis, onlineUrl, summary；知识点 question, answer, basis',
});

const content = {
  title: Type.Optional(
    Type.String({ maxLength: KB_LIMITS.title, description: '标题（知识点可省略：以问题为标题）' }),
  ),
  keywords: Type.Optional(text(KB_LIMITS.keywords, '关键词，空格分隔')),
  fields: Fields,
  validFrom: date('生效日期'),
  validTo: date('失效日期'),
  nextReviewOn: date('下次复核日期'),
};

export const CreateBody = Type.Object(
  {
    kind: Type.String({ enum: ['guide', 'faq'] }),
    itemCode: Type.Optional(text(KB_LIMITS.itemCode, '事项编码（办事指南）')),
    ...content,
    ownerUnitId: Type.String({ minLength: 1, maxLength: 64, description: '主管单位' }),
    changeNote: Type.Optional(text(KB_LIMITS.changeNote)),
  },
  { additionalProperties: false },
);

export const ProposeBody = Type.Object(
  {
    ...content,
    ownerUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    changeNote: Type.String({ maxLength: KB_LIMITS.changeNote, description: '修改说明' }),
    baseVersion: Type.Integer({ minimum: 1, description: '修改所依据的版本（须为最新版本）' }),
  },
  { additionalProperties: false },
);

export const CommentBody = (required: boolean) =>
  Type.Object(
    {
      comment: required
        ? Type.String({ maxLength: KB_LIMITS.comment })
        : Type.Optional(text(KB_LIMITS.comment)),
    },
    { additionalProperties: false },
  );

export const ExpireBody = Type.Object(
  { reason: Type.String({ maxLength: KB_LIMITS.comment, description: '失效原因' }) },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object(
  { kind: Type.Optional(Type.String({ enum: ['guide'] })), dryRun: flag },
  { additionalProperties: false },
);

export const ExportQuery = Type.Object(
  {
    kind: Type.Optional(Type.String({ enum: ['guide', 'faq'] })),
    status: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const GapsQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ enum: [...KB_GAP_STATUSES] })),
    page: digits(6),
    pageSize: digits(3),
  },
  { additionalProperties: false },
);

export const GapBody = Type.Object(
  {
    question: Type.String({ maxLength: 500 }),
    query: Type.Optional(text(200)),
    orderId: Type.Optional(text(64)),
    category: Type.Optional(text(100)),
  },
  { additionalProperties: false },
);

export const ResolveGapBody = Type.Object(
  {
    articleId: Type.Optional(text(64)),
    dismiss: Type.Optional(Type.Boolean()),
    note: Type.Optional(text(1000)),
  },
  { additionalProperties: false },
);

export const isOn = (value: string | undefined) => value === '1' || value === 'true';
export const list = (value: string | undefined) =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
