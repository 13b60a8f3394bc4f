import { Alert, Button, Descriptions, Drawer, Space, Spin, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { errorMessage } from '../../api/client';
import { fetchKbArticle, type KbArticle } from '../../api/kb-search';
import { useAsync } from '../../lib/use-async';
import { fieldLabel } from './article-answer';

interface Props {
  articleId: string;
  disabled: boolean;
  onClose: () => void;
  onAnswer: (article: KbArticle) => void;
}

const isUrl = (text: string) => /^https?:\/\//.test(text);

/** One knowledge article (GET /api/kb/articles/:id) beside the form, with 以此答复（直办）. */
export function ArticleDrawer({ articleId, disabled, onClose, onAnswer }: Props) {
  const load = useCallback(() => fetchKbArticle(articleId), [articleId]);
  const { data: article, error, loading } = useAsync(load);
  const publishable = article && article.publishedVersion !== null;

  return (
    <Drawer
      open
      width={560}
      title={article?.title ?? '知识详情'}
      onClose={onClose}
      data-testid="kb-drawer"
      extra={
        <Button
          type="primary"
          disabled={!publishable || disabled}
          onClick={() => article && onAnswer(article)}
          data-testid="kb-answer"
        >
          以此答复（直办）
        </Button>
      }
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error)} />
      ) : loading || !article ? (
        <Spin />
      ) : (
        <Space
          orientation="vertical"
          style={{ width: '100%' }}
          data-testid="kb-article"
          data-article-id={article.id}
        >
          <Space wrap>
            <Tag color="blue">{article.kindLabel}</Tag>
            <Tag data-testid="kb-article-version">
              {article.publishedVersion !== null ? `第 ${article.publishedVersion} 版` : '未发布'}
            </Tag>
            <Typography.Text type="secondary">{article.ownerUnitName}</Typography.Text>
            {article.itemCode && (
              <Typography.Text type="secondary">事项编码 {article.itemCode}</Typography.Text>
            )}
          </Space>
          {article.stale.length > 0 && (
            <Alert type="warning" showIcon title="内容可能已过时" description={article.stale.join('；')} />
          )}
          <Descriptions column={1} size="small" bordered>
            {Object.entries(article.fields)
              .filter(([, value]) => value?.trim())
              .map(([key, value]) => (
                <Descriptions.Item key={key} label={fieldLabel(article, key)}>
                  {isUrl(value) ? (
                    <Typography.Link href={value} target="_blank" rel="noreferrer">
                      {value}
                    </Typography.Link>
                  ) : (
                    <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>
                  )}
                </Descriptions.Item>
              ))}
          </Descriptions>
        </Space>
      )}
    </Drawer>
  );
}
