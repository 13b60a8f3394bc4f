import { isInReview } from '@huawu/domain';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { PageError } from '../../components/page-error';
import { PageLoading } from '../../components/page-loading';
import { useUnits } from '../../lib/use-units';
import { authorText } from './author-text';
import { ArticleActions } from './article-actions';
import { ArticleFields } from './article-fields';
import { ArticleSummaryBlock } from './article-summary';
import { KbStatusTag } from './kb-status-tag';
import { specsOf } from './kb-specs';
import { useArticle } from './use-article';
import { VersionHistory } from './version-history';
import { VersionModal } from './version-modal';

const canGoBack = () => ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;

/** One article: its published content, properties, pending proposal, actions and version history. */
export function ArticleDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { article, versions, loading, error, reload, replace } = useArticle(id);
  const units = useUnits();
  const [open, setOpen] = useState<number | null>(null);

  if (!article) {
    if (error) return <PageError error={error} title="知识加载失败" onRetry={() => void reload()} />;
    return <PageLoading />;
  }
  const specs = specsOf(article.kind, article.fieldSpecs);
  const unitName = (unitId: string | null) => units.nameOf(unitId) ?? unitId ?? '';
  const pending = article.pendingVersion;

  return (
    <Spin spinning={loading}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} closable /> : null}
        <Card>
          <Flex justify="space-between" align="flex-start" wrap gap="middle">
            <Space wrap>
              <Button
                type="text"
                icon={<ArrowLeftOutlined />}
                onClick={() => (canGoBack() ? navigate(-1) : navigate('/knowledge'))}
                aria-label="返回"
              />
              <Tag color={article.kind === 'guide' ? 'blue' : 'cyan'}>
                {article.kindLabel || article.kind}
              </Tag>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="kb-title">
                {article.title}
              </Typography.Title>
              <KbStatusTag status={article.status} label={article.statusLabel} testId="kb-status" />
            </Space>
            <Space wrap>
              <ArticleActions article={article} onDone={replace} onStale={() => void reload()} />
              <Button icon={<ReloadOutlined />} onClick={() => void reload()} data-testid="kb-reload">
                刷新
              </Button>
            </Space>
          </Flex>
        </Card>
        {pending && (
          <Alert
            type="info"
            showIcon
            data-testid="kb-pending"
            data-version={pending.version}
            data-status={pending.status}
            title={
              <Space wrap>
                <span>
                  修改提议 v{pending.version}
                  {isInReview(pending.status) ? '（待审核）' : '（草稿，尚未提交审核）'}：
                  {authorText(pending)}
                </span>
                {pending.changeNote && (
                  <Typography.Text type="secondary">{pending.changeNote}</Typography.Text>
                )}
              </Space>
            }
            action={
              <Button size="small" onClick={() => setOpen(pending.version)} data-testid="kb-pending-open">
                查看改动
              </Button>
            }
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card title="基本信息">
                <ArticleSummaryBlock article={article} />
              </Card>
              <Card
                title={
                  article.publishedVersion === null
                    ? '内容（草稿）'
                    : `内容（已发布 v${article.publishedVersion}）`
                }
              >
                <ArticleFields specs={specs} fields={article.fields} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Card title="版本历史">
              <VersionHistory
                versions={versions}
                publishedVersion={article.publishedVersion}
                onOpen={setOpen}
              />
            </Card>
          </Col>
        </Row>
      </Space>
      {open !== null && (
        <VersionModal
          key={open}
          articleId={article.id}
          version={open}
          publishedVersion={article.publishedVersion}
          specs={specs}
          unitName={unitName}
          onClose={() => setOpen(null)}
        />
      )}
    </Spin>
  );
}
