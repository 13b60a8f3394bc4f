export { createArticle } from './create-article.js';
export { proposeVersion } from './propose-version.js';
export {
  submitVersion,
  approveVersion,
  rejectVersion,
  withdrawVersion,
  expireArticle,
} from './act-on-article.js';
export { getArticle, listArticleVersions, getArticleVersion } from './get-article.js';
export {
  listArticles,
  listStaleArticles,
  listReviewQueue,
  KB_LIST_SEARCH_LIMIT,
  type ArticleListQuery,
} from './list-articles.js';
export { searchKnowledge, type KnowledgeSearchRequest } from './search-knowledge.js';
export { importServiceItems, importServiceItemRecords, type ImportResult } from './import-service-items.js';
export { decodeCsv, readCsv, KB_IMPORT_MAX_BYTES } from './service-items.csv.js';
export { exportArticles } from './export-articles.js';
export { publishArticlesDirectly } from './publish-directly.js';
export { recordGap, listGaps, resolveGap, type GapView } from './manage-gaps.js';
export { knowledgeStats } from './knowledge-stats.js';
export type { ArticleSummary, ArticleDetail, VersionSummary, VersionDetail } from './article.view.js';
export {
  listSynonyms,
  createSynonymGroup,
  updateSynonymGroup,
  deleteSynonymGroup,
  type SynonymGroupView,
  type SynonymChange,
} from './manage-synonyms.js';
