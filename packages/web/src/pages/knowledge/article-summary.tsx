import { Descriptions, type DescriptionsProps, Tag } from 'antd';
import type { ArticleDetail } from '../../api/knowledge';
import { EMPTY, formatTime, orEmpty } from '../../lib/format';
import { ReviewDate, StaleReasons } from './article-columns';

/** The article's own properties: kind, code, owner, keywords, validity, review date, versions. */
export function ArticleSummaryBlock({ article }: { article: ArticleDetail }) {
  const keywords = article.keywords.split(/[\s,，、]+/).filter(Boolean);
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: '类型', children: article.kindLabel || article.kind },
    { key: 'itemCode', label: '事项编码', children: orEmpty(article.itemCode) },
    {
      key: 'owner',
      label: '主管单位',
      children: <span data-testid="kb-owner">{orEmpty(article.ownerUnitName)}</span>,
    },
    {
      key: 'versions',
      label: '版本',
      children: (
        <span data-testid="kb-version-info">
          {article.publishedVersion === null ? '未发布' : `已发布 v${article.publishedVersion}`}
          {article.latestVersion !== article.publishedVersion ? ` · 最新 v${article.latestVersion}` : ''}
        </span>
      ),
    },
    { key: 'validFrom', label: '生效日期', children: orEmpty(article.validFrom) },
    { key: 'validTo', label: '失效日期', children: article.validTo ?? '长期有效' },
    { key: 'nextReviewOn', label: '下次复审', children: <ReviewDate date={article.nextReviewOn} /> },
    { key: 'updatedAt', label: '更新时间', children: formatTime(article.updatedAt) },
    {
      key: 'keywords',
      label: '关键词',
      span: 'filled',
      children: keywords.length ? (
        <span data-testid="kb-keywords">
          {keywords.map((word) => (
            <Tag key={word}>{word}</Tag>
          ))}
        </span>
      ) : (
        EMPTY
      ),
    },
    { key: 'stale', label: '待复审原因', span: 'filled', children: <StaleReasons reasons={article.stale} /> },
  ];
  if (article.expiredAt) {
    items.push({
      key: 'expired',
      label: '失效',
      span: 'filled',
      children: (
        <span data-testid="kb-expired">
          {formatTime(article.expiredAt)}
          {article.expiredReason ? ` · ${article.expiredReason}` : ''}
        </span>
      ),
    });
  }
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={items}
      data-testid="kb-summary"
    />
  );
}
