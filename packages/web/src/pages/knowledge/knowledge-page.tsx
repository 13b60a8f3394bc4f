import { Space } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../not-found-page';
import { ArticleDetailPage } from './article-detail-page';
import { ArticleEditorPage } from './article-editor-page';
import { ArticleListPage } from './article-list-page';
import { GapsPage } from './gaps-page';
import { ImportPage } from './import-page';
import { KnowledgeNav } from './knowledge-nav';
import { ReviewQueuePage } from './review-queue-page';
import { StalePage } from './stale-page';
import { SynonymsPage } from './synonyms-page';

/** 知识库: search and list, articles with their versions, the editor, review, stale list, gaps, import. */
export function KnowledgePage() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <KnowledgeNav />
      <Routes>
        <Route index element={<ArticleListPage />} />
        <Route path="new" element={<ArticleEditorPage />} />
        <Route path="review" element={<ReviewQueuePage />} />
        <Route path="stale" element={<StalePage />} />
        <Route path="gaps" element={<GapsPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="synonyms" element={<SynonymsPage />} />
        <Route path=":id" element={<ArticleDetailPage />} />
        <Route path=":id/edit" element={<ArticleEditorPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Space>
  );
}
