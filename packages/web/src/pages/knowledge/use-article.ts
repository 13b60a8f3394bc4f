import { useCallback } from 'react';
import { type ArticleDetail, getArticle, listVersions, type VersionSummary } from '../../api/knowledge';
import { useResource } from '../../lib/use-resource';

export interface ArticleState {
  article: ArticleDetail | null;
  versions: VersionSummary[];
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  /** Takes the detail an action returned and refreshes the version list. */
  replace: (article: ArticleDetail) => void;
}

interface ArticleWithHistory {
  article: ArticleDetail;
  versions: VersionSummary[];
}

const fetchArticle = async (id: string): Promise<ArticleWithHistory> => {
  const [article, history] = await Promise.all([getArticle(id), listVersions(id)]);
  return { article, versions: history.items };
};

/** One article and its version history (GET /api/kb/articles/:id and …/versions). */
export function useArticle(id: string): ArticleState {
  const { data, loading, error, reload, update } = useResource(id, fetchArticle);
  const replace = useCallback(
    (article: ArticleDetail) => {
      update((held) => ({ article, versions: held?.versions ?? [] }));
      listVersions(article.id)
        .then((history) => update((held) => (held ? { ...held, versions: history.items } : held)))
        .catch(() => {
          // The detail is current; the history catches up on the next reload.
        });
    },
    [update],
  );
  return { article: data?.article ?? null, versions: data?.versions ?? [], loading, error, reload, replace };
}
